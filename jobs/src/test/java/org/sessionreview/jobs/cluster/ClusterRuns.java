package org.sessionreview.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.jobs.io.OutputDirectory;

/**
 * What the real-cluster tests share: the review they submit, the undisturbed embedded run they
 * compare with (run once per test JVM), and the table-by-table, row-for-row comparison.
 */
final class ClusterRuns {
    private ClusterRuns() {}

    /** The job jar under test; failsafe names it, else the module's target/. */
    static Path clusterJar() {
        return Path.of(System.getProperty("session-review.flink-jar", "target/session-review-flink.jar"))
                .toAbsolutePath();
    }

    /** The program arguments of the review of {@code sample-data/} into {@code out}, parallelism 2. */
    static String[] review(Path out) {
        return SampleDataReview.args(out);
    }

    /** The undisturbed embedded run every cluster run is compared with (the same review, run once). */
    static Path localRun() {
        return SampleDataReview.get().out();
    }

    /**
     * Every table of {@code out} equals the local run's, row for row; run.json and baselines.json
     * exist; the publish is complete: the marker is there (waited for, at most 60 s: the JobManager
     * publishes just after FINISHED) and no staging or replaced folder is left (twenty-third audit:
     * a REST run moved the tables but never wrote the marker, and the next run was refused).
     */
    static void assertSameTables(Path local, Path out) throws Exception {
        Path marker = out.resolve(OutputDirectory.MARKER);
        for (int i = 0; i < 600 && !Files.isRegularFile(marker); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.isRegularFile(marker), "the marker " + marker + " (written last by the publish)");
        try (Stream<Path> entries = Files.list(out)) {
            assertEquals(
                    List.of(),
                    entries.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(".session-review-staging-")
                                    || n.startsWith(".session-review-replaced-"))
                            .toList(),
                    "staging or replaced folders left in " + out);
        }
        List<String> tables = tables(out);
        assertEquals(tables(local), tables);
        assertTrue(Files.isRegularFile(out.resolve("run.json")), "run.json");
        assertTrue(Files.isRegularFile(out.resolve("baselines.json")), "baselines.json");
        try (DuckDb db = new DuckDb()) {
            for (String table : tables) {
                String c = DuckDb.parquet(out.resolve(table));
                String l = DuckDb.parquet(local.resolve(table));
                assertEquals(
                        db.scalar("SELECT count(*) FROM " + l),
                        db.scalar("SELECT count(*) FROM " + c),
                        table + " rows");
                assertEquals(
                        0L,
                        db.scalar("SELECT count(*) FROM (SELECT * FROM " + c + " EXCEPT ALL SELECT * FROM " + l + ")"),
                        table + ": rows of the cluster run that the local run lacks");
                assertEquals(
                        0L,
                        db.scalar("SELECT count(*) FROM (SELECT * FROM " + l + " EXCEPT ALL SELECT * FROM " + c + ")"),
                        table + ": rows of the local run that the cluster run lacks");
            }
        }
    }

    /** The tables of a run: the folders under {@code out} that hold Parquet files. */
    static List<String> tables(Path out) throws IOException {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory)
                    .filter(ClusterRuns::holdsParquet)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
