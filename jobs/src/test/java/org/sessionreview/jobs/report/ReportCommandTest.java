package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path home, String... args) {
        return new ReportCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        home)
                .run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintUsageOnHelp(@TempDir Path tmp) {
        assertEquals(0, run(tmp.resolve("home"), "--help"));
        assertTrue(
                out.toString(StandardCharsets.UTF_8).contains("usage: session-review report --tables DIR --out DIR"));
    }

    @Test
    void shouldExitTwoWithOneMessageWhenTheTablesFolderIsMissing(@TempDir Path tmp) {
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        tmp.resolve("nope").toString(),
                        "--out",
                        tmp.resolve("r").toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("--tables " + tmp.resolve("nope") + ": no such folder"), err());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void shouldExitTwoWhenTheFolderHoldsNoSessionsTable(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("t/moments"));
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        tmp.resolve("t").toString(),
                        "--out",
                        tmp.resolve("t/r").toString()));
        assertTrue(err().contains("holds no sessions table"), err());
        assertFalse(Files.exists(tmp.resolve("t/r")));
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void shouldExitTwoOnUnusableArguments(@TempDir Path tmp) {
        assertEquals(2, run(tmp.resolve("home"), "--tables", tmp.toString()));
        assertTrue(err().contains("--out DIR is required"), err());
        err.reset();
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        tmp.toString(),
                        "--out",
                        tmp.resolve("r").toString(),
                        "--video-url-pattern",
                        "file:///v.mp4"));
        assertTrue(err().contains("{session_id}"), err());
        err.reset();
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        tmp.toString(),
                        "--out",
                        tmp.resolve("r").toString(),
                        "--video-url-pattern",
                        "//evil.example/{session_id}"));
        assertTrue(err().contains("scheme-relative //host/..."), err());
        assertFalse(Files.exists(tmp.resolve("r")));
        err.reset();
        assertEquals(2, run(tmp.resolve("home"), "--bogus"));
        assertTrue(err().contains("unknown argument '--bogus'"), err());
    }

    @Test
    void shouldRefuseAnOutputOnAnObjectStoreWithOneMessageAndWriteNothing(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("t/sessions"));
        Files.writeString(tmp.resolve("t/sessions/part-0.parquet"), "not read: refused before");
        assertEquals(
                2, run(tmp.resolve("home"), "--tables", tmp.resolve("t").toString(), "--out", "s3://bucket/pages"));
        assertTrue(
                err().startsWith("session-review report: --out s3://bucket/pages: the pages are written to a"
                        + " local folder only, not to s3://"),
                err());
        assertEquals(2, err().lines().count(), err()); // the message and the pointer to --help
        // before, Path.of("s3://bucket/pages") was the relative folder s3:/bucket/pages of the working folder
        assertFalse(Files.exists(Path.of("s3:")), "a local folder named s3: was created");
    }

    @Test
    void shouldNameTheSchemeWhenNoFileSystemServesTheTablesLocation(@TempDir Path tmp) {
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        "nosuchfs://bucket/review-out",
                        "--out",
                        tmp.resolve("r").toString()));
        assertTrue(
                err().startsWith("session-review report: --tables nosuchfs://bucket/review-out: no file system"
                        + " for the nosuchfs:// scheme is available"),
                err());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void shouldTakeRepeatedFlinkSettingsAndRefuseOneWithoutAnEqualsSign(@TempDir Path tmp) throws Exception {
        ReportCommand.Options o = ReportCommand.parse(new String[] {
            "--flink",
            "s3.endpoint = http://127.0.0.1:9000",
            "--tables",
            "s3://b/out",
            "--flink",
            "s3.path.style.access=true",
            "--out",
            tmp.resolve("r").toString()
        });
        assertEquals(
                java.util.Map.of("s3.endpoint", "http://127.0.0.1:9000", "s3.path.style.access", "true"),
                o.flinkConf());
        assertEquals("s3://b/out", o.tables());
        assertEquals(tmp.resolve("r").toAbsolutePath().normalize(), o.out());
        assertEquals(
                tmp.resolve("r").toAbsolutePath().normalize(),
                ReportCommand.parse(new String[] {
                            "--tables", "t", "--out", tmp.resolve("r").toUri().toString()
                        })
                        .out(),
                "a file: URI is a local folder");
        assertEquals(
                Path.of("pages-10:30").toAbsolutePath().normalize(),
                ReportCommand.parse(new String[] {"--tables", "run-10:30", "--out", "pages-10:30"})
                        .out(),
                "a local name holding a colon is a local folder, not a URI (review finding: it was refused as"
                        + " the scheme pages-10://)");
        assertEquals(
                2,
                run(
                        tmp.resolve("home"),
                        "--tables",
                        tmp.toString(),
                        "--out",
                        tmp.resolve("r").toString(),
                        "--flink",
                        "s3.endpoint"));
        assertTrue(err().contains("--flink takes KEY=VALUE (a Flink configuration option), got 's3.endpoint'"), err());
    }

    @Test
    void shouldRefuseAnOutputInsideTheTablesOrHoldingTheHomeFolder(@TempDir Path tmp) {
        assertTrue(ReportCommand.refuse(tmp.resolve("t/report"), tmp.resolve("t"), null)
                .orElseThrow()
                .contains("inside the --tables"));
        assertTrue(
                ReportCommand.refuse(tmp, tmp.resolve("t"), null).orElseThrow().contains("contains the --tables"));
        assertTrue(ReportCommand.refuse(tmp.resolve("h"), tmp.resolve("t"), tmp.resolve("h/me"))
                .orElseThrow()
                .contains("home"));
        assertTrue(ReportCommand.refuse(tmp.resolve("r"), tmp.resolve("t"), tmp.resolve("h"))
                .isEmpty());
        // tables on an object store (null): a local --out cannot overlap them; the other rules hold
        assertTrue(
                ReportCommand.refuse(tmp.resolve("r"), null, tmp.resolve("h")).isEmpty());
        assertTrue(ReportCommand.refuse(tmp.resolve("h"), null, tmp.resolve("h/me"))
                .orElseThrow()
                .contains("home"));
    }
}
