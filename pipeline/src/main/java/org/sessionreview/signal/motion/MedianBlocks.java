package org.sessionreview.signal.motion;

import java.util.Arrays;
import java.util.TreeMap;
import org.sessionreview.signal.SelectMedian;

/**
 * The median of a window's values from sorted copies of its blocks, kept so that overlapping
 * windows (30 s stepped by 5 s: each 5 s block in six windows) sort each block once and then
 * only merge: the window's median is found by walking the blocks' sorted values up to the middle
 * rank, instead of a selection over a copy of the whole window. The walk starts at the smallest
 * of the blocks' own medians (a binary search in each block; fewer than half the values lie
 * below it), so it takes a few dozen steps rather than half a window.
 *
 * <p>The result is {@link SelectMedian#of}'s (Commons Math's median: NaN dropped, the mean of the
 * two middle values for an even count, as {@code lower + 0.5 (upper - lower)}), bit for bit: an
 * order statistic does not depend on how it is found. A block is reused only when its values
 * (NaN included) are bit-for-bit those it was sorted from, so nothing depends on which windows
 * came before, and a lost cache (a restore) only costs time. Blocks whose key is below the first
 * key of the latest window are dropped (windows move forward): it holds about one window.
 *
 * <p>Values are in any unit (the accelerometer magnitude in g here). Not thread-safe; one per
 * stream.
 */
public final class MedianBlocks {
    private final TreeMap<Long, Entry> blocks = new TreeMap<>();
    private long lookups;
    private long hits;

    /**
     * A block's values and their sorted non-NaN copy.
     *
     * @param values as given (NaN where missing)
     * @param sorted the non-NaN values, ascending
     */
    private record Entry(double[] values, double[] sorted) {}

    /**
     * Median of the non-NaN values of {@code x[bounds[0], bounds[m])}, NaN when there is none.
     *
     * @param x values
     * @param bounds block {@code b} is {@code x[bounds[b], bounds[b + 1])}; non-decreasing
     * @param keys key of block {@code b} (its position on the stream, e.g. its start in epoch
     *     ms), increasing; where to look for it, nothing more
     */
    public double median(double[] x, int[] bounds, long[] keys) {
        int m = keys.length;
        if (bounds.length != m + 1) {
            throw new IllegalArgumentException(m + " keys need " + (m + 1) + " bounds, not " + bounds.length);
        }
        double[][] sorted = new double[m][];
        int n = 0;
        for (int b = 0; b < m; b++) {
            sorted[b] = sorted(keys[b], x, bounds[b], bounds[b + 1]);
            n += sorted[b].length;
        }
        if (m > 0) {
            blocks.headMap(keys[0]).clear();
        }
        if (n == 0) {
            return Double.NaN;
        }
        // SelectMedian's positions: ranks floor(pos) and floor(pos) + 1 (1-based), pos = (n + 1) / 2
        double pos = 0.5 * (n + 1);
        double fpos = Math.floor(pos);
        int intPos = (int) fpos;
        double dif = pos - fpos;
        int last = pos >= n ? n - 1 : intPos;
        // Skip what lies below the smallest block median t: fewer than half of each block's
        // values, so at most (n - 1) / 2 <= intPos - 1 ranks, below those needed; and each
        // block's values before its first value >= t all rank below every value left.
        double t = Double.POSITIVE_INFINITY;
        for (int b = 0; b < m; b++) {
            if (sorted[b].length > 0) {
                t = Math.min(t, sorted[b][(sorted[b].length - 1) / 2]);
            }
        }
        int[] next = new int[m];
        double[] head = new double[m]; // sorted[b][next[b]], +infinity when the block is used up
        int rank = 0;
        for (int b = 0; b < m; b++) {
            next[b] = firstNotBelow(sorted[b], t);
            rank += next[b];
            head[b] = next[b] < sorted[b].length ? sorted[b][next[b]] : Double.POSITIVE_INFINITY;
        }
        double lower = Double.NaN;
        for (; rank <= last; rank++) {
            int best = 0;
            double v = head[0];
            for (int b = 1; b < m; b++) {
                if (head[b] < v) {
                    v = head[b];
                    best = b;
                }
            }
            if (v != Double.POSITIVE_INFINITY) {
                int i = ++next[best];
                head[best] = i < sorted[best].length ? sorted[best][i] : Double.POSITIVE_INFINITY;
            } // else every value left is +infinity (rank < n): v is right and nothing need move
            if (pos >= n) {
                if (rank == last) {
                    return v; // a single value
                }
            } else if (rank == intPos - 1) {
                lower = v;
            } else if (rank == intPos) {
                return lower + dif * (v - lower);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Index of the first value of ascending {@code a} that is not below {@code t} ({@code a.length} when none). */
    private static int firstNotBelow(double[] a, double t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sorted non-NaN values of {@code x[from, to)}, from the cache when they are the same values. */
    private double[] sorted(long key, double[] x, int from, int to) {
        lookups++;
        Entry e = blocks.get(key);
        if (e != null && Arrays.equals(e.values(), 0, e.values().length, x, from, to)) {
            hits++;
            return e.sorted();
        }
        double[] values = Arrays.copyOfRange(x, from, to);
        double[] sorted = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[n++] = v;
            }
        }
        sorted = n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        blocks.put(key, new Entry(values, sorted));
        return sorted;
    }

    /** Blocks looked up so far (for tests and measurements). */
    public long lookups() {
        return lookups;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Blocks held. */
    public int size() {
        return blocks.size();
    }
}
