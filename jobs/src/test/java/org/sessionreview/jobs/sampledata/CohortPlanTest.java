package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(Set.of("T01", "T02"),
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
        assertTrue(cohort.stream().anyMatch(
                s -> s.therapist() != null && !s.therapist().hasChannel("TEMP")));
        Set<String> offsets = cohort.stream()
                .map(s -> s.mediaStart().getOffset().getId()).collect(Collectors.toSet());
        assertTrue(offsets.containsAll(Set.of("+01:00", "+02:00", "-05:00")), offsets.toString());
    }

    @Test
    void shouldPlantVoicedCuesInEveryFormatAndAtLeastOneUnvoicedEpisode() {
        Set<String> cueFormats = cohort.stream()
                .flatMap(s -> s.episodes().stream().flatMap(e -> s.cuesInside(e).stream()
                        .map(c -> formatOf(s, c.file()).shortName())))
                .collect(Collectors.toSet());
        assertTrue(cueFormats.containsAll(Set.of("jsonl", "elan", "boris_tabular")),
                cueFormats.toString());
        assertTrue(cohort.stream().anyMatch(
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

    private static AnnotationFormat formatOf(SessionPlan s, String file) {
        return s.annotationFiles().stream().filter(f -> f.name().equals(file)).findFirst()
                .orElseThrow().format();
    }
}
