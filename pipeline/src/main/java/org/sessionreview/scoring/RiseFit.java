package org.sessionreview.scoring;

/**
 * The two-phase fit of one channel's window series in {@link EpisodeOnsets}, {@code y = a + b0 x +
 * b1 g(x; t0, R)} with b1 &gt; 0 ({@link RiseKernel}), as a projection: the line part ({@code 1,
 * x}) is fitted once per series, and each rise regressor g only needs its residual after that
 * line (Frisch-Waugh-Lovell), so a candidate (t0, R) costs O(n) without a matrix. The residual
 * sums of squares are those of least squares by QR decomposition (kept in test scope as {@code
 * ReferenceRiseFit}) up to rounding; a regressor whose residual norm is below {@value #SINGULAR}
 * (the QR's singularity threshold on the same diagonal element) is no rise, as there.
 */
final class RiseFit {
    /** Below this residual norm of g the rise column is taken as rank-deficient (as a QR with threshold 1e-10). */
    static final double SINGULAR = 1e-10;

    private final double[] x;
    private final double[] xc;
    private final double[] yPerp;
    private final double sxx;
    private final double lineSse;
    private final double[] g;

    /**
     * @param x the leading edges, seconds, ascending
     * @param y the signed z of each window
     */
    RiseFit(double[] x, double[] y) {
        int n = x.length;
        this.x = x;
        this.xc = new double[n];
        this.yPerp = new double[n];
        this.g = new double[n];
        double xm = 0;
        double ym = 0;
        for (int i = 0; i < n; i++) {
            xm += x[i] - x[0];
            ym += y[i];
        }
        xm /= n;
        ym /= n;
        double s = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            xc[i] = x[i] - x[0] - xm;
            s += xc[i] * xc[i];
            sxy += xc[i] * (y[i] - ym);
        }
        this.sxx = s;
        double b = s > 0 ? sxy / s : 0;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            yPerp[i] = y[i] - ym - b * xc[i];
            sse += yPerp[i] * yPerp[i];
        }
        this.lineSse = n <= 2 || Math.sqrt(s) < SINGULAR ? Double.POSITIVE_INFINITY : sse;
    }

    /** The residual sum of squares of the line alone (infinite when it cannot be fitted). */
    double lineSse() {
        return lineSse;
    }

    /**
     * The residual sum of squares with the rise from t0 levelling off after rampS (the line's
     * when the best rise would go down or cannot be told from the line).
     *
     * @param t0 the onset, seconds
     * @param spanS the windows' span, seconds
     * @param p the rise exponent
     * @param rampS the ramp time, seconds (infinite: still climbing)
     */
    double sse(double t0, double spanS, double p, double rampS) {
        int n = x.length;
        if (n <= 3 || Double.isInfinite(lineSse)) {
            return lineSse;
        }
        double gm = 0;
        double sxg = 0;
        for (int i = 0; i < n; i++) {
            g[i] = RiseKernel.at(x[i], spanS, t0, p, rampS);
            gm += g[i];
        }
        gm /= n;
        for (int i = 0; i < n; i++) {
            sxg += xc[i] * (g[i] - gm);
        }
        double bg = sxg / sxx;
        double gg = 0;
        double gy = 0;
        for (int i = 0; i < n; i++) {
            double gp = g[i] - gm - bg * xc[i];
            g[i] = gp;
            gg += gp * gp;
            gy += gp * yPerp[i];
        }
        if (Math.sqrt(gg) < SINGULAR || !(gy > 0)) {
            return lineSse;
        }
        double b1 = gy / gg;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = yPerp[i] - b1 * g[i];
            sse += e * e;
        }
        return sse;
    }
}
