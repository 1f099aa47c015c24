package org.sessionreview.signal.synchrony;

/**
 * The lagged cross-product sums of two stretches of the same length, for every lag at once: for
 * lag k (samples, -maxLag..maxLag), {@code S_k = sum over t of x[t] * y[t + k]} over the t for
 * which both t and t + k lie in [0, length), each sum taken in increasing t, one product after the
 * other, exactly as the obvious loop per lag takes it. The results are therefore the same doubles,
 * bit for bit; only the work is arranged differently.
 *
 * <p>Why it is faster: the obvious loop is one chain of dependent additions per lag, so each
 * product waits for the previous addition (about 4 cycles on current x86 cores). Here {@value
 * #GROUP} lags advance together over t, as {@value #GROUP} independent chains that keep the
 * floating-point units busy, and the {@code y} samples a group needs are kept in registers and
 * shifted by one from one t to the next, so each step loads one {@code x} and one {@code y}
 * sample instead of one of each per lag. A negative lag is summed as the positive lag with the
 * roles swapped ({@code x[u + |k|] * y[u]} for u = 0, 1, ...: the same products in the same
 * order, and IEEE multiplication is commutative). A slow reference in test scope ({@code
 * ReferenceCrossProducts}, one plain loop per lag) checks every sum bit for bit.
 *
 * <p>No lag of a masked stretch should be read from here: NaN samples make the sums NaN. {@link
 * LaggedCorrelation} uses these sums for complete stretches only.
 */
final class CrossProducts {
    /** Lags summed together. */
    static final int GROUP = 4;

    private CrossProducts() {}

    /**
     * Writes S_k into {@code out[k + maxLag]}, k = -maxLag..maxLag.
     *
     * @param x the first stretch (client)
     * @param y the second stretch (therapist), read at t + k
     * @param length samples in each stretch (at most their array lengths)
     * @param maxLag largest lag, samples, 0 &lt;= maxLag &lt; length
     * @param out receives 2 * maxLag + 1 sums
     */
    static void lagged(double[] x, double[] y, int length, int maxLag, double[] out) {
        if (maxLag < 0 || maxLag >= length || out.length < 2 * maxLag + 1 || x.length < length || y.length < length) {
            throw new IllegalArgumentException("length " + length + ", maxLag " + maxLag);
        }
        // k >= 0: x[u] * y[u + k]; k < 0: y[u] * x[u - k], the same products in the same order
        forward(x, y, length, 0, maxLag, out, maxLag, 1);
        if (maxLag > 0) {
            forward(y, x, length, 1, maxLag, out, maxLag, -1);
        }
    }

    /**
     * For m = mFrom..mTo, {@code sum over u in [0, length - m) of p[u] * q[u + m]}, written to
     * {@code out[centre + sign * m]}.
     */
    private static void forward(
            double[] p, double[] q, int length, int mFrom, int mTo, double[] out, int centre, int sign) {
        int m = mFrom;
        for (; m + GROUP - 1 <= mTo; m += GROUP) {
            group(p, q, length, m, out, centre, sign);
        }
        for (; m <= mTo; m++) {
            out[centre + sign * m] = single(p, q, length, m);
        }
    }

    /**
     * Lags m..m+3 together: over the u that all four have, then each one's remaining u in order.
     */
    private static void group(double[] p, double[] q, int length, int m, double[] out, int centre, int sign) {
        int common = length - m - (GROUP - 1);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double q0 = q[m];
        double q1 = q[m + 1];
        double q2 = q[m + 2];
        for (int u = 0; u < common; u++) {
            double q3 = q[u + m + 3];
            double pu = p[u];
            s0 += pu * q0;
            s1 += pu * q1;
            s2 += pu * q2;
            s3 += pu * q3;
            q0 = q1;
            q1 = q2;
            q2 = q3;
        }
        // tails: lag m + j has length - m - j products, the last 3 - j of them not yet added
        for (int u = Math.max(0, common); u < length - m; u++) {
            s0 += p[u] * q[u + m];
        }
        for (int u = Math.max(0, common); u < length - m - 1; u++) {
            s1 += p[u] * q[u + m + 1];
        }
        for (int u = Math.max(0, common); u < length - m - 2; u++) {
            s2 += p[u] * q[u + m + 2];
        }
        out[centre + sign * m] = s0;
        out[centre + sign * (m + 1)] = s1;
        out[centre + sign * (m + 2)] = s2;
        out[centre + sign * (m + 3)] = s3;
    }

    /** One lag alone: the plain loop. */
    private static double single(double[] p, double[] q, int length, int m) {
        double s = 0;
        for (int u = 0; u < length - m; u++) {
            s += p[u] * q[u + m];
        }
        return s;
    }
}
