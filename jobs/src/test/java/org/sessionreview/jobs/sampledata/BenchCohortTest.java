package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCohortTest {
    @Test
    void shouldPlanDistinctDyadSessionsOfTheRequestedLength() {
        List<SessionPlan> plans = BenchCohort.plan(25, 50);
        assertEquals(25, plans.size());
        assertEquals(25, plans.stream().map(SessionPlan::sessionId).distinct().count());
        assertEquals(25, plans.stream().map(SessionPlan::folder).distinct().count());
        for (SessionPlan s : plans) {
            assertEquals(3000, s.durationS());
            assertNotNull(s.therapist(), s.sessionId() + " is a dyad");
            s.wearers().forEach(w -> assertEquals(3000, w.durationS()));
            s.episodes().forEach(e -> assertTrue(e.endS() <= 2940));
            s.events().forEach(e -> assertTrue(e.endOrStartS() <= 2970));
        }
        assertTrue(plans.stream().mapToInt(s -> s.episodes().size()).sum() > 0, "episodes are planted");
        assertEquals(10, plans.stream().map(SessionPlan::therapistId).distinct().count());
    }

    @Test
    void shouldKeepOnlyTheEpisodesAndEventsThatFitAShortSession() {
        for (SessionPlan s : BenchCohort.plan(8, 10)) {
            s.episodes().forEach(e -> assertTrue(e.endS() <= 540, e.id()));
            s.events().forEach(e -> assertTrue(e.endOrStartS() <= 570, e.code()));
            s.wearers().forEach(w -> w.grossMovements().forEach(m -> assertTrue(m.endS() < 600)));
        }
        assertThrows(IllegalArgumentException.class, () -> BenchCohort.plan(0, 50));
        assertThrows(IllegalArgumentException.class, () -> BenchCohort.plan(1, 5));
    }

    @Test
    void shouldWriteTheSameBytesForTheSameArgumentsAsPlainCsv(@TempDir Path dir) throws Exception {
        assertEquals(2, BenchCohort.write(dir.resolve("a"), 2, 10, 7));
        BenchCohort.write(dir.resolve("b"), 2, 10, 7);
        List<Path> a = files(dir.resolve("a"));
        assertEquals(
                a.stream().map(p -> dir.resolve("a").relativize(p)).collect(Collectors.toList()),
                files(dir.resolve("b")).stream()
                        .map(p -> dir.resolve("b").relativize(p))
                        .collect(Collectors.toList()));
        assertTrue(a.stream().anyMatch(p -> p.endsWith("client/BVP.csv")), "plain CSV, not .gz");
        assertFalse(a.stream().anyMatch(p -> p.toString().endsWith(".gz")));
        for (Path p : a) {
            assertArrayEquals(
                    Files.readAllBytes(p),
                    Files.readAllBytes(dir.resolve("b").resolve(dir.resolve("a").relativize(p))),
                    p.toString());
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> w = Files.walk(root)) {
            return w.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
