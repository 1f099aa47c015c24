package org.sessionreview.scoring.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.opportunity.MissedOpportunitiesTest.episode;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.list;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.AnxietyEpisode;
import org.sessionreview.scoring.DataRuns;
import org.sessionreview.scoring.rupture.CodedMoments;

class CodedEventReviewTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();
    private static final long MEDIA_START = 1_772_442_000_000L;

    private static List<Annotation> busySession() {
        return list(
                at(750, "SAFE_SUICIDAL_IDEATION"),
                at(900, "RUP_W_MINIMAL", 2),
                at(950, "RES_INVITE_DISCUSS_RELATIONSHIP"),
                at(1300, "AFF_CONCERN"),
                at(1304, "INT_TOPIC_SHIFT"),
                at(1500, "RUP_C_REJECTS_INTERVENTION", 3),
                at(2000, "ANX_CPD", 2),
                at(2010, "INT_EXPLORE_FEELING"));
    }

    private static final List<AnxietyEpisode> EPISODES = List.of(episode(2400, 2500));

    private static CodedEventReview review(List<Annotation> as, List<AnxietyEpisode> eps) {
        return CodedEventReview.review(
                "T01-20260302-1000", MEDIA_START, 3000, as, eps, DataRuns.throughout(), 4.5, CFG);
    }

    @Test
    void shouldProduceEveryMomentKindInTimeOrderWhenTheSessionHasThemAll() {
        CodedEventReview r = review(busySession(), EPISODES);
        List<MomentRow> m = r.moments();
        assertEquals(
                List.of(
                        CodedMoments.SAFETY,
                        CodedMoments.RUPTURE,
                        CodedMoments.MISSED_OPPORTUNITY,
                        CodedMoments.UNADDRESSED_RUPTURE,
                        CodedMoments.PRESSURE_ABOVE_THRESHOLD,
                        CodedMoments.UNVOICED_AROUSAL),
                m.stream().map(x -> x.kind).toList());
        for (MomentRow x : m) {
            assertEquals("T01-20260302-1000", x.sessionId);
            assertEquals(MEDIA_START + Math.round(x.startS * 1000), x.startMillis);
        }
        assertEquals(2, r.ruptureRows().size());
        assertEquals("unaddressed", r.ruptureRows().get(1).outcome);
        assertEquals(10, r.segmentRows().size());
        assertEquals(0.5, r.summary().resolutionRatio());
        assertEquals(4, r.sensitivity().size());
        assertEquals(1, r.pressure().size());
        assertEquals(3, r.opportunities().size(), "concern, ANX_CPD cue (answered), episode");
    }

    @Test
    void shouldWriteNoSegmentRowsForAVideoThatWasNotCoded() {
        // tenth audit: an uncoded session's segments/ rows said 0 markers in each 5-minute
        // segment while its sessions.segments_with_*_share were null (unknown); a share taken
        // from segments/ counted them as segments without a rupture
        CodedEventReview uncoded = review(List.of(), EPISODES);
        assertTrue(uncoded.segmentRows().isEmpty(), "no rows when nothing was coded");
        assertEquals(10, uncoded.segments().size(), "the roll-up itself still covers the 3000 s session");
        CodedEventReview coded = review(list(at(1300, "AFF_CONCERN")), EPISODES);
        assertEquals(10, coded.segmentRows().size(), "a coded session has a row per segment, markers or not");
        assertEquals(0, coded.segmentRows().get(4).withdrawalMarkers);
    }

    @Test
    void shouldPutTheUnansweredSafetyEventFirstInPriorityAndReasons() {
        CodedEventReview r = review(busySession(), EPISODES);
        assertEquals(4, CodedReviewPriority.tier(r.counts()));
        assertTrue(r.priority() >= 4 * CFG.priorityTierStep());
        assertEquals(
                List.of(
                        "1 safety event (SAFE_SUICIDAL_IDEATION at 12:30): no therapist response coded "
                                + "within 60 s",
                        "1 candidate unaddressed confrontation rupture",
                        "1 candidate missed opportunity",
                        "1 candidate pressure-above-threshold moment",
                        "1 candidate unvoiced-arousal moment"),
                r.reasons());
    }

    @Test
    void shouldGiveTheSameOutputsWhenTheAnnotationsComeInAnyOrder() {
        List<Annotation> shuffled = new ArrayList<>(busySession());
        Collections.shuffle(shuffled, new Random(7));
        CodedEventReview a = review(busySession(), EPISODES);
        CodedEventReview b = review(shuffled, EPISODES);
        assertEquals(
                a.moments().stream().map(MomentRow::toString).toList(),
                b.moments().stream().map(MomentRow::toString).toList());
        assertEquals(a.episodes(), b.episodes());
        assertEquals(a.segments(), b.segments());
        assertEquals(a.priority(), b.priority());
    }

    @Test
    void shouldFindNothingToReviewWhenTheSessionIsCalm() {
        CodedEventReview r = CodedEventReview.review(
                "S2",
                MEDIA_START,
                1440,
                list(at(300, "INT_VALIDATION"), at(400, "AFF_POSITIVE")),
                List.of(),
                DataRuns.throughout(),
                0,
                CFG);
        assertEquals(List.of(), r.moments());
        assertEquals(0.0, r.priority());
        assertEquals(List.of(), r.reasons());
        assertEquals(5, r.segments().size());
        assertEquals(0.0, r.summary().shareSegmentsWithW());
        assertNull(r.summary().resolutionRatio());
    }

    @Test
    void shouldCloseNoEpisodeBeforeItsOwnCodesWhenTheyLieInTheToleranceAfterTheDeclaredDuration() {
        // duration_s 1800; the repair at 1815 s was accepted (within duration_s + 30 s)
        CodedEventReview r = CodedEventReview.review(
                "S3",
                MEDIA_START,
                1800,
                list(at(1790, "RUP_C_COMPLAINT_THERAPIST", 3), at(1815, "RES_INVITE_DISCUSS_RELATIONSHIP")),
                List.of(),
                DataRuns.throughout(),
                0,
                CFG);
        var e = r.episodes().get(0);
        assertEquals(1815.0, e.endS());
        // before: closed at 1800 s, before its own repair (end 1815 > closed 1800)
        assertTrue(e.closedS() >= e.endS(), e.closedS() + " < " + e.endS());
        assertEquals(1815.0, e.closedS());
        // the 3RS segments keep the session's own end: a code running past it adds no segment
        // (one starting after it does, by SegmentRollup's own rule)
        CodedEventReview sigh = CodedEventReview.review(
                "S4",
                MEDIA_START,
                1800,
                list(
                        at(100, "RUP_W_MINIMAL"),
                        org.sessionreview.scoring.rupture.Coded.state(1790, 1805, "ANX_STR_SIGH")),
                List.of(),
                DataRuns.throughout(),
                0,
                CFG);
        assertEquals(6, sigh.segments().size());
    }
}
