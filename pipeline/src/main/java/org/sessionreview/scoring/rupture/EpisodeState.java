package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.TreeSet;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * The growing state of one rupture episode inside {@link RuptureTracker}: plain fields and
 * array lists so that it serialises with the tracker (Flink state). Not thread-safe.
 */
final class EpisodeState implements Serializable {
    private static final long serialVersionUID = 1L;

    final String id;
    final RuptureClass ruptureClass;
    /** Opening order over both classes: breaks ties between equally recent episodes. */
    final long seq;

    final ArrayList<CodedEvent> markers = new ArrayList<>();
    final ArrayList<CodedEvent> repairs = new ArrayList<>();
    final TreeSet<String> mixedWith = new TreeSet<>();
    double lastMarkerStartS;
    double lastMarkerEndS;
    /** End of the latest marker of this episode's class while it was open (its own or a newer episode's). */
    double lastClassMarkerEndS;

    double endS;
    Integer maxSignificance;
    /** Highest marker significance when the first repair attached. */
    Integer significanceBeforeRepair;
    /** Highest significance of the markers after the first repair (own, or returning). */
    Integer significanceAfterRepair;
    /** A marker of the class came within the resolved window after the last repair. */
    boolean returned;

    Double reengagementS;
    double closedS = Double.NaN;
    boolean closedAtSessionEnd;

    EpisodeState(String id, RuptureClass ruptureClass, long seq) {
        this.id = id;
        this.ruptureClass = ruptureClass;
        this.seq = seq;
    }

    double startS() {
        return markers.get(0).startS();
    }

    boolean hasRepair() {
        return !repairs.isEmpty();
    }

    double lastRepairS() {
        return repairs.get(repairs.size() - 1).startS();
    }

    /**
     * The episode closes once time passes this (rule 3: "once quiet = 300 s pass with no marker of
     * its class", so a newer episode's marker of the class keeps it open too).
     */
    double closeAtS(RuptureConfig cfg) {
        return Math.max(lastMarkerEndS, lastClassMarkerEndS) + cfg.quietS();
    }

    /** A marker of this episode's class, its own or a newer episode's, while this one is open. */
    void classMarker(CodedEvent m) {
        lastClassMarkerEndS = Math.max(lastClassMarkerEndS, m.endS());
    }

    /** After time passes this, a closed episode's outcome can no longer change (rule 4). */
    double decidedAtS(RuptureConfig cfg) {
        double close = Double.isNaN(closedS) ? closeAtS(cfg) : closedS;
        return hasRepair() ? Math.max(close, lastRepairS() + cfg.resolvedWindowS()) : close;
    }

    /** True when a repair attempt at {@code tS} falls in this episode's window (rule 2). */
    boolean acceptsRepairAt(double tS, RuptureConfig cfg) {
        return CodedTimes.notBefore(tS, startS()) && CodedTimes.notAfter(tS, lastMarkerEndS + cfg.repairWindowS());
    }

    void addMarker(CodedEvent m) {
        if (markers.isEmpty()) {
            endS = m.endS();
        }
        markers.add(m);
        lastMarkerStartS = m.startS();
        lastMarkerEndS = Math.max(lastMarkerEndS, m.endS());
        endS = Math.max(endS, m.endS());
        maxSignificance = max(maxSignificance, m.significance());
    }

    void addRepair(CodedEvent r) {
        if (repairs.isEmpty()) {
            significanceBeforeRepair = maxSignificance;
        }
        repairs.add(r);
        endS = Math.max(endS, r.endS());
        returned = false;
        reengagementS = null;
    }

    /**
     * A marker of this episode's class at or after the last repair: it "comes back" when it
     * starts within the resolved window after the last repair; it counts for escalation when it
     * is the episode's own or comes back.
     */
    void markerAfterRepair(CodedEvent m, boolean own, RuptureConfig cfg) {
        if (!hasRepair()) {
            return;
        }
        boolean back = CodedTimes.notAfter(m.startS(), lastRepairS() + cfg.resolvedWindowS());
        returned |= back;
        if (own || back) {
            significanceAfterRepair = max(significanceAfterRepair, m.significance());
        }
    }

    void reengagement(double tS, RuptureConfig cfg) {
        if (hasRepair() && reengagementS == null && CodedTimes.notAfter(tS, lastRepairS() + cfg.resolvedWindowS())) {
            reengagementS = tS;
        }
    }

    /** Rule 4, in this precedence: unaddressed, escalated, partially resolved, resolved. */
    RuptureOutcome outcome(RuptureConfig cfg) {
        if (!hasRepair()) {
            return RuptureOutcome.UNADDRESSED;
        }
        if (significanceBeforeRepair != null
                && significanceAfterRepair != null
                && significanceAfterRepair > significanceBeforeRepair) {
            return RuptureOutcome.ESCALATED;
        }
        if (returned || (cfg.requireReengagement() && reengagementS == null)) {
            return RuptureOutcome.PARTIALLY_RESOLVED;
        }
        return RuptureOutcome.RESOLVED;
    }

    RuptureEpisode toEpisode(RuptureConfig cfg) {
        return new RuptureEpisode(
                id,
                ruptureClass,
                endS,
                lastMarkerEndS,
                closedS,
                closedAtSessionEnd,
                markers,
                repairs,
                outcome(cfg),
                maxSignificance,
                new ArrayList<>(mixedWith),
                reengagementS);
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
