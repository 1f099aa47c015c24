package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * A candidate alliance-rupture episode of one class (withdrawal W or confrontation C) built from
 * coded 3RS markers by {@link RuptureTracker} (DOMAIN.md section 3): a moment for supervision,
 * never a verdict on the alliance or the therapist. Times are seconds from media start.
 * Immutable.
 */
public final class RuptureEpisode implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final RuptureClass ruptureClass;
    private final double startS;
    private final double endS;
    private final double lastMarkerEndS;
    private final double closedS;
    private final boolean closedAtSessionEnd;
    private final ArrayList<CodedEvent> markers;
    private final ArrayList<CodedEvent> repairs;
    private final RuptureOutcome outcome;
    private final Integer maxSignificance;
    private final ArrayList<String> mixedWith;
    private final Double reengagementS;

    RuptureEpisode(
            String id,
            RuptureClass ruptureClass,
            double endS,
            double lastMarkerEndS,
            double closedS,
            boolean closedAtSessionEnd,
            List<CodedEvent> markers,
            List<CodedEvent> repairs,
            RuptureOutcome outcome,
            Integer maxSignificance,
            List<String> mixedWith,
            Double reengagementS) {
        if (markers.isEmpty()) {
            throw new IllegalArgumentException("a rupture episode needs a marker");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.ruptureClass = Objects.requireNonNull(ruptureClass, "ruptureClass");
        this.startS = markers.get(0).startS();
        this.endS = endS;
        this.lastMarkerEndS = lastMarkerEndS;
        this.closedS = closedS;
        this.closedAtSessionEnd = closedAtSessionEnd;
        this.markers = new ArrayList<>(markers);
        this.repairs = new ArrayList<>(repairs);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.maxSignificance = maxSignificance;
        this.mixedWith = new ArrayList<>(mixedWith);
        Collections.sort(this.mixedWith);
        this.reengagementS = reengagementS;
    }

    /** Stable id within the session: class letter and opening order, {@code W1}, {@code C2}. */
    public String id() {
        return id;
    }

    public RuptureClass ruptureClass() {
        return ruptureClass;
    }

    /** Start of the first marker. */
    public double startS() {
        return startS;
    }

    /** End of the last marker or attached repair attempt, whichever is later. */
    public double endS() {
        return endS;
    }

    /** End of the last marker: the quiet period and the merge gap count from here. */
    public double lastMarkerEndS() {
        return lastMarkerEndS;
    }

    /** When the episode closed: last marker end + quiet, or the session end if earlier. */
    public double closedS() {
        return closedS;
    }

    /** True when the session ended before the quiet period had passed. */
    public boolean closedAtSessionEnd() {
        return closedAtSessionEnd;
    }

    /** The markers, in time order. */
    public List<CodedEvent> markers() {
        return Collections.unmodifiableList(markers);
    }

    /** Marker codes in time order. */
    public List<String> markerCodes() {
        return markers.stream().map(CodedEvent::code).toList();
    }

    /** Attached repair attempts (RES_* and INT_METACOMMUNICATION), in time order. */
    public List<CodedEvent> repairs() {
        return Collections.unmodifiableList(repairs);
    }

    /** Repair strategies in time order, with coded immediacy / direct modifiers. */
    public List<String> strategies() {
        return repairs.stream().map(CodedEvent::strategyLabel).toList();
    }

    public RuptureOutcome outcome() {
        return outcome;
    }

    /** Start of the first repair attempt; null when none. */
    public Double firstRepairS() {
        return repairs.isEmpty() ? null : repairs.get(0).startS();
    }

    /**
     * Seconds from the episode start to the first repair attempt, to the microsecond ({@link
     * CodedTimes#elapsed}); null when none.
     */
    public Double timeToFirstRepairS() {
        return repairs.isEmpty()
                ? null
                : CodedTimes.elapsed(startS, repairs.get(0).startS());
    }

    /** Highest coded marker significance (1-5); null when no marker has one. */
    public Integer maxSignificance() {
        return maxSignificance;
    }

    /** True when an episode of the other class was open at the same time (rule 1). */
    public boolean mixed() {
        return !mixedWith.isEmpty();
    }

    /** Ids of the other-class episodes open alongside this one, sorted. */
    public List<String> mixedWith() {
        return Collections.unmodifiableList(mixedWith);
    }

    /** First coded client re-engagement after the last repair attempt; null when none. */
    public Double reengagementS() {
        return reengagementS;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuptureEpisode)) {
            return false;
        }
        RuptureEpisode e = (RuptureEpisode) o;
        return id.equals(e.id)
                && ruptureClass == e.ruptureClass
                && startS == e.startS
                && endS == e.endS
                && lastMarkerEndS == e.lastMarkerEndS
                && closedS == e.closedS
                && closedAtSessionEnd == e.closedAtSessionEnd
                && markers.equals(e.markers)
                && repairs.equals(e.repairs)
                && outcome == e.outcome
                && Objects.equals(maxSignificance, e.maxSignificance)
                && mixedWith.equals(e.mixedWith)
                && Objects.equals(reengagementS, e.reengagementS);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, startS, endS, outcome, markers, repairs);
    }

    @Override
    public String toString() {
        return "RuptureEpisode{" + id + " " + startS + "-" + endS + " " + outcome.id() + " markers=" + markerCodes()
                + " repairs=" + strategies() + " mixedWith=" + mixedWith + "}";
    }
}
