package org.sessionreview.features;

import java.io.Serializable;
import java.util.Arrays;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.signal.motion.AccMagnitude;

/**
 * The buffered samples of one channel of one wearer, with their times, for {@link
 * WearerWindower}. Samples are appended in time order and evicted from the front.
 *
 * <p>Regular channels keep every sample's time, so a gap between blocks stays a gap (NaN on the
 * grid, see {@link #regular}). IBI keeps beat times and intervals. A sample not after the last
 * one kept (a repeated block) is ignored.
 *
 * <p>Progress, the time up to which the channel has delivered: the end of its last block (just
 * after the last sample). An IBI block covers {@code blockMillis} from its start (the {@code
 * BlockSplitter} convention), so an IBI channel without beats still advances.
 */
final class ChannelBuffer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A sample farther than this (in sample periods) from a point of the grid has no grid key. */
    private static final double ON_GRID = 1e-3;

    private static final long OFF_GRID = Long.MIN_VALUE;

    private final int width;
    private final boolean beats;
    private double rateHz = Double.NaN;
    private double[] times = new double[64];
    private double[] values;
    private int head;
    private int size;
    private double progressMillis = Double.NEGATIVE_INFINITY;
    /**
     * Per kept sample, its point on a grid of the channel's rate through {@link #gridOrigin} when
     * it lies within {@value #ON_GRID} of a point, else {@link #OFF_GRID}: lets {@link #regular}
     * place such samples by integers. Not state: rebuilt when lost.
     */
    private transient long[] gridKeys;

    private transient double gridOrigin;
    /**
     * Per kept sample of a three-axis channel, its {@code |a|} in g ({@link AccMagnitude}, E4
     * units), computed once as it is appended, for {@link #regular(double, double, GridScratch,
     * GridScratch)}. Not state: null until first asked, rebuilt when lost.
     */
    private transient double[] magnitudes;

    private double dataEndMillis = Double.NEGATIVE_INFINITY;

    ChannelBuffer(int width, boolean beats) {
        this.width = width;
        this.beats = beats;
        this.values = new double[64 * width];
    }

    /**
     * Appends a block's samples, dropping those before {@code dropBeforeMillis}.
     *
     * @return the time of the first sample in the block, or +infinity when it has none
     * @throws IllegalArgumentException when the rate or width differs from earlier blocks
     */
    double append(SampleBlock b, long blockMillis, double dropBeforeMillis) {
        if (b.width != width) {
            throw new IllegalArgumentException(b + ": width " + b.width + ", expected " + width);
        }
        if (!beats) {
            if (Double.isNaN(rateHz)) {
                rateHz = b.rateHz;
            } else if (Math.abs(rateHz - b.rateHz) > 1e-9 * rateHz) {
                throw new IllegalArgumentException(b + ": rate " + b.rateHz + " Hz, earlier " + rateHz);
            }
        }
        int n = b.sampleCount();
        double last = size == 0 ? Double.NEGATIVE_INFINITY : times[head + size - 1];
        reserve(n);
        // room for the whole block made once; the samples kept are written in place, not pushed one by one
        int next = head + size;
        double[] src = b.values;
        for (int i = 0; i < n; i++) {
            double t = b.sampleMillis(i);
            if (t >= dropBeforeMillis && t > last) {
                times[next] = t;
                if (gridKeys != null) {
                    gridKeys[next] = gridKey(t);
                }
                if (width == 1) {
                    values[next] = src[i];
                } else {
                    for (int c = 0; c < width; c++) {
                        values[next * width + c] = src[i * width + c];
                    }
                }
                next++;
                last = t;
            }
        }
        if (magnitudes != null) {
            int from = head + size;
            AccMagnitude.magnitudeG(values, from, next - from, AccMagnitude.E4_COUNTS_PER_G, magnitudes, from);
        }
        size = next - head;
        double end = beats ? (n == 0 ? b.startMillis : b.sampleMillis(n - 1)) : b.startMillis + n * 1000.0 / b.rateHz;
        if (n > 0 || !beats) {
            dataEndMillis = Math.max(dataEndMillis, end);
        }
        progressMillis = Math.max(progressMillis, beats ? Math.max(end, b.startMillis + blockMillis) : end);
        return n == 0 ? Double.POSITIVE_INFINITY : b.sampleMillis(0);
    }

    /** Drops samples before {@code millis}. */
    void evictBefore(double millis) {
        int first = indexAtOrAfter(millis); // times increase: those before it are the ones below millis
        size -= first - head;
        head = first;
        if (size == 0) {
            head = 0;
        }
    }

    /** Time up to which the channel has delivered data, epoch ms (-infinity before any block). */
    double progressMillis() {
        return progressMillis;
    }

    /** End of the data: after the last regular sample or at the last beat, epoch ms. */
    double dataEndMillis() {
        return dataEndMillis;
    }

    int size() {
        return size;
    }

    /**
     * The samples in {@code [fromMillis, toMillis)} on a uniform grid that starts at the first
     * such sample; missing grid points are NaN. Sample {@code i} goes to grid point {@code
     * round((t_i - t_0) / dt)}, {@code dt = 1000 / rateHz} ms (a later sample on the same point
     * replaces an earlier one; points at or past the end are dropped).
     *
     * <p>Consecutive samples on consecutive grid points (the usual case: a block, or blocks
     * without a gap between them) are copied as one run, and a sample whose {@code (t_i - t_0) /
     * dt} lies within a quarter of the next point of the run is put there without rounding (it
     * rounds to that point; a multiplication by the rate tells, the division only decides the other
     * samples): the grid is the one sample-by-sample placement gives
     * ({@code ChannelBufferRegularTest} checks it against that placement).
     */
    RegularSeries regular(double fromMillis, double toMillis) {
        return regular(fromMillis, toMillis, null);
    }

    /**
     * As {@link #regular(double, double)}, the grid written into {@code scratch}'s array for its
     * length (every point is written, so what the array held before does not matter): for a
     * caller that is done with the series before it asks the same scratch again.
     *
     * @param scratch where the grid may go; null allocates it
     */
    RegularSeries regular(double fromMillis, double toMillis, GridScratch scratch) {
        return regular(fromMillis, toMillis, scratch, null);
    }

    /**
     * As {@link #regular(double, double, GridScratch)}, and for a three-axis channel each sample's
     * {@code |a|} (g, E4 units, {@link AccMagnitude#magnitudeG}) on the same grid in {@code
     * magnitudeG}'s array of the series' length, NaN where the grid is NaN: the magnitudes the
     * series' values give, bit for bit, computed once per sample instead of once per grid.
     *
     * @param magnitudeG where the magnitudes go (read them with {@code magnitudeG.array(length)}); null for none
     */
    RegularSeries regular(double fromMillis, double toMillis, GridScratch scratch, GridScratch magnitudeG) {
        int first = indexAtOrAfter(fromMillis);
        int end = indexAtOrAfter(toMillis);
        if (magnitudeG != null && width != 3) {
            throw new IllegalStateException("|a| of a channel of width " + width);
        }
        if (first >= end || beats) {
            if (magnitudeG != null) {
                magnitudeG.array(0);
            }
            return RegularSeries.empty(rateHz, width);
        }
        double t0 = times[first];
        double dt = 1000.0 / rateHz;
        int length = (int) Math.ceil((toMillis - t0) / dt - 1e-9);
        double[] grid = scratch == null ? new double[length * width] : scratch.array(length * width);
        double[] mgrid = magnitudeG == null ? null : magnitudeG.array(length);
        double[] m = magnitudeG == null ? null : magnitudes();
        int filled = 0; // grid points before this one hold a sample or NaN
        int runFrom = first;
        int runGrid = 0;
        int runLength = 0;
        double perMillis = rateHz / 1000.0; // 1 / dt but for rounding: only to recognise a run's next point
        long[] keys = gridKeys();
        long firstKey = keys[first]; // with a key, t0 and the sample are within 2e-3 dt of points of one grid,
        // so (t - t0) / dt lies within 3e-3 of their difference: the point rounding gives, whatever next is
        for (int i = first; i < end; i++) {
            int next = runGrid + runLength;
            double offset = times[i] - t0;
            int j;
            if (firstKey != OFF_GRID && keys[i] != OFF_GRID) {
                j = (int) Math.min(Integer.MAX_VALUE, keys[i] - firstKey);
            } else if (Math.abs(offset * perMillis - next) < 0.2) {
                // within 0.2 + a few ulps of next, so |offset / dt - next| < 1/2: the point rounding gives
                j = next;
            } else {
                double x = offset / dt;
                // |x - next| < 1/4 (the difference rounds monotonically) puts x within 1/2 of next: round(x) == next
                j = Math.abs(x - next) < 0.25 ? next : (int) Math.round(x);
            }
            if (j == next && j < length) {
                runLength++;
                continue;
            }
            filled = copyRun(grid, filled, runFrom, runGrid, runLength, m, mgrid);
            runLength = 0;
            if (j >= length) {
                break; // times increase, so every later sample lies past the grid too
            }
            runFrom = i;
            runGrid = j;
            runLength = 1;
        }
        filled = copyRun(grid, filled, runFrom, runGrid, runLength, m, mgrid);
        Arrays.fill(grid, filled * width, grid.length, Double.NaN);
        if (mgrid != null) {
            Arrays.fill(mgrid, filled, mgrid.length, Double.NaN);
        }
        return new RegularSeries(t0, rateHz, width, grid);
    }

    /** The kept samples' grid keys, rebuilt for all of them when lost (a restore) or not made yet. */
    private long[] gridKeys() {
        if (gridKeys == null || gridKeys.length != times.length) {
            gridKeys = new long[times.length];
            gridOrigin = size == 0 ? 0 : times[head];
            for (int i = head; i < head + size; i++) {
                gridKeys[i] = gridKey(times[i]);
            }
        }
        return gridKeys;
    }

    /** The kept samples' magnitudes, computed for all of them when lost (a restore) or not made yet. */
    private double[] magnitudes() {
        if (magnitudes == null || magnitudes.length != times.length) {
            magnitudes = new double[times.length];
            AccMagnitude.magnitudeG(values, head, size, AccMagnitude.E4_COUNTS_PER_G, magnitudes, head);
        }
        return magnitudes;
    }

    /** The grid point of {@code millis} when it lies within {@link #ON_GRID} of one, else {@link #OFF_GRID}. */
    private long gridKey(double millis) {
        double q = (millis - gridOrigin) * (rateHz / 1000.0);
        long k = Math.round(q);
        return Math.abs(q - k) < ON_GRID && Math.abs(q) < 1e12 ? k : OFF_GRID;
    }

    /**
     * Copies samples {@code [from, from + count)} to grid points {@code [gridFrom, gridFrom +
     * count)}, NaN-filling the points between {@code filled} and the run; returns the new {@code
     * filled}; the same for the magnitudes {@code m} into {@code mgrid} when not null.
     */
    private int copyRun(double[] grid, int filled, int from, int gridFrom, int count, double[] m, double[] mgrid) {
        if (count == 0) {
            return filled;
        }
        if (gridFrom > filled) {
            Arrays.fill(grid, filled * width, gridFrom * width, Double.NaN);
        }
        System.arraycopy(values, from * width, grid, gridFrom * width, count * width);
        if (mgrid != null) {
            if (gridFrom > filled) {
                Arrays.fill(mgrid, filled, gridFrom, Double.NaN);
            }
            System.arraycopy(m, from, mgrid, gridFrom, count);
        }
        return Math.max(filled, gridFrom + count);
    }

    /**
     * Times (epoch ms) of the samples in {@code [fromMillis, toMillis)} that are present: with at
     * least one value that is not NaN (a rejected line or the gap between two parts of a recording
     * is held as NaN); for IBI, the beats.
     */
    double[] presentTimes(double fromMillis, double toMillis) {
        int first = indexAtOrAfter(fromMillis);
        int end = indexAtOrAfter(toMillis);
        double[] out = new double[Math.max(0, end - first)];
        int n = 0;
        for (int i = first; i < end; i++) {
            for (int c = 0; c < width; c++) {
                if (!Double.isNaN(values[i * width + c])) {
                    out[n++] = times[i];
                    break;
                }
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Index of the first kept sample at or after {@code millis}, for {@link #timeAt} and {@link
     * #valueAt}; {@link #endIndex()} when none. Indices hold until the next append or eviction.
     */
    int firstIndexAtOrAfter(double millis) {
        return indexAtOrAfter(millis);
    }

    /** One past the index of the last kept sample. */
    int endIndex() {
        return head + size;
    }

    /** Time of the kept sample at {@code index}, epoch ms. */
    double timeAt(int index) {
        return times[index];
    }

    /** Value {@code c} of the kept sample at {@code index}. */
    double valueAt(int index, int c) {
        return values[index * width + c];
    }

    /** Sampling rate, Hz (NaN for IBI and before the first block). */
    double rateHz() {
        return rateHz;
    }

    /** The beats with times in {@code [fromMillis, toMillis)}. */
    BeatSeries beats(double fromMillis, double toMillis) {
        int first = indexAtOrAfter(fromMillis);
        int end = indexAtOrAfter(toMillis);
        int n = Math.max(0, end - first);
        return new BeatSeries(
                Arrays.copyOfRange(times, first, first + n), Arrays.copyOfRange(values, first, first + n));
    }

    /** The samples held: their times and their values, {@code width} per sample (for tests). */
    double[][] held() {
        return new double[][] {
            Arrays.copyOfRange(times, head, head + size),
            Arrays.copyOfRange(values, head * width, (head + size) * width)
        };
    }

    /** Index into the arrays of the first kept sample at or after {@code millis}. */
    private int indexAtOrAfter(double millis) {
        int lo = head;
        int hi = head + size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Makes room for {@code count} more samples after the last one: moves the kept samples to the
     * front when that leaves room, else doubles the arrays until they hold them.
     */
    private void reserve(int count) {
        if (head + size + count <= times.length) {
            return;
        }
        if (size + count <= times.length && head >= times.length / 2) {
            System.arraycopy(times, head, times, 0, size);
            System.arraycopy(values, head * width, values, 0, size * width);
            if (gridKeys != null) {
                System.arraycopy(gridKeys, head, gridKeys, 0, size);
            }
            if (magnitudes != null) {
                System.arraycopy(magnitudes, head, magnitudes, 0, size);
            }
            head = 0;
            return;
        }
        int capacity = times.length;
        while (head + size + count > capacity) {
            capacity *= 2;
        }
        times = Arrays.copyOf(times, capacity);
        values = Arrays.copyOf(values, capacity * width);
        if (gridKeys != null) {
            gridKeys = Arrays.copyOf(gridKeys, capacity);
        }
        if (magnitudes != null) {
            magnitudes = Arrays.copyOf(magnitudes, capacity);
        }
    }
}
