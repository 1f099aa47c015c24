package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page names judged for case twins per folder and among the ids that get a page ({@link
 * PageNames}), on reports written by {@link ReportPages}.
 */
class PageNamesTest {
    /** The files written into {@code dir}/{@code folder}. */
    private static Set<String> files(Path dir, String folder) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    @Test
    void shouldNotHashATraineeAndAClientKeyThatDifferOnlyInCase(@TempDir Path out) throws Exception {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T01", "t01", 1, "2026-03-01", 900, 0, true),
                        // a session id and a trainee id that differ only in case, in other folders too
                        Fixtures.session("s2", "S2", "k2", 1, "2026-03-02", 900, 0, true)),
                List.of());
        ReportPages.write(t, Optional.empty(), out);

        assertEquals("T01.html", t.names().trainee("T01"));
        assertEquals("t01.html", t.names().client("t01"));
        assertEquals("s2.html", t.names().session("s2"));
        assertEquals("S2.html", t.names().trainee("S2"));
        assertEquals(Set.of("S1.html", "s2.html"), files(out, "sessions"));
        assertEquals(Set.of("S2.html", "T01.html"), files(out, "trainees"));
        assertEquals(Set.of("k2.html", "t01.html"), files(out, "clients"));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"trainees/T01.html\""), index);
        assertTrue(index.contains("href=\"clients/t01.html\""), index);
        String session = Files.readString(out.resolve("sessions/S1.html"));
        assertTrue(session.contains("trainees/T01.html") && session.contains("clients/t01.html"), session);
    }

    @Test
    void shouldNotLetAWithheldSessionHashAVisiblePageName(@TempDir Path out) throws Exception {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T01", "K1", 1, "2026-03-01", 900, 0, true),
                        // without supervision consent: no page, and its ids are no one's twins
                        Fixtures.session("s1", "t01", "k1", 1, "2026-03-02", 900, 0, false)),
                List.of());
        ReportPages.Written w = ReportPages.write(t, Optional.empty(), out);

        assertEquals(1, w.withheld());
        assertEquals(Set.of("S1.html"), files(out, "sessions"));
        assertEquals(Set.of("T01.html"), files(out, "trainees"));
        assertEquals(Set.of("K1.html"), files(out, "clients"));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"sessions/S1.html\""), index);
        assertFalse(index.contains("t01") || index.contains("k1"), "the withheld session's trainee and client");
    }

    @Test
    void shouldStillHashTwinsWithinOneFolder(@TempDir Path out) throws Exception {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T01", "K1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("s1", "T02", "k1", 1, "2026-03-02", 900, 0, true)),
                List.of());
        ReportPages.write(t, Optional.empty(), out);

        for (String[] twins : new String[][] {{"sessions", "S1", "s1"}, {"clients", "K1", "k1"}}) {
            String upper = twins[0].equals("sessions")
                    ? t.names().session(twins[1])
                    : t.names().client(twins[1]);
            String lower = twins[0].equals("sessions")
                    ? t.names().session(twins[2])
                    : t.names().client(twins[2]);
            assertTrue(upper.matches(twins[1] + "-[0-9a-f]{8}\\.html"), upper);
            assertTrue(lower.matches(twins[2] + "-[0-9a-f]{8}\\.html"), lower);
            assertNotEquals(upper.toLowerCase(Locale.ROOT), lower.toLowerCase(Locale.ROOT));
            assertEquals(Set.of(upper, lower), files(out, twins[0]));
        }
        assertEquals(Set.of("T01.html", "T02.html"), files(out, "trainees"), "no twin among the trainees");
    }
}
