package org.sessionreview.scoring;

/**
 * The two-phase fit of one channel's window series in {@link EpisodeOnsets}, {@code y = a + b0 x +
 * b1 g(x; t0, R)} with b1 &gt; 0 ({@link RiseKernel}), as a projection: the baseline part (the
 * line {@code 1, x}) is fitted once per series, and each rise regressor g only needs its residual
 * after it (Frisch-Waugh-Lovell), so a candidate (t0, R) costs O(n) without a matrix. The residual
 * sums of squares are those of least squares by QR decomposition (kept in test scope as {@code
 * ReferenceRiseFit}) up to rounding; a regressor whose residual norm is below {@value #SINGULAR}
 * (the QR's singularity threshold on the same diagonal element) is no rise, as there.
 *
 * <p>With {@code increments}, the rise is fitted to the window-to-window increments, the level
 * before the onset free to wander instead of held to a line: without {@code drift} (the default
 * baseline, {@code LINE_OR_WALK}) {@code dy = b1 dg}, a random walk whose increments have mean
 * zero, one coefficient on n - 1 increments; with it ({@code LINE_OR_WANDER}) {@code dy = b0 dx +
 * b1 dg}, a random walk with drift b0. {@link #lineSse()} and {@link #sse} are then sums over the
 * n - 1 increments, not corrected for the coefficients fitted (nor are the line's over n values
 * for its 3). See {@link EpisodeOnsets} for why and how the two are compared.
 */
final class RiseFit {
    /** Below this residual norm of g the rise column is taken as rank-deficient (as a QR with threshold 1e-10). */
    static final double SINGULAR = 1e-10;

    private final double[] x;
    private final boolean increments;
    /**
     * The baseline's regressors, orthonormal (Gram-Schmidt): {1, x} of levels; {dx} of increments
     * with a drift, none without (the increments then have mean zero and only the rise is fitted).
     */
    private final double[][] basis;

    private final double[] yPerp;
    private final double lineSse;
    private final double[] g;
    private final double[] r;

    /**
     * @param x the leading edges, seconds, ascending
     * @param y the signed z of each window
     */
    RiseFit(double[] x, double[] y) {
        this(x, y, false);
    }

    /**
     * @param x the leading edges, seconds, ascending
     * @param y the signed z of each window
     * @param increments whether to fit the increments between consecutive windows
     */
    RiseFit(double[] x, double[] y, boolean increments) {
        this(x, y, increments, true);
    }

    /**
     * @param x the leading edges, seconds, ascending
     * @param y the signed z of each window
     * @param increments whether to fit the increments between consecutive windows
     * @param drift with increments, whether the walk has a drift (the increments' mean, {@code b0
     *     dx}); without it the level before the onset is a random walk without a trend
     */
    RiseFit(double[] x, double[] y, boolean increments, boolean drift) {
        this.x = x;
        this.increments = increments;
        double[] resp = increments ? diff(y) : y.clone();
        int m = resp.length;
        this.g = new double[x.length];
        this.r = new double[m];
        double[][] raw;
        if (increments) {
            raw = drift ? new double[][] {diff(x)} : new double[0][];
        } else {
            double[] ones = new double[m];
            double[] xs = new double[m];
            for (int i = 0; i < m; i++) {
                ones[i] = 1;
                xs[i] = x[i] - x[0];
            }
            raw = new double[][] {ones, xs};
        }
        this.basis = new double[raw.length][];
        boolean singular = m <= raw.length;
        for (int k = 0; k < raw.length; k++) {
            double[] v = raw[k].clone();
            for (int j = 0; j < k; j++) {
                project(v, basis[j]);
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm < SINGULAR) {
                singular = true;
                norm = 1;
            }
            for (int i = 0; i < m; i++) {
                v[i] /= norm;
            }
            basis[k] = v;
        }
        for (double[] b : basis) {
            project(resp, b);
        }
        this.yPerp = resp;
        this.lineSse = singular ? Double.POSITIVE_INFINITY : dot(resp, resp);
    }

    /** The number of values fitted: the windows, or their increments. */
    int n() {
        return yPerp.length;
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
        for (int i = 0; i < n; i++) {
            g[i] = RiseKernel.at(x[i], spanS, t0, p, rampS);
        }
        int m = r.length;
        for (int i = 0; i < m; i++) {
            r[i] = increments ? g[i + 1] - g[i] : g[i];
        }
        for (double[] b : basis) {
            project(r, b);
        }
        double gg = dot(r, r);
        double gy = dot(r, yPerp);
        if (Math.sqrt(gg) < SINGULAR || !(gy > 0)) {
            return lineSse;
        }
        double b1 = gy / gg;
        double sse = 0;
        for (int i = 0; i < m; i++) {
            double e = yPerp[i] - b1 * r[i];
            sse += e * e;
        }
        return sse;
    }

    private static double[] diff(double[] v) {
        double[] d = new double[Math.max(0, v.length - 1)];
        for (int i = 0; i < d.length; i++) {
            d[i] = v[i + 1] - v[i];
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** v minus its projection on the unit vector u. */
    private static void project(double[] v, double[] u) {
        double c = dot(v, u);
        for (int i = 0; i < v.length; i++) {
            v[i] -= c * u[i];
        }
    }
}
