package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.Paths;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.jobs.report.Format;

/**
 * The README's DuckDB example (Outputs), run as written in DuckDB on the sample review with one
 * session's supervision consent withdrawn: it lists the other sessions' moments at mm:ss, as the
 * report's pages show them, and nothing of the withheld session.
 */
class ReadmeDuckDbExampleITCase {
    private static final String START = "-- DuckDB: one view per table folder";

    @TempDir
    Path tmp;

    @Test
    void shouldListConsentedSessionsMomentsAtMmSsWhenRunningTheReadmesDuckDbExample() throws Exception {
        Path out = SampleDataReview.get().out();
        String readme = Files.readString(Paths.projectRoot().resolve("README.md"));
        int from = readme.indexOf(START);
        String example = readme.substring(from, readme.indexOf("```", from));

        Path sessions = Files.createDirectories(tmp.resolve("sessions"));
        try (DuckDb duck = new DuckDb()) {
            String withheld =
                    (String) duck.scalar("SELECT min(session_id) FROM " + DuckDb.parquet(out.resolve("moments")));
            // the same sessions table with the first session that has moments not consenting
            duck.execute("COPY (SELECT * REPLACE (session_id <> '" + withheld
                    + "' AND consent_supervision AS consent_supervision) FROM "
                    + DuckDb.parquet(out.resolve("sessions")) + ") TO "
                    + DuckDb.literal(sessions.resolve("part-0.parquet"))
                    + " (FORMAT parquet)");
            String script = example.replace("'review-out/sessions/", "'" + sessions + "/")
                    .replace("'review-out/", "'" + out + "/");
            List<String> statements = java.util.Arrays.stream(script.split(";"))
                    .filter(st -> !st.isBlank())
                    .toList();
            for (String view : statements.subList(0, statements.size() - 1)) {
                duck.execute(view);
            }
            List<Map<String, Object>> rows = duck.query(statements.get(statements.size() - 1));

            List<List<Object>> expected = new ArrayList<>();
            for (Map<String, Object> m : duck.query("SELECT session_id, start_s, evidence FROM "
                    + DuckDb.parquet(out.resolve("moments")) + " WHERE session_id <> '" + withheld
                    + "' ORDER BY session_id, start_s")) {
                expected.add(List.of(
                        m.get("session_id"),
                        Format.mmss(((Number) m.get("start_s")).doubleValue()),
                        m.get("evidence")));
            }
            List<List<Object>> actual = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                assertEquals(List.of("session_id", "video_time", "evidence"), List.copyOf(r.keySet()));
                actual.add(List.of(r.get("session_id"), r.get("video_time"), r.get("evidence")));
            }
            assertFalse(expected.isEmpty(), "the sample review has moments in consented sessions");
            assertEquals(expected, actual);
        }
    }
}
