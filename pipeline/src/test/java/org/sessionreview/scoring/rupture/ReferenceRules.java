package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * A slow, look-ahead restatement of the rupture rules, written straight from DOMAIN.md section 3
 * and independent of the tracker's timing: given the episodes the tracker built, it checks the
 * grouping invariants and recomputes every outcome from the whole annotation list. Needs
 * strictly increasing annotation times (no ties, whose order would need the feeding order).
 */
final class ReferenceRules {
    private ReferenceRules() {}

    static void check(List<RuptureEpisode> episodes, List<Annotation> as, RuptureConfig cfg) {
        List<Annotation> sorted = RuptureEpisodes.sortedByStart(as);
        int markers = 0;
        for (Annotation a : sorted) {
            markers += CodeTaxonomy.isRupture(a.code) ? 1 : 0;
        }
        int grouped = episodes.stream().mapToInt(e -> e.markers().size()).sum();
        assertEquals(markers, grouped, "every marker belongs to exactly one episode");
        for (RuptureEpisode e : episodes) {
            List<CodedEvent> m = e.markers();
            for (int i = 1; i < m.size(); i++) {
                assertTrue(m.get(i).startS() - m.get(i - 1).endS() <= cfg.mergeGapS(), e.toString());
            }
            for (CodedEvent r : e.repairs()) {
                assertTrue(
                        r.startS() >= e.startS() && r.startS() <= e.lastMarkerEndS() + cfg.repairWindowS(),
                        e.toString());
            }
            assertEquals(expectedOutcome(e, sorted, cfg), e.outcome(), e + " in " + sorted);
        }
    }

    private static RuptureOutcome expectedOutcome(RuptureEpisode e, List<Annotation> sorted, RuptureConfig cfg) {
        if (e.repairs().isEmpty()) {
            return RuptureOutcome.UNADDRESSED;
        }
        double first = e.repairs().get(0).startS();
        double last = e.repairs().get(e.repairs().size() - 1).startS();
        Integer before = null;
        Integer after = null;
        for (CodedEvent m : e.markers()) {
            if (m.startS() < first) {
                before = max(before, m.significance());
            } else {
                after = max(after, m.significance());
            }
        }
        boolean returned = false;
        boolean reengaged = false;
        for (Annotation a : sorted) {
            boolean inWindow = a.startS > last && a.startS <= last + cfg.resolvedWindowS();
            RuptureClass k = CodeTaxonomy.ruptureClass(a.code).orElse(null);
            if (inWindow && k == e.ruptureClass()) {
                returned = true;
                after = max(after, a.significance);
            }
            if (inWindow && cfg.reengagementCodes().contains(a.code.toUpperCase(Locale.ROOT))) {
                reengaged = true;
            }
        }
        if (before != null && after != null && after > before) {
            return RuptureOutcome.ESCALATED;
        }
        if (returned || (cfg.requireReengagement() && !reengaged)) {
            return RuptureOutcome.PARTIALLY_RESOLVED;
        }
        return RuptureOutcome.RESOLVED;
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }
}
