package org.sessionreview.signal.motion;

import java.util.Arrays;
import java.util.Objects;

/**
 * Results of one pure function of a stretch of samples (a 1 s accelerometer segment), kept so
 * that overlapping windows (30 s stepped by 5 s: each segment about six times) compute each
 * segment once. A result is reused only when the samples it came from are bit-for-bit those
 * given now (same length, {@link Arrays#equals(double[], int, int, double[], int, int)}), so a
 * hit returns exactly what the function would: nothing depends on which windows came before,
 * and a lost cache (a restore) only costs time.
 *
 * <p>The key only says where to look (a segment's position on the stream's absolute grid); a slot
 * holds the latest segment with its key modulo {@value #SLOTS}, about two minutes of 1 s
 * segments. One cache per function and per setting of it ({@link #use}); not thread-safe.
 */
public final class SegmentCache {
    private static final int SLOTS = 128;

    /** The cached function: a result of {@code x[from, to)} alone. */
    @FunctionalInterface
    public interface SegmentFunction {
        double apply(double[] x, int from, int to);
    }

    private final long[] keys = new long[SLOTS];
    private final double[][] samples = new double[SLOTS][];
    private final double[] results = new double[SLOTS];
    private Object settings;
    private long lookups;
    private long hits;

    /** Empties the cache when {@code current} differs from the settings it was filled with. */
    public void use(Object current) {
        if (!Objects.equals(settings, current)) {
            Arrays.fill(samples, null);
            settings = current;
        }
    }

    /**
     * {@code f(x, from, to)}, taken from the cache when the slot of {@code key} holds the same
     * samples, else computed and kept.
     */
    public double get(long key, double[] x, int from, int to, SegmentFunction f) {
        lookups++;
        int slot = (int) Math.floorMod(key, (long) SLOTS);
        double[] kept = samples[slot];
        if (kept != null && keys[slot] == key && Arrays.equals(kept, 0, kept.length, x, from, to)) {
            hits++;
            return results[slot];
        }
        double result = f.apply(x, from, to);
        if (kept == null || kept.length != to - from) {
            kept = new double[to - from];
            samples[slot] = kept;
        }
        System.arraycopy(x, from, kept, 0, to - from);
        keys[slot] = key;
        results[slot] = result;
        return result;
    }

    /** Segments looked up so far (for tests and measurements). */
    public long lookups() {
        return lookups;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }
}
