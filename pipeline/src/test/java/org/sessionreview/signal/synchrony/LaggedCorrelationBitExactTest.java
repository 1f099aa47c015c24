package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;

/**
 * {@link LaggedCorrelation} against {@link PerLagLaggedCorrelation}, the same method as it was
 * computed before (one plain loop per lag; the masked path comparing the raw samples of every
 * complete pair to decide whether a side varies): every z, window and session value must be the
 * same double, bit for bit, on generated stretches with and without masked samples, with sides
 * constant over some lags' pairs only, at tiny and huge scales (where the masked path must fall
 * back to the comparison), and on whole 20-minute sessions with masked bursts.
 */
class LaggedCorrelationBitExactTest {
    private static final double Z_CLAMP = 10;

    @Test
    void shouldEqualThePerLagProfilesOnRandomMaskedAndCompleteStretches() {
        RandomGenerator rng = new Well19937c(20261204);
        double[] levels = {0, 2, 70, 1e4};
        double[] scales = {1, 0.2, 1e-3, 1e-160, 1e150};
        double[] shares = {1e-9, 0.5, 0.9, 1};
        int masked = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 3 + rng.nextInt(130);
            int maxLag = rng.nextInt(n - 2);
            double scale = scales[rng.nextInt(scales.length)];
            double level = scale < 1e-100 || scale > 1e100 ? 0 : levels[rng.nextInt(4)];
            double[] c = new double[n];
            double[] h = new double[n];
            for (int t = 0; t < n; t++) {
                c[t] = level + scale * rng.nextGaussian();
                h[t] = level + scale * rng.nextGaussian();
            }
            if (rng.nextBoolean()) {
                // a run of one value: a side constant over the pairs of some lags only
                double[] side = rng.nextBoolean() ? c : h;
                int from = rng.nextInt(n);
                Arrays.fill(side, from, from + rng.nextInt(n - from + 1), side[from]);
            }
            if (rng.nextInt(4) != 0) {
                masked++;
                for (int q = 1 + rng.nextInt(n / 3 + 1); q > 0; q--) {
                    double[] side = rng.nextBoolean() ? c : h;
                    int from = rng.nextInt(n);
                    Arrays.fill(side, from, Math.min(n, from + 1 + rng.nextInt(8)), Double.NaN);
                }
            }
            assertSameProfile(c, h, n, maxLag, shares[rng.nextInt(4)], "trial " + trial);
        }
        assertTrue(masked > 2000);
    }

    @Test
    void shouldEqualThePerLagProfilesWhereASideIsConstantOverTheCompletePairs() {
        int n = 40;
        double[] noise = new double[n];
        RandomGenerator rng = new Well19937c(3);
        for (int t = 0; t < n; t++) {
            noise[t] = 2 + 0.2 * rng.nextGaussian();
        }
        double[] flatWhereValid = new double[n];
        Arrays.fill(flatWhereValid, 2.137);
        double[] maskedElsewhere = noise.clone();
        for (int t = 0; t < 8; t++) {
            flatWhereValid[t] = t; // differs only where the partner is masked at lag 0
            maskedElsewhere[t] = Double.NaN;
        }
        for (double share : new double[] {1e-9, 0.5}) {
            assertSameProfile(flatWhereValid, maskedElsewhere, n, 12, share, "flat where valid");
            assertSameProfile(maskedElsewhere, flatWhereValid, n, 12, share, "swapped");
        }
        double[] tiny = flatWhereValid.clone();
        for (int t = 0; t < n; t++) {
            tiny[t] *= 1e-170; // squares underflow: the fast path must not decide alone
        }
        assertSameProfile(tiny, maskedElsewhere, n, 12, 0.5, "tiny");
    }

    @Test
    void shouldEqualThePerLagSessionOnMaskedSessions() {
        SynchronyConfig cfg = SynchronyConfig.defaults();
        for (int seed = 1; seed <= 2; seed++) {
            DyadSeries d =
                    seed % 2 == 0 ? SyntheticDyad.following(seed, 20, 2.0, 1.0) : SyntheticDyad.independent(seed, 20);
            double[] c = d.client().clone();
            double[] h = d.therapist().clone();
            RandomGenerator rng = new Well19937c(seed);
            for (int b = 0; b < 25; b++) {
                int at = rng.nextInt(c.length - 20);
                Arrays.fill(rng.nextBoolean() ? c : h, at, at + 1 + rng.nextInt(12), Double.NaN);
            }
            DyadSeries masked = new DyadSeries(c, h, d.rateHz(), d.startS());
            SessionSynchrony fast = SessionSynchronyIndex.compute(masked, cfg, LaggedCorrelation::zProfile);
            SessionSynchrony perLag = SessionSynchronyIndex.compute(masked, cfg, PerLagLaggedCorrelation.PROFILER);
            assertEquals("ok", perLag.status());
            // records compare doubles with Double.compare: bit for bit, up to NaN payloads
            assertEquals(perLag, fast, "seed " + seed);
            assertEquals(
                    WindowedCrossCorrelation.compute(masked, cfg, PerLagLaggedCorrelation.PROFILER),
                    WindowedCrossCorrelation.compute(masked, cfg),
                    "seed " + seed);
        }
    }

    private static void assertSameProfile(double[] c, double[] h, int n, int maxLag, double share, String what) {
        double[] expected =
                PerLagLaggedCorrelation.zProfile(Stretch.of(c, 0, n), Stretch.of(h, 0, n), maxLag, share, Z_CLAMP);
        double[] fast = LaggedCorrelation.zProfile(c, 0, h, 0, n, maxLag, share, Z_CLAMP);
        for (int i = 0; i < expected.length; i++) {
            int lag = i - maxLag;
            assertEquals(
                    Double.doubleToLongBits(expected[i]),
                    Double.doubleToLongBits(fast[i]),
                    () -> what + ", lag " + lag + ": per lag " + expected[lag + maxLag] + ", fast "
                            + fast[lag + maxLag]);
        }
    }
}
