package org.sessionreview.signal.synchrony;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * The slow, obvious lagged correlation that {@link LaggedCorrelation} replaced (its code as of
 * commit 6f72acc), kept as the reference the fast one is checked against: per lag, the complete
 * pairs are copied out and handed to Commons Math's {@link PearsonsCorrelation}, then Fisher z
 * ({@link LaggedCorrelation#fisherZ}). Same contract as {@link LaggedCorrelation#zProfile(double[],
 * int, double[], int, int, int, double, double)}.
 */
final class ReferenceLaggedCorrelation {
    /** This reference in the place of the fast profiles ({@link SegmentPairs}, the windows). */
    static final LaggedCorrelation.Profiler PROFILER = (c, h, maxLag, share, clamp) ->
            zProfile(c.source(), c.from(), h.source(), h.from(), c.length(), maxLag, share, clamp);

    private ReferenceLaggedCorrelation() {}

    static double[] zProfile(
            double[] client,
            int clientFrom,
            double[] therapist,
            int therapistFrom,
            int length,
            int maxLag,
            double minValidShare,
            double zClamp) {
        if (maxLag < 0 || length - maxLag < LaggedCorrelation.MIN_PAIRS) {
            throw new IllegalArgumentException("stretch of " + length + " samples too short for lags up to " + maxLag);
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
            int needed = Math.max(LaggedCorrelation.MIN_PAIRS, (int) Math.ceil(minValidShare * (length - Math.abs(k))));
            z[k + maxLag] = n < needed
                    ? Double.NaN
                    : LaggedCorrelation.fisherZ(pearson.correlation(Arrays.copyOf(x, n), Arrays.copyOf(y, n)), zClamp);
        }
        return z;
    }
}
