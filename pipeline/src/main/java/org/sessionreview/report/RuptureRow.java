package org.sessionreview.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the {@code ruptures/} table: a candidate alliance-rupture episode of one class
 * (DOMAIN.md section 3), for review in supervision. Times are seconds from media start. A plain
 * POJO with mutable lists (Flink's Kryo cannot rebuild unmodifiable collections).
 */
public class RuptureRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    /** Stable within the session: class letter and opening order, {@code W1}, {@code C2}. */
    public String episodeId;
    /** {@code W} (withdrawal) or {@code C} (confrontation). */
    public String ruptureClass;
    /** Start of the first marker. */
    public double startS;
    /** End of the last marker or attached repair attempt. */
    public double endS;
    /** Marker codes in time order, e.g. {@code RUP_W_MINIMAL}. */
    public List<String> markers = new ArrayList<>();
    /** {@code resolved}, {@code partially_resolved}, {@code unaddressed} or {@code escalated}. */
    public String outcome;
    /** Start of the first repair attempt; null without one. */
    public Double firstRepairS;
    /** Seconds from the episode start to the first repair attempt; null without one. */
    public Double timeToFirstRepairS;
    /** Repair strategies in time order, with coded modifiers: {@code RES_X[immediacy=yes]}. */
    public List<String> strategies = new ArrayList<>();
    /** Highest coded marker significance 1-5; null when none is coded. */
    public Integer maxSignificance;
    /**
     * Highest Safran &amp; Muran (2000) resolution stage coded (modifier {@code stage}) on the
     * episode's markers and repair attempts, 1-4 (DOMAIN.md 3.5); null when none is coded.
     */
    public Integer stageReached;
    /** True when an episode of the other class was open at the same time. */
    public boolean mixed;
    /** True when the session ended before the episode's quiet period passed. */
    public boolean closedAtSessionEnd;
    /**
     * Client arousal during the episode (e.g. the peak anxiety index, robust z); null until the
     * integration fills it, or when the client wore no sensor.
     */
    public Double clientArousalZ;

    public RuptureRow() {}

    /** Sets {@link #clientArousalZ} and returns this row. */
    public RuptureRow withClientArousalZ(Double z) {
        this.clientArousalZ = z;
        return this;
    }

    @Override
    public String toString() {
        return "RuptureRow{" + sessionId + " " + episodeId + " " + startS + "-" + endS + " " + outcome + " " + markers
                + " " + strategies + "}";
    }
}
