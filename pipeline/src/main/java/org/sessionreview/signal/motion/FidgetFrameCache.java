package org.sessionreview.signal.motion;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The transformed frames of one accelerometer stream, kept so that overlapping windows analysed
 * by {@link FidgetSpectrum#analyse(double[], double[], double, double, FidgetFrameCache)} transform
 * each frame once. 30 s windows stepped by 5 s hold the same 4 s frames several times: a frame
 * is found again whenever two windows' frame grids coincide (every second window at 32 Hz, 2 s
 * frame hop), and then its power spectrum is taken from here instead of being recomputed.
 *
 * <p>A frame is looked up by the index of its first sample on the stream's grid ({@code round(t *
 * rateHz / 1000)}, {@code t} in epoch ms) and used only when its {@code |a|} values are
 * bit-for-bit those cached, so a hit gives exactly the spectrum a fresh transform would. The
 * cache belongs to one set of spectrum settings and one rate; other settings empty it. Frames
 * that start before the first frame of the latest analysis are dropped (windows move forward), so
 * it holds about one window of frames (E4, 30 s windows: about 30 frames of 4 s, 40 KB).
 *
 * <p>It also holds the stream's 1 s gross-movement segments ({@link #measures()}, {@link
 * #segmentMeasures()}), which overlapping windows share the same way: reused only for
 * bit-identical samples, and its sorted hop blocks of {@code |a|} ({@link #medians()}), from which
 * the windows' medians are merged.
 *
 * <p>Not thread-safe; one per stream.
 */
public final class FidgetFrameCache {
    private final TreeMap<Long, Entry> frames = new TreeMap<>();
    private Object settings;
    private long lookups;
    private long hits;
    private final SegmentCache measures = new SegmentCache();
    private final SegmentCache segmentMeasures = new SegmentCache();
    private final MedianBlocks medians = new MedianBlocks();
    /** The frames' Hann window and transform buffers (the same for every window of the stream). */
    private FidgetSpectrum.FrameTransform transform;

    /**
     * A transformed frame.
     *
     * @param magnitudeG the frame's {@code |a|} values, g
     * @param psd its one-sided PSD, g^2/Hz; null when the frame holds a NaN (not analysed)
     * @param bandPowerG2 its band power, g^2
     * @param dominantHz its dominant frequency, Hz, or null
     */
    record Entry(double[] magnitudeG, double[] psd, double bandPowerG2, Double dominantHz) {}

    /** Frames looked up so far (for tests and measurements). */
    public long lookups() {
        return lookups;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /**
     * The movement measures ({@link GrossMovement#magnitudeMadG}) of {@link GrossMovement}'s 1 s
     * segments (from each window's first sample), g.
     */
    public SegmentCache measures() {
        return measures;
    }

    /** The movement measures of the window-aligned 1 s segments of {@code MotionFeatures}, g. */
    public SegmentCache segmentMeasures() {
        return segmentMeasures;
    }

    /** Sorted 5 s blocks of {@code |a|} for the windows' medians ({@code MotionFeatures}). */
    public MedianBlocks medians() {
        return medians;
    }

    /** The kept Hann window and transform buffers; null before the first analysis or after other settings. */
    FidgetSpectrum.FrameTransform transform() {
        return transform;
    }

    void transform(FidgetSpectrum.FrameTransform t) {
        transform = t;
    }

    /** Frames held. */
    public int size() {
        return frames.size();
    }

    /** Empties the cache when {@code current} differs from the settings it was filled with. */
    void use(Object current) {
        if (!Objects.equals(settings, current)) {
            frames.clear();
            transform = null;
            settings = current;
        }
    }

    /** Drops frames whose first sample is before {@code firstKey}. */
    void dropBefore(long firstKey) {
        frames.headMap(firstKey).clear();
    }

    /** The cached frame at {@code key} when its values equal {@code magnitude[from, from + len)}, else null. */
    Entry find(long key, double[] magnitude, int from, int len) {
        lookups++;
        Entry e = frames.get(key);
        if (e == null || !Arrays.equals(e.magnitudeG(), 0, len, magnitude, from, from + len)) {
            return null;
        }
        hits++;
        return e;
    }

    void put(long key, Entry e) {
        frames.put(key, e);
    }
}
