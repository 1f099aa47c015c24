package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.by;
import static org.sessionreview.scoring.rupture.Coded.list;
import static org.sessionreview.scoring.rupture.Coded.mods;
import static org.sessionreview.scoring.rupture.Coded.state;
import static org.sessionreview.scoring.rupture.RuptureOutcome.ESCALATED;
import static org.sessionreview.scoring.rupture.RuptureOutcome.PARTIALLY_RESOLVED;
import static org.sessionreview.scoring.rupture.RuptureOutcome.RESOLVED;
import static org.sessionreview.scoring.rupture.RuptureOutcome.UNADDRESSED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.RuptureOptions;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.taxonomy.RuptureClass;

class RuptureEpisodesTest {
    static final RuptureConfig CFG = RuptureConfig.defaults();
    static final double END = 3000;
    static final String W = "RUP_W_MINIMAL";
    static final String W2 = "RUP_W_ABSTRACT";
    static final String C = "RUP_C_COMPLAINT_THERAPIST";
    static final String RES = "RES_INVITE_DISCUSS_RELATIONSHIP";

    static List<RuptureEpisode> detect(List<Annotation> as) {
        return RuptureEpisodes.detect(as, END, CFG);
    }

    static RuptureEpisode only(List<Annotation> as) {
        List<RuptureEpisode> eps = detect(as);
        assertEquals(1, eps.size(), eps.toString());
        return eps.get(0);
    }

    @Test
    void shouldResolveWhenARepairIsNotFollowedByAMarkerWithin120s() {
        RuptureEpisode e = only(list(at(600, W, 2), at(650, RES, 3), at(771, "AFF_CUE")));
        assertEquals(RESOLVED, e.outcome());
        assertEquals("W1", e.id());
        assertEquals(RuptureClass.W, e.ruptureClass());
        assertEquals(600, e.startS());
        assertEquals(650, e.endS(), "end = the later of last marker and last repair");
        assertEquals(650.0, e.firstRepairS());
        assertEquals(50.0, e.timeToFirstRepairS());
        assertEquals(List.of(RES), e.strategies());
        assertEquals(2, e.maxSignificance());
        assertEquals(600 + CFG.quietS(), e.closedS());
        assertFalse(e.closedAtSessionEnd());
        assertFalse(e.mixed());
    }

    @Test
    void shouldGiveTheTimeToRepairAsTheDecimalDifferenceOfTheCodedTimes() {
        // before: 370.576 - 250.576 = 120.00000000000003 and 830.0 - 812.4 = 17.600000000000023
        assertEquals(120.0, only(list(at(250.576, W, 2), at(370.576, RES))).timeToFirstRepairS());
        assertEquals(17.6, only(list(at(812.4, C, 2), at(830.0, RES))).timeToFirstRepairS());
    }

    @Test
    void shouldAttachARepairCodedInTheMarkersSecondWhateverTheOrderOfTheLines() {
        // before: the repair listed first (an earlier file name, an earlier line) found no open
        // episode, and the rupture came out unaddressed
        for (List<Annotation> as : List.of(list(at(600, C, 2), at(600, RES)), list(at(600, RES), at(600, C, 2)))) {
            RuptureEpisode e = only(as);
            assertEquals(RESOLVED, e.outcome(), as.toString());
            assertEquals(0.0, e.timeToFirstRepairS());
        }
    }

    @Test
    void shouldListMarkersAndStrategiesInOneOrderWhenEventsShareTheirStartFileAndLine() {
        // a one-line JSON array or a BORIS project: every event on line 1; the keyed shuffle
        // delivered them in any order, and the rows listed them so (found by an audit)
        List<Annotation> as = list(
                at(700, "RUP_W_DENIAL"),
                at(700, "RUP_W_ABSTRACT"),
                at(760, "RES_RATIONALE"),
                at(760, "RES_CLARIFY_MISUNDERSTANDING"),
                at(760, "RES_OTHER"));
        RuptureEpisode e = only(as);
        for (int shift = 1; shift < as.size(); shift++) {
            List<Annotation> rotated = new java.util.ArrayList<>(as.subList(shift, as.size()));
            rotated.addAll(as.subList(0, shift));
            java.util.Collections.reverse(rotated);
            RuptureEpisode again = only(rotated);
            assertEquals(e.markers(), again.markers(), rotated.toString());
            assertEquals(e.strategies(), again.strategies(), rotated.toString());
        }
        assertEquals(
                List.of("RUP_W_ABSTRACT", "RUP_W_DENIAL"),
                e.markers().stream().map(CodedEvent::code).toList());
        assertEquals(List.of("RES_CLARIFY_MISUNDERSTANDING", "RES_OTHER", "RES_RATIONALE"), e.strategies());
    }

    @Test
    void shouldBePartiallyResolvedWhenAMarkerReturnsWithin120sOfTheLastRepair() {
        RuptureEpisode e = only(list(at(600, W, 3), at(650, RES), at(700, W2, 3)));
        assertEquals(PARTIALLY_RESOLVED, e.outcome());
        assertEquals(List.of(W, W2), e.markerCodes());
        assertEquals(700, e.endS());
    }

    @Test
    void shouldResolveWhenTheReturnedMarkerIsRepairedAgain() {
        RuptureEpisode e = only(list(at(600, W), at(650, RES), at(700, W2), at(720, RES)));
        assertEquals(RESOLVED, e.outcome());
        assertEquals(List.of(RES, RES), e.strategies());
    }

    @Test
    void shouldCountAReturningMarkerThatOpensANewEpisodeAsPartialResolution() {
        // 760 is 160 s after the marker (new episode) but 60 s after the repair
        List<RuptureEpisode> eps = detect(list(at(600, W), at(700, RES), at(760, W2)));
        assertEquals(2, eps.size());
        assertEquals(PARTIALLY_RESOLVED, eps.get(0).outcome());
        assertEquals("W2", eps.get(1).id());
        assertEquals(UNADDRESSED, eps.get(1).outcome(), "the repair came before W2 opened");
    }

    @Test
    void shouldBePartiallyResolvedWhenTheMarkerReturnsAfterTheEpisodeClosed() {
        // W1 closes at 900; the marker at 960 is 110 s after the repair at 850
        List<RuptureEpisode> eps = detect(list(at(600, W), at(850, RES), at(960, W2)));
        assertEquals(PARTIALLY_RESOLVED, eps.get(0).outcome());
        assertEquals(900, eps.get(0).closedS());
        assertEquals(
                RESOLVED,
                detect(list(at(600, W), at(850, RES), at(971, W2))).get(0).outcome(),
                "121 s after the repair: no longer a return");
    }

    @Test
    void shouldBeUnaddressedWhenNoRepairComesBeforeClose() {
        RuptureEpisode e = only(list(at(600, C, 2), at(650, "INT_VALIDATION")));
        assertEquals(UNADDRESSED, e.outcome());
        assertNull(e.firstRepairS());
        assertNull(e.timeToFirstRepairS());
        assertEquals(List.of(), e.strategies());
    }

    @Test
    void shouldEscalateWhenSignificanceRisesAfterTheRepair() {
        assertEquals(
                ESCALATED,
                only(list(at(600, C, 2), at(630, RES), at(680, C, 4))).outcome());
        assertEquals(
                PARTIALLY_RESOLVED,
                only(list(at(600, C, 4), at(630, RES), at(680, C, 4))).outcome(),
                "equal significance is a return, not an escalation");
        assertEquals(
                PARTIALLY_RESOLVED,
                only(list(at(600, C), at(630, RES), at(680, C, 5))).outcome(),
                "no coded significance before the repair: escalation cannot be told");
    }

    @Test
    void shouldEscalateEvenWhenALaterRepairQuietsTheEpisode() {
        assertEquals(
                ESCALATED,
                only(list(at(600, C, 2), at(630, RES), at(680, C, 4), at(700, RES)))
                        .outcome());
    }

    @Test
    void shouldMergeMarkersWithin120sAndOpenANewEpisodeAfter() {
        assertEquals(1, detect(list(at(600, W), at(720, W2))).size(), "gap exactly 120 s");
        List<RuptureEpisode> two = detect(list(at(600, W), at(720.5, W2)));
        assertEquals(List.of("W1", "W2"), two.stream().map(RuptureEpisode::id).toList());
        RuptureEpisode stateMarker = only(list(state(600, 650, W2), at(770, W)));
        assertEquals(650 + 120, stateMarker.lastMarkerEndS(), "the gap counts from a marker's end");
    }

    @Test
    void shouldOpenParallelEpisodesFlaggedMixedWhenTheOtherClassAppears() {
        List<RuptureEpisode> eps = detect(list(at(600, W), at(650, C), at(680, W2)));
        assertEquals(2, eps.size());
        RuptureEpisode w = eps.get(0);
        RuptureEpisode c = eps.get(1);
        assertEquals(List.of(W, W2), w.markerCodes(), "the C marker does not break the W episode");
        assertEquals(List.of("C1"), w.mixedWith());
        assertEquals(List.of("W1"), c.mixedWith());
        assertTrue(w.mixed() && c.mixed());
        List<RuptureEpisode> apart = detect(list(at(600, W), at(1000, C)));
        assertFalse(apart.get(0).mixed() || apart.get(1).mixed(), "W1 closed at 900");
    }

    @Test
    void shouldAttachARepairToTheMostRecentOpenEpisode() {
        List<RuptureEpisode> eps = detect(list(at(600, W), at(620, C), at(630, RES)));
        assertEquals(UNADDRESSED, eps.get(0).outcome());
        assertEquals(RESOLVED, eps.get(1).outcome());
        eps = detect(list(at(600, W), at(620, C), at(625, W2), at(630, RES)));
        assertEquals(RESOLVED, eps.get(0).outcome(), "W has the latest marker");
        assertEquals(UNADDRESSED, eps.get(1).outcome());
    }

    @Test
    void shouldCloseAfterTheQuietPeriod() {
        List<RuptureEpisode> eps = detect(list(at(600, W), at(1000, W2)));
        assertEquals(2, eps.size());
        assertEquals(900, eps.get(0).closedS());
        assertEquals(1300, eps.get(1).closedS());
        // 250 s later: beyond the merge gap, so a new episode, while W1 is still open
        eps = detect(list(at(600, W), at(850, W2), at(860, RES)));
        assertEquals(
                List.of(UNADDRESSED, RESOLVED),
                eps.stream().map(RuptureEpisode::outcome).toList());
        // rule 3 closes an episode after 300 s "with no marker of its class": W2's marker at 850 s
        // keeps W1 open to 1150 s (before: W1 closed at 900 s, 300 s after its own marker)
        assertEquals(1150, eps.get(0).closedS());
        List<RuptureEpisode> late = RuptureEpisodes.detect(list(at(1000, W), at(1200, W2)), 1440, CFG);
        assertTrue(late.get(0).closedAtSessionEnd(), "W1 still open at the session's end (1440 s < 1200 + 300 s)");
        assertEquals(1440, late.get(0).closedS());
        // a marker of the other class does not keep it open
        assertEquals(900, detect(list(at(600, W), at(850, C))).get(0).closedS());
    }

    @Test
    void shouldCloseAtSessionEndWhenTheQuietPeriodHasNotPassed() {
        RuptureEpisode e = only(list(at(2900, C)));
        assertTrue(e.closedAtSessionEnd());
        assertEquals(END, e.closedS());
        assertEquals(UNADDRESSED, e.outcome());
        RuptureEpisode repaired = only(list(at(2900, C), at(2950, RES)));
        assertEquals(RESOLVED, repaired.outcome(), "no marker came back before the session ended");
    }

    @Test
    void shouldAcceptRepairsOnlyInsideTheRepairWindow() {
        assertEquals(RESOLVED, only(list(at(600, W), at(900, RES))).outcome(), "last marker + 300 s");
        assertEquals(UNADDRESSED, only(list(at(600, W), at(900.5, RES))).outcome());
        assertEquals(UNADDRESSED, only(list(at(590, RES), at(600, W))).outcome(), "before start");
        RuptureConfig narrow =
                CFG.toBuilder().set(RuptureOptions.REPAIR_WINDOW_S, 100.0).build();
        assertEquals(
                RESOLVED,
                RuptureEpisodes.detect(list(at(600, W), at(700, RES)), END, narrow)
                        .get(0)
                        .outcome());
        assertEquals(
                UNADDRESSED,
                RuptureEpisodes.detect(list(at(600, W), at(700.5, RES)), END, narrow)
                        .get(0)
                        .outcome());
    }

    @Test
    void shouldRequireCodedReengagementOnlyWhenConfigured() {
        RuptureConfig require =
                CFG.toBuilder().set(RuptureOptions.REQUIRE_REENGAGEMENT, true).build();
        List<Annotation> noReengagement = list(at(600, W), at(650, RES));
        assertEquals(
                PARTIALLY_RESOLVED,
                RuptureEpisodes.detect(noReengagement, END, require).get(0).outcome());
        List<Annotation> concern = list(at(600, W), at(650, RES), at(680, "AFF_CONCERN"));
        RuptureEpisode e = RuptureEpisodes.detect(concern, END, require).get(0);
        assertEquals(RESOLVED, e.outcome());
        assertEquals(680.0, e.reengagementS());
        List<Annotation> assertion =
                list(at(600, W), at(650, RES), mods(at(700, "AFF_POSITIVE"), "reengagement=Self-Assertion"));
        assertEquals(
                RESOLVED, RuptureEpisodes.detect(assertion, END, require).get(0).outcome());
        List<Annotation> late = list(at(600, W), at(650, RES), at(771, "AFF_CONCERN"));
        assertEquals(
                PARTIALLY_RESOLVED,
                RuptureEpisodes.detect(late, END, require).get(0).outcome());
        assertEquals(680.0, only(concern).reengagementS(), "recorded even when not required");
    }

    @Test
    void shouldUseAMarkerWhateverTierItWasCodedOnButOnlyATherapistsRepair() {
        // a RUP code is the client's by DOMAIN.md 2.2 and rule 1 names no actor: before 2026-12-05 a
        // marker on the therapist's tier vanished without a word. A repair coded on the client's
        // tier is not trusted to clear the rupture (as a response is not for a safety event).
        assertEquals(UNADDRESSED, only(list(by(at(600, W), "therapist"))).outcome());
        assertEquals(
                UNADDRESSED, only(list(at(600, W), by(at(650, RES), "client"))).outcome());
    }

    @Test
    void shouldTreatMetacommunicationAsARepairAndKeepStrategyModifiers() {
        RuptureEpisode e = only(
                list(at(600, C), mods(at(610, RES), "direct=yes;immediacy=Yes"), at(640, "INT_METACOMMUNICATION")));
        assertEquals(List.of(RES + "[direct=yes;immediacy=yes]", "INT_METACOMMUNICATION"), e.strategies());
        assertEquals(RESOLVED, e.outcome());
    }

    @Test
    void shouldNumberEpisodesPerClassInOpeningOrderWhateverTheInputOrder() {
        List<Annotation> as = list(at(1500, C), at(600, W), at(1000, W), at(620, C));
        List<RuptureEpisode> eps = detect(as);
        assertEquals(
                List.of("W1", "C1", "W2", "C2"),
                eps.stream().map(RuptureEpisode::id).toList());
        assertEquals(eps, detect(list(as.get(3), as.get(1), as.get(0), as.get(2))));
    }

    @Test
    void shouldWriteRowsAndCandidateEvidence() {
        List<RuptureEpisode> eps =
                detect(list(at(600, W, 3), at(670, W2), mods(at(690, RES), "immediacy=yes"), at(700, C)));
        RuptureEpisode w = eps.get(0);
        assertEquals(
                "candidate withdrawal rupture W1 (10:00-11:30): markers RUP_W_MINIMAL at "
                        + "10:00, RUP_W_ABSTRACT at 11:10 (max significance 3); outcome resolved; first "
                        + "repair attempt at 11:30, 90 s after onset; strategies "
                        + RES + "[immediacy=yes]; open alongside C1 (mixed)",
                RuptureEpisodes.evidence(w));
        assertTrue(RuptureEpisodes.evidence(eps.get(1))
                .contains("outcome unaddressed: no repair attempt coded before it closed at 16:40"));
        var rows = RuptureEpisodes.rows("S1", eps);
        assertEquals("W1", rows.get(0).episodeId);
        assertEquals("W", rows.get(0).ruptureClass);
        assertEquals(List.of(W, W2), rows.get(0).markers);
        assertEquals("resolved", rows.get(0).outcome);
        assertEquals(690.0, rows.get(0).firstRepairS);
        assertEquals(3, rows.get(0).maxSignificance);
        assertTrue(rows.get(0).mixed);
        assertNull(rows.get(0).clientArousalZ);
        assertEquals(1.5, rows.get(1).withClientArousalZ(1.5).clientArousalZ);
        assertNull(rows.get(1).firstRepairS);
        assertNull(rows.get(1).maxSignificance);
    }

    @Test
    void shouldMakeOneMomentPerEpisodeWithKindBySeverityAndMillis() {
        List<RuptureEpisode> eps = detect(list(at(600, W, 4), at(650, RES), at(1200, C)));
        var moments = RuptureEpisodes.moments("S1", 1_000_000L, eps);
        assertEquals(
                List.of(CodedMoments.RUPTURE, CodedMoments.UNADDRESSED_RUPTURE),
                moments.stream().map(m -> m.kind).toList());
        assertEquals(4.0, moments.get(0).severity);
        assertEquals(3.0, moments.get(1).severity, "no coded significance: the midpoint");
        assertEquals(1_000_000L + 1_200_000L, moments.get(1).startMillis);
        assertEquals("client", moments.get(1).role);
    }

    @Test
    void shouldReportTheHighestSafranMuranStageCodedOnTheEpisode() {
        // DOMAIN.md 3.5: "the stage reached in the Safran & Muran model if stage tags are coded".
        // Before: stage modifiers were kept but no table reported them
        List<RuptureRow> rows = RuptureEpisodes.rows(
                "S1",
                detect(list(
                        at(200, C, 2),
                        mods(at(210, "RES_ACK_OWN_CONTRIBUTION"), "stage=3"),
                        mods(at(240, "RES_INVITE_DISCUSS_RELATIONSHIP"), "stage=2"),
                        at(1000, W),
                        mods(at(1010, RES), "stage=self_assertion"),
                        at(2000, W2),
                        at(2010, RES))));
        assertEquals(3, rows.get(0).stageReached, "the highest, not the last");
        assertEquals(4, rows.get(1).stageReached, "self-assertion: the wish emerges");
        assertNull(rows.get(2).stageReached, "no stage coded: unknown, not stage 1");
    }

    // Sixteenth audit (validation/sixteenth-cohort): times at a rule's limit to the millisecond whose
    // binary difference misses the limit by a few ulps (370.576 - 250.576 = 120.00000000000003)
    @Test
    void shouldHoldTheRuleLimitsAtAnyMillisecondsOfTheCodedTimes() {
        RuptureEpisode merged = only(list(at(250.576, W), at(370.576, W2)));
        assertEquals(2, merged.markers().size(), "a marker exactly 120 s after the last extends the episode");

        RuptureEpisode repaired = only(list(at(799.526, C), at(1099.526, RES)));
        assertEquals(1099.526, repaired.firstRepairS(), "a repair exactly 300 s after the last marker attaches");

        List<RuptureEpisode> back = detect(list(at(900, W), at(914.911, RES), at(1034.911, W2)));
        assertEquals(2, back.size(), back.toString());
        assertEquals(
                PARTIALLY_RESOLVED,
                back.get(0).outcome(),
                "a marker exactly 120 s after the last repair comes back: not resolved");
    }
}
