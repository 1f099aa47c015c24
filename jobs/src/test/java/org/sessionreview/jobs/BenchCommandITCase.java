package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} end to end on a small generated cohort: the figures are computed from the run. */
class BenchCommandITCase {
    @Test
    void shouldMeasureTheFloorAndTheReviewOfTheSameCohort(@TempDir Path work) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path json = work.resolve("figures.json");
        int code = Main.run(
                new String[] {
                    "bench",
                    "--sessions",
                    "2",
                    "--minutes",
                    "10",
                    "--work",
                    work.toString(),
                    "--parallelism",
                    "2",
                    "--floor-passes",
                    "1",
                    "--out",
                    json.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, console);

        JsonNode f = new ObjectMapper().readTree(json.toFile());
        JsonNode run =
                new ObjectMapper().readTree(work.resolve("review-out/run.json").toFile());
        assertEquals(2, f.path("sessions").asInt());
        long e4Records = 0;
        for (JsonNode input : run.path("inputs")) {
            if (input.path("path").asText().matches(".*/(EDA|BVP|ACC|TEMP|HR|IBI)\\.csv")) {
                e4Records += input.path("records_read").asLong();
            }
        }
        assertEquals(e4Records, f.path("samples").asLong(), "the floor counts the same E4 rows the review read");
        assertEquals(run.path("totals").path("files").asLong(), f.path("files").asLong());
        assertEquals(
                f.path("jobMs").asDouble() / f.path("floorMs").asDouble(),
                f.path("jobOverFloor").asDouble(),
                1e-9);
        assertEquals(
                2 / (f.path("jobMs").asDouble() / 1000),
                f.path("sessionsPerSecond").asDouble(),
                1e-9);
        for (String stage :
                new String[] {"ingest", "per-wearer events and windows", "session scoring", "synchrony", "sinks"}) {
            assertTrue(f.path("stageCpuMs").path(stage).asDouble() > 0, stage + " was charged CPU time: " + f);
        }
        double stages = 0;
        for (JsonNode ms : f.path("stageCpuMs")) {
            stages += ms.asDouble();
        }
        assertEquals(f.path("processCpuMs").asDouble(), stages, 1e-6, "stages and other add up to the process CPU");
        assertTrue(f.path("peakHeapBytes").asLong() > 0);
        long afterGc = f.path("peakHeapAfterGcBytes").asLong();
        assertTrue(
                afterGc > 0 && afterGc <= f.path("peakHeapBytes").asLong(),
                "the heap after a collection is some of the peak heap: " + afterGc + " of " + f.path("peakHeapBytes"));
        assertTrue(
                f.path("peakHeapBytes").asLong() <= f.path("maxHeapBytes").asLong(),
                "the peak heap is heap in use at one moment, within the maximum: " + f.path("peakHeapBytes") + " of "
                        + f.path("maxHeapBytes"));
        assertTrue(f.path("stageCpuMs").has("JIT compiler threads"), f.toString());
        assertTrue(f.path("jobMs").asDouble() <= f.path("commandMs").asDouble());
        assertTrue(console.contains("review / floor"), console);
        assertTrue(console.contains("cohort: generating 2 sessions of 10 minutes"), console);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(
                0,
                Main.run(
                        new String[] {
                            "bench",
                            "--sessions",
                            "2",
                            "--minutes",
                            "10",
                            "--work",
                            work.toString(),
                            "--parallelism",
                            "1",
                            "--floor-passes",
                            "1",
                            "--out",
                            work.resolve("again.json").toString()
                        },
                        new PrintStream(again, true, StandardCharsets.UTF_8),
                        System.err));
        assertTrue(
                again.toString(StandardCharsets.UTF_8).contains("cohort: reusing"),
                again.toString(StandardCharsets.UTF_8));
        assertEquals(
                f.path("samples").asLong(),
                new ObjectMapper()
                        .readTree(work.resolve("again.json").toFile())
                        .path("samples")
                        .asLong());
    }

    @Test
    void shouldRefuseUnusableArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Main.run(new String[] {"bench", "--sessions", "0"}, System.out, e));
        assertEquals(2, Main.run(new String[] {"bench", "--minutes"}, System.out, e));
        assertEquals(2, Main.run(new String[] {"bench", "--frobnicate", "1"}, System.out, e));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("--sessions must be at least 1"),
                err.toString(StandardCharsets.UTF_8));
    }
}
