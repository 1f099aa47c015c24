package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;

/**
 * The options the README calls local paths ("every other DIR and FILE": {@code --out} of {@code
 * validate}, {@code bench}'s folders, {@code kafka --dir}, ...) refuse an object-store URI with exit
 * 2 and one line naming the option, instead of reading or writing a local folder named {@code s3:}
 * (before 2026-12-07 {@code bench --work s3://bucket/x} generated its cohort into {@code ./s3:/bucket/x}).
 */
class LocalPathOptionsTest {
    private static final String URI = "s3://bucket/local-path-test";

    @Test
    void shouldRefuseAnObjectStoreUriWhenAnOptionTakesALocalPathOnly() {
        List<List<String>> runs = List.of(
                List.of("bench", "--work", URI),
                List.of("bench", "--out", URI),
                List.of("bench", "--sessions-dir", URI),
                List.of("validate", "--recordings", URI),
                List.of("validate", "--recordings", ".", "--labels", URI),
                List.of("validate", "--recordings", ".", "--out", URI),
                List.of("live-bench", "--out", URI),
                List.of("live-bench", "--sessions", URI),
                List.of("kafka", "--dir", URI),
                List.of("generate-sample-data", "--out", URI),
                List.of("sql", "--tables", ".", "-f", URI));
        for (List<String> args : runs) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            String flag = args.get(args.size() - 2);
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(
                    r.err().contains(flag + " " + URI + ": a local path only, not a URI of the s3:// scheme"),
                    args + ": " + r.err());
        }
        assertFalse(Files.exists(Path.of("s3:")), "a local folder named s3:");
    }

    @Test
    void shouldTakeEveryLocalSpellingAsItsLocalPath() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("x"), TablesArgument.localPath("--work", "x"));
        assertEquals(cwd.resolve("run-10:30/x"), TablesArgument.localPath("--work", "run-10:30/x"));
        assertEquals(cwd.resolve("s3:/x").normalize(), TablesArgument.localPath("--work", "./s3:/x"));
        assertEquals(Path.of("/tmp/my dir"), TablesArgument.localPath("--work", "/tmp/my dir"));
        assertEquals(Path.of("/tmp/x"), TablesArgument.localPath("--work", "file:///tmp/x"));
        // RFC 8089: file://localhost/x is the local /x (review of 2026-12-07: refused for its authority)
        assertEquals(Path.of("/tmp/x"), TablesArgument.localPath("--work", "file://localhost/tmp/x"));
        assertEquals(Path.of("/tmp/x"), TablesArgument.localOut("file://localhost/tmp/x", "the pages"));
        // a relative name beginning with file: is a URI; the message says how to write the name
        UsageException e = assertThrows(UsageException.class, () -> TablesArgument.localPath("--work", "file:notes"));
        assertTrue(e.getMessage().contains("written ./file:notes"), e.getMessage());
    }
}
