package org.sessionreview.model;

/**
 * Features of one wearer over one analysis window (row of the {@code windows/} table).
 *
 * <p>Feature fields are null when the channel is missing or fails its quality check in the
 * window. Quality fields are the valid-sample fraction (0..1) of the channel in the window, or,
 * for the cardiac channel, the share of the window covered by accepted beats; 0 when the channel
 * is absent.
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
    /** Mean heart rate, beats per minute (from accepted IBIs; device HR when no IBIs). */
    public Double hrBpm;
    /** Root mean square of successive IBI differences, milliseconds. */
    public Double hrvRmssdMs;
    /** Mean dynamic acceleration magnitude (|a| minus its window median), g. */
    public Double motionMagG;
    /** Power of the acceleration magnitude in the 2-6 Hz fidget band, g^2. */
    public Double fidgetPower;
    /**
     * Seconds of the window with gross arm or posture movement (three-axis spread over 1 s at or
     * above the threshold); such windows are not scored as anxiety, because exertion raises EDA
     * and heart rate too.
     */
    public double grossMovementS;
    /** Skin-temperature slope, degrees C per minute. */
    public Double tempSlopeCPerMin;

    public double edaQuality;
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

    /** True on the record that marks the end of this wearer's stream (no features). */
    public boolean endOfStream;
    /** On the end-of-stream record: how many feature windows the wearer's stream produced. */
    public int windowCount;

    public WindowFeatures() {}

    @Override
    public String toString() {
        return "WindowFeatures{" + sessionId + "/" + role + " " + startS + "-" + endS
                + (endOfStream ? " END" : " idx=" + anxietyIndex) + "}";
    }
}
