package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.Main;
import org.sessionreview.jobs.Paths;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;

/**
 * Sessions sent through {@code replay} and reviewed by {@code live} give the same rows in every
 * per-session table as {@code review} of the same folders, and every candidate moment reaches the
 * output topic exactly once: undisturbed, and across five SIGKILLs of the live job's process,
 * each restarted from its last checkpoint.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LiveReplayITCase {
    /** The tables a live job writes (all but trainees/ and clients/, which need every session). */
    static final List<String> TABLES = List.of(
            "sessions",
            "moments",
            "windows",
            "baselines",
            "scr",
            "beats",
            "artifacts",
            "synchrony",
            "ruptures",
            "segments",
            "annotations",
            "rejects");

    @TempDir
    Path tmp;

    private static String[] liveArgs(String bootstrap, Path out) {
        return new String[] {
            "live", "--bootstrap", bootstrap, "--out", out.toString(), "--silence", "60", "--parallelism", "2"
        };
    }

    static int replay(String bootstrap, String speed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "replay",
                    "--bootstrap",
                    bootstrap,
                    "--sessions",
                    Paths.sampleData().toAbsolutePath().toString(),
                    "--allow-demo-key",
                    "--speed",
                    speed
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static long sessionsCommitted(Path tables) throws Exception {
        if (!Files.isDirectory(tables.resolve("sessions"))) {
            return 0;
        }
        try (var files = Files.list(tables.resolve("sessions"))) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                return 0;
            }
        }
        try (DuckDb db = new DuckDb()) {
            return ((Number) db.scalar("SELECT count(*) FROM " + DuckDb.parquet(tables.resolve("sessions"))))
                    .longValue();
        }
    }

    static void awaitSessions(Path tables, long expected, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (sessionsCommitted(tables) < expected) {
            assertTrue(
                    System.currentTimeMillis() < deadline,
                    "sessions committed: " + sessionsCommitted(tables) + " of " + expected);
            Thread.sleep(1000);
        }
    }

    /** Every table equals the review's, row for row (EXCEPT ALL both ways; an empty table equals an empty one). */
    static void assertSameTables(Path review, Path live) throws Exception {
        try (DuckDb db = new DuckDb()) {
            for (String t : TABLES) {
                boolean r = hasParquet(review.resolve(t));
                boolean l = hasParquet(live.resolve(t));
                if (!r || !l) {
                    long rows = r
                            ? ((Number) db.scalar("SELECT count(*) FROM " + DuckDb.parquet(review.resolve(t))))
                                    .longValue()
                            : l
                                    ? ((Number) db.scalar("SELECT count(*) FROM " + DuckDb.parquet(live.resolve(t))))
                                            .longValue()
                                    : 0;
                    assertEquals(0, rows, t + ": rows on one side only");
                    continue;
                }
                String a = DuckDb.parquet(review.resolve(t));
                String b = DuckDb.parquet(live.resolve(t));
                assertEquals(
                        db.scalar("SELECT count(*) FROM " + a), db.scalar("SELECT count(*) FROM " + b), t + " rows");
                assertEquals(
                        0L,
                        db.scalar("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")"),
                        t + ": rows of the review that live lacks");
                assertEquals(
                        0L,
                        db.scalar("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")"),
                        t + ": rows of live that the review lacks");
            }
        }
    }

    private static boolean hasParquet(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    static long sampleSessions() throws Exception {
        try (var dirs = Files.list(Paths.sampleData())) {
            return dirs.filter(d -> Files.exists(d.resolve("session.json"))).count();
        }
    }

    @Test
    void shouldGiveTheReviewsRowsAndEachMomentOnceForReplayedSessions() throws Exception {
        Path review = SampleDataReview.get().out();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            Path out = tmp.resolve("live");
            InProcessLive live =
                    InProcessLive.start(List.of(liveArgs(bootstrap, out)).subList(1, 9), out, System.err);
            for (var t : org.sessionreview.parquet.OutputTables.PER_SESSION) {
                // before any row: readers see every table, with no rows (DuckDB found no files)
                assertTrue(
                        hasParquet(out.resolve(LiveJob.TABLES).resolve(t.name())), t.name() + " has its schema file");
            }
            replay(bootstrap, "max");
            awaitSessions(out.resolve(LiveJob.TABLES), sampleSessions(), Duration.ofMinutes(4));
            List<JsonNode> moments =
                    LiveTopic.readCommitted(bootstrap, "session-review.moments", Duration.ofSeconds(5));
            assertEquals(0, live.stop(), "a cancelled live job exits 0");

            assertSameTables(review, out.resolve(LiveJob.TABLES));
            long sentLive = LiveTopic.checkExactlyOnce(
                    moments, out.resolve(LiveJob.TABLES).resolve("moments"));
            assertTrue(sentLive > 0, "some moments are sent while their session runs");
            assertTrue(
                    LiveTopic.readCommitted(bootstrap, "session-review.dead-letters", Duration.ofSeconds(2))
                            .isEmpty(),
                    "a replay of good sessions has no dead letters");
        }
    }

    @Test
    void shouldRefuseEachBadMessageWithItsReasonAndKeepGoing() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            Path out = tmp.resolve("live");
            InProcessLive live =
                    InProcessLive.start(List.of(liveArgs(bootstrap, out)).subList(1, 9), out, System.err);
            String start =
                    "{\"type\":\"session_start\",\"session_id\":\"B1\",\"therapist_id\":\"T9\",\"client_key\":\"c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff\","
                            + "\"session_number\":1,\"media_start\":\"2026-03-02T10:00:00+01:00\",\"wearers\":[\"client\"]}";
            String eda = "{\"type\":\"samples\",\"session_id\":\"B1\",\"wearer\":\"client\",\"channel\":\"EDA\","
                    + "\"stream_start_ms\":1772442000000,\"start_ms\":1772442000000,\"first_index\":0,\"rate_hz\":4,"
                    + "\"values\":[0.4,0.4,0.4,0.4]}";
            List<String[]> records = List.of(
                    new String[] {"B1", "{not json"},
                    new String[] {"B1", "{\"type\":\"session_start\",\"session_id\":\"B1\",\"client_id\":\"Jane Doe\"}"
                    },
                    new String[] {"B9", "{\"type\":\"session_end\",\"session_id\":\"B9\"}"},
                    new String[] {"B1", start},
                    new String[] {"B1", eda},
                    new String[] {"B1", eda},
                    new String[] {"B1", start},
                    new String[] {"B1", "{\"type\":\"session_end\",\"session_id\":\"B1\"}"},
                    new String[] {"B1", eda});
            java.util.Properties p = new java.util.Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
                for (String[] r : records) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                    "session-review.input", r[0], r[1]))
                            .get();
                }
            }
            awaitSessions(out.resolve(LiveJob.TABLES), 1, Duration.ofMinutes(2));
            List<JsonNode> dead =
                    LiveTopic.readCommitted(bootstrap, "session-review.dead-letters", Duration.ofSeconds(4));
            // the TaskManagers report accumulators with their heartbeats (every 10 s by default)
            MessageCounts.Counts counts = live.counts();
            for (long until = System.currentTimeMillis() + 40_000;
                    counts.read() < records.size() && System.currentTimeMillis() < until; ) {
                Thread.sleep(500);
                counts = live.counts();
            }
            assertEquals(
                    new MessageCounts.Counts(records.size(), records.size() - dead.size(), dead.size()),
                    counts,
                    "every message read is accepted or refused, and each refused one has its dead letter");
            assertEquals(0, live.stop(), "a cancelled live job exits 0");

            List<String> reasons =
                    dead.stream().map(d -> d.get("reason").asText()).sorted().toList();
            assertEquals(6, reasons.size(), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("record: not JSON")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("raw client identifier")), reasons.toString());
            assertTrue(reasons.stream().noneMatch(r -> r.contains("Jane")), "never quoted");
            assertTrue(
                    reasons.stream().anyMatch(r -> r.startsWith("session_end: no session_start")), reasons.toString());
            assertTrue(
                    reasons.stream()
                            .anyMatch(r -> r.contains("samples already received or already given up as missing")),
                    reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("duplicate session_start")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("the session has already ended")), reasons.toString());
            try (DuckDb db = new DuckDb()) {
                String rejects = DuckDb.parquet(out.resolve(LiveJob.TABLES).resolve("rejects"));
                assertEquals(
                        6L,
                        db.scalar("SELECT count(*) FROM " + rejects
                                + " WHERE source_file LIKE 'kafka:session-review.input/%'"));
                assertEquals(
                        1L,
                        db.scalar("SELECT count(*) FROM "
                                + DuckDb.parquet(out.resolve(LiveJob.TABLES).resolve("sessions"))
                                + " WHERE session_id = 'B1'"));
            }
        }
    }

    /**
     * The live command in its own JVM (so that it can be SIGKILLed), with this test's class path;
     * its temporary files (which a SIGKILL leaves) go to a folder beside {@code out}, inside the
     * test's temporary folder.
     */
    private static Process startLive(String bootstrap, Path out, Path log) throws Exception {
        Path jvmTmp = java.nio.file.Files.createDirectories(out.toAbsolutePath().resolveSibling("jvm-tmp"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + jvmTmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(liveArgs(bootstrap, out)));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    @Test
    void shouldLoseAndDuplicateNothingAcrossFiveKills() throws Exception {
        Path review = SampleDataReview.get().out();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            Path out = tmp.resolve("live");
            Path log = tmp.resolve("live.log");
            Process live = startLive(bootstrap, out, log);
            try {
                awaitStarts(log, 1);
                CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() -> replay(bootstrap, "25"));
                int kills = 0;
                // kill points spread over the replay (about 55 s at 25x): while reading, mid-session, late
                long[] afterS = {4, 7, 10, 5, 12};
                for (long wait : afterS) {
                    Thread.sleep(wait * 1000);
                    live.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no cancel, no last checkpoint
                    kills++;
                    live = startLive(bootstrap, out, log);
                    awaitStarts(log, kills + 1);
                }
                replay.get(5, TimeUnit.MINUTES);
                try {
                    awaitSessions(out.resolve(LiveJob.TABLES), sampleSessions(), Duration.ofMinutes(4));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
                }
                List<JsonNode> moments =
                        LiveTopic.readCommitted(bootstrap, "session-review.moments", Duration.ofSeconds(6));
                live.destroy();
                live.waitFor(60, TimeUnit.SECONDS);
                assertEquals(5, kills);
                String text = Files.readString(log);
                assertEquals(6, text.split("reads session-review.input", -1).length - 1, "six starts");
                assertSameTables(review, out.resolve(LiveJob.TABLES));
                LiveTopic.checkExactlyOnce(moments, out.resolve(LiveJob.TABLES).resolve("moments"));
            } finally {
                // a failed run must not leave its live JVM behind (it holds ports the next tests need)
                live.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until the live command has announced its {@code n}-th job (the job runs). */
    private static void awaitStarts(Path log, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.split("reads session-review.input", -1).length - 1 >= n) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "start " + n + " not announced:\n" + tail(log));
            Thread.sleep(250);
        }
    }

    private static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join(
                File.separator.equals("/") ? "\n" : "\r\n",
                lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
