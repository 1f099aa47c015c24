package org.sessionreview.signal.eda;

import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Bridges masked (NaN) samples so that the filters, which need finite input, can run; the bridged
 * values never reach an output, which is masked again afterwards (DOMAIN.md 4.0: bad stretches are
 * masked, never interpolated into features).
 *
 * <p>Inside the signal a gap is bridged by a straight line between the valid samples around it, so
 * no step enters the filters; before the first and after the last valid sample the nearest valid
 * value is held. The line depends only on the two samples around the gap, so pieces of a stream
 * that contain the whole gap bridge it identically.
 */
final class EdaGaps {
    private EdaGaps() {}

    /** Whether any sample is NaN. */
    static boolean hasGaps(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy of {@code x} with NaN samples bridged; null when no sample is finite.
     *
     * @throws IllegalArgumentException for an infinite sample
     */
    static double[] bridge(double[] x) {
        int valid = 0;
        for (double v : x) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("EDA samples must be finite or NaN (masked), got " + v);
            }
            valid += Double.isNaN(v) ? 0 : 1;
        }
        if (valid == 0) {
            return null;
        }
        double[] out = x.clone();
        if (valid == x.length) {
            return out;
        }
        double[] at = new double[valid];
        double[] value = new double[valid];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                at[j] = i;
                value[j++] = x[i];
            }
        }
        PolynomialSplineFunction line = valid >= 2 ? new LinearInterpolator().interpolate(at, value) : null;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                if (i < at[0]) {
                    out[i] = value[0];
                } else if (i > at[valid - 1]) {
                    out[i] = value[valid - 1];
                } else {
                    out[i] = line.value(i);
                }
            }
        }
        return out;
    }

    /** {@code values} with NaN wherever {@code mask} is NaN. */
    static double[] maskLike(double[] values, double[] mask) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(mask[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
