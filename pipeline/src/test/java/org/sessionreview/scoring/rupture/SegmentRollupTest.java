package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.by;
import static org.sessionreview.scoring.rupture.Coded.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.RuptureOptions;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.SegmentRow;
import org.sessionreview.taxonomy.RuptureClass;

class SegmentRollupTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();
    private static final String W = "RUP_W_MINIMAL";
    private static final String C = "RUP_C_COMPLAINT_THERAPIST";
    private static final String RES = "RES_RATIONALE";

    private static List<Annotation> session() {
        return list(
                at(10, W, 2),
                at(200, W, 4),
                at(299.9, C, 3),
                at(300, "RUP_W_ABSTRACT"),
                at(310, RES, 2),
                at(320, "INT_METACOMMUNICATION"),
                at(330, "INT_VALIDATION"),
                by(at(400, W), "therapist"),
                at(905, RES));
    }

    @Test
    void shouldCountMarkersPerSubtypeAndClassInFiveMinuteSegmentsWhenCoded() {
        List<RuptureSegment> s = SegmentRollup.rollup(session(), 1000, CFG);
        assertEquals(4, s.size(), "ceil(1000 / 300)");
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put(W, 2);
        first.put(C, 1);
        assertEquals(first, s.get(0).markerCounts());
        assertEquals(
                "RUP_W_MINIMAL=2;RUP_C_COMPLAINT_THERAPIST=1", s.get(0).markerCountsText(), "withdrawal codes first");
        assertEquals(2, s.get(0).withdrawalMarkers());
        assertEquals(1, s.get(0).confrontationMarkers());
        assertEquals(4, s.get(0).maxSignificanceW());
        assertEquals(3, s.get(0).maxSignificanceC());
        assertEquals(0, s.get(0).repairCount());
        assertNull(s.get(0).repairMaxSignificance());

        // 300 opens segment 1; the marker coded on the therapist's tier at 400 counts: a RUP code is
        // the client's whatever tier it was coded on (before 2026-12-05 it was ignored without a word)
        assertEquals(Map.of("RUP_W_ABSTRACT", 1, W, 1), s.get(1).markerCounts(), "300 opens segment 1");
        assertNull(s.get(1).maxSignificanceW(), "no significance coded");
        assertEquals(2, s.get(1).repairCount(), "RES and metacommunication, not validation");
        assertEquals(2, s.get(1).repairMaxSignificance());
        assertEquals(0, s.get(2).withdrawalMarkers());
        assertEquals("", s.get(2).markerCountsText());
        assertEquals(900, s.get(3).startS());
        assertEquals(1000, s.get(3).endS(), "the last segment ends with the session");
        assertEquals(1, s.get(3).repairCount());
    }

    @Test
    void shouldSummariseSharesAndResolutionRatioWithWAndCSideBySide() {
        List<Annotation> as = session();
        List<RuptureSegment> s = SegmentRollup.rollup(as, 1000, CFG);
        List<RuptureEpisode> eps = RuptureEpisodes.detect(as, 1000, CFG);
        RuptureSummary sum = SegmentRollup.summarize(s, eps);
        assertEquals(2.0 / 4, sum.shareSegmentsWithW());
        assertEquals(1.0 / 4, sum.shareSegmentsWithC());
        int all = eps.size();
        long resolved =
                eps.stream().filter(e -> e.outcome() == RuptureOutcome.RESOLVED).count();
        assertEquals((double) resolved / all, sum.resolutionRatio());
        assertEquals(all, sum.episodes(RuptureClass.W) + sum.episodes(RuptureClass.C));
    }

    @Test
    void shouldComputeTheResolutionRatioAsDomainWritesItWhenEachOutcomeOccurs() {
        List<Annotation> as = list(
                at(600, "RUP_W_DENIAL"),
                at(650, RES), // W1 resolved
                at(1200, "RUP_W_DENIAL"),
                at(1250, RES),
                at(1300, "RUP_W_DENIAL"), // W2 partial
                at(2000, C, 2),
                at(2030, RES),
                at(2080, C, 4), // C1 escalated
                at(2700, C)); // C2 unaddressed
        List<RuptureEpisode> eps = RuptureEpisodes.detect(as, 3600, CFG);
        RuptureSummary sum = SegmentRollup.summarize(SegmentRollup.rollup(as, 3600, CFG), eps);
        assertEquals(1, sum.count(RuptureClass.W, RuptureOutcome.RESOLVED));
        assertEquals(1, sum.count(RuptureClass.W, RuptureOutcome.PARTIALLY_RESOLVED));
        assertEquals(1, sum.count(RuptureClass.C, RuptureOutcome.ESCALATED));
        assertEquals(1, sum.count(RuptureClass.C, RuptureOutcome.UNADDRESSED));
        // DOMAIN.md 3 rule 6: resolved / (resolved + partial + unaddressed), escalated left out
        // (as trainees/ computes it; before 2026-12-05 escalated counted here: 0.25)
        assertEquals(1.0 / 3, sum.resolutionRatio());
        assertEquals(0.5, sum.resolutionRatio(RuptureClass.W));
        assertEquals(0.0, sum.resolutionRatio(RuptureClass.C));
        List<RuptureEpisode> escalatedOnly =
                RuptureEpisodes.detect(list(at(2000, C, 2), at(2030, RES), at(2080, C, 4)), 3600, CFG);
        assertNull(SegmentRollup.summarize(List.of(), escalatedOnly).resolutionRatio());
        assertEquals(12, sum.segments());
        assertEquals(2.0 / 12, sum.shareSegmentsWithW(), "segment 2 (600) and 4 (1200, 1300)");
    }

    @Test
    void shouldGiveNullRatiosWhenThereIsNothing() {
        RuptureSummary sum = SegmentRollup.summarize(List.of(), List.of());
        assertNull(sum.shareSegmentsWithW());
        assertNull(sum.resolutionRatio());
        assertNull(sum.resolutionRatio(RuptureClass.W));
        assertEquals(List.of(), SegmentRollup.rollup(List.of(), 0, CFG));
    }

    @Test
    void shouldAddSegmentsWhenMarkersComeAfterTheSessionEnd() {
        List<RuptureSegment> s = SegmentRollup.rollup(list(at(650, W)), 400, CFG);
        assertEquals(3, s.size());
        assertEquals(400, s.get(1).endS());
        assertEquals(900, s.get(2).endS());
        assertEquals(1, s.get(2).withdrawalMarkers());
    }

    @Test
    void shouldWriteOneRowPerSegmentWhenRolledUp() {
        List<SegmentRow> rows = SegmentRollup.rows(
                "S1",
                SegmentRollup.rollup(
                        session(),
                        1000,
                        CFG.toBuilder().set(RuptureOptions.SEGMENT_S, 600.0).build()));
        assertEquals(2, rows.size());
        SegmentRow r = rows.get(0);
        assertEquals("S1", r.sessionId);
        assertEquals(0, r.segmentIndex);
        assertEquals(600, r.endS);
        assertEquals("RUP_W_MINIMAL=3;RUP_W_ABSTRACT=1;RUP_C_COMPLAINT_THERAPIST=1", r.markerCounts);
        assertEquals(4, r.withdrawalMarkers);
        assertEquals(1, r.confrontationMarkers);
        assertEquals(4, r.maxSignificanceW);
        assertEquals(3, r.maxSignificanceC);
        assertEquals(2, r.repairCount);
        assertEquals(2, r.repairMaxSignificance);
        assertEquals(1000, rows.get(1).endS);
    }

    // Sixteenth audit: a marker at the session's last instant, when the session lasts a whole
    // number of segments (1800 s), opened a seventh segment [1800, 2100) and made the shares 1/7
    @Test
    void shouldCountAMarkerAtTheSessionEndInTheLastSegment() {
        List<RuptureSegment> s = SegmentRollup.rollup(list(at(1800, W), at(1800, RES)), 1800, CFG);
        assertEquals(6, s.size(), s.toString());
        assertEquals(1, s.get(5).withdrawalMarkers());
        assertEquals(1, s.get(5).repairCount());
        assertEquals(1800.0, s.get(5).endS());
        assertEquals(1.0 / 6, SegmentRollup.summarize(s, List.of()).shareSegmentsWithW(), 1e-12);
        assertEquals(7, SegmentRollup.rollup(list(at(1800.5, W)), 1800, CFG).size(), "after the end: a segment more");
    }
}
