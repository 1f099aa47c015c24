package org.sessionreview.report;

/** One row of the {@code beats/} table: a heart beat of one wearer and the interval ending at it. */
public class BeatRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    public String role;
    /** Beat time, seconds from media start. */
    public double tS;
    /** Interval from the previous beat, milliseconds (null for the first beat of a stretch). */
    public Double ibiMs;
    /** {@code device} (the wearable's IBI file) or {@code bvp} (detected in the pulse wave). */
    public String source;

    public boolean accepted;
    /** Why the interval was not accepted; null when accepted. */
    public String rejectReason;

    public BeatRow() {}
}
