package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Paths;

/** Unusable {@code replay} arguments: exit code 2 and one line saying what is wrong, before any connection. */
class ReplayCliTest {
    private static final String SESSIONS = Paths.sampleData().toString();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ReplayCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, name -> null);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The arguments of a good run with {@code changes} appended (a later flag wins). */
    private static Run runWith(String... changes) {
        List<String> args =
                new ArrayList<>(List.of("--sessions", SESSIONS, "--bootstrap", "localhost:9", "--allow-demo-key"));
        args.addAll(List.of(changes));
        return run(args.toArray(String[]::new));
    }

    private static void assertUsage(Run r, String message) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("session-review replay: ") && r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void shouldExitTwoWhenARequiredOptionIsMissing() {
        assertUsage(run("--bootstrap", "localhost:9092", "--allow-demo-key"), "--sessions DIR is required");
        assertUsage(run("--sessions", SESSIONS, "--allow-demo-key"), "--bootstrap HOST:PORT is required");
        assertUsage(run("--sessions"), "--sessions needs a value");
    }

    @Test
    void shouldExitTwoWhenAValueIsUnusable() {
        assertUsage(
                runWith("--speed", "fast"),
                "--speed must be a positive number (1 = real time, 10, 100, ...) or max, got 'fast'");
        assertUsage(runWith("--speed", "0"), "got '0'");
        assertUsage(runWith("--copies", "0"), "--copies must be a whole number from 1 to 10000, got '0'");
        assertUsage(runWith("--copies", "two"), "got 'two'");
        assertUsage(runWith("--bootstrap", "localhost"), "--bootstrap must be HOST:PORT");
        assertUsage(runWith("--bootstrap", "localhost:99999"), "--bootstrap must be HOST:PORT");
        assertUsage(runWith("--topic", "no spaces"), "--topic must be a Kafka topic name");
        assertUsage(runWith("--out", "x"), "unknown argument '--out'");
    }

    @Test
    void shouldExitTwoLikeReviewWhenTheSessionsRootOrKeyIsUnusable() throws Exception {
        assertUsage(
                run(
                        "--sessions",
                        tmp.resolve("nowhere").toString(),
                        "--bootstrap",
                        "localhost:9092",
                        "--allow-demo-key"),
                "is not a readable directory");
        assertUsage(
                run("--sessions", SESSIONS, "--bootstrap", "localhost:9092"),
                "no pseudonym key: give --pseudonym-key-file");
        assertUsage(runWith("--codebook", tmp.resolve("missing.json").toString()), "is not a readable file");
        Files.createDirectories(tmp.resolve("empty"));
        assertUsage(
                run("--sessions", tmp.resolve("empty").toString(), "--bootstrap", "localhost:9092", "--allow-demo-key"),
                "holds no session folders");
    }

    @Test
    void shouldPrintUsageWhenAskedForHelp() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--bootstrap HOST:PORT") && r.out().contains("--copies K"), r.out());
    }
}
