package org.sessionreview.scoring.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.opportunity.ResponseClass.DELIBERATE_SILENCE;
import static org.sessionreview.scoring.opportunity.ResponseClass.NO_RESPONSE;
import static org.sessionreview.scoring.opportunity.ResponseClass.RESPONDED_EXPLICIT_SPACE;
import static org.sessionreview.scoring.opportunity.ResponseClass.RESPONDED_REDUCING_SPACE;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.list;
import static org.sessionreview.scoring.rupture.Coded.state;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.OpportunityOptions;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.AnxietyEpisode;
import org.sessionreview.scoring.DataRuns;
import org.sessionreview.scoring.rupture.CodedMoments;

class MissedOpportunitiesTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();

    static AnxietyEpisode episode(double start, double end) {
        return episode(Role.CLIENT, start, end);
    }

    static AnxietyEpisode episode(Role role, double start, double end) {
        return new AnxietyEpisode(role, start, end, 3.0, start + 10, 5, Map.of(), Map.of());
    }

    private static List<Opportunity> find(List<Annotation> as, AnxietyEpisode... eps) {
        return MissedOpportunities.find(as, List.of(eps), DataRuns.throughout(), CFG);
    }

    private static Opportunity only(List<Annotation> as, AnxietyEpisode... eps) {
        List<Opportunity> found = find(as, eps);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void shouldTakeACueEndingExactlyThirtySecondsBeforeAnOnsetAsVoicingIt() {
        // review of 2026-12-07: 512.123 - 30 is 482.12300000000005 in binary, and a cue ending at
        // 482.123 did not voice the onset
        double[][] onsetAndCueEnd = {{512, 482}, {512.123, 482.123}, {700.576, 670.576}};
        assertTrue(512.123 - 30 != 482.123, "the binary rounding this test is about");
        for (double[] p : onsetAndCueEnd) {
            double onset = p[0];
            List<Opportunity> found = find(list(state(p[1] - 10, p[1], "AFF_CUE")), episode(onset, onset + 120));
            Opportunity ep = found.stream()
                    .filter(o -> o.episodeOnsetS() != null)
                    .findFirst()
                    .orElseThrow();
            assertTrue(ep.voiced(), "onset " + onset);
        }
    }

    @Test
    void shouldClassifyTheTherapistResponseToACueWhenCoded() {
        Opportunity explicit = only(list(at(600, "AFF_CONCERN"), at(605, "INT_VALIDATION")));
        assertEquals(RESPONDED_EXPLICIT_SPACE, explicit.response());
        assertFalse(explicit.missed());
        assertNull(explicit.momentKind());

        Opportunity reducing = only(list(at(600, "AFF_CONCERN"), at(605, "INT_TOPIC_SHIFT")));
        assertEquals(RESPONDED_REDUCING_SPACE, reducing.response());
        assertEquals(CodedMoments.MISSED_OPPORTUNITY, reducing.momentKind());

        Opportunity silence = only(list(at(600, "AFF_CUE"), state(603, 615, "INT_SILENCE_DELIBERATE")));
        assertEquals(DELIBERATE_SILENCE, silence.response());
        assertFalse(silence.missed());

        Opportunity none = only(list(at(600, "AFF_CUE"), at(605, "INT_CHALLENGE_DEFENSE")));
        assertEquals(NO_RESPONSE, none.response(), "challenge is not in the response lists");
        assertTrue(none.missed());
        assertEquals(600, none.windowStartS());
        assertEquals(610, none.windowEndS());
    }

    @Test
    void shouldLetTheMostSpaceProvidingResponseWinWhenSeveralFallInTheWindow() {
        Opportunity o =
                only(list(at(600, "AFF_CONCERN"), at(602, "INT_TOPIC_SHIFT"), at(608, "RES_CLARIFY_MISUNDERSTANDING")));
        assertEquals(RESPONDED_EXPLICIT_SPACE, o.response());
        assertEquals(2, o.responses().size());
    }

    @Test
    void shouldUseTheCueWindowEdgesWhenTheResponseIsLate() {
        assertFalse(only(list(at(600, "AFF_CUE"), at(610, "INT_EMPATHIC_REFLECTION")))
                .missed());
        assertTrue(only(list(at(600, "AFF_CUE"), at(610.5, "INT_EMPATHIC_REFLECTION")))
                .missed());
        assertTrue(only(list(at(600, "AFF_CUE"), at(599, "INT_EMPATHIC_REFLECTION")))
                .missed());
    }

    @Test
    void shouldTakeAnxCuesOnlyFromIntensity2WhenIntensityIsCoded() {
        assertEquals(List.of(), find(list(at(600, "ANX_STR_SIGH", 1))));
        assertEquals(1, find(list(at(600, "ANX_STR_SIGH", 2))).size());
        assertEquals(1, find(list(at(600, "ANX_STR_SIGH"))).size(), "no intensity coded");
    }

    @Test
    void shouldIgnoreTriggersInTheFirst120sAndRuptureMarkersAlways() {
        assertEquals(List.of(), find(list(at(119.9, "AFF_CONCERN")), episode(100, 200)));
        assertEquals(1, find(list(at(120, "AFF_CONCERN"))).size());
        assertEquals(List.of(), find(list(at(600, "RUP_W_MINIMAL"), at(700, "RUP_C_DEFENDS_SELF"))));
    }

    @Test
    void shouldAnswerAnEpisodeOnsetInsideMinus10ToPlus30sWhenPhysiologyOnly() {
        assertFalse(only(list(at(590, "INT_VALIDATION")), episode(600, 700)).missed());
        assertFalse(only(list(at(630, "INT_VALIDATION")), episode(600, 700)).missed());
        Opportunity early = only(list(at(589.5, "INT_VALIDATION")), episode(600, 700));
        assertEquals(CodedMoments.UNVOICED_AROUSAL, early.momentKind());
        assertFalse(early.voiced());
        assertEquals(590, early.windowStartS());
        assertEquals(630, early.windowEndS());
        assertEquals(
                CodedMoments.UNVOICED_AROUSAL,
                only(list(at(630.5, "INT_VALIDATION")), episode(600, 700)).momentKind());
    }

    @Test
    void shouldNotReportAnAnsweredVoicedEpisodeAsMissedWhenTheTherapistExploresTheFeeling() {
        List<Annotation> as = list(at(605, "ANX_STR_SIGH", 1), at(625, "INT_EXPLORE_FEELING"));
        Opportunity o = only(as, episode(600, 700));
        assertTrue(o.voiced(), "a coded cue of any intensity voices the episode");
        assertEquals(RESPONDED_EXPLICIT_SPACE, o.response());
        assertEquals(List.of(), OpportunityMoments.moments("S1", 0, List.of(o)));
        Opportunity unanswered = only(list(at(605, "ANX_STR_SIGH", 1)), episode(600, 700));
        assertEquals(CodedMoments.MISSED_OPPORTUNITY, unanswered.momentKind());
    }

    @Test
    void shouldMergeACueInsideTheEpisodeWindowIntoOneOpportunityWhenBothTrigger() {
        Opportunity o = only(list(at(595, "AFF_CUE"), at(625, "AFF_CONCERN")), episode(600, 700));
        assertEquals(600.0, o.episodeOnsetS());
        assertEquals(2, o.triggerCues().size());
        assertEquals(590, o.windowStartS());
        assertEquals(635, o.windowEndS(), "the concern's own window reaches 635");
        List<Opportunity> apart = find(list(at(650, "AFF_CONCERN")), episode(600, 700));
        assertEquals(2, apart.size(), "650 is outside [590, 630]: an opportunity of its own");
    }

    @Test
    void shouldJudgeEachTriggerOfAnEpisodeInItsOwnWindow() {
        // the hands cue's own window [835, 845] has no response; the validation at 860 answers
        // only the episode's [830, 870]: the cue is missed
        Opportunity cueMissed = only(list(at(835, "ANX_STR_HANDS", 2), at(860, "INT_VALIDATION")), episode(840, 900));
        assertEquals(1, cueMissed.triggerCues().size());
        assertEquals(NO_RESPONSE, cueMissed.response());
        assertEquals(CodedMoments.MISSED_OPPORTUNITY, cueMissed.momentKind());
        // the evidence names the window that decided it, and the response outside it (the diff
        // review: it said "no therapist response coded in [13:50, 14:30]" beside a response there)
        assertEquals(
                "candidate missed opportunity: client anxiety episode onset at 14:00 (coded cues: ANX_STR_HANDS at"
                        + " 13:55); no therapist response coded in [13:55, 14:05] (the own window of ANX_STR_HANDS at"
                        + " 13:55; in [13:50, 14:30]: INT_VALIDATION at 14:20)",
                OpportunityMoments.evidence(cueMissed));
        // the cue at 865 is answered at 873, but nothing answers the onset in [830, 870]
        Opportunity onsetMissed = only(list(at(865, "AFF_CUE"), at(873, "INT_VALIDATION")), episode(840, 900));
        assertEquals(875, onsetMissed.windowEndS());
        assertTrue(onsetMissed.missed());
        assertEquals(1, onsetMissed.responses().size(), "the response is listed");
        assertEquals(
                "candidate missed opportunity: client anxiety episode onset at 14:00 (coded cues: AFF_CUE at 14:25);"
                        + " no therapist response coded in [13:50, 14:30] (the own window of the onset; in [13:50,"
                        + " 14:35]: INT_VALIDATION at 14:33)",
                OpportunityMoments.evidence(onsetMissed));
        // one response inside both windows answers both
        assertFalse(only(list(at(835, "ANX_STR_HANDS", 2), at(842, "INT_VALIDATION")), episode(840, 900))
                .missed());
        // reducing space for the cue, explicit space for the onset: the cue is missed
        assertEquals(
                RESPONDED_REDUCING_SPACE,
                only(list(at(835, "AFF_CONCERN"), at(838, "INT_ADVICE"), at(860, "INT_VALIDATION")), episode(840, 900))
                        .response());
    }

    @Test
    void shouldCountTheSettlingTimeFromWhereTheClientDataStartOrResume() {
        List<Annotation> coded = list(at(300, "INT_VALIDATION"));
        DataRuns late = new DataRuns(List.of(new DataRuns.Run(0, 400), new DataRuns.Run(600, 1500)));
        assertEquals(
                List.of(),
                MissedOpportunities.find(coded, List.of(episode(700, 800)), late, CFG),
                "100 s after the data resume: the onset may lie in the gap, the sensor settles");
        assertEquals(
                1,
                MissedOpportunities.find(coded, List.of(episode(720, 800)), late, CFG)
                        .size());
        assertEquals(
                List.of(),
                MissedOpportunities.find(coded, List.of(episode(500, 550)), late, CFG),
                "an onset in the gap itself");
        assertEquals(
                1,
                MissedOpportunities.find(coded, List.of(episode(390, 450)), late, CFG)
                        .size(),
                "270 s into the first run");
        assertEquals(
                1,
                MissedOpportunities.find(list(at(610, "AFF_CUE")), List.of(), late, CFG)
                        .size(),
                "a coded cue is seen on video, whatever the sensors");
    }

    @Test
    void shouldJudgeNoOpportunityWhenTheVideoWasNotCoded() {
        assertEquals(List.of(), find(list(), episode(600, 700)), "nothing says whether the therapist responded");
        assertEquals(1, find(list(at(100, "INT_VALIDATION")), episode(600, 700)).size());
    }

    @Test
    void shouldVoiceAnEpisodeWithACueUpTo30sBeforeItsOnset() {
        assertTrue(only(list(at(570, "ANX_STR_HANDS", 1)), episode(600, 700)).voiced());
        assertFalse(only(list(at(569, "ANX_STR_HANDS", 1)), episode(600, 700)).voiced());
        assertFalse(only(list(at(701, "ANX_STR_HANDS", 1)), episode(600, 700)).voiced());
    }

    @Test
    void shouldExtendTheCueWindowToTheEndOfTheClientTurnWhenTurnsAreCoded() {
        List<Annotation> as = list(state(590, 640, "TURN_CL"), at(600, "AFF_CUE"), at(642, "INT_VALIDATION"));
        Opportunity o = only(as);
        assertEquals(645, o.windowEndS());
        assertFalse(o.missed());
        RuptureConfig noTurns =
                CFG.toBuilder().set(OpportunityOptions.USE_TURNS, false).build();
        assertTrue(MissedOpportunities.find(as, List.of(), DataRuns.throughout(), noTurns)
                .get(0)
                .missed());
    }

    @Test
    void shouldSkipTherapistEpisodesAndOnsetsInsideCodedArtifacts() {
        assertEquals(List.of(), find(list(), episode(Role.THERAPIST, 600, 700)));
        assertEquals(List.of(), find(list(state(590, 610, "ARTIFACT")), episode(600, 700)));
        assertEquals(
                1, find(list(state(590, 599, "ARTIFACT")), episode(600, 700)).size());
    }

    @Test
    void shouldSkipCodedCuesOverlappingACodedArtifactButLetThemVoiceAnEpisode() {
        // DOMAIN.md 5: "Exclude triggers that overlap artifacts". Before: a cue inside a coded
        // ARTIFACT stayed a trigger (and here a missed opportunity)
        assertEquals(List.of(), find(list(state(290, 310, "ARTIFACT"), at(300, "AFF_CUE"))));
        assertEquals(
                List.of(), find(list(at(300, "ARTIFACT"), state(295, 305, "AFF_CONCERN"))), "a point inside the cue");
        assertEquals(
                1, find(list(state(290, 299, "ARTIFACT"), at(300, "AFF_CUE"))).size(), "next to it: a trigger");
        // the cue still says the arousal was voiced
        Opportunity onset = only(list(state(640, 660, "ARTIFACT"), at(650, "ANX_STR_SIGH", 2)), episode(600, 700));
        assertEquals(
                List.of("ANX_STR_SIGH"),
                onset.voicingCues().stream()
                        .map(org.sessionreview.scoring.rupture.CodedEvent::code)
                        .toList());
        assertEquals(List.of(), onset.triggerCues(), "not a trigger of its own");
    }

    @Test
    void shouldCountMissedOpportunitiesAtEachSensitivityWindow() {
        List<Annotation> as = list(at(600, "AFF_CUE"), at(615, "INT_VALIDATION"), at(1025, "INT_VALIDATION"));
        List<WindowSensitivity> s =
                MissedOpportunities.sensitivity(as, List.of(episode(1000, 1100)), DataRuns.throughout(), CFG);
        assertEquals(
                List.of(
                        new WindowSensitivity(5, 1, 1, 1, 1),
                        new WindowSensitivity(10, 1, 1, 1, 1),
                        new WindowSensitivity(20, 1, 0, 1, 1),
                        new WindowSensitivity(30, 1, 0, 1, 0)),
                s,
                "the voiced cue and the physiology-only onset counted apart (before: the missed voiced of all)");
    }

    @Test
    void shouldWriteMomentsWithEvidenceSeverityAndMillisWhenMissed() {
        List<Annotation> as = list(
                at(600, "AFF_CONCERN"), at(604, "INT_TOPIC_SHIFT"), at(900, "ANX_STR_SIGH", 3), at(1200, "AFF_CUE"));
        List<Opportunity> ops = MissedOpportunities.find(as, List.of(episode(1800, 1900)), DataRuns.throughout(), CFG);
        List<MomentRow> m = OpportunityMoments.moments("S1", 5_000L, ops);
        assertEquals(4, m.size());
        assertEquals(
                "candidate missed opportunity: client AFF_CONCERN at 10:00; therapist "
                        + "response in [10:00, 10:10] reduces space: INT_TOPIC_SHIFT at 10:04",
                m.get(0).evidence);
        assertEquals(3.0, m.get(0).severity);
        assertEquals("therapist", m.get(0).role);
        assertEquals(5_000L + 600_000L, m.get(0).startMillis);
        assertEquals(3.0, m.get(1).severity, "ANX intensity 3");
        assertEquals(
                "candidate missed opportunity: client AFF_CUE at 20:00; no therapist "
                        + "response coded in [20:00, 20:10]",
                m.get(2).evidence);
        assertEquals(2.0, m.get(2).severity);
        assertEquals(CodedMoments.UNVOICED_AROUSAL, m.get(3).kind);
        assertEquals("client", m.get(3).role);
        assertEquals(1.0, m.get(3).severity);
        assertEquals(1790, m.get(3).startS);
        assertEquals(
                "candidate unvoiced arousal (physiology only, lower confidence): client "
                        + "anxiety episode onset at 30:00 with no coded cue; no therapist response coded "
                        + "in [29:50, 30:30]",
                m.get(3).evidence);
    }

    // Sixteenth audit: 251.064 + 10 is 261.06399999999996, below the coded 261.064
    @Test
    void shouldCountAResponseExactly10sAfterTheCueAtAnyMilliseconds() {
        Opportunity o = only(list(at(251.064, "AFF_CUE"), at(261.064, "INT_VALIDATION")));
        assertEquals(RESPONDED_EXPLICIT_SPACE, o.response());
        assertFalse(o.missed());
    }
}
