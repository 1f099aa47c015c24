package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code review}, and a {@code sql} query of its tables, as a user runs them ({@code main}, which ends with {@code System.exit}) leaves
 * nothing in the temporary folder: the embedded MiniCluster's RPC jar (23 MB), blob store and
 * caches went to {@code /tmp} and stayed there after every run before {@link
 * org.sessionreview.jobs.io.EmbeddedTempDirectory}.
 */
class TempFilesITCase {
    @Test
    void shouldLeaveNothingInTheTemporaryFolderWhenAReviewOrAQueryEnds(@TempDir Path work) throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path out = work.resolve("out");
        Path log = work.resolve("log.txt");
        String reviewed = runMain(
                tmp,
                log,
                "review",
                "--sessions",
                Path.of("..", "sample-data").toAbsolutePath().normalize().toString(),
                "--out",
                out.toString(),
                "--allow-demo-key",
                "--quiet",
                "--parallelism",
                "2");
        assertTrue(Files.exists(out.resolve("run.json")), reviewed);
        assertNothingLeft(tmp);
        // the sql command's Table API jobs run on the embedded runtime too, one per statement
        String printed = runMain(
                tmp,
                log,
                "sql",
                "-e",
                "SELECT count(*) AS n FROM sessions; SELECT count(*) AS n FROM moments",
                "--tables",
                out.toString());
        assertTrue(printed.contains("| 8 |"), printed);
        assertNothingLeft(tmp);
    }

    /** Runs a command in a child JVM whose java.io.tmpdir is {@code tmp}; asserts exit 0 and returns its output. */
    private static String runMain(Path tmp, Path log, String... args) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.main(List.of("-Djava.io.tmpdir=" + tmp), List.of(args)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), args[0] + " did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static void assertNothingLeft(Path tmp) throws java.io.IOException {
        try (Stream<Path> left = Files.walk(tmp)) {
            List<String> files = left.filter(f -> !f.equals(tmp))
                    .map(f -> tmp.relativize(f).toString())
                    .toList();
            assertEquals(List.of(), files, "left in java.io.tmpdir after the run");
        }
    }
}
