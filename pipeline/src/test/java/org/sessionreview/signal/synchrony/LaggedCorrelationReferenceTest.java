package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fast {@link LaggedCorrelation} against the slow {@link ReferenceLaggedCorrelation}, lag by
 * lag, on random and edge-case stretches: NaN exactly where the reference has NaN, values within
 * {@link CloseToReference}'s tolerance (relative 1e-9, absolute 1e-12 near zero).
 *
 * <p>Where the two differ by more, exact arithmetic ({@link ExactLaggedCorrelation}) decides,
 * and the fast value must be the nearer one and within the tolerance of the exact value (widened
 * by atanh's own conditioning, cosh^2(z) ulps, near the clamp). This happens only on random
 * stretches whose level is large against their spread or whose r is near 0: the reference's
 * {@code SimpleRegression} updates a running mean and takes r as sqrt(1 - SSE / SST), which loses
 * digits there, while the fast method works on samples centred by their mean.
 */
class LaggedCorrelationReferenceTest {
    private static final double Z_CLAMP = 10;
    private static final double ULP_1 = Math.ulp(1.0);

    private final CloseToReference check = new CloseToReference();
    private int arbitrated;
    private double largestExactRelative;

    @AfterEach
    void report() {
        System.out.printf(
                Locale.ROOT,
                "lagged correlation vs reference: %s; %d lags beyond the"
                        + " tolerance decided by exact arithmetic, fast within %.2e (relative) of exact%n",
                check.summary(),
                arbitrated,
                largestExactRelative);
    }

    @Test
    void shouldMatchTheReferenceWhenStretchesAreRandomAtAnyLevelAndScale() {
        RandomGenerator rng = new Well19937c(20261203);
        double[] levels = {0, 2, 70, 33, 1e4};
        double[] scales = {1, 0.2, 5, 0.01, 1e-3};
        double[] shares = {1e-9, 0.5, 0.9, 1};
        for (int trial = 0; trial < 1500; trial++) {
            int n = 3 + rng.nextInt(160);
            int maxLag = rng.nextInt(n - 2);
            double level = levels[rng.nextInt(levels.length)];
            double sd = scales[rng.nextInt(scales.length)];
            double rho = 2 * rng.nextDouble() - 1;
            int cFrom = rng.nextInt(20);
            int hFrom = rng.nextInt(20);
            double[] c = new double[cFrom + n + rng.nextInt(5)];
            double[] h = new double[hFrom + n + rng.nextInt(5)];
            for (int t = 0; t < n; t++) {
                double e = rng.nextGaussian();
                c[cFrom + t] = level + sd * e;
                double other = Math.sqrt(1 - rho * rho) * rng.nextGaussian();
                h[hFrom + t] = level + sd * (rho * e + other);
            }
            if (rng.nextInt(3) == 0) {
                for (int q = rng.nextInt(n / 3 + 1); q > 0; q--) {
                    c[cFrom + rng.nextInt(n)] = Double.NaN;
                    h[hFrom + rng.nextInt(n)] = Double.NaN;
                }
            }
            assertMatchesReference(c, cFrom, h, hFrom, n, maxLag, shares[rng.nextInt(shares.length)], "trial " + trial);
        }
    }

    @Test
    void shouldMatchTheReferenceWhenSignalsAreSmoothAndLagged() {
        for (int seed = 1; seed <= 6; seed++) {
            DyadSeries d =
                    seed % 2 == 0 ? SyntheticDyad.following(seed, 10, 1.5, 0.3) : SyntheticDyad.independent(seed, 10);
            for (int from = 0; from + 120 <= d.length(); from += 37) {
                assertMatchesReference(
                        d.client(),
                        from,
                        d.therapist(),
                        from + (from % 3),
                        120,
                        20,
                        0.5,
                        "seed " + seed + " from " + from);
            }
        }
    }

    @Test
    void shouldGiveNaNExactlyWhereTheReferenceDoesWhenASideIsConstant() {
        int n = 40;
        double[] noise = gaussian(new Well19937c(4), n, 2, 0.2);
        double[] flat = new double[n];
        Arrays.fill(flat, 2.137);
        assertAllNaN(LaggedCorrelation.zProfile(flat, 0, noise, 0, n, 6, 0.5, Z_CLAMP));
        assertAllNaN(LaggedCorrelation.zProfile(noise, 0, flat, 0, n, 6, 0.5, Z_CLAMP));
        assertAllNaN(LaggedCorrelation.zProfile(flat, 0, flat.clone(), 0, n, 6, 0.5, Z_CLAMP));
        assertMatchesReference(flat, 0, noise, 0, n, 6, 0.5, "flat client");

        double[] firstDiffers = flat.clone();
        firstDiffers[0] = 2.5;
        double[] z = LaggedCorrelation.zProfile(firstDiffers, 0, noise, 0, n, 6, 0.5, Z_CLAMP);
        for (int k = -6; k <= 6; k++) {
            // for k < 0 the client's pairs start at t = -k > 0, after the only different sample
            assertEquals(k < 0, Double.isNaN(z[k + 6]), "lag " + k);
        }
        assertMatchesReference(firstDiffers, 0, noise, 0, n, 6, 0.5, "client flat after t = 0");
        double[] lastDiffers = flat.clone();
        lastDiffers[n - 1] = 1.9;
        assertMatchesReference(noise, 0, lastDiffers, 0, n, 6, 0.5, "therapist flat before end");

        double[] maskedElsewhere = noise.clone();
        Arrays.fill(maskedElsewhere, 0, 8, Double.NaN);
        double[] flatWhereValid = flat.clone();
        for (int t = 0; t < 8; t++) {
            flatWhereValid[t] = t; // differs only where the partner is masked
        }
        assertMatchesReference(flatWhereValid, 0, maskedElsewhere, 0, n, 6, 0.5, "masked + flat");
        assertAllNaN(LaggedCorrelation.zProfile(flatWhereValid, 0, maskedElsewhere, 0, n, 0, 0.5, Z_CLAMP));
    }

    @Test
    void shouldMatchTheReferenceOnStepsPlateausSpikesAndCounts() {
        RandomGenerator rng = new Well19937c(8);
        int n = 120;
        double[] step = new double[n];
        double[] edgeBurst = gaussian(rng, n, 0, 1e-3);
        double[] spikes = new double[n];
        double[] counts = new double[n];
        double[] plateaus = new double[n];
        for (int t = 0; t < n; t++) {
            step[t] = t < 70 ? 2.0 : 3.5;
            spikes[t] = rng.nextInt(15) == 0 ? 1 : 0;
            counts[t] = rng.nextInt(4);
            plateaus[t] = 2 + 0.1 * (t / 20) + (t % 20 == 0 ? 1e-3 : 0);
        }
        Arrays.fill(edgeBurst, 0, 6, 1000); // an artifact burst at the edge: two-pass lags
        double[] noise = gaussian(rng, n, 2, 0.2);
        double[][] signals = {step, edgeBurst, spikes, counts, plateaus, noise};
        for (int a = 0; a < signals.length; a++) {
            for (int b = 0; b < signals.length; b++) {
                assertMatchesReference(signals[a], 0, signals[b], 0, n, 12, 0.5, a + " vs " + b);
            }
        }
    }

    @Test
    void shouldMatchTheReferenceWhenSamplesAreMaskedOrInfinite() {
        RandomGenerator rng = new Well19937c(9);
        int n = 120;
        for (double share : new double[] {1e-9, 0.5, 0.95, 1}) {
            double[] c = gaussian(rng, n, 2, 0.2);
            double[] h = gaussian(rng, n, 2, 0.2);
            Arrays.fill(c, 0, 15, Double.NaN);
            Arrays.fill(h, 100, 120, Double.NaN);
            c[40] = Double.POSITIVE_INFINITY;
            h[41] = Double.NEGATIVE_INFINITY;
            c[77] = Double.NaN;
            assertMatchesReference(c, 0, h, 0, n, 12, share, "blocks, share " + share);
            double[] mostlyMasked = c.clone();
            Arrays.fill(mostlyMasked, 15, 70, Double.NaN);
            assertMatchesReference(mostlyMasked, 0, h, 0, n, 12, share, "sparse, share " + share);
        }
        double[] allMasked = new double[30];
        Arrays.fill(allMasked, Double.NaN);
        assertAllNaN(LaggedCorrelation.zProfile(allMasked, 0, gaussian(rng, 30, 0, 1), 0, 30, 5, 0.5, Z_CLAMP));
    }

    @Test
    void shouldClampPerfectCouplingLikeTheReference() {
        double[] c = gaussian(new Well19937c(10), 60, 2, 0.2);
        double[] follows = new double[60];
        double[] opposes = new double[60];
        for (int t = 0; t < 60; t++) {
            follows[t] = t >= 3 ? c[t - 3] : 0.5; // the therapist repeats the client 3 later
            opposes[t] = 4 - c[t];
        }
        double[] z = LaggedCorrelation.zProfile(c, 0, follows, 0, 60, 5, 0.5, Z_CLAMP);
        assertEquals(Z_CLAMP, z[5 + 3], 0.0);
        assertMatchesReference(c, 0, follows, 0, 60, 5, 0.5, "follows by 3");
        double[] clampedAt4 = LaggedCorrelation.zProfile(c, 0, opposes, 0, 60, 0, 0.5, 4);
        assertEquals(-4.0, clampedAt4[0], 0.0);
        assertMatchesReference(c, 0, opposes, 0, 60, 5, 0.5, "opposes");
    }

    @Test
    void shouldMatchTheReferenceAtTheShortestStretchesAndAtLagZeroOnly() {
        RandomGenerator rng = new Well19937c(11);
        for (int maxLag = 0; maxLag <= 8; maxLag++) {
            int n = maxLag + LaggedCorrelation.MIN_PAIRS;
            assertMatchesReference(
                    gaussian(rng, n, 2, 0.2),
                    0,
                    gaussian(rng, n, 2, 0.2),
                    0,
                    n,
                    maxLag,
                    0.5,
                    "shortest for lag " + maxLag);
        }
        assertMatchesReference(gaussian(rng, 50, 2, 0.2), 0, gaussian(rng, 50, 2, 0.2), 0, 50, 0, 0.5, "lag 0 only");
    }

    @Test
    void shouldMatchTheReferenceWhenTheScaleIsTinyOrHuge() {
        RandomGenerator rng = new Well19937c(12);
        for (double sd : new double[] {1e-30, 1e-9, 1e6, 1e30}) {
            double[] c = gaussian(rng, 80, 0, sd);
            double[] h = new double[80];
            for (int t = 0; t < 80; t++) {
                h[t] = 0.5 * c[Math.max(0, t - 2)] + sd * rng.nextGaussian();
            }
            assertMatchesReference(c, 0, h, 0, 80, 10, 0.5, "sd " + sd);
        }
    }

    /** Every lag of one pairing; see the class comment for the exact-arithmetic arbiter. */
    private void assertMatchesReference(
            double[] c, int cFrom, double[] h, int hFrom, int n, int maxLag, double share, String what) {
        double[] fast = LaggedCorrelation.zProfile(c, cFrom, h, hFrom, n, maxLag, share, Z_CLAMP);
        double[] ref = ReferenceLaggedCorrelation.zProfile(c, cFrom, h, hFrom, n, maxLag, share, Z_CLAMP);
        for (int k = -maxLag; k <= maxLag; k++) {
            double f = fast[k + maxLag];
            double r = ref[k + maxLag];
            String lag = what + ", lag " + k;
            assertEquals(Double.isNaN(r), Double.isNaN(f), lag + ": NaN in one only");
            if (CloseToReference.close(r, f)) {
                check.record(r, f, lag);
                continue;
            }
            double exact = ExactLaggedCorrelation.z(c, cFrom, h, hFrom, n, k, Z_CLAMP);
            double cosh = Math.cosh(exact);
            double tolerance = Math.max(CloseToReference.RELATIVE * Math.abs(exact), CloseToReference.ABSOLUTE)
                    + 8 * ULP_1 * cosh * cosh;
            String detail =
                    String.format(Locale.ROOT, "%s: reference %.17g, fast %.17g, exact" + " %.17g", lag, r, f, exact);
            assertTrue(Math.abs(f - exact) <= tolerance, detail);
            assertTrue(Math.abs(f - exact) < Math.abs(r - exact), detail);
            arbitrated++;
            largestExactRelative = Math.max(
                    largestExactRelative, Math.abs(f - exact) / Math.max(Math.abs(exact), CloseToReference.ABSOLUTE));
        }
    }

    private static void assertAllNaN(double[] z) {
        assertTrue(Arrays.stream(z).allMatch(Double::isNaN), Arrays.toString(z));
    }

    private static double[] gaussian(RandomGenerator rng, int n, double level, double sd) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = level + sd * rng.nextGaussian();
        }
        return x;
    }
}
