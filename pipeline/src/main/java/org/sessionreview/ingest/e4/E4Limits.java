package org.sessionreview.ingest.e4;

import java.time.Instant;
import java.util.Locale;
import org.sessionreview.model.Channel;

/**
 * Plausibility limits the {@link E4Reader} checks before it allocates anything for a file, so
 * that one malformed export rejects that file and never exhausts memory or time for a whole run.
 *
 * <ul>
 *   <li><b>Sample rate</b> (header row 2), Hz: from {@code nominal / 4} to {@code nominal * 4}
 *       inclusive, with the E4 nominal rates EDA 4, BVP 64, ACC 32, TEMP 4 and HR 1 Hz. Other
 *       firmware and resampled exports stay within a factor of 4 ({@link #RATE_FACTOR}).
 *   <li><b>Start time</b> (header row 1), unix seconds: within {@value #START_TOLERANCE_HOURS}
 *       h of the session's media start ({@link #around(long)}); when no media start is known
 *       ({@link #defaults()}), from 2000-01-01T00:00Z to 2100-01-01T00:00Z, both exclusive. A
 *       value between 1e11 and 1e14 is reported as looking like milliseconds.
 *   <li><b>Duration</b>: at most {@code maxDurationHours} (default {@value
 *       #DEFAULT_MAX_DURATION_HOURS} h) of samples per regular channel, i.e. {@code hours * 3600
 *       * rate} data lines, and at most {@code hours * 3600 * }{@value #MAX_IBI_BEATS_PER_SECOND}
 *       IBI lines; IBI beat offsets past that duration are rejected. For plain files the file
 *       size bounds the data as well; the cap matters for gzip files, whose text can be far
 *       larger than the file.
 *   <li><b>Line length</b>: a line longer than {@value #MAX_LINE_CHARS} characters is rejected
 *       without being kept, parsed or quoted.
 * </ul>
 *
 * <p>Immutable; {@link #describe()} gives a one-line summary for provenance.
 */
public final class E4Limits {
    /** Accepted rates lie within this factor of the channel's nominal rate. */
    public static final double RATE_FACTOR = 4;
    /** Default cap on the duration of one channel, hours. */
    public static final double DEFAULT_MAX_DURATION_HOURS = 24;
    /** IBI lines allowed per second of {@code maxDurationHours} (240 beats per minute). */
    public static final int MAX_IBI_BEATS_PER_SECOND = 4;
    /** Longest line read, characters. */
    public static final int MAX_LINE_CHARS = 4096;
    /**
     * The shortest interval between heart beats an IBI.csv line may hold, seconds (0.01: below the
     * E4's 1/64 s resolution); shorter positive values (1e-300) are rejected lines.
     */
    public static final double MIN_IBI_S = 0.01;
    /**
     * The longest interval between heart beats an IBI.csv line may hold, seconds (3600: an hour,
     * longer than any interval in seconds or in milliseconds, so that a file in milliseconds still
     * reaches the unit check and is named as such); longer values (1e300 reached beats/ as 1e303
     * ms) are rejected lines. Intervals from 2 s up are read and then rejected by the beat
     * cleaning ({@code beats.reject_reason}).
     */
    public static final double MAX_IBI_S = 3600;
    /** Largest acceleration an E4 gives on an axis, 1/64 g: its range is +-2 g (Empatica's export description). */
    public static final double ACC_MAX_ABS = 128;
    /** Half-width of the start-time window around a known media start, hours. */
    public static final int START_TOLERANCE_HOURS = 24;
    /** 2000-01-01T00:00:00Z in unix seconds: starts must be after it (no media start known). */
    public static final long EARLIEST_START_SECONDS = 946_684_800L;
    /** 2100-01-01T00:00:00Z in unix seconds: starts must be before it (no media start known). */
    public static final long LATEST_START_SECONDS = 4_102_444_800L;

    private static final E4Limits DEFAULTS =
            new E4Limits(false, 0, DEFAULT_MAX_DURATION_HOURS, E4SampleRanges.DEFAULTS);

    private final boolean mediaStartKnown;
    private final long mediaStartMillis;
    private final double maxDurationHours;
    private final E4SampleRanges ranges;

    private E4Limits(boolean mediaStartKnown, long mediaStartMillis, double maxDurationHours, E4SampleRanges ranges) {
        if (!(maxDurationHours > 0) || Double.isInfinite(maxDurationHours)) {
            throw new IllegalArgumentException("maxDurationHours must be finite and > 0, got " + maxDurationHours);
        }
        this.mediaStartKnown = mediaStartKnown;
        this.mediaStartMillis = mediaStartMillis;
        this.maxDurationHours = maxDurationHours;
        this.ranges = ranges;
    }

    /** The defaults when the session's media start is not known: starts in 2000..2100. */
    public static E4Limits defaults() {
        return DEFAULTS;
    }

    /** The defaults with starts within {@value #START_TOLERANCE_HOURS} h of the media start. */
    public static E4Limits around(long mediaStartMillis) {
        return new E4Limits(true, mediaStartMillis, DEFAULT_MAX_DURATION_HOURS, E4SampleRanges.DEFAULTS);
    }

    /** These limits with another duration cap, hours (finite, > 0). */
    public E4Limits withMaxDurationHours(double hours) {
        return new E4Limits(mediaStartKnown, mediaStartMillis, hours, ranges);
    }

    /** These limits with other sample ranges. */
    public E4Limits withSampleRanges(E4SampleRanges sampleRanges) {
        return new E4Limits(mediaStartKnown, mediaStartMillis, maxDurationHours, sampleRanges);
    }

    /** Why a row of {@code channel} is no plausible sample ({@link E4SampleRanges}); null when it is. */
    String sampleProblem(Channel channel, double[] values) {
        return ranges.problem(channel, values);
    }

    /** Duration cap, hours. */
    public double maxDurationHours() {
        return maxDurationHours;
    }

    /** The E4's own rate for a regular channel, Hz; 0 for IBI (no rate). */
    public static double nominalRateHz(Channel channel) {
        return switch (channel) {
            case EDA, TEMP -> 4;
            case BVP -> 64;
            case ACC -> 32;
            case HR -> 1;
            case IBI -> 0;
        };
    }

    /** Lowest accepted rate, Hz. */
    public double minRateHz(Channel channel) {
        return nominalRateHz(channel) / RATE_FACTOR;
    }

    /** Highest accepted rate, Hz. */
    public double maxRateHz(Channel channel) {
        return nominalRateHz(channel) * RATE_FACTOR;
    }

    /** Null when {@code rateHz} is plausible for the channel, else why not (numbers only). */
    String rateProblem(Channel channel, double rateHz) {
        if (rateHz >= minRateHz(channel) && rateHz <= maxRateHz(channel)) {
            return null;
        }
        return num(rateHz) + " Hz is outside the plausible range " + num(minRateHz(channel)) + "-"
                + num(maxRateHz(channel)) + " Hz for " + channel;
    }

    /** Null when {@code seconds} is a plausible start (unix seconds), else why not. */
    String startProblem(double seconds) {
        if (seconds > 1e11 && seconds < 1e14) {
            return num(seconds) + " looks like milliseconds, expected unix seconds";
        }
        if (mediaStartKnown) {
            double from = mediaStartMillis / 1000.0 - START_TOLERANCE_HOURS * 3600.0;
            double to = mediaStartMillis / 1000.0 + START_TOLERANCE_HOURS * 3600.0;
            if (seconds >= from && seconds <= to) {
                return null;
            }
            return num(seconds) + " is more than " + START_TOLERANCE_HOURS + " h from the media start "
                    + Instant.ofEpochMilli(mediaStartMillis);
        }
        if (seconds > EARLIEST_START_SECONDS && seconds < LATEST_START_SECONDS) {
            return null;
        }
        return num(seconds) + " is not a unix time in seconds between 2000-01-01 and 2100-01-01";
    }

    /** What is wrong with a beat on its own (null when nothing); its order is {@link BeatOrder}'s. */
    String beatProblem(double offset, double ibi) {
        if (offset < 0) {
            return "negative beat offset " + offset + " s";
        }
        if (offset > maxOffsetSeconds()) {
            return "beat offset " + num(offset) + " s is past the " + num(maxDurationHours()) + " h limit";
        }
        if (!(ibi > 0)) {
            return (ibi < 0 ? "negative" : "zero") + " IBI " + ibi + " s";
        }
        if (ibi < MIN_IBI_S || ibi > MAX_IBI_S) {
            return "IBI " + num(ibi) + " s is no interval between heart beats (" + MIN_IBI_S + " to " + num(MAX_IBI_S)
                    + " s)";
        }
        return null;
    }

    /** Most data lines of a regular channel at {@code rateHz}. */
    long maxSamples(double rateHz) {
        return (long) Math.floor(maxDurationHours * 3600 * rateHz);
    }

    /** Most IBI data lines. */
    long maxIbiLines() {
        return (long) Math.floor(maxDurationHours * 3600 * MAX_IBI_BEATS_PER_SECOND);
    }

    /** Latest IBI beat offset, seconds. */
    double maxOffsetSeconds() {
        return maxDurationHours * 3600;
    }

    /** One line for provenance, e.g. {@code rate x/4..x4 of nominal (EDA 4, ...) ...}. */
    public String describe() {
        String start = mediaStartKnown
                ? "within " + START_TOLERANCE_HOURS + " h of media start " + Instant.ofEpochMilli(mediaStartMillis)
                : "after 2000-01-01 and before 2100-01-01";
        return "E4 limits: rate within a factor " + num(RATE_FACTOR)
                + " of nominal (EDA 4, BVP 64, ACC 32, TEMP 4, HR 1 Hz); start (unix s) " + start
                + "; at most " + num(maxDurationHours) + " h per channel (IBI at most "
                + MAX_IBI_BEATS_PER_SECOND + " beats/s); lines at most " + MAX_LINE_CHARS
                + " characters";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A number as short text: integers without a fraction, others in plain notation. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-6) {
            return String.format(Locale.ROOT, "%.6g", v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
