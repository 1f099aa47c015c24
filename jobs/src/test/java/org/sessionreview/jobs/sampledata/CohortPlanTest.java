package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CohortPlanTest {
    private final List<SessionPlan> cohort = CohortPlan.standard();

    @Test
    void shouldCoverTheCohortTheReadmePromises() {
        assertTrue(cohort.size() >= 6);
        assertEquals(
                Set.of("T01", "T02"),
                cohort.stream().map(SessionPlan::therapistId).collect(Collectors.toSet()));
        assertEquals(3, cohort.stream().map(SessionPlan::clientId).distinct().count());
        for (SessionPlan s : cohort) {
            assertTrue(s.durationS() >= 20 * 60 && s.durationS() <= 50 * 60, s.folder());
            assertTrue(!s.folder().contains(s.clientId()), "client id in folder name");
        }
        assertTrue(cohort.stream().mapToInt(s -> s.episodes().size()).sum() >= 6);
        assertTrue(cohort.stream().anyMatch(s -> s.episodes().isEmpty()), "a calm session");
        assertTrue(cohort.stream().anyMatch(s -> s.client().contactLoss().size() == 1));
        assertTrue(cohort.stream().anyMatch(s -> s.therapist() == null));
        assertTrue(cohort.stream()
                .anyMatch(s -> s.therapist() != null && !s.therapist().hasChannel("TEMP")));
        Set<String> offsets =
                cohort.stream().map(s -> s.mediaStart().getOffset().getId()).collect(Collectors.toSet());
        assertTrue(offsets.containsAll(Set.of("+01:00", "+02:00", "-05:00")), offsets.toString());
    }

    @Test
    void shouldPlantVoicedCuesInEveryFormatAndAtLeastOneUnvoicedEpisode() {
        Set<String> cueFormats = cohort.stream()
                .flatMap(s -> s.episodes().stream()
                        .flatMap(e -> s.cuesInside(e).stream()
                                .map(c -> formatOf(s, c.file()).shortName())))
                .collect(Collectors.toSet());
        assertTrue(cueFormats.containsAll(Set.of("jsonl", "elan", "boris_tabular")), cueFormats.toString());
        assertTrue(cohort.stream()
                .anyMatch(
                        s -> s.episodes().stream().anyMatch(e -> s.cuesInside(e).isEmpty())));
    }

    @Test
    void shouldKeepEpisodesOutOfTheBaselineAndAwayFromContactLoss() {
        for (SessionPlan s : cohort) {
            for (EpisodePlan e : s.episodes()) {
                assertTrue(e.startS() >= 7 * 60, e.id());
                double len = e.endS() - e.startS();
                assertTrue(len >= 120 && len <= 240, e.id());
                for (Interval c : s.client().contactLoss()) {
                    assertTrue(!c.near(e.interval(), 60), e.id());
                }
            }
            for (Interval c : s.client().contactLoss()) {
                assertTrue(c.lengthS() >= 120 && c.lengthS() <= 240);
            }
        }
    }

    @Test
    void shouldPlantAResolvedAndAnUnaddressedRupture() {
        List<RuptureRules.Episode> all =
                cohort.stream().flatMap(s -> RuptureRules.episodes(s).stream()).toList();
        assertEquals(
                Set.of("resolved", "unaddressed"),
                all.stream().map(RuptureRules.Episode::outcome).collect(Collectors.toSet()));
        SessionPlan s8 = session("T02-20260326-0900");
        RuptureRules.Episode open = RuptureRules.episodes(s8).get(0);
        assertEquals("C", open.ruptureClass());
        assertEquals("unaddressed", open.outcome());
        assertTrue(open.markers().stream().allMatch(m -> m.significance() != null));
        assertTrue(RuptureRules.repairAttempts(s8).isEmpty(), "no RES_* anywhere in S8");
        assertEquals(AnnotationFormat.JSONL, formatOf(s8, open.markers().get(0).file()));
        RuptureRules.Episode repaired =
                RuptureRules.episodes(session("T01-20260421-1430")).get(0);
        assertEquals("W", repaired.ruptureClass());
        assertEquals("resolved", repaired.outcome());
        assertEquals(30.0, repaired.timeToFirstRepairS());
    }

    @Test
    void shouldPlantOneUnansweredSafetyEventInASessionThatBurdenAloneWouldNotRankFirst() {
        SessionPlan first = PlantedReview.expectedFirst(cohort);
        assertEquals("T02-20260319-0900", first.sessionId());
        ResponseRules.SafetyResponse safe = ResponseRules.safetyResponses(first).get(0);
        assertEquals("SAFE_SUICIDAL_IDEATION", safe.event().code());
        assertFalse(safe.responded());
        assertTrue(ResponseRules.therapistCodes(first).stream()
                .noneMatch(t -> t.startS() >= safe.event().startS()
                        && t.startS() <= safe.event().startS() + 60));
        double maxBurden =
                cohort.stream().mapToDouble(PlantedReview::plantedBurdenS).max().orElseThrow();
        assertTrue(PlantedReview.plantedBurdenS(first) < maxBurden);
        assertEquals(
                1,
                cohort.stream()
                        .mapToLong(s -> ResponseRules.safetyResponses(s).size())
                        .sum(),
                "exactly one SAFE event in the cohort");
    }

    @Test
    void shouldPlantAClientWhoseBurdenPlateausOverFourConsecutiveSessions() {
        assertEquals(List.of("C-0003"), PlannedTrend.plateauClients(CohortPlan.clients()));
        java.util.Map<String, List<PlannedTrend.SessionBurden>> trends =
                PlannedTrend.trends(cohort, CohortPlan.clients());
        assertEquals(
                List.of(false, false, false, true),
                trends.get("C-0003").stream()
                        .map(PlannedTrend.SessionBurden::plateau)
                        .toList());
        assertEquals(
                List.of(370.0, 180.0, 180.0, 360.0),
                trends.get("C-0003").stream()
                        .map(PlannedTrend.SessionBurden::plantedS)
                        .toList());
        assertTrue(trends.get("C-0001").stream().noneMatch(PlannedTrend.SessionBurden::plateau));
        List<SessionPlan> c3 = cohort.stream()
                .filter(s -> s.clientId().equals("C-0003"))
                .sorted(java.util.Comparator.comparingInt(SessionPlan::sessionNumber))
                .toList();
        assertEquals(
                List.of(5, 6, 7, 8), c3.stream().map(SessionPlan::sessionNumber).toList());
        for (SessionPlan s : c3) {
            // 30 s above the 120 s threshold: a detected episode may be shorter than planted
            assertTrue(PlantedReview.plantedBurdenS(s) >= 150, s.sessionId());
            assertTrue(s.episodes().stream().allMatch(e -> e.startS() >= 420), s.sessionId());
        }
        SessionPlan s8 = c3.get(3);
        assertEquals(20 * 60, s8.durationS(), "new sessions stay 20 min");
    }

    @Test
    void shouldRefuseAPlateauFlagThePlantedEpisodesDoNotFit() {
        List<ClientPlan> c1Plateau = List.of(
                new ClientPlan("C-0001", true), new ClientPlan("C-0002", false), new ClientPlan("C-0003", true));
        assertTrue(assertThrows(IllegalStateException.class, () -> PlannedTrend.validate(cohort, c1Plateau))
                .getMessage()
                .contains("needs 4 sessions"));
        List<ClientPlan> noPlateau = List.of(
                new ClientPlan("C-0001", false), new ClientPlan("C-0002", false), new ClientPlan("C-0003", false));
        assertTrue(assertThrows(IllegalStateException.class, () -> PlannedTrend.validate(cohort, noPlateau))
                .getMessage()
                .contains("planned without a plateau"));
        // S8 without its second episode: 370, 180, 180, 180 s declines (180 < the mean 227.5)
        SessionPlan s8 = session("T02-20260326-0900");
        SessionPlan shorter = new SessionPlan(
                s8.folder(),
                s8.sessionId(),
                s8.therapistId(),
                s8.clientId(),
                s8.sessionNumber(),
                s8.mediaStart(),
                s8.durationS(),
                s8.consentResearch(),
                s8.codebook(),
                s8.annotationFiles(),
                s8.client(),
                s8.therapist(),
                s8.episodes().subList(0, 1),
                s8.events(),
                s8.summary());
        List<SessionPlan> declining =
                cohort.stream().map(s -> s == s8 ? shorter : s).toList();
        assertTrue(
                assertThrows(IllegalStateException.class, () -> PlannedTrend.validate(declining, CohortPlan.clients()))
                        .getMessage()
                        .contains("below the window's mean"));
        List<ClientPlan> missing = CohortPlan.clients().subList(0, 2);
        assertThrows(IllegalStateException.class, () -> PlannedTrend.validate(cohort, missing));
    }

    @Test
    void shouldStateThePriorityTierOfEverySessionFromItsCodedEvents() {
        assertEquals(
                List.of(1, 0, 0, 0, 1, 1, 4, 2),
                cohort.stream().map(PlantedReview::expectedPriorityTier).toList());
    }

    @Test
    void shouldPlantAMissedOpportunityAndAnAnsweredEpisode() {
        SessionPlan s1 = session("T01-20260302-1000");
        PlantedReview.Missed fidget = PlantedReview.missedOpportunities(s1).stream()
                .filter(m -> m.trigger().equals("cue"))
                .findFirst()
                .orElseThrow();
        assertEquals("ANX_STR_FIDGET", fidget.code());
        assertEquals("INT_TOPIC_SHIFT", fidget.response().code());
        assertTrue(fidget.response().startS() - fidget.tS() <= 10, "reducing space within 10 s");
        ResponseRules.OnsetResponse e1 = PlantedReview.answeredEpisodes(s1).get(0);
        assertEquals("S1-E1", e1.episode().id());
        assertEquals("INT_EXPLORE_FEELING", e1.response().code());
        assertEquals(18.0, e1.response().startS() - e1.episode().startS());
        assertFalse(e1.missed());
        ResponseRules.OnsetResponse silence = ResponseRules.onsetResponse(
                session("T02-20260326-0900"),
                session("T02-20260326-0900").episodes().get(0));
        assertEquals("deliberate_silence", silence.responseClass());
        assertFalse(silence.missed());
    }

    @Test
    void shouldRefuseAPlanWhoseOnsetOutcomeDependsOnTheDetectorLag() {
        SessionPlan s5 = session("T02-20260305-0900");
        List<CodedEvent> events = s5.events().stream()
                .map(e -> e.code().equals("INT_EXPLORE_FEELING")
                        ? CodedEvent.point(e.code(), e.actor(), 645, e.file())
                        : e)
                .toList();
        SessionPlan at645 = withEvents(s5, events);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CohortPlan.validate(at645));
        assertTrue(e.getMessage().contains("S5-E1"), e.getMessage());
    }

    @Test
    void shouldRefuseARuptureMarkerBetweenMergeGapAndQuiet() {
        SessionPlan s8 = session("T02-20260326-0900");
        List<CodedEvent> events = new java.util.ArrayList<>(s8.events());
        events.add(CodedEvent.point("RUP_C_DEFENDS_SELF", "client", 745 + 200, "annotations.jsonl")
                .withSignificance(2));
        assertThrows(IllegalStateException.class, () -> CohortPlan.validate(withEvents(s8, events)));
    }

    private SessionPlan session(String id) {
        return cohort.stream().filter(s -> s.sessionId().equals(id)).findFirst().orElseThrow();
    }

    private static SessionPlan withEvents(SessionPlan s, List<CodedEvent> events) {
        return new SessionPlan(
                s.folder(),
                s.sessionId(),
                s.therapistId(),
                s.clientId(),
                s.sessionNumber(),
                s.mediaStart(),
                s.durationS(),
                s.consentResearch(),
                s.codebook(),
                s.annotationFiles(),
                s.client(),
                s.therapist(),
                s.episodes(),
                events,
                s.summary());
    }

    private static AnnotationFormat formatOf(SessionPlan s, String file) {
        return s.annotationFiles().stream()
                .filter(f -> f.name().equals(file))
                .findFirst()
                .orElseThrow()
                .format();
    }
}
