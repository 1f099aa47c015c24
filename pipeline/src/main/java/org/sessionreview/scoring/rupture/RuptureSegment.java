package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One 3RS-compatible segment of a session with its marker and repair tallies (DOMAIN.md section
 * 3, rule 6); built by {@link SegmentRollup}. Immutable.
 */
public final class RuptureSegment implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final double startS;
    private final double endS;
    private final LinkedHashMap<String, Integer> markerCounts;
    private final int withdrawalMarkers;
    private final int confrontationMarkers;
    private final Integer maxSignificanceW;
    private final Integer maxSignificanceC;
    private final int repairCount;
    private final Integer repairMaxSignificance;

    RuptureSegment(
            int index,
            double startS,
            double endS,
            Map<String, Integer> markerCounts,
            int withdrawalMarkers,
            int confrontationMarkers,
            Integer maxSignificanceW,
            Integer maxSignificanceC,
            int repairCount,
            Integer repairMaxSignificance) {
        this.index = index;
        this.startS = startS;
        this.endS = endS;
        this.markerCounts = new LinkedHashMap<>(markerCounts);
        this.withdrawalMarkers = withdrawalMarkers;
        this.confrontationMarkers = confrontationMarkers;
        this.maxSignificanceW = maxSignificanceW;
        this.maxSignificanceC = maxSignificanceC;
        this.repairCount = repairCount;
        this.repairMaxSignificance = repairMaxSignificance;
    }

    /** 0-based segment number k; the segment covers [k * length, (k + 1) * length). */
    public int index() {
        return index;
    }

    public double startS() {
        return startS;
    }

    /** (k + 1) * length, or the session end when that comes first. */
    public double endS() {
        return endS;
    }

    /** Count per marker code, withdrawal codes first (taxonomy order); only codes present. */
    public Map<String, Integer> markerCounts() {
        return Collections.unmodifiableMap(markerCounts);
    }

    /** The counts as {@code code=n;code=n}; empty without markers. */
    public String markerCountsText() {
        StringBuilder sb = new StringBuilder();
        markerCounts.forEach((c, n) ->
                sb.append(sb.length() == 0 ? "" : ";").append(c).append('=').append(n));
        return sb.toString();
    }

    public int withdrawalMarkers() {
        return withdrawalMarkers;
    }

    public int confrontationMarkers() {
        return confrontationMarkers;
    }

    /** Highest coded withdrawal-marker significance; null when none is coded. */
    public Integer maxSignificanceW() {
        return maxSignificanceW;
    }

    /** Highest coded confrontation-marker significance; null when none is coded. */
    public Integer maxSignificanceC() {
        return maxSignificanceC;
    }

    /** Repair attempts (RES_* and INT_METACOMMUNICATION) starting in the segment. */
    public int repairCount() {
        return repairCount;
    }

    /** Highest coded repair significance; null when none is coded. */
    public Integer repairMaxSignificance() {
        return repairMaxSignificance;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuptureSegment)) {
            return false;
        }
        RuptureSegment s = (RuptureSegment) o;
        return index == s.index
                && startS == s.startS
                && endS == s.endS
                && markerCounts.equals(s.markerCounts)
                && withdrawalMarkers == s.withdrawalMarkers
                && confrontationMarkers == s.confrontationMarkers
                && Objects.equals(maxSignificanceW, s.maxSignificanceW)
                && Objects.equals(maxSignificanceC, s.maxSignificanceC)
                && repairCount == s.repairCount
                && Objects.equals(repairMaxSignificance, s.repairMaxSignificance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, startS, markerCounts, repairCount);
    }

    @Override
    public String toString() {
        return "RuptureSegment{#" + index + " " + startS + "-" + endS + " " + markerCountsText() + " repairs="
                + repairCount + "}";
    }
}
