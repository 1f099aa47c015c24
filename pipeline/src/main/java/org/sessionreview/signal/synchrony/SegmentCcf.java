package org.sessionreview.signal.synchrony;

import java.util.Arrays;

/**
 * The lagged cross-correlation of one client segment with one therapist segment as SUSY computes
 * it (Tschacher &amp; Meier 2020; the CRAN package calls R's {@code ccf}, which is {@code acf} on
 * the pair): each segment is centred on its own mean over the whole segment, and for lag k
 * (samples; k &gt; 0: the therapist follows the client)
 *
 * <pre>
 *   r_k = ( S_k / (n_k + |k|) ) / sqrt(v_c * v_h)
 * </pre>
 *
 * where S_k sums {@code c[t] * h[t + k]} over the n_k pairs with both samples valid and v is a
 * segment's mean square over its valid samples; r is clamped to [-1, 1] as R's {@code acf} does,
 * then turned into Fisher's z ({@link LaggedCorrelation#fisherZ}). Without masked samples n_k + |k|
 * is the segment's length n, so r_k = S_k / sqrt(sum c^2 * sum h^2): the lag's cross-products over
 * the whole segment's variance, not a Pearson correlation of the overlapping samples, which
 * re-centres and re-scales at every lag and grows towards the longer lags (before 2026-12-06 the
 * session index used Pearson's r per lag, and its ES was 2.5-8 times SUSY's on coupled dyads: the
 * fourth independent audit, {@code validation/fourth-cohort}).
 *
 * <p>Masked samples: SUSY itself drops the rows where either wearer is missing before it cuts
 * segments and then calls {@code ccf} on complete segments; here segments keep their place on the
 * session's grid (a segment is used when both wearers are valid on {@code
 * synchrony.min_valid_share} of it, {@link SegmentPairs}), and a masked sample is treated as R's
 * {@code acf(na.action = na.pass)} treats it: left out of the sums, the divisor n_k + |k|. On
 * complete segments the two are the same.
 *
 * <p>A segment whose valid samples are all equal has no correlation: every lag is NaN (the
 * segment is not usable). The windows of {@link WindowedCrossCorrelation} keep Pearson's r per
 * lag (Boker et al. 2002's windowed cross-correlation correlates the two lagged sub-windows).
 *
 * <p>Reference: R Core, {@code stats::acf} ({@code src/library/stats/src/filter.c}, {@code acf0});
 * Tschacher &amp; Meier 2020, <i>Physiological synchrony in psychotherapy sessions</i>, Psychother.
 * Res. 30(5), and the SUSY package source.
 */
final class SegmentCcf {
    private SegmentCcf() {}

    /** Fisher z per lag, index {@code k + maxLag}; the {@code minValidShare} is the segment's (see {@link SegmentPairs}). */
    static double[] zProfile(Stretch client, Stretch therapist, int maxLag, double minValidShare, double zClamp) {
        int n = client.length();
        if (therapist.length() != n || maxLag < 0 || maxLag >= n) {
            throw new IllegalArgumentException(
                    "segments of " + n + " and " + therapist.length() + " samples, lag " + maxLag);
        }
        double[] z = new double[2 * maxLag + 1];
        if (!varies(client) || !varies(therapist)) {
            Arrays.fill(z, Double.NaN);
            return z;
        }
        double[] c = client.centred();
        double[] h = therapist.centred();
        double scale = Math.sqrt(meanSquare(c, n) * meanSquare(h, n));
        boolean complete = client.complete() && therapist.complete();
        if (complete) {
            CrossProducts.lagged(c, h, n, maxLag, z);
        }
        for (int k = -maxLag; k <= maxLag; k++) {
            double acf;
            if (complete) {
                acf = z[k + maxLag] / n;
            } else {
                double s = 0;
                int pairs = 0;
                for (int t = Math.max(0, -k); t < Math.min(n, n - k); t++) {
                    if (!Double.isNaN(c[t]) && !Double.isNaN(h[t + k])) {
                        s += c[t] * h[t + k];
                        pairs++;
                    }
                }
                acf = pairs == 0 ? Double.NaN : s / (pairs + Math.abs(k));
            }
            double r = acf / scale;
            r = r > 1 ? 1 : r < -1 ? -1 : r;
            z[k + maxLag] = LaggedCorrelation.fisherZ(r, zClamp);
        }
        return z;
    }

    /** Mean of the squares of the valid (not NaN) values among the first n. */
    private static double meanSquare(double[] x, int n) {
        double s = 0;
        int valid = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(x[t])) {
                s += x[t] * x[t];
                valid++;
            }
        }
        return s / valid;
    }

    /** Whether the segment's valid samples, as given, are not all equal. */
    private static boolean varies(Stretch s) {
        double first = Double.NaN;
        for (int t = 0; t < s.length(); t++) {
            if (Double.isNaN(s.centred(t))) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = s.raw(t);
            } else if (s.raw(t) != first) {
                return true;
            }
        }
        return false;
    }
}
