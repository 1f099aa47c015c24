package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's review of {@code sample-data/} (demo key, parallelism 2), run once per test JVM
 * into {@code target/sample-data-review} and shared by the integration tests that only read its
 * output (the README checks, the golden tables, the real-cluster comparisons).
 */
public final class SampleDataReview {
    /** The output folder and what the command printed. */
    public record Run(Path out, String stdout) {}

    private static Run run;

    private SampleDataReview() {}

    /** The program arguments of this review into {@code out}. */
    public static String[] args(Path out) {
        return new String[] {
            "review",
            "--sessions",
            Paths.sampleData().toAbsolutePath().toString(),
            "--out",
            out.toString(),
            "--allow-demo-key",
            "--parallelism",
            "2"
        };
    }

    /** The run (started on first use; later callers get the same output). */
    public static synchronized Run get() {
        if (run == null) {
            // a space and a "%20" in the name: a URI escaped twice (Flink's Path(String) on a URI)
            // wrote the tables beside --out and published empty ones (before 2026-12-06)
            Path out = Path.of("target", "sample data review %20").toAbsolutePath();
            try {
                if (Files.exists(out)) {
                    try (java.util.stream.Stream<Path> walk = Files.walk(out)) {
                        for (Path p :
                                walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int code = Main.run(args(out), new PrintStream(buf, true, StandardCharsets.UTF_8), System.err);
            String stdout = buf.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, stdout);
            run = new Run(out, stdout);
        }
        return run;
    }
}
