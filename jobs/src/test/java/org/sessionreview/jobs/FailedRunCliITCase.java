package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.ParquetReviewSinks;
import org.sessionreview.jobs.io.ReviewSinks;
import org.sessionreview.report.SessionRow;

/**
 * Stage, then publish, end to end: a run whose job fails half-way publishes nothing, leaves the
 * previous run's tables byte for byte as they were and leaves no staging folder behind; the next
 * good run replaces them.
 */
class FailedRunCliITCase {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private Path sessions() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("sessions"));
        for (String id : List.of("A", "B")) {
            Path s = Files.createDirectories(root.resolve(id));
            Files.writeString(
                    s.resolve("session.json"),
                    "{\"session_id\": \"" + id + "\", \"therapist_id\": \"T1\","
                            + " \"client_id\": \"C-" + id
                            + "\", \"session_number\": 1, \"media_start\": \"2026-03-02T10:00:00+01:00\","
                            + " \"duration_s\": 600, \"wearables\": {}, \"annotations\": [\"codes.jsonl\"],"
                            + " \"consent\": {\"supervision\": true, \"research\": true}}");
            Files.writeString(
                    s.resolve("codes.jsonl"),
                    "{\"start\": 200, \"code\": \"SAFE_SELF_HARM\", \"actor\": \"client\"}\n");
        }
        return root;
    }

    private Run review(
            Path sessions,
            Path out,
            BiFunction<org.apache.flink.core.fs.Path, Map<String, String>, ReviewSinks> sinks) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new ReviewCommand(
                        new PrintStream(o, true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8),
                        tmp.resolve("home"),
                        sinks)
                .run(
                        new String[] {
                            "--sessions",
                            sessions.toString(),
                            "--out",
                            out.toString(),
                            "--allow-demo-key",
                            "--parallelism",
                            "2",
                            "--quiet",
                            // the failure is deterministic: retrying it (by default up to 10 times) only costs time
                            "--flink",
                            "restart-strategy.type=none"
                        },
                        Map.<String, String>of()::get);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Every file under {@code dir} with a hash of its bytes (hidden entries included). */
    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> {
                        try {
                            return dir.relativize(p) + " " + Arrays.hashCode(Files.readAllBytes(p));
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The real Parquet sinks, and a step that fails the job on the first session row. */
    private static ReviewSinks failing(org.apache.flink.core.fs.Path dir, Map<String, String> provenance) {
        ReviewSinks real = new ParquetReviewSinks(dir, provenance);
        return (review, trends, annotations, rejects) -> {
            real.attach(review, trends, annotations, rejects);
            review.sessions()
                    .map(FailedRunCliITCase::fail)
                    .name("simulated-failure")
                    .uid("simulated-failure")
                    .sinkTo(new DiscardingSink<>())
                    .name("discard")
                    .uid("discard");
        };
    }

    private static SessionRow fail(SessionRow row) {
        throw new IllegalStateException("simulated failure half-way through the job");
    }

    @Test
    void shouldLeaveThePreviousOutputUntouchedWhenARunFails() throws Exception {
        Path sessions = sessions();
        Path out = tmp.resolve("out");
        Run first = review(sessions, out, ParquetReviewSinks::new);
        assertEquals(0, first.code(), first.err());
        List<String> published = tree(out);
        assertTrue(published.stream().anyMatch(f -> f.startsWith("sessions/")), published.toString());

        Run failed = review(sessions, out, FailedRunCliITCase::failing);
        assertEquals(1, failed.code(), failed.out() + failed.err());
        assertTrue(failed.err().contains("nothing was published"), failed.err());
        assertEquals(published, tree(out), "a failed run changed the published output");
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(
                    s.anyMatch(p -> p.getFileName().toString().startsWith(".session-review-staging")),
                    "staging left behind");
        }

        Files.writeString(
                sessions.resolve("B/codes.jsonl"),
                "{\"start\": 300, \"code\": \"SAFE_SELF_HARM\", \"actor\": \"client\"}\n");
        Run again = review(sessions, out, ParquetReviewSinks::new);
        assertEquals(0, again.code(), again.err());
        assertTrue(!tree(out).equals(published), "the next good run replaces the tables");
        assertTrue(Files.isRegularFile(out.resolve(OutputDirectory.MARKER)));
    }
}
