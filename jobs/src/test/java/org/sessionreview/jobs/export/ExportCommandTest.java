package org.sessionreview.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command's argument and output-folder rules: each refusal is exit 2 with one message, nothing written. */
class ExportCommandTest {
    @TempDir
    Path dir;

    Path tables;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void tables() throws Exception {
        tables = Files.createDirectories(dir.resolve("review-out/sessions"));
        Files.writeString(tables.resolve("part-0.parquet"), "not read by these tests");
        tables = tables.getParent();
    }

    private int run(String... args) {
        return new ExportCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        dir.resolve("home"))
                .run(args, k -> null);
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertRefused(String expected, String... args) {
        err.reset();
        assertEquals(2, run(args), error());
        String e = error();
        assertTrue(e.contains(expected), e);
        assertEquals(1, e.strip().lines().count(), "one message: " + e);
        assertTrue(e.startsWith("session-review export: "), e);
    }

    @Test
    void shouldPrintHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--audience research"));
    }

    @Test
    void shouldRefuseAMissingOrUnknownAudience() {
        assertRefused(
                "--audience is required",
                "--tables",
                tables.toString(),
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
        assertRefused(
                "unknown audience 'marketing'",
                "--audience",
                "marketing",
                "--tables",
                tables.toString(),
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
    }

    @Test
    void shouldRefuseMissingOrUnusableTables() {
        assertRefused(
                "--tables DIR is required",
                "--audience",
                "research",
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
        assertRefused(
                ": no such folder",
                "--audience",
                "research",
                "--tables",
                dir.resolve("nope").toString(),
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
        assertRefused(
                "holds no sessions table (sessions/*.parquet)",
                "--audience",
                "research",
                "--tables",
                dir.toString(),
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void shouldRefuseAnOutputOnAnObjectStoreOrTablesNoFileSystemServes() {
        assertRefused(
                "--out s3://bucket/research: the export's tables are written to a local folder only, not to s3://",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                "s3://bucket/research",
                "--allow-demo-key");
        // before, Path.of("s3://bucket/research") was the relative folder s3:/bucket/research of the working folder
        assertFalse(Files.exists(Path.of("s3:")), "a local folder named s3: was created");
        assertRefused(
                "--tables nosuchfs://bucket/review-out: no file system for the nosuchfs:// scheme is available",
                "--audience",
                "research",
                "--tables",
                "nosuchfs://bucket/review-out",
                "--out",
                dir.resolve("x").toString(),
                "--allow-demo-key");
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void shouldTakeFlinkSettingsAndRefuseOneWithoutAnEqualsSign() throws Exception {
        ExportCommand.Options o = ExportCommand.parse(
                new String[] {
                    "--audience",
                    "research",
                    "--tables",
                    tables.toString(),
                    "--out",
                    dir.resolve("x").toString(),
                    "--flink",
                    "s3.endpoint=http://127.0.0.1:9000",
                    "--flink",
                    " s3.access-key = k ",
                    "--allow-demo-key"
                },
                k -> null);
        assertEquals(java.util.Map.of("s3.endpoint", "http://127.0.0.1:9000", "s3.access-key", "k"), o.flinkConf());
        assertEquals(tables.toAbsolutePath().normalize().toString(), o.tables().location());
        assertRefused(
                "--flink takes KEY=VALUE (a Flink configuration option), got 's3.endpoint'",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                dir.resolve("x").toString(),
                "--flink",
                "s3.endpoint",
                "--allow-demo-key");
    }

    @Test
    void shouldRefuseToRunWithoutAKey() {
        assertRefused(
                "no pseudonym key",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                dir.resolve("x").toString());
    }

    @Test
    void shouldNeverWriteIntoOrAroundTheTables() throws Exception {
        assertRefused(
                "is the --tables folder",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                tables.toString(),
                "--allow-demo-key");
        assertRefused(
                "is inside the --tables folder",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                tables.resolve("research").toString(),
                "--allow-demo-key");
        assertRefused(
                "contains the --tables folder",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                dir.toString(),
                "--allow-demo-key");
        assertFalse(Files.exists(tables.resolve("research")));
    }

    @Test
    void shouldRefuseAFolderHoldingAnythingButExportTables() throws Exception {
        Path beside = Files.createDirectories(dir.resolve("other-review"));
        Files.writeString(beside.resolve("run.json"), "{}");
        Files.createDirectories(beside.resolve("rejects"));
        assertRefused(
                "not research-export tables (rejects, run.json)",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                beside.toString(),
                "--allow-demo-key");
    }
}
