package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance checks on real data: Stress-Predict S04 and S06, run through the command line, with
 * the dataset's own per-second labels. The client's mean anxiety index over stress-task windows
 * must exceed its mean over rest windows, and the window-level ROC AUC of the index must exceed
 * 0.70 (a plain robust-z composite of skin conductance level and heart rate reaches about
 * 0.71-0.73 on these two). The {@code validate} command, which scores a recording with the
 * review's steps outside Flink and labels its windows itself, gives the same windows and AUC as
 * this review on the MiniCluster joined with the labels in DuckDB.
 */
class StressPredictS04ITCase {
    @TempDir
    Path tmp;

    private void check(String subject, List<StressPredict.LabelledWindow> w) throws Exception {
        double stress = StressPredict.meanIndex(w, 1);
        double rest = StressPredict.meanIndex(w, 0);
        double auc = StressPredict.auc(w);
        System.out.printf(
                "Stress-Predict %s: mean client anxiety index %.3f over %d stress windows, %.3f over %d rest windows;"
                        + " window-level ROC AUC %.3f%n",
                subject, stress, StressPredict.count(w, 1), rest, StressPredict.count(w, 0), auc);
        assertTrue(StressPredict.count(w, 1) > 50, "too few stress windows");
        assertTrue(StressPredict.count(w, 0) > 50, "too few rest windows");
        assertTrue(stress > rest, subject + ": stress " + stress + " should exceed rest " + rest);
        assertTrue(auc > 0.70, subject + ": ROC AUC " + auc + " should exceed 0.70");
        JsonNode v = validate(subject).get("recordings").get(0);
        assertEquals(StressPredict.count(w, 1), v.get("stress").asLong(), subject + " stress windows, validate");
        assertEquals(StressPredict.count(w, 0), v.get("rest").asLong(), subject + " rest windows, validate");
        assertEquals(auc, v.get("auc").asDouble(), 1e-12, subject + " AUC, validate");
    }

    /** {@code validate} on the subject's folder (its own labels file), the figures as JSON. */
    private JsonNode validate(String subject) throws Exception {
        Path json = tmp.resolve("validate-" + subject + ".json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "validate",
                    "--recordings",
                    Paths.shared("e4/stress-predict-" + subject).toString(),
                    "--out",
                    json.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void shouldScoreStressTaskWindowsHigherThanRestWhenRunOnStressPredictS04() throws Exception {
        check("S04", StressPredict.review("S04", tmp));
    }

    @Test
    void shouldSeparateStressFromRestWhenRunOnStressPredictS06() throws Exception {
        check("S06", StressPredict.review("S06", tmp.resolve("s06")));
    }
}
