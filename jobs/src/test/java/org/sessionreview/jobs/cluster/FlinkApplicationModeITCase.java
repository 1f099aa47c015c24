package org.sessionreview.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Main;

/**
 * The cluster job jar in Flink's application mode ({@code bin/standalone-job.sh}): the
 * JobManager runs {@code main()} itself, nobody waits for the job, and the cluster shuts down when
 * the application ends. The run publishes the same tables as the embedded run, row for row.
 */
class FlinkApplicationModeITCase {
    @TempDir
    Path tmp;

    @Test
    void shouldWriteTheLocalRunsTablesInApplicationMode() throws Exception {
        assertTrue(Files.isRegularFile(ClusterRuns.clusterJar()), ClusterRuns.clusterJar() + " missing");
        Path out = tmp.resolve("application-out");
        Instant t0 = Instant.now();
        try (FlinkTestCluster cluster = FlinkTestCluster.startApplication(
                1, ClusterRuns.clusterJar(), Main.class.getName(), ClusterRuns.review(out))) {
            int exit = cluster.awaitJobManagerExit(Duration.ofMinutes(5));
            System.out.printf(
                    Locale.ROOT,
                    "[FlinkApplicationModeITCase] application cluster start, run and shutdown: %.1f s%n",
                    Duration.between(t0, Instant.now()).toMillis() / 1000.0);
            String log = FlinkTestCluster.tail(cluster.logDir().resolve("jobmanager.log"));
            assertEquals(0, exit, "the application cluster ends with 0 when its job has finished\n" + log);
            assertTrue(
                    Files.readString(cluster.logDir().resolve("jobmanager.log")).contains("output published to"), log);
        }
        ClusterRuns.assertSameTables(ClusterRuns.localRun(), out);
    }
}
