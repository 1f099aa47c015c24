package org.sessionreview.signal.synchrony;

/**
 * The slow, obvious lagged cross-product sums that {@link CrossProducts} replaced (the plain
 * per-lag loop {@code LaggedCorrelation.dot} of commit b70d3bc): for each lag on its own, one
 * running sum over t in increasing order. Kept as the reference the fast sums must equal bit for
 * bit.
 */
final class ReferenceCrossProducts {
    private ReferenceCrossProducts() {}

    /** S_k = sum over t of x[t] * y[t + k], both in [0, length), at {@code out[k + maxLag]}. */
    static double[] lagged(double[] x, double[] y, int length, int maxLag) {
        double[] out = new double[2 * maxLag + 1];
        for (int k = -maxLag; k <= maxLag; k++) {
            int a = Math.max(0, -k);
            int b = Math.min(length, length - k);
            double s = 0;
            for (int t = a; t < b; t++) {
                s += x[t] * y[t + k];
            }
            out[k + maxLag] = s;
        }
        return out;
    }
}
