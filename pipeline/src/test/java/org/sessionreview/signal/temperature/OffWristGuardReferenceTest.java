package org.sessionreview.signal.temperature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast {@link OffWristGuard#mask} against the rule as written: a direct scan back over the
 * fall window for every sample (the code before issue 10's optimisation, kept here as the
 * reference). Masks must be identical.
 */
class OffWristGuardReferenceTest {
    @Test
    void shouldMaskExactlyWhatTheDirectScanMasks() {
        Random rng = new Random(42);
        int masked = 0;
        for (int trial = 0; trial < 300; trial++) {
            double rate = trial % 3 == 0 ? 1 : 4;
            OffWristGuard guard = trial % 2 == 0
                    ? OffWristGuard.defaults()
                    : new OffWristGuard(
                            26 + rng.nextDouble(),
                            38 + rng.nextDouble(),
                            0.2 + rng.nextDouble() * 2,
                            0.3 + rng.nextDouble(),
                            10 + rng.nextInt(200));
            double[] t = series(rng, 50 + rng.nextInt(3000));
            boolean[] fast = guard.mask(t, rate);
            assertArrayEquals(reference(guard, t, rate), fast, "trial " + trial);
            for (boolean b : fast) {
                masked += b ? 1 : 0;
            }
        }
        assertTrue(masked > 1000, "the series exercise the fall rule: " + masked + " masked samples");
    }

    /**
     * Window contexts (90 s at 4 Hz, as {@code WindowComputer} masks them) slid along worn series
     * with rare falls of about {@code minFallC}: most contexts hold no qualifying drop (the
     * range-rule-only path), some a drop just at or just below the threshold.
     */
    @Test
    void shouldMaskWindowContextsExactlyWhatTheDirectScanMasks() {
        Random rng = new Random(7);
        OffWristGuard guard = OffWristGuard.defaults();
        int withFall = 0;
        int without = 0;
        for (int trial = 0; trial < 40; trial++) {
            double[] t = new double[4000];
            double level = 32 + rng.nextDouble() * 3;
            for (int i = 0; i < t.length; i++) {
                level += rng.nextDouble() < 0.002 ? -(0.9 + rng.nextInt(3) * 0.05) : (rng.nextDouble() - 0.5) * 0.02;
                t[i] = rng.nextDouble() < 0.02
                        ? Double.NaN
                        : Math.round((level + rng.nextGaussian() * 0.02) * 50) / 50.0;
                if (rng.nextDouble() < 0.001) {
                    t[i] = rng.nextBoolean() ? 24.9 : 40.1;
                }
            }
            for (int from = 0; from + 360 <= t.length; from += 20) {
                double[] context = java.util.Arrays.copyOfRange(t, from, from + 360);
                boolean[] expected = reference(guard, context, 4);
                assertArrayEquals(expected, guard.mask(context, 4), "trial " + trial + ", from " + from);
                boolean fall = false;
                for (int i = 0; i < context.length; i++) {
                    fall |= expected[i] && guard.inRange(context[i]);
                }
                withFall += fall ? 1 : 0;
                without += fall ? 0 : 1;
            }
        }
        assertTrue(withFall > 100 && without > 1000, withFall + " contexts with a fall, " + without + " without");
    }

    @Test
    void shouldHandleShortAndEmptySeries() {
        OffWristGuard g = OffWristGuard.defaults();
        for (double[] t : new double[][] {{}, {33}, {33, 20}, {Double.NaN, 33, 31.5}, {36, 34.9, 34.8}}) {
            assertArrayEquals(reference(g, t, 4), g.mask(t, 4));
        }
    }

    /** Worn stretches with noise, slow drifts, sudden falls, NaN gaps and out-of-range readings. */
    private static double[] series(Random rng, int n) {
        double[] t = new double[n];
        double level = 30 + rng.nextDouble() * 6;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            if (u < 0.004) {
                level -= 0.5 + rng.nextDouble() * 6; // band taken off or contact shift
            } else if (u < 0.008) {
                level += 0.5 + rng.nextDouble() * 5;
            } else {
                level += (rng.nextDouble() - 0.5) * 0.08;
            }
            t[i] = rng.nextDouble() < 0.01 ? Double.NaN : Math.round((level + rng.nextGaussian() * 0.03) * 50) / 50.0;
            if (rng.nextDouble() < 0.002) {
                t[i] = rng.nextBoolean() ? 15 : 45;
            }
        }
        return t;
    }

    private static boolean[] reference(OffWristGuard g, double[] tempC, double rateHz) {
        int n = tempC.length;
        boolean[] masked = new boolean[n];
        int lookBack = (int) Math.floor(fallWindow(g) * rateHz + 1e-9);
        double perSampleC = field(g, "maxFallCPerMin") / (60 * rateHz);
        double minFallC = field(g, "minFallC");
        for (int i = 0; i < n; i++) {
            double v = tempC[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (!g.inRange(v)) {
                masked[i] = true;
            }
            for (int j = i - 1; j >= Math.max(0, i - lookBack); j--) {
                if (g.inRange(tempC[j]) && tempC[j] - v >= Math.max(minFallC, perSampleC * (i - j))) {
                    int level = i - 1;
                    while (level > j && !(tempC[level] >= tempC[j] - OffWristGuard.LEVEL_TOLERANCE_C)) {
                        level--;
                    }
                    for (int k = level + 1; k <= i; k++) {
                        masked[k] |= !Double.isNaN(tempC[k]);
                    }
                    break;
                }
            }
        }
        return masked;
    }

    private static double fallWindow(OffWristGuard g) {
        return g.contextMillis() / 1000;
    }

    private static double field(OffWristGuard g, String name) {
        try {
            java.lang.reflect.Field f = OffWristGuard.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.getDouble(g);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
