package org.sessionreview.signal.temperature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TemperatureSlope#at(double[], double, double, double)} (one scan decides whether a fall
 * is possible; if not, {@link TemperatureSlope#atRangeRule} fits without a mask) and {@link
 * OffWristGuard#fallPossible} against {@link ReferenceTemperatureSlope}: the same results, bit for
 * bit, on worn stretches, falls, NaN runs, out-of-range readings, short and empty series, windows
 * reaching before and past the samples, and other guard settings.
 */
class TemperatureSlopeRangeRuleTest {
    private static final double T0 = 1_700_000_000_000.0;

    @Test
    void shouldGiveTheReferenceSlopeOnEveryPath() {
        Random rng = new Random(11);
        int rangeRule = 0;
        int guarded = 0;
        for (int trial = 0; trial < 200; trial++) {
            double rate = trial % 5 == 0 ? 1 : 4;
            TemperatureSlope slope = trial % 2 == 0
                    ? TemperatureSlope.defaults()
                    : new TemperatureSlope(
                            20 + rng.nextInt(80),
                            rng.nextDouble(),
                            new OffWristGuard(
                                    25 + rng.nextDouble() * 3,
                                    37 + rng.nextDouble() * 3,
                                    0.2 + rng.nextDouble() * 2,
                                    0.3 + rng.nextDouble(),
                                    10 + rng.nextInt(200)));
            double[] t = series(rng, rng.nextInt(8) == 0 ? rng.nextInt(4) : 100 + rng.nextInt(1200));
            for (int k = 0; k < 12; k++) {
                // a 90 s context somewhere in, before or after the series
                int from = t.length == 0 ? 0 : rng.nextInt(t.length + 40) - 20;
                int n = (int) (90 * rate);
                double[] context = slice(t, from, n);
                double start = T0 + from * 1000 / rate;
                double end = start + (k % 4 == 0 ? rng.nextDouble() * 120_000 : 90_000);
                TemperatureSlope.Result expected = ReferenceTemperatureSlope.at(slope, context, rate, start, end);
                String what = "trial " + trial + ", context " + k;
                assertEquals(expected, slope.at(context, rate, start, end), what);
                boolean fall = ReferenceTemperatureSlope.fallPossible(slope.guard(), context);
                assertEquals(fall, slope.guard().fallPossible(context), what);
                if (!fall) {
                    assertEquals(expected, slope.atRangeRule(context, rate, start, end), what);
                    rangeRule++;
                } else {
                    guarded++;
                }
            }
        }
        assertTrue(rangeRule > 500 && guarded > 300, rangeRule + " by the range rule, " + guarded + " guarded");
    }

    @Test
    void shouldGiveTheReferenceSlopeWhenTheBandIsTakenOff() {
        TemperatureSlope slope = TemperatureSlope.defaults();
        double[] t = SyntheticTemp.of(600, SyntheticTemp.takenOff(33.5, 300, 24, 40));
        for (int from = 0; from + 360 <= t.length; from += 20) {
            double[] context = slice(t, from, 360);
            double start = SyntheticTemp.START_MILLIS + from * 250.0;
            assertEquals(
                    ReferenceTemperatureSlope.at(slope, context, 4, start, start + 90_000),
                    slope.at(context, 4, start, start + 90_000),
                    "context from " + from);
        }
    }

    @Test
    void shouldDecideAsTheReferenceForInfiniteAndMissingValues() {
        OffWristGuard g = OffWristGuard.defaults();
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        double[][] cases = {
            {},
            {nan},
            {nan, nan},
            {33},
            {-inf},
            {inf},
            {-inf, 33},
            {33, -inf},
            {inf, 20},
            {nan, 33, 32},
            {33, 31.9},
            {33, 32.0},
            {41, 20},
            {24, 20},
            {-0.0, 0.0}
        };
        for (double[] c : cases) {
            assertEquals(ReferenceTemperatureSlope.fallPossible(g, c), g.fallPossible(c), java.util.Arrays.toString(c));
        }
    }

    private static double[] slice(double[] t, int from, int n) {
        double[] out = new double[Math.max(0, Math.min(t.length, from + n) - Math.max(0, from))];
        for (int i = 0; i < out.length; i++) {
            out[i] = t[Math.max(0, from) + i];
        }
        return out;
    }

    /** Worn stretches with noise and drifts, sudden falls and rises, NaN runs and out-of-range readings. */
    private static double[] series(Random rng, int n) {
        double[] t = new double[n];
        double level = 30 + rng.nextDouble() * 6;
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            if (u < 0.003) {
                level -= 0.5 + rng.nextDouble() * 6;
            } else if (u < 0.006) {
                level += 0.5 + rng.nextDouble() * 5;
            } else {
                level += (rng.nextDouble() - 0.5) * 0.02;
            }
            if (rng.nextDouble() < 0.01) {
                nan = !nan;
            }
            t[i] = nan ? Double.NaN : Math.round((level + rng.nextGaussian() * 0.02) * 50) / 50.0;
            if (rng.nextDouble() < 0.002) {
                t[i] = rng.nextBoolean() ? 15 : 45;
            }
        }
        return t;
    }
}
