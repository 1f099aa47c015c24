package org.sessionreview.signal.cardiac;

/**
 * A sorted sliding window kept in a plain array: insert a value, remove one, find a value's place
 * (the neighbours of a beat in {@link IbiCleaner}, the amplitudes around a beat in {@link
 * BvpBeats}). Ties keep their order of insertion; values are compared with {@code <} and {@code
 * >}, so NaN must not be inserted.
 */
final class SortedArrays {
    private SortedArrays() {}

    /** Inserts {@code v} into ascending {@code a[0, size)}; returns the new size. */
    static int insert(double[] a, int size, double v) {
        int at = size;
        while (at > 0 && a[at - 1] > v) {
            a[at] = a[at - 1];
            at--;
        }
        a[at] = v;
        return size + 1;
    }

    /** Removes one value equal to {@code v} from ascending {@code a[0, size)}; returns the new size. */
    static int remove(double[] a, int size, double v) {
        int at = firstNotBelow(a, size, v);
        System.arraycopy(a, at + 1, a, at, size - at - 1);
        return size - 1;
    }

    /** Index of the first value of ascending {@code a[0, size)} not below {@code v}. */
    static int firstNotBelow(double[] a, int size, double v) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
