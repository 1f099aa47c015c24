package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check on real data: Stress-Predict S04 (Iqbal et al. 2022), wrapped in a
 * session folder, run through the command line; the client's mean anxiety index over windows
 * labelled 1 (stress tasks) must exceed its mean over windows labelled 0, using the dataset's own
 * per-second labels.
 */
class StressPredictS04ITCase {
    @TempDir
    Path tmp;

    @Test
    void shouldScoreStressTaskWindowsHigherThanRestWhenRunOnStressPredictS04() throws Exception {
        Path e4 = Paths.shared("e4/stress-predict-S04");
        long startEpochS = (long) Double.parseDouble(Files.readAllLines(e4.resolve("EDA.csv")).get(0).trim());
        Path session = Files.createDirectories(tmp.resolve("sessions/S04"));
        Files.createSymbolicLink(session.resolve("client"), e4);
        String mediaStart = Instant.ofEpochSecond(startEpochS).atOffset(ZoneOffset.ofHours(1)).toString();
        Files.writeString(session.resolve("session.json"), "{\n"
                + "  \"session_id\": \"stress-predict-S04\",\n"
                + "  \"therapist_id\": \"none\",\n"
                + "  \"client_id\": \"S04\",\n"
                + "  \"session_number\": 1,\n"
                + "  \"media_start\": \"" + mediaStart + "\",\n"
                + "  \"wearables\": {\"client\": \"client\"},\n"
                + "  \"annotations\": [],\n"
                + "  \"consent\": {\"supervision\": false, \"research\": true}\n"
                + "}\n");
        Path out = tmp.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"review", "--sessions", tmp.resolve("sessions").toString(), "--out",
                out.toString(), "--allow-demo-key", "--parallelism", "2"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, stdout.toString(StandardCharsets.UTF_8));

        try (DuckDb db = new DuckDb()) {
            String labels = "read_csv('" + e4.resolve("labels_S04.csv") + "', header=true)";
            // a window's label: the mean of the dataset's per-second labels inside it; only pure windows count
            List<Map<String, Object>> rows = db.query("WITH w AS (SELECT start_utc, end_s - start_s AS len, anxiety_index FROM "
                    + DuckDb.parquet(out.resolve("windows")) + " WHERE role = 'client' AND anxiety_index IS NOT NULL),"
                    + " wl AS (SELECT w.start_utc, w.anxiety_index, avg(l.label) AS lab, count(*) AS n FROM w JOIN " + labels
                    + " l ON l.unix_time_s >= epoch(w.start_utc) AND l.unix_time_s < epoch(w.start_utc) + w.len"
                    + " GROUP BY w.start_utc, w.anxiety_index)"
                    + " SELECT avg(anxiety_index) FILTER (WHERE lab = 1) AS stress, avg(anxiety_index) FILTER (WHERE lab = 0) AS rest,"
                    + " count(*) FILTER (WHERE lab = 1) AS n_stress, count(*) FILTER (WHERE lab = 0) AS n_rest FROM wl");
            Map<String, Object> r = rows.get(0);
            double stress = ((Number) r.get("stress")).doubleValue();
            double rest = ((Number) r.get("rest")).doubleValue();
            System.out.printf("Stress-Predict S04: mean client anxiety index %.3f over %s stress windows, %.3f over %s rest windows%n",
                    stress, r.get("n_stress"), rest, r.get("n_rest"));
            assertTrue(((Number) r.get("n_stress")).longValue() > 50, "too few stress windows: " + r);
            assertTrue(((Number) r.get("n_rest")).longValue() > 50, "too few rest windows: " + r);
            assertTrue(stress > rest, "stress " + stress + " should exceed rest " + rest);
        }
    }
}
