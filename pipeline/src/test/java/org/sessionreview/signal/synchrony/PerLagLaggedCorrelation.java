package org.sessionreview.signal.synchrony;

/**
 * {@link LaggedCorrelation} as it was before its cross-products were summed four lags at a time
 * ({@link CrossProducts}) and before the masked path left out the per-pair "does this side vary"
 * comparison where it cannot fail (commit b70d3bc): one plain dot-product loop per lag, and the
 * raw samples compared on every complete pair. Kept in test scope as the reference the fast
 * profiles must equal bit for bit ({@link LaggedCorrelationBitExactTest}).
 */
final class PerLagLaggedCorrelation {
    private static final int MIN_PAIRS = LaggedCorrelation.MIN_PAIRS;

    /** A lag's variance must keep more than 1/16 of its sum of squares about the stretch mean. */
    private static final double WELL_CONDITIONED = 16;

    /** This reference in the place of the fast profiles. */
    static final LaggedCorrelation.Profiler PROFILER = PerLagLaggedCorrelation::zProfile;

    private PerLagLaggedCorrelation() {}

    /** Fisher z per lag, index k + maxLag, as LaggedCorrelation#zProfile defines it. */
    static double[] zProfile(Stretch client, Stretch therapist, int maxLag, double minValidShare, double zClamp) {
        int length = client.length();
        if (therapist.length() != length) {
            throw new IllegalArgumentException("stretches of " + length + " and " + therapist.length() + " samples");
        }
        checkLags(length, maxLag);
        boolean complete = client.complete() && therapist.complete();
        double[] z = new double[2 * maxLag + 1];
        for (int k = -maxLag; k <= maxLag; k++) {
            int needed = Math.max(MIN_PAIRS, (int) Math.ceil(minValidShare * (length - Math.abs(k))));
            double r = complete ? completeR(client, therapist, k, needed) : maskedR(client, therapist, k, needed);
            z[k + maxLag] = LaggedCorrelation.fisherZ(r, zClamp);
        }
        return z;
    }

    private static void checkLags(int length, int maxLag) {
        if (maxLag < 0 || length - maxLag < MIN_PAIRS) {
            throw new IllegalArgumentException("stretch of " + length + " samples too short for lags up to " + maxLag);
        }
    }

    /** r at lag k when neither stretch has a masked sample: every pair of the lag counts. */
    private static double completeR(Stretch c, Stretch h, int k, int needed) {
        int a = Math.max(0, -k);
        int b = Math.min(c.length(), c.length() - k);
        int n = b - a;
        if (n < needed || c.constant(a, b) || h.constant(a + k, b + k)) {
            return Double.NaN;
        }
        double r = fromSums(
                n,
                c.sum(a, b),
                h.sum(a + k, b + k),
                c.sumSq(a, b),
                h.sumSq(a + k, b + k),
                dot(c.centred(), a, h.centred(), a + k, n));
        return Double.isNaN(r) ? twoPass(c, h, k) : r;
    }

    /** r at lag k over the pairs complete on both sides. */
    private static double maskedR(Stretch c, Stretch h, int k, int needed) {
        double[] x = c.centred();
        double[] y = h.centred();
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        double firstX = Double.NaN;
        double firstY = Double.NaN;
        boolean xVaries = false;
        boolean yVaries = false;
        for (int t = Math.max(0, -k); t < Math.min(x.length, x.length - k); t++) {
            double xv = x[t];
            double yv = y[t + k];
            if (Double.isNaN(xv) || Double.isNaN(yv)) {
                continue;
            }
            if (n == 0) {
                firstX = c.raw(t);
                firstY = h.raw(t + k);
            } else {
                xVaries |= c.raw(t) != firstX;
                yVaries |= h.raw(t + k) != firstY;
            }
            n++;
            sx += xv;
            sy += yv;
            sxx += xv * xv;
            syy += yv * yv;
            sxy += xv * yv;
        }
        if (n < needed || !xVaries || !yVaries) {
            return Double.NaN;
        }
        double r = fromSums(n, sx, sy, sxx, syy, sxy);
        return Double.isNaN(r) ? twoPass(c, h, k) : r;
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

    /**
     * Sum of x[xFrom + t] * y[yFrom + t], t = 0..n-1. A plain loop: C2 vectorises the products,
     * and on JDK 17 it ran faster than four interleaved partial sums.
     */
    private static double dot(double[] x, int xFrom, double[] y, int yFrom, int n) {
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += x[xFrom + t] * y[yFrom + t];
        }
        return s;
    }
}
