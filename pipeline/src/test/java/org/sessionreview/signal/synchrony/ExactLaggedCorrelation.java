package org.sessionreview.signal.synchrony;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Fisher z of one lag's Pearson r in 60-digit decimal arithmetic (two-pass on the complete pairs,
 * as {@link LaggedCorrelation} defines them), rounded to a double only before atanh: the arbiter
 * for the lags where the fast and the reference results differ by more than the tolerance.
 */
final class ExactLaggedCorrelation {
    private static final MathContext MC = new MathContext(60);

    private ExactLaggedCorrelation() {}

    /** z at lag k of {@code c[cFrom, cFrom + n)} against {@code h[hFrom, ...)}, or NaN. */
    static double z(double[] c, int cFrom, double[] h, int hFrom, int n, int k, double zClamp) {
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        int m = 0;
        for (int t = Math.max(0, -k); t < Math.min(n, n - k); t++) {
            if (Double.isFinite(c[cFrom + t]) && Double.isFinite(h[hFrom + t + k])) {
                sx = sx.add(new BigDecimal(c[cFrom + t]));
                sy = sy.add(new BigDecimal(h[hFrom + t + k]));
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        BigDecimal mx = sx.divide(BigDecimal.valueOf(m), MC);
        BigDecimal my = sy.divide(BigDecimal.valueOf(m), MC);
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal syy = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        for (int t = Math.max(0, -k); t < Math.min(n, n - k); t++) {
            if (Double.isFinite(c[cFrom + t]) && Double.isFinite(h[hFrom + t + k])) {
                BigDecimal dx = new BigDecimal(c[cFrom + t]).subtract(mx, MC);
                BigDecimal dy = new BigDecimal(h[hFrom + t + k]).subtract(my, MC);
                sxx = sxx.add(dx.multiply(dx, MC), MC);
                syy = syy.add(dy.multiply(dy, MC), MC);
                sxy = sxy.add(dx.multiply(dy, MC), MC);
            }
        }
        if (sxx.signum() == 0 || syy.signum() == 0) {
            return Double.NaN;
        }
        double r = sxy.divide(sxx.multiply(syy, MC).sqrt(MC), MC).doubleValue();
        return LaggedCorrelation.fisherZ(r, zClamp);
    }
}
