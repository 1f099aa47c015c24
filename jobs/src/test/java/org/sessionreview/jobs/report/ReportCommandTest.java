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
        assertTrue(err().contains("is not a folder"), err());
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
    }
}
