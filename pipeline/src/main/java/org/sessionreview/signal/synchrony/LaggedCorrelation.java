package org.sessionreview.signal.synchrony;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
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
 */
public final class LaggedCorrelation {
    /** Fewest complete pairs a lag needs for a correlation. */
    public static final int MIN_PAIRS = 3;

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
    public static double[] zProfile(double[] client, int clientFrom, double[] therapist,
            int therapistFrom, int length, int maxLag, double minValidShare, double zClamp) {
        if (maxLag < 0 || length - maxLag < MIN_PAIRS) {
            throw new IllegalArgumentException("stretch of " + length
                    + " samples too short for lags up to " + maxLag);
        }
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        double[] z = new double[2 * maxLag + 1];
        double[] x = new double[length];
        double[] y = new double[length];
        for (int k = -maxLag; k <= maxLag; k++) {
            int n = 0;
            for (int t = Math.max(0, -k); t < Math.min(length, length - k); t++) {
                double c = client[clientFrom + t];
                double h = therapist[therapistFrom + t + k];
                if (Double.isFinite(c) && Double.isFinite(h)) {
                    x[n] = c;
                    y[n] = h;
                    n++;
                }
            }
            int needed = Math.max(
                    MIN_PAIRS, (int) Math.ceil(minValidShare * (length - Math.abs(k))));
            z[k + maxLag] = n < needed
                    ? Double.NaN
                    : fisherZ(pearson.correlation(Arrays.copyOf(x, n), Arrays.copyOf(y, n)),
                            zClamp);
        }
        return z;
    }

    /** atanh(r) clamped to [-zClamp, zClamp]; NaN stays NaN. */
    public static double fisherZ(double r, double zClamp) {
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        double z = r >= 1 ? zClamp : r <= -1 ? -zClamp : FastMath.atanh(r);
        return Math.max(-zClamp, Math.min(zClamp, z));
    }
}
