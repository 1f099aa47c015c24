package org.sessionreview.signal.synchrony;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded synthetic dyads for the synchrony tests: a random smooth "EDA-like" signal (white noise
 * through two first-order low-pass stages with time constant {@link #TAU_S}, scaled to unit SD and
 * shifted to a plausible level in microsiemens) and a partner that follows it with a known lag
 * plus independent noise, or an independent partner.
 */
final class SyntheticDyad {
    /** Smoothing time constant of each low-pass stage, seconds. */
    static final double TAU_S = 2.0;
    /** EDA rate, Hz. */
    static final double RATE_HZ = 4.0;

    private SyntheticDyad() {}

    /**
     * Client and therapist where the follower repeats the leader's signal {@code lagS} later (a
     * positive lag: the therapist follows; negative: the client follows) plus noise of {@code
     * noiseSd} (in units of the signal's SD).
     */
    static DyadSeries following(long seed, double minutes, double lagS, double noiseSd) {
        RandomGenerator rng = new Well19937c(seed);
        int n = (int) Math.round(minutes * 60 * RATE_HZ);
        int d = (int) Math.round(Math.abs(lagS) * RATE_HZ);
        double[] base = smooth(rng, n + d);
        double[] leader = new double[n];
        double[] follower = new double[n];
        for (int t = 0; t < n; t++) {
            leader[t] = eda(base[t + d]);
            follower[t] = eda(base[t] + noiseSd * rng.nextGaussian());
        }
        return lagS >= 0 ? new DyadSeries(leader, follower, RATE_HZ, 0) : new DyadSeries(follower, leader, RATE_HZ, 0);
    }

    /** Two independent smooth signals. */
    static DyadSeries independent(long seed, double minutes) {
        RandomGenerator rng = new Well19937c(seed);
        int n = (int) Math.round(minutes * 60 * RATE_HZ);
        double[] c = smooth(rng, n);
        double[] h = smooth(rng, n);
        for (int t = 0; t < n; t++) {
            c[t] = eda(c[t]);
            h[t] = eda(h[t]);
        }
        return new DyadSeries(c, h, RATE_HZ, 0);
    }

    /** Unit-SD smooth noise: two passes of y[t] = a y[t-1] + x[t], a = exp(-1 / (rate tau)). */
    static double[] smooth(RandomGenerator rng, int n) {
        double a = Math.exp(-1 / (RATE_HZ * TAU_S));
        double[] y = new double[n];
        double s1 = 0;
        double s2 = 0;
        for (int t = 0; t < n; t++) {
            s1 = a * s1 + rng.nextGaussian();
            s2 = a * s2 + s1;
            y[t] = s2;
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean) / n;
        }
        double sd = Math.sqrt(var);
        for (int t = 0; t < n; t++) {
            y[t] = (y[t] - mean) / sd;
        }
        return y;
    }

    private static double eda(double unit) {
        return 2.0 + 0.2 * unit;
    }
}
