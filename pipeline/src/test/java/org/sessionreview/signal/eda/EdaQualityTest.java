package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EdaQualityTest {

    @Test
    void shouldMarkContactLossMissingAndBothEndsOfAJumpWhenCheckingEda() {
        // At 4 Hz, 10 uS/s allows 2.5 uS between samples.
        double[] x = {1.0, 1.1, 0.0, 0.01, 1.2, 1.3, 5.0, 1.4, Double.NaN, 1.5, 3.9};
        boolean[] valid = EdaQuality.validMask(x, 4.0, 0.05, 60, 10.0);
        assertArrayEquals(
                new boolean[] {true, true, false, false, true, false, false, false, false, true, true}, valid);
        assertEquals(5, EdaQuality.count(valid, 0, x.length));
        assertEquals(1, EdaQuality.count(valid, 2, 9), "only index 4 in 2..8");
    }

    @Test
    void shouldMarkValuesAboveTheCeilingWhenCheckingEda() {
        double[] x = {59.8, 60.0, 60.2, 60.0, 59.8};
        assertArrayEquals(new boolean[] {true, true, false, true, true}, EdaQuality.validMask(x, 4.0, 0.05, 60, 10.0));
        assertArrayEquals(new boolean[] {true, true, true, true, true}, EdaQuality.validMask(x, 4.0, 0.05, 61, 10.0));
    }

    @Test
    void shouldKeepFastButPlausibleRisesWhenBelowTheJumpLimit() {
        double[] x = {1.0, 3.4, 5.8, 8.2};
        boolean[] valid = EdaQuality.validMask(x, 4.0, 0.05, 60, 10.0);
        assertArrayEquals(new boolean[] {true, true, true, true}, valid);
    }
}
