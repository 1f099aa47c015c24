package org.sessionreview.signal;

import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;

/**
 * {@link SelectMedian} as it was before small inputs were sorted by insertion (commit 3b381ed):
 * every median by Commons Math's {@link KthSelector} on a fresh copy of the non-NaN values. Kept
 * as the reference {@code SelectMedianTest} compares the fast path with.
 */
final class SelectMedianBySelection {
    private final KthSelector selector = new KthSelector(new MedianOf3PivotingStrategy());

    /** Median of all of {@code values}. */
    double of(double[] values) {
        return of(values, 0, values.length);
    }

    /** Median of {@code values[begin, begin + length)}. */
    double of(double[] values, int begin, int length) {
        if (length == 0) {
            return Double.NaN;
        }
        if (length == 1) {
            return values[begin];
        }
        int n = 0;
        for (int i = begin; i < begin + length; i++) {
            if (!Double.isNaN(values[i])) {
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] a = new double[n]; // KthSelector works on the whole array
        n = 0;
        for (int i = begin; i < begin + length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                a[n++] = v;
            }
        }
        double pos = 0.5 * (n + 1);
        double fpos = Math.floor(pos);
        int intPos = (int) fpos;
        double dif = pos - fpos;
        if (pos >= n) {
            return selector.select(a, null, n - 1); // n == 1
        }
        double lower = selector.select(a, null, intPos - 1);
        double upper = selector.select(a, null, intPos);
        return lower + dif * (upper - lower);
    }
}
