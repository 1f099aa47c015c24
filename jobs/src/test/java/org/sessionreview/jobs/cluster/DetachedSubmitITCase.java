package org.sessionreview.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run -d} to a session cluster. Its REST endpoint loads a submitted job graph with
 * the cluster's own classes only, so the publish hook can travel only when the cluster's {@code
 * lib/} holds the job jar (with {@code classloader.resolve-order: parent-first}, so that its
 * classes are loaded from there only): then, with {@code -Dsession-review.jar-in-cluster-lib=true}, the
 * client returns at once and the JobManager publishes the complete output when the job has
 * finished, equal to the embedded run; without that setting the submission is refused and nothing
 * runs.
 */
class DetachedSubmitITCase {
    @TempDir
    Path tmp;

    @Test
    void shouldPublishADetachedSubmissionWhenTheClustersLibHoldsTheJar() throws Exception {
        Path jar = ClusterRuns.clusterJar();
        assertTrue(Files.isRegularFile(jar), jar + " missing");
        // the job's classes are in lib/: load them from there only (parent-first), or the client
        // and the JobManager would see Parquet's and the job's classes twice (a LinkageError)
        try (FlinkTestCluster cluster =
                FlinkTestCluster.start(2, Map.of("classloader.resolve-order", "parent-first"), List.of(jar))) {
            Path refused = tmp.resolve("refused-out");
            FlinkTestCluster.CliRun plain = cluster.submitCli(List.of("-d"), jar, ClusterRuns.review(refused));
            assertNotEquals(0, plain.exitCode(), plain.output());
            assertTrue(plain.output().contains("session-review-flink.jar"), plain.output());
            assertTrue(cluster.runningJobs().isEmpty(), "nothing was submitted");

            Path out = tmp.resolve("detached-out");
            FlinkTestCluster.CliRun run = cluster.submitCli(
                    List.of("-d", "-Dsession-review.jar-in-cluster-lib=true"), jar, ClusterRuns.review(out));
            assertEquals(0, run.exitCode(), run.output());
            String jobId = run.jobId().orElseThrow(() -> new AssertionError("no job id in\n" + run.output()));
            assertFalse(Files.exists(out.resolve("run.json")), "the client returned before the job finished");
            assertEquals("FINISHED", cluster.awaitJob(jobId, Duration.ofMinutes(5)));
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Files.isRegularFile(out.resolve("run.json"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertTrue(
                    Files.isRegularFile(out.resolve("run.json")),
                    "published by the JobManager\n"
                            + FlinkTestCluster.tail(cluster.logDir().resolve("jobmanager.log")));
        }
        ClusterRuns.assertSameTables(ClusterRuns.localRun(), tmp.resolve("detached-out"));
    }
}
