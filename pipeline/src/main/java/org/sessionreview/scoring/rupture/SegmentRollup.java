package org.sessionreview.scoring.rupture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.SegmentRow;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * The 3RS-compatible roll-up (DOMAIN.md section 3, rule 6): the session is cut into consecutive
 * segments [k * L, (k + 1) * L) from media start, L = {@code segmentS} [300 s], as 3RS coders
 * rate consecutive 5-minute segments (Eubanks, Muran &amp; Safran 2015, <i>3RS Manual</i>; Eubanks,
 * Lubitz, Muran &amp; Safran 2019). Per segment: the count of each marker subtype, the highest
 * coded significance of withdrawal and of confrontation markers, and the count and highest
 * significance of repair attempts.
 *
 * <p>Membership is by start time (an annotation before 0 counts in segment 0). Markers are
 * {@code RUP_W_*} / {@code RUP_C_*} whatever tier's actor they were coded on (the code is the
 * client's, DOMAIN.md 2.2); repair attempts are therapist {@code RES_*} and {@code
 * INT_METACOMMUNICATION}, the same set the episode rule uses
 * (the 3RS rates resolution strategies; metacommunication is counted with them so that both
 * tables agree), whether or not they attached to an episode. Segments cover the session end, and
 * further segments are added when coded events start after it; an event at the session end itself
 * counts in the segment that ends there (a session of 1800 s has six segments, and a marker at
 * 1800 s is in the sixth, [1500, 1800], not in a seventh).
 */
public final class SegmentRollup {
    private SegmentRollup() {}

    /** The segments of a session, in time order; empty for a session with no time and no events. */
    public static List<RuptureSegment> rollup(List<Annotation> annotations, double sessionEndS, RuptureConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        double len = cfg.segmentS();
        int covering = sessionEndS > 0 ? (int) Math.ceil(sessionEndS / len) : 0;
        int n = covering;
        List<Annotation> marks = new ArrayList<>();
        List<Annotation> repairs = new ArrayList<>();
        for (Annotation a : RuptureEpisodes.sortedByStart(annotations)) {
            if (CodeTaxonomy.ruptureClass(a.code).isPresent()) {
                marks.add(a);
            } else if (CodeTaxonomy.isRepair(a.code) && Actors.isTherapist(a)) {
                repairs.add(a);
            } else {
                continue;
            }
            n = Math.max(n, index(a, len, sessionEndS, covering) + 1);
        }
        List<Tally> tallies = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            tallies.add(new Tally());
        }
        for (Annotation a : marks) {
            tallies.get(index(a, len, sessionEndS, covering)).marker(a);
        }
        for (Annotation a : repairs) {
            tallies.get(index(a, len, sessionEndS, covering)).repair(a);
        }
        List<RuptureSegment> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double end = (k + 1) * len;
            if (sessionEndS > k * len && sessionEndS < end) {
                end = sessionEndS;
            }
            out.add(tallies.get(k).toSegment(k, k * len, end));
        }
        return out;
    }

    /** Session-level roll-up of the segments and the episodes' outcomes. */
    public static RuptureSummary summarize(List<RuptureSegment> segments, List<RuptureEpisode> episodes) {
        int withW = 0;
        int withC = 0;
        for (RuptureSegment s : segments) {
            withW += s.withdrawalMarkers() > 0 ? 1 : 0;
            withC += s.confrontationMarkers() > 0 ? 1 : 0;
        }
        EnumMap<RuptureClass, EnumMap<RuptureOutcome, Integer>> outcomes = new EnumMap<>(RuptureClass.class);
        for (RuptureEpisode e : episodes) {
            outcomes.computeIfAbsent(e.ruptureClass(), c -> new EnumMap<>(RuptureOutcome.class))
                    .merge(e.outcome(), 1, Integer::sum);
        }
        return new RuptureSummary(segments.size(), withW, withC, outcomes);
    }

    /** One {@code segments/} row per segment, in the given order. */
    public static List<SegmentRow> rows(String sessionId, List<RuptureSegment> segments) {
        List<SegmentRow> rows = new ArrayList<>();
        for (RuptureSegment s : segments) {
            SegmentRow r = new SegmentRow();
            r.sessionId = sessionId;
            r.segmentIndex = s.index();
            r.startS = s.startS();
            r.endS = s.endS();
            r.markerCounts = s.markerCountsText();
            r.withdrawalMarkers = s.withdrawalMarkers();
            r.confrontationMarkers = s.confrontationMarkers();
            r.maxSignificanceW = s.maxSignificanceW();
            r.maxSignificanceC = s.maxSignificanceC();
            r.repairCount = s.repairCount();
            r.repairMaxSignificance = s.repairMaxSignificance();
            rows.add(r);
        }
        return rows;
    }

    /** The segment of an annotation's start; one at the session end is in the last covering segment. */
    private static int index(Annotation a, double len, double sessionEndS, int covering) {
        int k = (int) Math.floor(Math.max(0, a.startS) / len);
        return covering > 0 && k >= covering && CodedTimes.notAfter(a.startS, sessionEndS) ? covering - 1 : k;
    }

    /** Running tallies of one segment. */
    private static final class Tally {
        private final TreeMap<CanonicalCode, Integer> counts = new TreeMap<>();
        private int w;
        private int c;
        private Integer maxW;
        private Integer maxC;
        private int repairs;
        private Integer maxRepair;

        void marker(Annotation a) {
            Optional<CanonicalCode> code = CodeTaxonomy.lookup(a.code);
            counts.merge(code.orElseThrow(), 1, Integer::sum);
            if (CodeTaxonomy.ruptureClass(a.code).orElseThrow() == RuptureClass.W) {
                w++;
                maxW = max(maxW, a.significance);
            } else {
                c++;
                maxC = max(maxC, a.significance);
            }
        }

        void repair(Annotation a) {
            repairs++;
            maxRepair = max(maxRepair, a.significance);
        }

        RuptureSegment toSegment(int k, double startS, double endS) {
            Map<String, Integer> byCode = new LinkedHashMap<>();
            counts.forEach((code, n) -> byCode.put(code.code(), n));
            return new RuptureSegment(k, startS, endS, byCode, w, c, maxW, maxC, repairs, maxRepair);
        }

        private static Integer max(Integer a, Integer b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Math.max(a, b);
        }
    }
}
