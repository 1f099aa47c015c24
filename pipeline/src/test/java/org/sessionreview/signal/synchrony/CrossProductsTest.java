package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossProducts} against the plain per-lag loops of {@link ReferenceCrossProducts}: every
 * sum must be the same double, bit for bit (the fast one only interleaves the lags' additions,
 * each in its own order), on generated stretches of every length and lag count around the group
 * size, including lags up to length - 1, longer arrays than the stretch, constant and signed
 * values at large levels, and the session defaults (120 samples, lags to 12 and to 20).
 */
class CrossProductsTest {

    @Test
    void shouldEqualThePlainLoopsBitForBitOnRandomStretches() {
        RandomGenerator rng = new Well19937c(20261204);
        double[] scales = {1, 1e-3, 1e4, 0.2};
        for (int trial = 0; trial < 4000; trial++) {
            int length = 1 + rng.nextInt(trial < 2000 ? 20 : 200);
            int maxLag = rng.nextInt(length);
            double[] x = random(rng, length + rng.nextInt(4), scales[rng.nextInt(4)]);
            double[] y = random(rng, length + rng.nextInt(4), scales[rng.nextInt(4)]);
            assertSame(x, y, length, maxLag, "trial " + trial);
        }
    }

    @Test
    void shouldEqualThePlainLoopsAtTheSessionDefaults() {
        RandomGenerator rng = new Well19937c(7);
        for (int maxLag : new int[] {12, 20}) {
            for (int trial = 0; trial < 200; trial++) {
                double[] x = smooth(rng, 120);
                double[] y = smooth(rng, 120);
                assertSame(x, y, 120, maxLag, "maxLag " + maxLag + " trial " + trial);
            }
        }
    }

    @Test
    void shouldEqualThePlainLoopsOnConstantAndExtremeValues() {
        for (int length = 1; length <= 13; length++) {
            double[] constant = new double[length];
            Arrays.fill(constant, 0.1);
            double[] ramp = new double[length];
            for (int t = 0; t < length; t++) {
                ramp[t] = (t % 2 == 0 ? 1 : -1) * (1e15 + t * 0.3);
            }
            for (int maxLag = 0; maxLag < length; maxLag++) {
                assertSame(constant, ramp, length, maxLag, "length " + length);
                assertSame(ramp, ramp, length, maxLag, "length " + length);
            }
        }
    }

    @Test
    void shouldSumEveryLagOverItsOwnPairs() {
        // integer samples: every sum is exact, so it can be checked against long arithmetic
        int length = 11;
        int maxLag = 10;
        double[] x = new double[length];
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            x[t] = 1000 * t + 1;
            y[t] = (t % 3 == 0 ? -1 : 1) * (t + 7);
        }
        double[] out = new double[2 * maxLag + 1];
        CrossProducts.lagged(x, y, length, maxLag, out);
        for (int k = -maxLag; k <= maxLag; k++) {
            long expected = 0;
            for (int t = Math.max(0, -k); t < Math.min(length, length - k); t++) {
                expected += (long) x[t] * (long) y[t + k];
            }
            assertEquals(expected, out[k + maxLag], 0, "lag " + k);
        }
    }

    @Test
    void shouldRefuseLagsTheStretchCannotHave() {
        double[] x = new double[5];
        assertThrows(IllegalArgumentException.class, () -> CrossProducts.lagged(x, x, 5, 5, new double[11]));
        assertThrows(IllegalArgumentException.class, () -> CrossProducts.lagged(x, x, 6, 1, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> CrossProducts.lagged(x, x, 5, 2, new double[4]));
    }

    private static void assertSame(double[] x, double[] y, int length, int maxLag, String what) {
        double[] expected = ReferenceCrossProducts.lagged(x, y, length, maxLag);
        double[] fast = new double[2 * maxLag + 1];
        CrossProducts.lagged(x, y, length, maxLag, fast);
        for (int i = 0; i < expected.length; i++) {
            int lag = i - maxLag;
            assertEquals(
                    Double.doubleToRawLongBits(expected[i]),
                    Double.doubleToRawLongBits(fast[i]),
                    () -> what + ", length " + length
                            + ", lag " + lag + ": plain " + expected[lag + maxLag] + ", fast "
                            + fast[lag + maxLag]);
        }
    }

    private static double[] random(RandomGenerator rng, int n, double scale) {
        double[] v = new double[n];
        double level = rng.nextBoolean() ? 0 : 50 * scale;
        for (int t = 0; t < n; t++) {
            v[t] = level + scale * rng.nextGaussian();
        }
        return v;
    }

    /** Smooth noise centred to mean 0, as a {@link Stretch} centres a segment. */
    private static double[] smooth(RandomGenerator rng, int n) {
        double[] v = new double[n];
        double s = 0;
        double mean = 0;
        for (int t = 0; t < n; t++) {
            s = 0.88 * s + rng.nextGaussian();
            v[t] = 2 + 0.2 * s;
            mean += v[t] / n;
        }
        for (int t = 0; t < n; t++) {
            v[t] -= mean;
        }
        return v;
    }
}
