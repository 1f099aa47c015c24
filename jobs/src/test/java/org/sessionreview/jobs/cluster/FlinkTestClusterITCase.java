package org.sessionreview.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.jobs.cluster.ClusterRuns.assertSameTables;
import static org.sessionreview.jobs.cluster.ClusterRuns.clusterJar;
import static org.sessionreview.jobs.cluster.ClusterRuns.localRun;
import static org.sessionreview.jobs.cluster.ClusterRuns.review;
import static org.sessionreview.jobs.cluster.ClusterRuns.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.Paths;

/**
 * The cluster job jar ({@code target/session-review-flink.jar}) on a real Flink cluster: a
 * JobManager and two TaskManagers, each its own process ({@link FlinkTestCluster}). The review of
 * {@code sample-data/} submitted with {@code flink run} and over REST writes the same tables as the
 * same review run embedded, row for row; so does a run whose TaskManagers are all killed with
 * SIGKILL while it reads, once the ingest has finished, or later in the scoring stage (batch:
 * region failover, last sink attempts kept; see {@link KillPoint}), and in streaming mode before
 * its first checkpoint, while it reads after a checkpoint and once it has read everything (resumed
 * from the last checkpoint; see {@link StreamingKillPoint}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkTestClusterITCase {
    @TempDir
    Path tmp;

    private FlinkTestCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        assertTrue(Files.isRegularFile(clusterJar()), clusterJar() + " missing: run `mvn -pl jobs -am verify`");
        Instant t0 = Instant.now();
        cluster = FlinkTestCluster.start(2);
        timing("cluster start (JobManager + 2 TaskManagers registered)", t0);
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) {
            Instant t0 = Instant.now();
            cluster.close();
            timing("cluster close", t0);
        }
    }

    private static void timing(String what, Instant since) {
        System.out.printf(
                Locale.ROOT,
                "[FlinkTestClusterITCase] %s: %.1f s%n",
                what,
                Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    @Test
    @Order(1)
    void shouldWriteTheLocalRunsTablesWhenTheClusterJarIsSubmittedThroughTheCli() throws Exception {
        Path out = tmp.resolve("cluster-out");
        FlinkTestCluster.CliRun run = cluster.submitCli(List.of("-p", "2"), clusterJar(), review(out));
        timing(
                "flink run (attached) of the review on sample-data",
                Instant.now().minus(run.took()));
        String context =
                run.output() + "\n" + FlinkTestCluster.tail(cluster.logDir().resolve("jobmanager.log"));
        assertEquals(0, run.exitCode(), context);
        assertTrue(run.jobId().isPresent(), context);
        assertEquals("FINISHED", cluster.jobStatus(run.jobId().get()), context);
        assertTrue(cluster.runningJobs().isEmpty());
        assertTrue(run.output().contains("sessions reviewed"), context);

        List<String> tables = tables(out);
        assertTrue(tables.contains("sessions"), "tables: " + tables);
        int planted = new ObjectMapper()
                .readTree(Paths.sampleData().resolve("planted.json").toFile())
                .get("sessions")
                .size();

        Path local = localRun();
        Instant t0 = Instant.now();
        timing("the same review on a local MiniCluster (for comparison)", t0);
        assertEquals(tables(local), tables);
        try (DuckDb db = new DuckDb()) {
            assertEquals(
                    planted,
                    ((Number) db.scalar("SELECT count(*) FROM " + DuckDb.parquet(out.resolve("sessions")))).intValue());
        }
        assertSameTables(local, out);
    }

    @Test
    @Order(2)
    void shouldRegisterAReplacementWhenATaskManagerIsKilled() throws Exception {
        assertEquals(2, cluster.overview().taskManagers());
        assertEquals(137, cluster.killTaskManager(0), "SIGKILL: 128 + 9");
        assertFalse(cluster.isTaskManagerAlive(0));
        Instant t0 = Instant.now();
        assertEquals(2, cluster.awaitTaskManagers(1, Duration.ofSeconds(60)).slotsTotal());
        timing("JobManager notices the killed TaskManager", t0);

        t0 = Instant.now();
        int replacement = cluster.startTaskManager();
        FlinkRestClient.Overview overview = cluster.awaitTaskManagers(2, Duration.ofSeconds(60));
        timing("replacement TaskManager registered", t0);
        assertEquals(2, replacement);
        assertEquals(4, overview.slotsTotal());
        assertTrue(cluster.isTaskManagerAlive(1));
    }

    @Test
    @Order(3)
    void shouldWriteTheTablesWhenTheClusterJarIsSubmittedOverRest() throws Exception {
        Path out = tmp.resolve("rest-out");
        runOverRest("REST submission and run of the review on sample-data", review(out));
        assertTrue(cluster.runningJobs().isEmpty());
        assertSameTables(localRun(), out);
        assertEquals(cluster.overview().taskManagers(), 2, "the JobManager survives a REST submission");
    }

    /** Submits over REST, waits for FINISHED, prints the time; returns the job id. */
    private String runOverRest(String label, String[] args) throws Exception {
        Instant t0 = Instant.now();
        String jobId = cluster.submitRest(clusterJar(), args);
        assertEquals(
                "FINISHED",
                cluster.awaitJob(jobId, Duration.ofMinutes(5)),
                FlinkTestCluster.tail(cluster.logDir().resolve("jobmanager.log")));
        timing(label, t0);
        return jobId;
    }

    /**
     * Where in a run the TaskManagers are killed, by the job's own progress (vertex states from
     * the REST API), not by time: a run takes 10 to 60 s depending on the machine's load.
     */
    enum KillPoint {
        /** The session folders are being read (the source's vertex runs). */
        READING,
        /** Every folder has been read; the ingest's own sinks (annotations, rejects) have committed. */
        INGESTED,
        /**
         * Later in the scoring stage: after INGESTED, half again the time it took to get there.
         * (The job has three vertices; the scoring vertex's subtasks end too close together to
         * be caught between them.)
         */
        SCORING;

        boolean reached(FlinkRestClient.Progress p) {
            String source = p.vertex("session-folders");
            return switch (this) {
                case READING -> source.equals("RUNNING");
                case INGESTED, SCORING -> source.equals("FINISHED");
            };
        }
    }

    @ParameterizedTest(name = "killed while {0}")
    @EnumSource(KillPoint.class)
    @Order(4)
    void shouldGiveExactlyTheSameTablesWhenTheTaskManagersAreKilledMidRun(KillPoint point) throws Exception {
        Path out = tmp.resolve("killed-" + point);
        String jobId = cluster.submitRest(clusterJar(), review(out));
        killAt(jobId, point);
        assertSameTables(localRun(), out);
    }

    /** The review in streaming mode with these Flink settings ({@code KEY=VALUE}). */
    private String[] streaming(Path out, List<String> flinkSettings) {
        List<String> args = new java.util.ArrayList<>(List.of(review(out)));
        args.addAll(List.of("--mode", "streaming"));
        flinkSettings.forEach(kv -> args.addAll(List.of("--flink", kv)));
        return args.toArray(String[]::new);
    }

    private static final List<String> CHECKPOINT_EVERY_500_MS = List.of("execution.checkpointing.interval=500ms");

    @Test
    @Order(5)
    void shouldWriteTheLocalRunsTablesInStreamingMode() throws Exception {
        Path out = tmp.resolve("streaming-out");
        String jobId =
                runOverRest("streaming REST run of the review on sample-data", streaming(out, CHECKPOINT_EVERY_500_MS));
        assertSameTables(localRun(), out);
        assertTrue(
                java.util.regex.Pattern.compile("Completed checkpoint \\d+ for job " + jobId)
                        .matcher(Files.readString(cluster.logDir().resolve("jobmanager.log")))
                        .find(),
                "the streaming job checkpointed: " + jobId);
    }

    /**
     * Where a streaming run's TaskManagers are killed: before its first checkpoint (the restart
     * begins again from the start), while it reads after a checkpoint (resumed from that
     * checkpoint), and once every folder has been read (resumed with the source finished).
     */
    enum StreamingKillPoint {
        /**
         * Reading, no checkpoint completed yet: checkpoints every 4 s with at least 3 s before the
         * first (Flink starts the first after a random delay between the minimum pause and the
         * interval), so the kill comes first.
         */
        READING_BEFORE_A_CHECKPOINT(
                List.of("execution.checkpointing.interval=4s", "execution.checkpointing.min-pause=3s")),
        /** Reading, at least one checkpoint completed (checkpoints every 500 ms). */
        READING_AFTER_A_CHECKPOINT(CHECKPOINT_EVERY_500_MS),
        /**
         * Sessions scored and committed: the staged {@code sessions} table holds a committed part
         * file (a checkpoint completed after the scoring stage wrote rows), the job still running.
         * (The source's vertex cannot mark this: in streaming mode it finishes with the whole job.)
         */
        SESSIONS_COMMITTED(CHECKPOINT_EVERY_500_MS);

        final List<String> flinkSettings;

        StreamingKillPoint(List<String> flinkSettings) {
            this.flinkSettings = flinkSettings;
        }

        boolean reached(FlinkRestClient.Progress p, long checkpoints, Path out) {
            return switch (this) {
                case READING_BEFORE_A_CHECKPOINT -> KillPoint.READING.reached(p) && checkpoints == 0;
                case READING_AFTER_A_CHECKPOINT -> KillPoint.READING.reached(p) && checkpoints > 0;
                case SESSIONS_COMMITTED -> committedPartFiles(out, "sessions") > 0;
            };
        }

        /** Committed (visible) part files of a table anywhere under {@code out}, staging included. */
        private static long committedPartFiles(Path out, String table) {
            try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                return files.filter(f -> f.getParent().getFileName().toString().equals(table))
                        .filter(f -> f.getFileName().toString().startsWith("part-"))
                        .count();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0; // the folder is still being made, or a file went away while listed
            }
        }
    }

    @ParameterizedTest(name = "streaming, killed {0}")
    @EnumSource(StreamingKillPoint.class)
    @Order(6)
    void shouldGiveExactlyTheSameTablesWhenTheTaskManagersAreKilledMidStreamingRun(StreamingKillPoint point)
            throws Exception {
        Path out = tmp.resolve("killed-streaming-" + point);
        String jobId = cluster.submitRest(clusterJar(), streaming(out, point.flinkSettings));
        long[] atKill = new long[1];
        killWhen(
                jobId,
                "streaming",
                point.name(),
                p -> {
                    atKill[0] = checkpoints(jobId);
                    return point.reached(p, atKill[0], out);
                },
                0);
        boolean restored = Files.readString(cluster.logDir().resolve("jobmanager.log"))
                .contains("Restoring job " + jobId + " from Checkpoint");
        if (point == StreamingKillPoint.READING_BEFORE_A_CHECKPOINT) {
            assertFalse(
                    restored,
                    "killed before any checkpoint, yet restored from one (" + atKill[0] + " completed at the kill)");
        } else {
            assertTrue(
                    restored, "the streaming job resumed from a checkpoint (" + atKill[0] + " completed at the kill)");
        }
        assertSameTables(localRun(), out);
    }

    /** Completed checkpoints of the job so far; -1 while the REST API cannot say. */
    private long checkpoints(String jobId) {
        try {
            return cluster.rest().completedCheckpoints(jobId);
        } catch (Exception e) {
            return -1;
        }
    }

    private void killAt(String jobId, KillPoint point) throws Exception {
        killWhen(jobId, "batch", point.name(), point::reached, point == KillPoint.SCORING ? 0.5 : 0);
    }

    /**
     * Waits until {@code reached} holds for {@code jobId}'s progress (then {@code delay} times the
     * time that took, again), SIGKILLs every live TaskManager (so that the kill surely hits
     * running tasks), starts two replacements, and waits for the job to restart and finish.
     */
    private void killWhen(
            String jobId,
            String mode,
            String label,
            java.util.function.Predicate<FlinkRestClient.Progress> reached,
            double delay)
            throws Exception {
        Instant t0 = Instant.now();
        FlinkRestClient.Progress p = cluster.rest().progress(jobId);
        while (!reached.test(p)) {
            assertEquals(
                    "RUNNING".equals(p.state()) || "CREATED".equals(p.state()) || "INITIALIZING".equals(p.state()),
                    true,
                    "the job ended (" + p.state() + ") before " + label + ": " + p.vertices());
            assertTrue(
                    Duration.between(t0, Instant.now()).toMinutes() < 5,
                    "no " + label + " within 5 minutes: " + p.vertices());
            Thread.sleep(50);
            p = cluster.rest().progress(jobId);
        }
        Duration at = Duration.between(t0, Instant.now());
        if (delay > 0) {
            Thread.sleep((long) (at.toMillis() * delay));
            at = Duration.between(t0, Instant.now());
            p = cluster.rest().progress(jobId);
        }
        assertEquals("RUNNING", p.state(), "still running at " + label + ": " + p.vertices());
        for (int victim : cluster.liveTaskManagers()) {
            assertEquals(137, cluster.killTaskManager(victim), "SIGKILL");
        }
        cluster.startTaskManager();
        cluster.startTaskManager();
        Path log = cluster.logDir().resolve("jobmanager.log");
        assertEquals("FINISHED", cluster.awaitJob(jobId, Duration.ofMinutes(8)), FlinkTestCluster.tail(log));
        timing(
                String.format(
                        Locale.ROOT,
                        "%s REST run with its TaskManagers killed at %s (%.1f s after submission; vertices %s)",
                        mode,
                        label,
                        at.toMillis() / 1000.0,
                        p.vertices()),
                t0);
        assertTrue(
                Files.readString(log).contains("(" + jobId + ") switched from state RUNNING to RESTARTING"),
                "the job was restarted after the kill");
        // the next run must not be scheduled onto TaskManagers the JobManager has not yet seen die
        cluster.awaitTaskManagers(cluster.liveTaskManagers().size(), Duration.ofSeconds(60));
    }
}
