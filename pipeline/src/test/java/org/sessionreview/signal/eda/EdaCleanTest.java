package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdaCleanTest {
    private static double[] sines(double rateHz, double seconds, double keepHz, double removeHz) {
        double[] x = new double[(int) (seconds * rateHz)];
        for (int i = 0; i < x.length; i++) {
            double t = i / rateHz;
            x[i] = 8 + 0.5 * Math.sin(2 * Math.PI * keepHz * t) + 0.2 * Math.sin(2 * Math.PI * removeHz * t);
        }
        return x;
    }

    @Test
    void shouldLeaveTheSignalAloneWhenTheRateIsSixHzOrLowerOrCleaningIsOff() {
        double[] x = sines(4, 60, 0.1, 1.5);
        assertArrayEquals(x, EdaClean.clean(x, 4, EdaCleanMethod.NEUROKIT), 0.0);
        assertArrayEquals(x, EdaClean.clean(x, 6, EdaCleanMethod.NEUROKIT), 0.0);
        assertArrayEquals(x, EdaClean.cleanBounded(x, 4, EdaCleanMethod.NEUROKIT), 0.0);
        double[] fast = sines(100, 10, 0.5, 10);
        assertArrayEquals(fast, EdaClean.clean(fast, 100, EdaCleanMethod.NONE), 0.0);
        assertEquals(0, EdaClean.boundedHalfWidth(4, EdaCleanMethod.NEUROKIT));
    }

    @Test
    void shouldRemoveTenHertzAndKeepHalfAHertzWhenCleaningAt100Hz() {
        double fs = 100;
        double[] x = sines(fs, 60, 0.5, 10);
        double[] y = EdaClean.clean(x, fs, EdaCleanMethod.NEUROKIT);
        double keep = zeroPhaseGain(0.5, fs);
        double leak = zeroPhaseGain(10, fs);
        assertTrue(keep > 0.999 && leak < 1e-4, keep + " " + leak);
        for (int i = 1000; i < 5000; i++) {
            double t = i / fs;
            double expected =
                    8 + keep * 0.5 * Math.sin(2 * Math.PI * 0.5 * t) + leak * 0.2 * Math.sin(2 * Math.PI * 10 * t);
            assertEquals(expected, y[i], 1e-9, "sample " + i);
        }
    }

    /**
     * |H|^2 = 1 / (1 + r^8) of the 4th-order low-pass at 3 Hz, r = tan(pi f / fs) / tan(pi 3 / fs).
     */
    private static double zeroPhaseGain(double f, double fs) {
        double r = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * 3 / fs);
        return 1 / (1 + Math.pow(r, 8));
    }

    @Test
    void shouldEqualBatchCleaningAwayFromTheEndsWhenBounded() {
        double fs = 100;
        double[] x = sines(fs, 60, 0.3, 7);
        int half = EdaClean.boundedHalfWidth(fs, EdaCleanMethod.NEUROKIT);
        assertTrue(half > 2.5 * fs && half < 3.5 * fs, "half-width " + half);
        double[] batch = EdaClean.clean(x, fs, EdaCleanMethod.NEUROKIT);
        double[] bounded = EdaClean.cleanBounded(x, fs, EdaCleanMethod.NEUROKIT);
        for (int i = 2 * half; i < x.length - 2 * half; i++) {
            assertEquals(batch[i], bounded[i], 1e-8, "sample " + i);
        }
    }

    @Test
    void shouldRejectASignalShorterThanTheFilterPaddingWhenBatch() {
        assertThrows(
                IllegalArgumentException.class, () -> EdaClean.clean(new double[15], 100, EdaCleanMethod.NEUROKIT));
        assertEquals(3, EdaClean.cleanBounded(new double[] {1, 2, 3}, 100, EdaCleanMethod.NEUROKIT).length);
    }
}
