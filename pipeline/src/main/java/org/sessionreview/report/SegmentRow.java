package org.sessionreview.report;

/**
 * One row of the {@code segments/} table: one 3RS-compatible segment [k*300, (k+1)*300) s of a
 * session (DOMAIN.md section 3, rule 6; Eubanks, Muran &amp; Safran 2015 code sessions in
 * consecutive 5-minute segments). Times are seconds from media start.
 */
public class SegmentRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    /** 0-based segment number k. */
    public int segmentIndex;
    /** k * segment length. */
    public double startS;
    /** (k + 1) * segment length, or the session end when that comes first. */
    public double endS;
    /**
     * Count of each marker subtype, {@code code=n} joined by {@code ;}, withdrawal codes first
     * (taxonomy order); empty when the segment has no marker.
     */
    public String markerCounts = "";
    /** Number of withdrawal markers (RUP_W_*). */
    public int withdrawalMarkers;
    /** Number of confrontation markers (RUP_C_*). */
    public int confrontationMarkers;
    /** Highest coded significance of the withdrawal markers; null when none is coded. */
    public Integer maxSignificanceW;
    /** Highest coded significance of the confrontation markers; null when none is coded. */
    public Integer maxSignificanceC;
    /** Number of repair attempts (RES_* and INT_METACOMMUNICATION). */
    public int repairCount;
    /** Highest coded significance of the repair attempts; null when none is coded. */
    public Integer repairMaxSignificance;

    public SegmentRow() {}

    @Override
    public String toString() {
        return "SegmentRow{" + sessionId + " #" + segmentIndex + " " + startS + "-" + endS + " " + markerCounts
                + " repairs=" + repairCount + "}";
    }
}
