package org.sessionreview.signal;

/**
 * The median exactly as Commons Math's {@code Median().evaluate} gives it (Percentile 50,
 * estimation {@code LEGACY}, NaN removed), bit for bit, without its per-call pivot cache (an
 * {@code int[1023]} filled on every call) and boxed selector: one quickselect on a reused work
 * array.
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
 * <p>The result is in the units of the values. Not thread-safe (the work array): one per thread
 * or per call site.
 */
public final class SelectMedian {
    private static final int INSERTION_MAX = 16;
    private double[] work = new double[64];

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
        if (work.length < length) {
            work = new double[Math.max(length, 2 * work.length)];
        }
        double[] a = work;
        int n = 0;
        for (int i = begin; i < begin + length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                a[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double pos = 0.5 * (n + 1);
        double fpos = Math.floor(pos);
        int intPos = (int) fpos;
        double dif = pos - fpos;
        if (pos >= n) {
            return select(a, n, n - 1); // n == 1
        }
        double lower = select(a, n, intPos - 1);
        // after the selection every value right of intPos - 1 is at least lower: upper is their minimum
        double upper = a[intPos];
        for (int i = intPos + 1; i < n; i++) {
            if (a[i] < upper) {
                upper = a[i];
            }
        }
        return lower + dif * (upper - lower);
    }

    /**
     * Puts the value of rank {@code k} (0-based) of {@code a[0, n)} (no NaN) at {@code a[k]}, with
     * no larger value before it and no smaller one after it, and returns it.
     */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo >= INSERTION_MAX) {
            int mid = (lo + hi) >>> 1;
            sort3(a, lo, mid, hi);
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // a[lo, j] <= pivot, a(j, i) == pivot, a[i, hi] >= pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    private static void sort3(double[] a, int i, int j, int k) {
        if (a[j] < a[i]) {
            swap(a, i, j);
        }
        if (a[k] < a[j]) {
            swap(a, j, k);
            if (a[j] < a[i]) {
                swap(a, i, j);
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
