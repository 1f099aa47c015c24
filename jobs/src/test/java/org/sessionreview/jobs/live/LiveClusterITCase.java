package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.jobs.cluster.FlinkTestCluster;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;

/**
 * {@code live} on a real multi-process Flink cluster (a JobManager and two TaskManagers started
 * from Maven Central jars, {@link FlinkTestCluster}), submitted with {@code flink run} as the
 * README shows: the eight sample sessions replayed through Kafka give the review's rows in every
 * table and each moment once on the output topic, although every TaskManager is SIGKILLed while
 * the replay runs (after a completed checkpoint) and replaced, so that the job restarts from its
 * last checkpoint on new TaskManagers.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LiveClusterITCase {
    @TempDir
    Path tmp;

    private static Path clusterJar() {
        return Path.of(System.getProperty("session-review.flink-jar", "target/session-review-flink.jar"))
                .toAbsolutePath();
    }

    @Test
    void shouldGiveTheReviewsRowsAndEachMomentOnceWhenItsTaskManagersAreKilled() throws Exception {
        Path review = SampleDataReview.get().out();
        Path jar = clusterJar();
        assertTrue(Files.isRegularFile(jar), jar + " missing");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"));
                FlinkTestCluster cluster =
                        FlinkTestCluster.start(2, Map.of("taskmanager.memory.process.size", "1600m"))) {
            String bootstrap = broker.bootstrapServers();
            Path out = tmp.resolve("live");
            CompletableFuture<FlinkTestCluster.CliRun> cli = CompletableFuture.supplyAsync(() -> {
                try {
                    return cluster.submitCli(
                            jar,
                            "live",
                            "--bootstrap",
                            bootstrap,
                            "--out",
                            out.toString(),
                            "--silence",
                            "60",
                            "--parallelism",
                            "2");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String jobId = awaitRunningJob(cluster, cli);
            CompletableFuture<Integer> replay =
                    CompletableFuture.supplyAsync(() -> LiveReplayITCase.replay(bootstrap, "25"));

            Instant deadline = Instant.now().plusSeconds(120);
            while (checkpoints(cluster, jobId) < 3) {
                assertTrue(
                        Instant.now().isBefore(deadline),
                        "no checkpoints completed: " + cluster.rest().progress(jobId));
                Thread.sleep(200);
            }
            Thread.sleep(8_000); // into the replay: sessions open, moments sent, uncommitted output in flight
            assertTrue(!replay.isDone(), "the replay ended before the kill");
            for (int victim : cluster.liveTaskManagers()) {
                assertEquals(137, cluster.killTaskManager(victim), "SIGKILL");
            }
            cluster.startTaskManager();
            cluster.startTaskManager();
            assertEquals(0, replay.get(5, TimeUnit.MINUTES));
            Path log = cluster.logDir().resolve("jobmanager.log");
            try {
                LiveReplayITCase.awaitSessions(
                        out.resolve(LiveJob.TABLES), LiveReplayITCase.sampleSessions(), Duration.ofMinutes(5));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + FlinkTestCluster.tail(log), e);
            }
            List<JsonNode> moments =
                    LiveTopic.readCommitted(bootstrap, "session-review.moments", Duration.ofSeconds(6));
            assertTrue(
                    Files.readString(log).contains("(" + jobId + ") switched from state RUNNING to RESTARTING"),
                    "the job was restarted after the kill");
            cluster.rest().cancel(jobId);
            FlinkTestCluster.CliRun run = cli.get(2, TimeUnit.MINUTES);
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("session-review live: job " + jobId), run.output());

            LiveReplayITCase.assertSameTables(review, out.resolve(LiveJob.TABLES));
            LiveTopic.checkExactlyOnce(moments, out.resolve(LiveJob.TABLES).resolve("moments"));
        }
    }

    /** Completed checkpoints; 0 while the JobManager cannot tell yet (the job is still being scheduled). */
    private static long checkpoints(FlinkTestCluster cluster, String jobId) throws InterruptedException {
        try {
            return cluster.rest().completedCheckpoints(jobId);
        } catch (java.io.IOException notYet) {
            return 0;
        }
    }

    private static String awaitRunningJob(FlinkTestCluster cluster, CompletableFuture<FlinkTestCluster.CliRun> cli)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            List<String> running = cluster.runningJobs();
            if (!running.isEmpty() && "RUNNING".equals(cluster.jobStatus(running.get(0)))) {
                return running.get(0);
            }
            if (cli.isDone()) {
                throw new AssertionError(
                        "flink run ended before the job ran:\n" + cli.get().output());
            }
            assertTrue(Instant.now().isBefore(deadline), "the live job did not start");
            Thread.sleep(250);
        }
    }
}
