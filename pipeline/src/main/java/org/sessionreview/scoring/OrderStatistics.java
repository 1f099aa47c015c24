package org.sessionreview.scoring;

/**
 * The k-th smallest of an array's first {@code m} values in O(m) (Hoare's selection, Floyd &
 * Rivest's "Algorithm 489" in its simplest form: median-of-three pivots), in the total order of
 * {@link Double#compare} ({@code -0.0} before {@code 0.0}, NaN last), so that it is the value
 * {@code Arrays.sort} puts at index k. Plain Java, no allocation; the array is reordered.
 */
final class OrderStatistics {
    private OrderStatistics() {}

    /**
     * The k-th smallest (0-based) of {@code a[0..m)}; afterwards {@code a[k]} holds it, every value
     * before k is not above it and every value after k not below it.
     */
    static double select(double[] a, int m, int k) {
        if (k < 0 || k >= m) {
            throw new IllegalArgumentException("k = " + k + " outside 0.." + (m - 1));
        }
        int left = 0;
        int right = m - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            // median of three to a[left], with a[mid] <= a[left] <= a[right]
            if (Double.compare(a[mid], a[right]) > 0) {
                swap(a, mid, right);
            }
            if (Double.compare(a[left], a[right]) > 0) {
                swap(a, left, right);
            }
            if (Double.compare(a[mid], a[left]) > 0) {
                swap(a, mid, left);
            }
            double pivot = a[left];
            int i = left;
            int j = right + 1;
            while (true) {
                do {
                    i++;
                } while (i <= right && Double.compare(a[i], pivot) < 0);
                do {
                    j--;
                } while (Double.compare(a[j], pivot) > 0);
                if (i >= j) {
                    break;
                }
                swap(a, i, j);
            }
            swap(a, left, j); // the pivot to its place
            if (j == k) {
                return a[k];
            } else if (j < k) {
                left = j + 1;
            } else {
                right = j - 1;
            }
        }
        return a[k];
    }

    /** After {@link #select} of k: the (k+1)-th smallest, the least of {@code a[k+1..m)}. */
    static double minAbove(double[] a, int m, int k) {
        double min = a[k + 1];
        for (int i = k + 2; i < m; i++) {
            if (Double.compare(a[i], min) < 0) {
                min = a[i];
            }
        }
        return min;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
