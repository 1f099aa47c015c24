package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README, Privacy, "File and folder names": the supervision tables keep paths below the sessions
 * root (an annotation's {@code source_file}, a coded BASELINE's file in {@code baseline_source})
 * and an annotation's {@code label} as coded, but the report's pages show none of them (twenty-first
 * audit: a session folder, an annotation file and a label named after a client).
 */
class ReportPathsTest {
    private static final String FOLDER = "2026-03-06_Jane-Doe";

    @Test
    void shouldShowNoFileOrFolderNameAndNoLabelOnAnyPage(@TempDir Path out) throws Exception {
        Map<String, Object> session = new HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true));
        session.put("baseline_source", "client: coded BASELINE 5-115 s (" + FOLDER + "/jane_doe_codes.csv line 8)");
        Map<String, Object> annotation = Fixtures.row(
                "session_id",
                "S1",
                "code",
                "ANX_STR_SIGH",
                "family",
                "ANX",
                "actor",
                "client",
                "start_s",
                145.0,
                "end_s",
                null,
                "significance",
                null,
                "modifiers",
                null,
                "label",
                "Jane Doe sighs",
                "source_file",
                FOLDER + "/jane_doe_codes.csv",
                "source_line",
                3);
        ReportTables base = Fixtures.tables(List.of(session), List.of());
        Map<String, List<Map<String, Object>>> per = new LinkedHashMap<>();
        for (String t : ReportTables.SESSION_TABLES) {
            per.put(t, List.of());
        }
        per.put("moments", List.of(Fixtures.moment("S1", "anxiety_episode", 100, 200)));
        per.put("annotations", List.of(annotation));
        ReportTables t = new ReportTables(List.of(session), per, List.of(), List.of(), base.footers());
        ReportPages.write(t, Optional.empty(), out);
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(pages.size() >= 3, "pages written: " + pages);
        for (Path p : pages) {
            String text = Files.readString(p);
            for (String name : List.of("Jane-Doe", "jane_doe", "Jane Doe")) {
                assertFalse(text.contains(name), out.relativize(p) + " shows " + name);
            }
        }
    }
}
