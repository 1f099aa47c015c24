package org.sessionreview.signal.temperature;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * {@link TemperatureSlope#at(double[], double, double, double)} as the rule reads, kept as the
 * reference the fast paths must match bit for bit: every sample masked by the off-wrist guard's
 * direct scan (each sample looks back over the whole fall window, as before issue 10's
 * optimisation of {@link OffWristGuard#mask}), then the masked samples left out of the fit, as
 * the code before 2026-12-06 did for every window (a mask array over the window's 90 s context).
 */
public final class ReferenceTemperatureSlope {
    private ReferenceTemperatureSlope() {}

    /** The slope over the window ending at {@code endMillis} of samples starting at {@code startMillis}. */
    public static TemperatureSlope.Result at(
            TemperatureSlope slope, double[] tempC, double rateHz, double startMillis, double endMillis) {
        boolean[] masked = directMask(slope.guard(), tempC, rateHz);
        double windowSeconds = field(TemperatureSlope.class, slope, "windowSeconds");
        double minValidShare = field(TemperatureSlope.class, slope, "minValidShare");
        double fromMillis = endMillis - windowSeconds * 1000;
        int from = Math.max(0, (int) Math.ceil((fromMillis - startMillis) * rateHz / 1000 - 1e-9));
        int to = Math.min(tempC.length, (int) Math.ceil((endMillis - startMillis) * rateHz / 1000 - 1e-9));
        SimpleRegression fit = new SimpleRegression();
        int maskedCount = 0;
        for (int i = from; i < to; i++) {
            if (masked[i]) {
                maskedCount++;
            } else if (!Double.isNaN(tempC[i])) {
                double minutesBeforeEnd = (startMillis + i * 1000 / rateHz - endMillis) / 60_000;
                fit.addData(minutesBeforeEnd, tempC[i]);
            }
        }
        int valid = (int) fit.getN();
        double share = Math.min(1.0, valid / (windowSeconds * rateHz));
        Double s = valid >= 2 && share >= minValidShare ? fit.getSlope() : null;
        return new TemperatureSlope.Result(s, share, valid, maskedCount);
    }

    /** The off-wrist rules applied to every sample by scanning back over the whole fall window. */
    public static boolean[] directMask(OffWristGuard g, double[] tempC, double rateHz) {
        int n = tempC.length;
        boolean[] masked = new boolean[n];
        int lookBack = (int) Math.floor(g.contextMillis() / 1000 * rateHz + 1e-9);
        double perSampleC = field(OffWristGuard.class, g, "maxFallCPerMin") / (60 * rateHz);
        double minFallC = field(OffWristGuard.class, g, "minFallC");
        for (int i = 0; i < n; i++) {
            double v = tempC[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (!g.inRange(v)) {
                masked[i] = true;
            }
            for (int j = i - 1; j >= Math.max(0, i - lookBack); j--) {
                if (g.inRange(tempC[j]) && tempC[j] - v >= Math.max(minFallC, perSampleC * (i - j))) {
                    int level = i - 1;
                    while (level > j && !(tempC[level] >= tempC[j] - OffWristGuard.LEVEL_TOLERANCE_C)) {
                        level--;
                    }
                    for (int k = level + 1; k <= i; k++) {
                        masked[k] |= !Double.isNaN(tempC[k]);
                    }
                    break;
                }
            }
        }
        return masked;
    }

    /**
     * {@link OffWristGuard}'s decision before 2026-12-06, in two scans: whether the warmest
     * in-range sample is at least {@code minFallC} warmer than the coldest.
     */
    public static boolean fallPossible(OffWristGuard g, double[] tempC) {
        double warmest = Double.NEGATIVE_INFINITY;
        for (double v : tempC) {
            if (g.inRange(v) && v > warmest) {
                warmest = v;
            }
        }
        double coldest = Double.POSITIVE_INFINITY;
        for (double v : tempC) {
            if (v < coldest) {
                coldest = v;
            }
        }
        return warmest - coldest >= field(OffWristGuard.class, g, "minFallC");
    }

    private static <T> double field(Class<T> type, T o, String name) {
        try {
            java.lang.reflect.Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.getDouble(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
