package org.sessionreview.signal;

import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;

/**
 * The median exactly as Commons Math's {@code Median().evaluate} gives it (Percentile 50,
 * estimation {@code LEGACY}, NaN removed), bit for bit, without its per-call pivot cache (an
 * {@code int[1023]} filled on every call): the same Commons Math {@link KthSelector} (median of
 * three pivots, as {@code Median} uses) called without a pivot cache, on a copy of the non-NaN
 * values, for the lower middle value; the upper one, the next order statistic, by one pass over
 * the copy ({@link #next}) instead of a second selection.
 *
 * <p>Definition (Commons Math 3.6.1): NaN values are dropped (a single value is returned as it
 * is, even NaN); of the {@code n} values left, sorted, {@code pos = (n + 1) / 2}; the median is
 * {@code lower + d (upper - lower)} with {@code lower} the value of rank {@code floor(pos)},
 * {@code upper} the next one and {@code d = pos - floor(pos)} (0 or 0.5), or the largest value
 * when {@code pos >= n}; NaN when no value is left. Order statistics do not depend on how they
 * are found, except that {@code -0.0} and {@code 0.0} tie: the final sum turns either into
 * {@code 0.0}, so the result does not depend on it either. {@code SelectMedianTest} checks it
 * against Commons Math.
 *
 * <p>Up to {@value #SMALL} values (the neighbour and amplitude medians of the beat detectors,
 * 10-20 values each) are sorted by insertion in a reused work array instead: no allocation and
 * no selection passes; the order statistics, and so the result, are the same.
 *
 * <p>The result is in the units of the values. Not thread-safe (the work array): one per thread
 * or per call site.
 */
public final class SelectMedian {
    /** Most non-NaN values sorted by insertion rather than selected. */
    static final int SMALL = 48;

    private final KthSelector selector = new KthSelector(new MedianOf3PivotingStrategy());
    private final double[] small = new double[SMALL];

    /** Median of all of {@code values}. */
    public double of(double[] values) {
        return of(values, 0, values.length);
    }

    /** Median of {@code values[begin, begin + length)}. */
    public double of(double[] values, int begin, int length) {
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
        if (n <= SMALL) {
            return ofSmall(values, begin, length, n);
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
        double upper = next(a, intPos, lower);
        return lower + dif * (upper - lower);
    }

    /**
     * The order statistic of rank {@code rank} (from 0) of {@code a}, given {@code lower}, the one
     * of rank {@code rank - 1}, by one pass instead of a second selection: {@code lower} again when
     * more than {@code rank} values are not above it, else the least value above it. It has the
     * value a selection gives; only a zero's sign may differ, and {@code lower + dif (upper -
     * lower)} does not depend on it (a zero {@code lower} gives {@code 0.0} either way, and {@code
     * upper - lower} is the same for {@code upper} {@code 0.0} or {@code -0.0} when {@code lower}
     * is not a zero).
     */
    private static double next(double[] a, int rank, double lower) {
        int notAbove = 0;
        double above = Double.POSITIVE_INFINITY;
        for (double v : a) {
            if (v <= lower) {
                notAbove++;
            } else if (v < above) {
                above = v;
            }
        }
        return notAbove > rank ? lower : above;
    }

    /** The median of the {@code n <= SMALL} non-NaN values of {@code values[begin, begin + length)}, sorted by insertion. */
    private double ofSmall(double[] values, int begin, int length, int n) {
        double[] a = small;
        int k = 0;
        for (int i = begin; i < begin + length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int j = k++;
            while (j > 0 && a[j - 1] > v) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        double pos = 0.5 * (n + 1);
        double fpos = Math.floor(pos);
        int intPos = (int) fpos;
        double dif = pos - fpos;
        if (pos >= n) {
            return a[n - 1]; // n == 1
        }
        double lower = a[intPos - 1];
        double upper = a[intPos];
        return lower + dif * (upper - lower);
    }
}
