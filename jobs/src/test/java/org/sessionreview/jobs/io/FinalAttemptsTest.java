package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinalAttemptsTest {
    @TempDir
    java.nio.file.Path dir;

    private Path table() {
        return new Path(dir.toUri());
    }

    private void file(String name) throws IOException {
        Files.writeString(dir.resolve(name), name);
    }

    private List<String> names() throws IOException {
        try (Stream<java.nio.file.Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The cohort of one failover: subtask 0 re-ran, 1 did not, 2 re-ran and got no rows. */
    private void failover() throws IOException {
        FinalAttempts.mark(table(), 0, 0);
        FinalAttempts.mark(table(), 0, 1);
        FinalAttempts.mark(table(), 1, 0);
        FinalAttempts.mark(table(), 2, 0);
        FinalAttempts.mark(table(), 2, 1);
        file(FinalAttempts.prefix(0, 0) + "-u1-0.parquet");
        file(FinalAttempts.prefix(0, 0) + "-u1-1.parquet");
        file(FinalAttempts.prefix(0, 1) + "-u2-0.parquet");
        file(FinalAttempts.prefix(1, 0) + "-u3-0.parquet");
        file(FinalAttempts.prefix(2, 0) + "-u4-0.parquet");
        file(".part-s0-a0-u1-2.parquet.inprogress.x");
        file("part-empty.parquet");
    }

    @Test
    void shouldKeepOnlyEachSubtasksLastAttemptInABatchRun() throws IOException {
        failover();

        List<String> dropped = FinalAttempts.tidy(table(), true);

        assertEquals(List.of("part-s0-a0-u1-0.parquet", "part-s0-a0-u1-1.parquet", "part-s2-a0-u4-0.parquet"), dropped);
        assertEquals(List.of("part-empty.parquet", "part-s0-a1-u2-0.parquet", "part-s1-a0-u3-0.parquet"), names());
    }

    @Test
    void shouldKeepEveryCommittedFileOfAStreamingRunButRemoveMarkersAndHiddenFiles() throws IOException {
        failover();

        List<String> dropped = FinalAttempts.tidy(table(), false);

        assertEquals(List.of(), dropped);
        assertEquals(
                List.of(
                        "part-empty.parquet",
                        "part-s0-a0-u1-0.parquet",
                        "part-s0-a0-u1-1.parquet",
                        "part-s0-a1-u2-0.parquet",
                        "part-s1-a0-u3-0.parquet",
                        "part-s2-a0-u4-0.parquet"),
                names());
    }

    @Test
    void shouldKeepFilesOfASubtaskWithoutMarkers() throws IOException {
        file(FinalAttempts.prefix(3, 0) + "-u5-0.parquet");
        FinalAttempts.mark(table(), 0, 1);

        assertEquals(List.of(), FinalAttempts.tidy(table(), true));
        assertEquals(List.of("part-s3-a0-u5-0.parquet"), names());
        assertFalse(Files.exists(dir.resolve(FinalAttempts.MARKERS)));
    }

    @Test
    void shouldTreatAMissingTableFolderAsNothingToTidy() throws IOException {
        assertEquals(
                List.of(), FinalAttempts.tidy(new Path(dir.resolve("absent").toUri()), true));
    }
}
