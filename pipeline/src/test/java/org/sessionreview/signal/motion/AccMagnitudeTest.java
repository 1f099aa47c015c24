package org.sessionreview.signal.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccMagnitudeTest {

    @Test
    void shouldGiveOneGAtRestInAnyOrientationAndNaNWhenAnAxisIsMissing() {
        double[] xyz = {0, 0, 64, -64, 0, 0, 0, 38.4, 51.2, 3, Double.NaN, 1};
        double[] m = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
        assertEquals(4, m.length);
        assertArrayEquals(new double[] {1, 1, 1}, new double[] {m[0], m[1], m[2]}, 1e-12);
        assertTrue(Double.isNaN(m[3]));
    }
}
