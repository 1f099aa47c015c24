package org.sessionreview.signal.cardiac;

/**
 * Piecewise cubic Hermite interpolation with Fritsch-Carlson monotone slopes (PCHIP), as
 * scipy's {@code PchipInterpolator}: it never overshoots the data, so an interpolated heart
 * period stays between its neighbouring beats' periods. Outside the knots the first and last
 * values are held constant (as NeuroKit2's {@code signal_interpolate(method="monotone_cubic")}).
 *
 * <p>Reference: Fritsch, F. N. and Carlson, R. E. (1980), Monotone piecewise cubic
 * interpolation, SIAM J. Numer. Anal. 17, 238-246.
 */
final class MonotoneCubic {
    private final double[] x;
    private final double[] y;
    private final double[] d;

    /**
     * @param x knots, strictly increasing, at least 2
     * @param y values at the knots
     */
    MonotoneCubic(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("need >= 2 knots and as many values");
        }
        this.x = x.clone();
        this.y = y.clone();
        double[] h = new double[n - 1];
        double[] m = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            h[k] = x[k + 1] - x[k];
            if (!(h[k] > 0)) {
                throw new IllegalArgumentException("knots must be strictly increasing at " + k);
            }
            m[k] = (y[k + 1] - y[k]) / h[k];
        }
        d = new double[n];
        if (n == 2) {
            d[0] = m[0];
            d[1] = m[0];
            return;
        }
        for (int k = 1; k < n - 1; k++) {
            if (Math.signum(m[k]) != Math.signum(m[k - 1]) || m[k] == 0 || m[k - 1] == 0) {
                d[k] = 0;
            } else {
                double w1 = 2 * h[k] + h[k - 1];
                double w2 = h[k] + 2 * h[k - 1];
                d[k] = (w1 + w2) / (w1 / m[k - 1] + w2 / m[k]);
            }
        }
        d[0] = edge(h[0], h[1], m[0], m[1]);
        d[n - 1] = edge(h[n - 2], h[n - 3], m[n - 2], m[n - 3]);
    }

    /** One-sided three-point slope at an end, limited to keep the shape (scipy's rule). */
    private static double edge(double h0, double h1, double m0, double m1) {
        double slope = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        if (Math.signum(slope) != Math.signum(m0)) {
            return 0;
        }
        if (Math.signum(m0) != Math.signum(m1) && Math.abs(slope) > 3 * Math.abs(m0)) {
            return 3 * m0;
        }
        return slope;
    }

    /** The interpolated value at {@code at}; the end values outside the knots. */
    double value(double at) {
        int n = x.length;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[n - 1]) {
            return y[n - 1];
        }
        int k = java.util.Arrays.binarySearch(x, at);
        if (k >= 0) {
            return y[k];
        }
        k = -k - 2;
        double h = x[k + 1] - x[k];
        double t = (at - x[k]) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * y[k]
                + (t3 - 2 * t2 + t) * h * d[k]
                + (-2 * t3 + 3 * t2) * y[k + 1]
                + (t3 - t2) * h * d[k + 1];
    }
}
