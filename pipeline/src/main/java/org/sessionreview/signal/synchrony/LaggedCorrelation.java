package org.sessionreview.signal.synchrony;

import org.apache.commons.math3.util.FastMath;

/**
 * Lagged Pearson correlations between a client stretch and a therapist stretch of the same
 * length, Fisher z-transformed: the building block of the windowed cross-correlation and of the
 * segment surrogates.
 *
 * <p>For lag k (samples), r_k = corr(c[t], h[t + k]) over the t for which both t and t + k lie
 * inside the stretch, so the pairs all come from the stretch itself and a lag of |k| samples
 * leaves length - |k| pairs. <b>k &gt; 0 means the therapist follows the client</b> (DOMAIN.md
 * 4.3). Pairs with a masked (non-finite) sample on either side are left out; a lag keeps its value
 * only with at least {@code minValidShare} of its pairs complete (and at least {@value
 * #MIN_PAIRS}), and only when neither side is constant, otherwise it is NaN.
 *
 * <p>This is Pearson's r on the overlapping pairs (Boker et al. 2002, whose windows keep the same
 * length at every lag by reaching past the window; rMEA does the same). R's {@code ccf}, which
 * CRAN SUSY uses, instead normalises every lag by the whole stretch's mean and variance and
 * divides by the full length, which shrinks |r| by up to |k| / length at the largest lags; values
 * are therefore close to, but not identical with, SUSY's.
 *
 * <p><b>How it is computed.</b> Each side is prepared once as a {@link Stretch} (centred samples,
 * running sums and sums of squares, runs of equal samples), which a segment shares with all its
 * surrogate pairings. Per lag, only the cross-products are summed over the pairs; the means and
 * variances come from the running sums in O(1), and "constant" is decided exactly from the runs,
 * as the textbook computation decides it. When a side has masked samples its sums depend on the
 * other side's mask, so they are summed over the complete pairs of each lag instead. When a lag's
 * variance would lose more than 4 bits to cancellation (its mean more than about 3.9 SD from the
 * stretch mean, as next to a step or an artifact burst), that lag is recomputed two-pass (means
 * first, then deviations). The cross-products are summed directly, (2L + 1) x length
 * multiply-adds per pairing (25 x 120 at the session defaults), four lags at a time by {@link
 * CrossProducts}, which gives the same doubles as one plain loop per lag at about a third of its
 * time (about 1 us per pairing on JDK 17, against 3 us): one 256-point inverse transform of
 * Commons Math's {@code FastFourierTransformer}, which a zero-padded FFT of the pairing would
 * need, took about 10 us alone, and an FFT's rounding error scales with the whole stretch's
 * energy rather than each lag's, so it would move the last bits of every z and could reorder
 * near-equal values (peak lags, shuffle ranks).
 *
 * <p>{@code PerLagLaggedCorrelation} in test scope keeps this method as it was before the
 * cross-products were grouped and the masked path's per-pair "does a side vary" comparison was
 * left to the lags that need it; the profiles must equal it bit for bit.
 *
 * <p>A slow reference in test scope ({@code ReferenceLaggedCorrelation}: the earlier
 * implementation, Commons Math {@code PearsonsCorrelation} on the copied pairs of each lag)
 * checks this one lag by lag and session by session to a relative 1e-9 (absolute 1e-12 near
 * zero) on random and edge-case inputs. Where the two differ by more (about 2 lags in 10,000 of
 * well-scaled noise, all with |r| below 1e-3, and more when the level is large against the
 * spread), exact arithmetic shows the reference to be the less accurate one: it takes r as
 * sqrt(1 - SSE / SST) from a running mean.
 */
public final class LaggedCorrelation {
    /** Fewest complete pairs a lag needs for a correlation. */
    public static final int MIN_PAIRS = 3;

    /** A lag's variance must keep more than 1/16 of its sum of squares about the stretch mean. */
    private static final double WELL_CONDITIONED = 16;

    /** 2^-960: a sum of squares below it may hold underflowed squares. */
    private static final double SMALLEST_SUM_SQ = 0x1p-960;

    /**
     * A lagged z profile of a client stretch against a therapist stretch of the same length, as
     * {@link LaggedCorrelation#zProfile(Stretch, Stretch, int, double, double)} computes it (the
     * tests pass a slow reference in its place).
     */
    @FunctionalInterface
    interface Profiler {
        double[] zProfile(Stretch client, Stretch therapist, int maxLag, double minValidShare, double zClamp);
    }

    private LaggedCorrelation() {}

    /**
     * Fisher z per lag, index {@code k + maxLag} for k = -maxLag..maxLag.
     *
     * @param client client samples; the stretch is {@code client[clientFrom, clientFrom + length)}
     * @param therapist therapist samples; the stretch is {@code therapist[therapistFrom, ... +
     *     length)}
     * @param length stretch length, samples (at least {@code maxLag + MIN_PAIRS})
     * @param maxLag largest lag, samples (>= 0)
     * @param minValidShare share (0..1] of a lag's pairs that must be complete
     * @param zClamp bound on |z| (rMEA: 10)
     * @return a new array of 2 * maxLag + 1 values, NaN where a lag has no correlation
     */
    public static double[] zProfile(
            double[] client,
            int clientFrom,
            double[] therapist,
            int therapistFrom,
            int length,
            int maxLag,
            double minValidShare,
            double zClamp) {
        checkLags(length, maxLag);
        return zProfile(
                Stretch.of(client, clientFrom, length),
                Stretch.of(therapist, therapistFrom, length),
                maxLag,
                minValidShare,
                zClamp);
    }

    /** As {@link #zProfile(double[], int, double[], int, int, int, double, double)}. */
    static double[] zProfile(Stretch client, Stretch therapist, int maxLag, double minValidShare, double zClamp) {
        int length = client.length();
        if (therapist.length() != length) {
            throw new IllegalArgumentException("stretches of " + length + " and " + therapist.length() + " samples");
        }
        checkLags(length, maxLag);
        boolean complete = client.complete() && therapist.complete();
        double[] z = new double[2 * maxLag + 1];
        if (complete) {
            // every lag's cross-product sum first, into z, which then takes the lag's z in place
            CrossProducts.lagged(client.centred(), therapist.centred(), length, maxLag, z);
        }
        for (int k = -maxLag; k <= maxLag; k++) {
            int needed = Math.max(MIN_PAIRS, (int) Math.ceil(minValidShare * (length - Math.abs(k))));
            double r = complete
                    ? completeR(client, therapist, k, needed, z[k + maxLag])
                    : maskedR(client, therapist, k, needed);
            z[k + maxLag] = fisherZ(r, zClamp);
        }
        return z;
    }

    /** atanh(r) clamped to [-zClamp, zClamp]; NaN stays NaN. */
    public static double fisherZ(double r, double zClamp) {
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        double z = r >= 1 ? zClamp : r <= -1 ? -zClamp : atanh(r);
        return Math.max(-zClamp, Math.min(zClamp, z));
    }

    /**
     * atanh(r) for |r| < 1: Commons Math's {@link FastMath#atanh} with its logarithm branch (|r| >
     * 0.15, {@code 0.5 log((1 + |r|) / (1 - |r|))}) taken by the JIT's intrinsic {@link Math#log}
     * (within 1 ulp, as FastMath.log; about three times faster here); the series branch for small
     * |r| is FastMath's own.
     */
    static double atanh(double r) {
        double a = Math.abs(r);
        if (!(a > 0.15)) {
            return FastMath.atanh(r);
        }
        double abs = 0.5 * Math.log((1 + a) / (1 - a));
        return r < 0 ? -abs : abs;
    }

    private static void checkLags(int length, int maxLag) {
        if (maxLag < 0 || length - maxLag < MIN_PAIRS) {
            throw new IllegalArgumentException("stretch of " + length + " samples too short for lags up to " + maxLag);
        }
    }

    /**
     * r at lag k when neither stretch has a masked sample: every pair of the lag counts; {@code
     * sxy} is the lag's sum of centred cross-products ({@link CrossProducts}).
     */
    private static double completeR(Stretch c, Stretch h, int k, int needed, double sxy) {
        int a = Math.max(0, -k);
        int b = Math.min(c.length(), c.length() - k);
        int n = b - a;
        if (n < needed || c.constant(a, b) || h.constant(a + k, b + k)) {
            return Double.NaN;
        }
        double r = fromSums(n, c.sum(a, b), h.sum(a + k, b + k), c.sumSq(a, b), h.sumSq(a + k, b + k), sxy);
        return Double.isNaN(r) ? twoPass(c, h, k) : r;
    }

    /**
     * r at lag k over the pairs complete on both sides.
     *
     * <p>r needs both sides to vary over the lag's complete pairs, which takes a comparison of
     * every pair's raw samples ({@link #varies}). When both variances are well-conditioned (each
     * keeps more than 1/{@value #WELL_CONDITIONED} of its sum of squares, and the sums of squares
     * lie above {@link #SMALLEST_SUM_SQ}, so no square has underflowed) that comparison is left
     * out, because it cannot fail: a side that is constant over the pairs has a computed variance
     * of rounding error only, below about 3 n^2 2^-53 of the mean square, far from 1/16 of its sum
     * of squares for any n below 10^13. The result is the same either way.
     */
    private static double maskedR(Stretch c, Stretch h, int k, int needed) {
        double[] x = c.centred();
        double[] y = h.centred();
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int t = Math.max(0, -k); t < Math.min(x.length, x.length - k); t++) {
            double xv = x[t];
            double yv = y[t + k];
            if (Double.isNaN(xv) || Double.isNaN(yv)) {
                continue;
            }
            n++;
            sx += xv;
            sy += yv;
            sxx += xv * xv;
            syy += yv * yv;
            sxy += xv * yv;
        }
        if (n < needed) {
            return Double.NaN;
        }
        double r = fromSums(n, sx, sy, sxx, syy, sxy);
        if (!Double.isNaN(r) && sxx >= SMALLEST_SUM_SQ && syy >= SMALLEST_SUM_SQ) {
            return r;
        }
        if (!varies(c, h, k, true) || !varies(c, h, k, false)) {
            return Double.NaN;
        }
        return Double.isNaN(r) ? twoPass(c, h, k) : r;
    }

    /**
     * Whether the client's (or the therapist's) raw samples differ anywhere among the complete
     * pairs of lag k.
     */
    private static boolean varies(Stretch c, Stretch h, int k, boolean client) {
        double first = Double.NaN;
        boolean seen = false;
        for (int t = Math.max(0, -k); t < Math.min(c.length(), c.length() - k); t++) {
            if (Double.isNaN(c.centred(t)) || Double.isNaN(h.centred(t + k))) {
                continue;
            }
            double v = client ? c.raw(t) : h.raw(t + k);
            if (!seen) {
                first = v;
                seen = true;
            } else if (v != first) {
                return true;
            }
        }
        return false;
    }

    /**
     * r from the sums over n pairs of centred samples; NaN when either variance keeps no more
     * than 1/{@value #WELL_CONDITIONED} of its sum of squares (too much cancellation: the caller
     * recomputes two-pass). Both sides must vary.
     */
    private static double fromSums(int n, double sx, double sy, double sxx, double syy, double sxy) {
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx * WELL_CONDITIONED > sxx && vy * WELL_CONDITIONED > syy) {
            return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
        }
        return Double.NaN;
    }

    /** r at lag k two-pass on the samples as given: means first, then the deviations. */
    private static double twoPass(Stretch c, Stretch h, int k) {
        int a = Math.max(0, -k);
        int b = Math.min(c.length(), c.length() - k);
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int t = a; t < b; t++) {
            if (!Double.isNaN(c.centred(t)) && !Double.isNaN(h.centred(t + k))) {
                mx += c.raw(t);
                my += h.raw(t + k);
                n++;
            }
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int t = a; t < b; t++) {
            if (!Double.isNaN(c.centred(t)) && !Double.isNaN(h.centred(t + k))) {
                double dx = c.raw(t) - mx;
                double dy = h.raw(t + k) - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / (Math.sqrt(sxx) * Math.sqrt(syy)) : Double.NaN;
    }
}
