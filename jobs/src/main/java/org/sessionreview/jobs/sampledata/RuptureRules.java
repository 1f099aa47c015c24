package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rupture-repair sequence rules of DOMAIN.md section 3 applied to the plan, so that
 * planted.json can state each rupture episode and its expected outcome.
 *
 * <ol>
 *   <li>Open / extend: RUP_W_* and RUP_C_* markers, per class, in time order; a marker starting
 *       within {@value #MERGE_GAP_S} s of the end of the episode's last marker extends it.
 *   <li>Repair attempt: RES_* or INT_METACOMMUNICATION at t in [first marker, last marker end +
 *       {@value #REPAIR_REACH_S} s], attached to the most recent episode (of either class) that
 *       started at or before t.
 *   <li>Close: last marker end + {@value #QUIET_S} s, or the session end.
 *   <li>Outcome: {@code unaddressed} without a repair attempt; {@code resolved} when no marker of
 *       the class starts within {@value #RETURN_S} s after the last repair attempt; otherwise
 *       {@code escalated} when a marker after the first attempt is more significant than every
 *       marker before it, else {@code partially_resolved}.
 * </ol>
 *
 * A marker 120-300 s after an episode's last marker is left open by DOMAIN.md (not merged, yet
 * the episode has not closed): {@link #episodes} refuses a plan that contains one.
 */
final class RuptureRules {
    /** DOMAIN.md 3.1 {@code mergeGap}, seconds. */
    static final double MERGE_GAP_S = 120;
    /** DOMAIN.md 3.2: repair attempts count up to this long after the last marker, seconds. */
    static final double REPAIR_REACH_S = 300;
    /** DOMAIN.md 3.3 {@code quiet}, seconds. */
    static final double QUIET_S = 300;
    /** DOMAIN.md 3.4: no marker of the class this long after the last repair = resolved. */
    static final double RETURN_S = 120;

    /**
     * One rupture episode.
     *
     * @param ruptureClass {@code W} (withdrawal) or {@code C} (confrontation)
     * @param markers the RUP_* markers in time order
     * @param repairs the attached repair attempts in time order
     * @param closeS when the episode closes, seconds from media start
     */
    record Episode(
            String ruptureClass, List<CodedEvent> markers, List<CodedEvent> repairs, double closeS, String outcome) {
        double startS() {
            return markers.get(0).startS();
        }

        /** End of the last marker (its start for a point marker). */
        double endS() {
            return markers.stream().mapToDouble(CodedEvent::endOrStartS).max().orElseThrow();
        }

        /** Seconds from the first marker to the first repair attempt; null without one. */
        Double timeToFirstRepairS() {
            return repairs.isEmpty() ? null : repairs.get(0).startS() - startS();
        }
    }

    private RuptureRules() {}

    /** The session's rupture episodes ordered by start (W before C on a tie). */
    static List<Episode> episodes(SessionPlan s) {
        List<List<CodedEvent>> groups = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (String cls : List.of("W", "C")) {
            List<CodedEvent> current = null;
            for (CodedEvent m : markers(s, cls)) {
                double gap = current == null
                        ? Double.POSITIVE_INFINITY
                        : m.startS()
                                - current.stream()
                                        .mapToDouble(CodedEvent::endOrStartS)
                                        .max()
                                        .orElseThrow();
                if (gap <= MERGE_GAP_S) {
                    current.add(m);
                    continue;
                }
                if (gap <= QUIET_S) {
                    throw new IllegalStateException(s.sessionId() + ": " + m.code() + " at " + m.startS()
                            + " s falls between mergeGap and quiet");
                }
                current = new ArrayList<>(List.of(m));
                groups.add(current);
                classes.add(cls);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> groups.get(i).get(0).startS()));
        List<List<CodedEvent>> repairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            repairs.add(new ArrayList<>());
        }
        for (CodedEvent r : repairAttempts(s)) {
            Integer target = null;
            for (int i : order) {
                List<CodedEvent> g = groups.get(i);
                double last =
                        g.stream().mapToDouble(CodedEvent::endOrStartS).max().orElseThrow();
                if (r.startS() >= g.get(0).startS() && r.startS() <= last + REPAIR_REACH_S) {
                    target = i; // the most recent one that reaches t wins
                }
            }
            if (target != null) {
                repairs.get(target).add(r);
            }
        }
        List<Episode> out = new ArrayList<>();
        for (int i : order) {
            List<CodedEvent> g = groups.get(i);
            double last = g.stream().mapToDouble(CodedEvent::endOrStartS).max().orElseThrow();
            double close = Math.min(last + QUIET_S, s.durationS());
            out.add(new Episode(
                    classes.get(i),
                    List.copyOf(g),
                    List.copyOf(repairs.get(i)),
                    close,
                    outcome(s, classes.get(i), g, repairs.get(i))));
        }
        return out;
    }

    private static String outcome(SessionPlan s, String cls, List<CodedEvent> markers, List<CodedEvent> repairs) {
        if (repairs.isEmpty()) {
            return "unaddressed";
        }
        double lastRepair = repairs.get(repairs.size() - 1).startS();
        boolean returns =
                markers(s, cls).stream().anyMatch(m -> m.startS() > lastRepair && m.startS() <= lastRepair + RETURN_S);
        if (!returns) {
            return "resolved";
        }
        double firstRepair = repairs.get(0).startS();
        int before = markers.stream()
                .filter(m -> m.startS() < firstRepair)
                .mapToInt(RuptureRules::significance)
                .max()
                .orElse(0);
        boolean rises = markers(s, cls).stream().anyMatch(m -> m.startS() > firstRepair && significance(m) > before);
        return rises ? "escalated" : "partially_resolved";
    }

    private static int significance(CodedEvent m) {
        return m.significance() == null ? 0 : m.significance();
    }

    /** The session's RUP markers of one class ({@code W} or {@code C}) in time order. */
    static List<CodedEvent> markers(SessionPlan s, String cls) {
        return s.events().stream()
                .filter(e -> e.code().startsWith("RUP_" + cls + "_"))
                .sorted(Comparator.comparingDouble(CodedEvent::startS))
                .toList();
    }

    /** RES_* and INT_METACOMMUNICATION codes in time order (DOMAIN.md 3.2). */
    static List<CodedEvent> repairAttempts(SessionPlan s) {
        return s.events().stream()
                .filter(e -> e.code().startsWith("RES_") || e.code().equals("INT_METACOMMUNICATION"))
                .sorted(Comparator.comparingDouble(CodedEvent::startS))
                .toList();
    }
}
