package org.sessionreview.model;

/**
 * Features of one wearer over one analysis window (row of the {@code windows/} table).
 *
 * <p>Feature fields are null when the channel is missing or fails its quality check in the
 * window. Quality fields are the valid-sample fraction (0..1) of the channel in the window, or,
 * for the cardiac channel, that of the heart rate's source ({@link #cardiacQuality}); 0 when the
 * channel is absent.
 */
public class WindowFeatures {
    public String sessionId;
    /** {@link Role#id()}. */
    public String role;
    /** Window start and end, seconds from media start. */
    public double startS;

    public double endS;
    /** Window start, epoch milliseconds. */
    public long startMillis;

    /** Skin conductance level (mean tonic EDA), microsiemens. */
    public Double edaSclUs;
    /** Skin conductance responses per minute. */
    public Double edaScrPerMin;
    /**
     * Mean heart rate, beats per minute: from the accepted device and pulse-wave beats over the
     * trailing {@code cardiac.time_span_s} (60 s); when they cover less than {@code
     * features.min_quality} of it, the mean of the window's E4 HR.csv samples in 30-200 bpm
     * ({@code CardiacFeatures}); null when neither reaches the quality. When the span's rhythm is
     * irregular ({@code IrregularRhythm}), the rate of all its in-range beats, those the cleaning
     * rejected only for deviating from their local median included ({@code CardiacWindow}).
     */
    public Double hrBpm;
    /**
     * Standard error of {@link #hrBpm}, beats per minute, when the trailing span's rhythm is
     * irregular ({@code IrregularRhythm}: heart rate from all in-range beats, error by overlapping
     * batch means of their intervals); null for a regular rhythm and for HR from HR.csv. It widens the
     * scale of z(HR) in quadrature ({@code AnxietyIndex}). A scoring input, not a column of
     * {@code windows/}.
     */
    public Double hrSeBpm;
    /**
     * True when the trailing 60 s span's heart rhythm is irregular ({@code IrregularRhythm}: at
     * least {@code cardiac.irregular_min_share} (15 %) of at least {@code
     * cardiac.irregular_min_beats} (30) in-range device beats deviate from their local median, or
     * {@code cardiac.irregular_leave_share} (10 %) when the wearer's previous window was
     * irregular). Then {@link #hrBpm} is the rate of all in-range beats with {@link #hrSeBpm} its
     * standard error, unless those beats cover less than the cardiac quality threshold of the span
     * or the band was not worn. Set by the windower ({@code CardiacWindow}).
     */
    public boolean irregularRhythm;
    /** Root mean square of successive IBI differences, milliseconds. */
    public Double hrvRmssdMs;
    /** Sum of the amplitudes of the SCRs peaking in the window, microsiemens. */
    public Double edaScrAmplitudeSumUs;
    /** Standard deviation of accepted inter-beat intervals (n-1), milliseconds. */
    public Double hrvSdnnMs;
    /** Share of successive interval differences above 50 ms, percent. */
    public Double hrvPnn50;
    /** Low-frequency (0.04-0.15 Hz) power of the IBI series, ms^2 (Lomb-Scargle). */
    public Double hrvLfMs2;
    /** High-frequency (0.15-0.4 Hz) power of the IBI series, ms^2 (Lomb-Scargle). */
    public Double hrvHfMs2;
    /** LF / HF. */
    public Double hrvLfHf;
    /** Dominant frequency of the 2-6 Hz fidget band, Hz. */
    public Double fidgetFreqHz;
    /** Mean absolute deviation of the acceleration magnitude |a| from its window median, g. */
    public Double motionMagG;
    /** Power of the acceleration magnitude in the 2-6 Hz fidget band, g^2. */
    public Double fidgetPower;
    /**
     * Seconds of the window with gross movement (1 s segments whose mean amplitude deviation of the
     * ACC magnitude is at or above {@code artifacts.gross_movement_g}, default 0.09 g); such windows
     * are not scored as anxiety, because exertion raises EDA and heart rate too.
     */
    public double grossMovementS;
    /** Skin-temperature slope, degrees C per minute. */
    public Double tempSlopeCPerMin;

    public double edaQuality;
    /**
     * With {@link #hrBpm} from beats: the share of the trailing 60 s covered by accepted beat
     * intervals (in an irregular span by all in-range beat intervals); from HR.csv: the share of the window's 1 Hz HR.csv samples in 30-200 bpm; with no
     * heart rate: the beats' share. 0..1.
     */
    public double cardiacQuality;

    public double accQuality;
    public double tempQuality;

    /** Robust z-scores against the wearer's baseline (null when the feature is null). */
    public Double zScr;

    public Double zScl;
    public Double zHr;
    public Double zRmssd;
    public Double zFidget;
    public Double zTemp;
    /** Weighted mean of the signed z-scores over channels that pass quality; null if none. */
    public Double anxietyIndex;
    /**
     * True when the window lies in the recovery after sustained exertion (walking, stairs) and so
     * has no index although it would have one (the scoring layer's {@code ExertionRecovery}).
     */
    public boolean exertionRecovery;

    /** True on the record that marks the end of this wearer's stream (no features). */
    public boolean endOfStream;
    /** On the end-of-stream record: how many feature windows the wearer's stream produced. */
    public int windowCount;
    /** On the end-of-stream record: how many signal chunks the wearer's stream produced. */
    public int chunkCount;
    /**
     * On the end-of-stream record: the wearer's processing failed (a rejects row says how); the
     * session is reviewed without this wearer.
     */
    public boolean failed;
    /**
     * Live input only: the Kafka record timestamp (epoch ms) of the message whose block completed
     * this window (or this end-of-stream record); 0 in a review of files. For latency measurement;
     * in no table.
     */
    public long arrivalMillis;

    public WindowFeatures() {}

    @Override
    public String toString() {
        return "WindowFeatures{" + sessionId + "/" + role + " " + startS + "-" + endS
                + (endOfStream ? " END" : " idx=" + anxietyIndex) + "}";
    }
}
