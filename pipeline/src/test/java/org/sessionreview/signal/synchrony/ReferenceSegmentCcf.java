package org.sessionreview.signal.synchrony;

/**
 * R's {@code ccf(x, y, lag.max, na.action = na.pass)} written as R's {@code acf0} (stats,
 * filter.c) computes it, plainly, as the reference {@link SegmentCcf} is checked against: means
 * over the valid samples, then for each lag the sum of products over the pairs with both valid
 * divided by (pairs + |lag|), over the square root of the two lag-0 values, clamped to [-1, 1],
 * then Fisher z. Lag k pairs client t with therapist t + k.
 */
final class ReferenceSegmentCcf {
    static final LaggedCorrelation.Profiler PROFILER = (c, h, maxLag, share, clamp) ->
            zProfile(slice(c.source(), c.from(), c.length()), slice(h.source(), h.from(), h.length()), maxLag, clamp);

    private ReferenceSegmentCcf() {}

    static double[] zProfile(double[] x, double[] y, int maxLag, double zClamp) {
        int n = x.length;
        double[] xc = demean(x);
        double[] yc = demean(y);
        double vx = acf(xc, xc, 0);
        double vy = acf(yc, yc, 0);
        double[] z = new double[2 * maxLag + 1];
        boolean constant = allEqual(x) || allEqual(y);
        for (int k = -maxLag; k <= maxLag; k++) {
            if (constant) {
                z[k + maxLag] = Double.NaN;
                continue;
            }
            double r = acf(xc, yc, k) / Math.sqrt(vx * vy);
            r = Math.max(-1, Math.min(1, r));
            z[k + maxLag] = LaggedCorrelation.fisherZ(r, zClamp);
        }
        return z;
    }

    private static double acf(double[] x, double[] y, int k) {
        double sum = 0;
        int nu = 0;
        for (int t = 0; t < x.length; t++) {
            int u = t + k;
            if (u < 0 || u >= y.length || Double.isNaN(x[t]) || Double.isNaN(y[u])) {
                continue;
            }
            sum += x[t] * y[u];
            nu++;
        }
        return nu > 0 ? sum / (nu + Math.abs(k)) : Double.NaN;
    }

    private static double[] demean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        double m = s / n;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - m;
        }
        return out;
    }

    private static boolean allEqual(double[] x) {
        double first = Double.NaN;
        for (double v : x) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return false;
            }
        }
        return true;
    }

    private static double[] slice(double[] a, int from, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = Double.isFinite(a[from + i]) ? a[from + i] : Double.NaN;
        }
        return out;
    }
}
