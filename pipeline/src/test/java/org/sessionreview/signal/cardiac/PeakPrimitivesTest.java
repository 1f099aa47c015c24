package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scipy building blocks behind {@link ElgendiPeaks} and {@link SignalRate}. */
class PeakPrimitivesTest {

    /** Straightforward centred mean with repeated edges, for comparison. */
    private static double[] slowBoxcar(double[] x, int size) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int k = i - size / 2; k < i - size / 2 + size; k++) {
                sum += x[Math.max(0, Math.min(x.length - 1, k))];
            }
            out[i] = sum / size;
        }
        return out;
    }

    @Test
    void shouldMatchScipyUniformFilterWhenTheWindowIsEven() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};
        // scipy.ndimage.uniform_filter1d(x, 4, mode="nearest"), scipy 1.17.1
        double[] scipy = {2.5, 2.75, 2.25, 2.75, 4.75, 4.25, 5.5, 5.5, 4, 4.75, 5.25, 6.25, 7.25, 8.25, 8.5};
        assertArrayEquals(scipy, Boxcar.smooth(x, 4), 1e-12);
    }

    @Test
    void shouldEqualTheDirectMeanWhenWindowsAreOddEvenOrLongerThanTheSignal() {
        Random random = new Random(7);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int size : new int[] {1, 7, 11, 42, 67, 700}) {
            assertArrayEquals(slowBoxcar(x, size), Boxcar.smooth(x, size), 1e-10, "size " + size);
        }
    }

    @Test
    void shouldPickTheMostProminentMaximumWhenTheHighestIsNotProminent() {
        // 6 at index 3 rises only 0.1 above the 5.9 to its right; 5 at index 1 stands 5 high
        double[] x = {0, 5, 0, 6, 5.9};
        assertEquals(1, LocalMaxima.mostProminent(x, 0, x.length));
        assertEquals(-1, LocalMaxima.mostProminent(new double[] {1, 2, 3, 4}, 0, 4), "no interior max");
    }

    @Test
    void shouldTakeTheMiddleOfAFlatTopWhenAMaximumIsAPlateau() {
        double[] x = {0, 1, 3, 3, 3, 3, 1, 0};
        assertEquals(3, LocalMaxima.mostProminent(x, 0, x.length), "(2 + 5) / 2 rounded down");
        assertEquals(-1, LocalMaxima.mostProminent(new double[] {0, 3, 3}, 0, 3), "plateau at the end");
    }

    @Test
    void shouldMatchScipyPchipWhenInterpolatingBetweenKnots() {
        double[] x = {0, 1, 2.5, 4, 5.5, 7.0};
        double[] y = {1.0, 1.2, 1.1, 1.1, 0.8, 1.5};
        MonotoneCubic f = new MonotoneCubic(x, y);
        double[] at = {0.5, 1.7, 3.0, 4.7, 6.2, 6.9};
        // scipy.interpolate.PchipInterpolator(x, y)(at), scipy 1.17.1
        double[] scipy = {
            1.13833333333333, 1.15499259259259, 1.1, 0.964977777777778, 0.975674074074074, 1.42139259259259
        };
        for (int i = 0; i < at.length; i++) {
            assertEquals(scipy[i], f.value(at[i]), 1e-12, "at " + at[i]);
        }
        assertEquals(1.0, f.value(-3), 0, "held constant before the first knot");
        assertEquals(1.5, f.value(9), 0, "held constant after the last knot");
    }

    @Test
    void shouldGiveAConstantRateWhenPeaksAreEvenlySpaced() {
        int[] peaks = {50, 130, 210, 290, 370, 450};
        double[] rate = SignalRate.rate(peaks, 100, 500);
        for (double r : rate) {
            assertEquals(75.0, r, 1e-9); // 0.8 s periods
        }
        assertEquals(Double.NaN, SignalRate.rate(new int[] {1, 90, 180}, 100, 200)[0], "<= 3 peaks");
    }

    /** Boxcar.smooth before issue 10: every index clamped. */
    private static double[] clampedBoxcar(double[] x, int size) {
        int n = x.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int before = size / 2;
        double tmp = 0;
        for (int k = 0; k < size; k++) {
            tmp += x[Math.max(0, Math.min(n - 1, k - before))];
        }
        tmp /= size;
        out[0] = tmp;
        for (int i = 1; i < n; i++) {
            tmp += (x[Math.max(0, Math.min(n - 1, i + size - 1 - before))]
                            - x[Math.max(0, Math.min(n - 1, i - 1 - before))])
                    / size;
            out[i] = tmp;
        }
        return out;
    }

    @Test
    void shouldGiveTheClampedLoopsBitsWithUnclampedInterior() {
        Random random = new Random(12);
        for (int trial = 0; trial < 300; trial++) {
            double[] x = new double[random.nextInt(300)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * Math.exp(5 * random.nextGaussian());
            }
            int size = 1 + random.nextInt(trial % 3 == 0 ? 400 : 60);
            assertArrayEquals(clampedBoxcar(x, size), Boxcar.smooth(x, size), 0.0, "n " + x.length + " size " + size);
        }
    }
}
