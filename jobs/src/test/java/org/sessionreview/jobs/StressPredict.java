package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the review on a Stress-Predict recording (Iqbal et al. 2022, Sensors 22(21):8135) wrapped
 * in a session folder whose session.json this class writes, and labels the client's windows with
 * the dataset's own per-second labels (1 = during a stress task).
 */
final class StressPredict {
    /** One scored window: its anxiety index and the mean label of the seconds inside it. */
    record LabelledWindow(double anxietyIndex, double label) {}

    private StressPredict() {}

    /** Reviews {@code e4/stress-predict-<subject>} into {@code tmp} and returns the client's labelled windows. */
    static List<LabelledWindow> review(String subject, Path tmp) throws Exception {
        Path e4 = Paths.shared("e4/stress-predict-" + subject);
        long startEpochS = (long) Double.parseDouble(
                Files.readAllLines(e4.resolve("EDA.csv")).get(0).trim());
        Path session = Files.createDirectories(tmp.resolve("sessions/" + subject));
        // a copy, not a link: links leading out of a session folder are not followed (confinement)
        Path client = Files.createDirectories(session.resolve("client"));
        try (var files = Files.list(e4)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .toList()) {
                Files.copy(f, client.resolve(f.getFileName()));
            }
        }
        String mediaStart = Instant.ofEpochSecond(startEpochS)
                .atOffset(ZoneOffset.ofHours(1))
                .toString();
        Files.writeString(
                session.resolve("session.json"),
                "{\n"
                        + "  \"session_id\": \"stress-predict-" + subject + "\",\n"
                        + "  \"therapist_id\": \"none\",\n"
                        + "  \"client_id\": \"" + subject + "\",\n"
                        + "  \"session_number\": 1,\n"
                        + "  \"media_start\": \"" + mediaStart + "\",\n"
                        + "  \"wearables\": {\"client\": \"client\"},\n"
                        + "  \"annotations\": [],\n"
                        + "  \"consent\": {\"supervision\": false, \"research\": true}\n"
                        + "}\n");
        Path out = tmp.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "review",
                    "--sessions",
                    tmp.resolve("sessions").toString(),
                    "--out",
                    out.toString(),
                    "--allow-demo-key",
                    "--parallelism",
                    "2",
                    "--quiet"
                },
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code, stdout.toString(StandardCharsets.UTF_8));
        String labels = "read_csv('" + e4.resolve("labels_" + subject + ".csv") + "', header=true)";
        List<LabelledWindow> out2 = new ArrayList<>();
        try (DuckDb db = new DuckDb()) {
            for (Map<String, Object> r :
                    db.query("WITH w AS (SELECT start_utc, end_s - start_s AS len, anxiety_index FROM "
                            + DuckDb.parquet(out.resolve("windows"))
                            + " WHERE role = 'client' AND anxiety_index IS NOT NULL)"
                            + " SELECT w.anxiety_index AS idx, avg(l.label) AS lab FROM w JOIN " + labels
                            + " l ON l.unix_time_s >= epoch(w.start_utc) AND l.unix_time_s < epoch(w.start_utc) + w.len"
                            + " GROUP BY w.start_utc, w.anxiety_index ORDER BY w.start_utc")) {
                out2.add(new LabelledWindow(
                        ((Number) r.get("idx")).doubleValue(), ((Number) r.get("lab")).doubleValue()));
            }
        }
        return out2;
    }

    /** Mean index over windows whose seconds are all labelled {@code label} (0 or 1). */
    static double meanIndex(List<LabelledWindow> windows, int label) {
        return windows.stream()
                .filter(w -> w.label() == label)
                .mapToDouble(LabelledWindow::anxietyIndex)
                .average()
                .orElse(Double.NaN);
    }

    static long count(List<LabelledWindow> windows, int label) {
        return windows.stream().filter(w -> w.label() == label).count();
    }

    /**
     * ROC AUC of the index for pure stress windows (label 1) against pure rest windows (label 0):
     * the probability that a random stress window scores above a random rest window, ties half
     * (the Mann-Whitney U statistic divided by n1 * n0).
     */
    static double auc(List<LabelledWindow> windows) {
        List<Double> pos = windows.stream()
                .filter(w -> w.label() == 1)
                .map(LabelledWindow::anxietyIndex)
                .toList();
        List<Double> neg = windows.stream()
                .filter(w -> w.label() == 0)
                .map(LabelledWindow::anxietyIndex)
                .toList();
        double u = 0;
        for (double p : pos) {
            for (double n : neg) {
                u += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return u / ((double) pos.size() * neg.size());
    }
}
