package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument handling of the command line: clear messages and exit code 2, before any job runs. */
class ReviewCliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code;
        if (args.length > 0 && args[0].equals("review")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            code = new ReviewCommand(o, e).run(rest, env::get);
        } else {
            code = Main.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintUsageWhenAskedForHelp() {
        Run r = run(Map.of(), "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("review --sessions DIR --out DIR"), r.out());
        Run rr = run(Map.of(), "review", "--help");
        assertEquals(0, rr.code());
        assertTrue(rr.out().contains("--pseudonym-key-file"), rr.out());
    }

    @Test
    void shouldExitTwoWithOneMessageWhenSessionsRootIsMissing() {
        Run r = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.resolve("nope").toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--allow-demo-key");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("is not a readable directory"), r.err());
    }

    @Test
    void shouldExitTwoWhenRequiredArgumentsOrValuesAreMissing() {
        assertTrue(run(Map.of(), "review", "--out", "x").err().contains("--sessions DIR is required"));
        assertEquals(2, run(Map.of(), "review", "--sessions").code());
        Run p = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                "o",
                "--parallelism",
                "zero",
                "--allow-demo-key");
        assertEquals(2, p.code());
        assertTrue(p.err().contains("--parallelism must be a whole number"), p.err());
        Run u = run(Map.of(), "review", "--sessions", tmp.toString(), "--out", "o", "--frobnicate");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("unknown argument '--frobnicate'"), u.err());
        assertEquals(2, run(Map.of(), "bogus").code());
        Run m = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                "o",
                "--eda-method",
                "ledalab",
                "--allow-demo-key");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("--eda-method must be streaming or neurokit"), m.err());
    }

    @Test
    void shouldRefuseUrisWhoseFileSystemIsMissingWithExitTwoInsteadOfWritingALocalFolderOfThatName() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Files.createDirectories(tmp.resolve("s1"));
        Run out = run(Map.of(), "review", "--sessions", tmp.toString(), "--out", "s3://bucket/out", "--allow-demo-key");
        assertEquals(2, out.code(), out.err());
        assertEquals(1, out.err().strip().lines().count(), out.err());
        assertTrue(
                out.err().contains("--out s3://bucket/out: no file system for the s3:// scheme is available"),
                out.err());
        assertTrue(!Files.exists(cwd.resolve("s3:")) && !Files.exists(tmp.resolve("s3:")), "no local folder named s3:");
        for (String uri : new String[] {"hdfs://nn/sessions", "nosuchfs://x/sessions"}) {
            String scheme = uri.substring(0, uri.indexOf(':'));
            Run in = run(
                    Map.of(),
                    "review",
                    "--sessions",
                    uri,
                    "--out",
                    tmp.resolve("o").toString(),
                    "--allow-demo-key");
            assertEquals(2, in.code(), in.err());
            assertEquals(1, in.err().strip().lines().count(), in.err());
            assertTrue(in.err().startsWith("session-review review: --sessions " + uri + ": "), in.err());
            assertTrue(in.err().contains("the " + scheme + ":// "), in.err());
            assertTrue(!Files.exists(tmp.resolve("o")), "nothing created for a refused run");
        }
        Run codebook = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--codebook",
                "s3://bucket/codebook.json",
                "--allow-demo-key");
        assertEquals(2, codebook.code(), codebook.err());
        assertTrue(
                codebook.err().contains("--codebook s3://bucket/codebook.json: no file system for the s3:// scheme"),
                codebook.err());
        Run baselines = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--baselines",
                "gs://bucket/baselines.json",
                "--allow-demo-key");
        assertEquals(2, baselines.code(), baselines.err());
        assertTrue(
                baselines.err().contains("--baselines gs://bucket/baselines.json: no file system for the gs:// scheme"),
                baselines.err());
        Run flink = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                "o",
                "--flink",
                "novalue",
                "--allow-demo-key");
        assertEquals(2, flink.code(), flink.err());
        assertTrue(flink.err().contains("--flink takes KEY=VALUE"), flink.err());
    }

    @Test
    void shouldAcceptAFileUriAsALocalPath() {
        Run r = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.resolve("nope").toUri().toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--allow-demo-key");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sessions root " + tmp.resolve("nope") + " is not a readable directory"), r.err());
    }

    @Test
    void shouldRefuseToRunWithoutPseudonymKeyWhenNoDemoKeyIsAllowed() {
        Run r = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no pseudonym key"), r.err());
    }

    @Test
    void shouldRefuseThePublicDemoKeyGivenAsAKeyWithoutAllowDemoKey() throws Exception {
        // before: accepted without a word, so pseudonyms anyone can recompute from a guessed id
        Path key = Files.writeString(tmp.resolve("demo-key"), org.sessionreview.ingest.session.Pseudonymizer.DEMO_KEY);
        String[] args = {
            "review",
            "--sessions",
            tmp.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--pseudonym-key-file",
            key.toString()
        };
        Run r = run(Map.of(), args);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the public demo key"), r.err());
        Run env = run(
                Map.of("SESSION_REVIEW_PSEUDONYM_KEY", org.sessionreview.ingest.session.Pseudonymizer.DEMO_KEY),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(2, env.code());
        assertTrue(env.err().contains("the public demo key"), env.err());
    }

    @Test
    void shouldRejectShortKeysWhenGivenInAFileOrTheEnvironment() throws Exception {
        Path key = Files.writeString(tmp.resolve("key"), "short");
        Run r = run(
                Map.of(),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--pseudonym-key-file",
                key.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least 16"), r.err());
        Run e = run(
                Map.of("SESSION_REVIEW_PSEUDONYM_KEY", "tiny"),
                "review",
                "--sessions",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("environment variable"), e.err());
    }

    @Test
    void shouldListEveryDeclaredOptionAndCheckSetAgainstItsDeclaration() throws Exception {
        Run list = run(Map.of(), "review", "--list-options");
        assertEquals(0, list.code());
        for (org.sessionreview.config.ConfigOption<?> o : org.sessionreview.config.PipelineConfig.ALL) {
            assertTrue(list.out().contains("  " + o.key() + " ("), o.key());
        }
        String sessions = Files.createDirectories(tmp.resolve("s")).toString();
        String out = tmp.resolve("o").toString();
        Run bad = run(
                Map.of(),
                "review",
                "--sessions",
                sessions,
                "--out",
                out,
                "--allow-demo-key",
                "--set",
                "scoring.episode.leave_threshold=3");
        assertEquals(2, bad.code());
        assertTrue(
                bad.err().contains("scoring.episode.leave_threshold must be <= scoring.episode.enter_threshold"),
                bad.err());
        Run range = run(
                Map.of(),
                "review",
                "--sessions",
                sessions,
                "--out",
                out,
                "--allow-demo-key",
                "--set",
                "synchrony.shuffles=5");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("synchrony.shuffles must be >= 100, got 5"), range.err());
        Run unknown = run(
                Map.of(),
                "review",
                "--sessions",
                sessions,
                "--out",
                out,
                "--allow-demo-key",
                "--set",
                "scoring.nope=1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown option scoring.nope"), unknown.err());
        assertEquals(
                2,
                run(Map.of(), "review", "--sessions", sessions, "--out", out, "--allow-demo-key", "--set", "novalue")
                        .code());
    }

    @Test
    void shouldCarrySetValuesIntoThePipelineConfiguration() throws Exception {
        org.sessionreview.jobs.cli.ReviewOptions o = org.sessionreview.jobs.cli.ReviewOptions.parse(
                new String[] {
                    "--sessions",
                    tmp.toString(),
                    "--out",
                    tmp.resolve("o").toString(),
                    "--allow-demo-key",
                    "--eda-method",
                    "neurokit",
                    "--set",
                    "rupture.merge_gap_s=90",
                    "--set",
                    "trends.client.last_n=5"
                },
                k -> null);
        assertEquals(90.0, o.config().rupture().mergeGapS());
        assertEquals(5, o.config().trends().lastN());
        assertEquals("NEUROKIT", o.config().parameters().get("eda.method"));
        assertEquals("90.0", o.config().provenance(true).get("rupture.merge_gap_s"));
    }

    @Test
    void shouldRecordTheRunWideFilesAsTheyWereParsedNotAsTheyAreLater() throws Exception {
        Path baselines = tmp.resolve("baselines.json");
        Files.writeString(baselines, "{\"format\": \"session-review baselines 1\", \"people\": {}}\n");
        // a codebook saved by an older Windows editor (Windows-1252: "Rückzug"), as the per-session reader takes it
        Path codebook = tmp.resolve("codebook.json");
        byte[] cp1252 = "{\"labels\": {\"R\u00fcckzug\": \"RUP_W_MINIMAL\"}}".getBytes("windows-1252");
        Files.write(codebook, cp1252);
        org.sessionreview.jobs.cli.ReviewOptions o = org.sessionreview.jobs.cli.ReviewOptions.parse(
                new String[] {
                    "--sessions",
                    tmp.toString(),
                    "--out",
                    tmp.resolve("o").toString(),
                    "--allow-demo-key",
                    "--baselines",
                    baselines.toString(),
                    "--codebook",
                    codebook.toString()
                },
                k -> null);
        byte[] parsed = Files.readAllBytes(baselines);
        Files.writeString(baselines, "{\"format\": \"session-review baselines 1\", \"people\": {\"x\": {}}}\n");

        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(parsed));
        assertEquals(
                "baselines.json, " + parsed.length + " bytes, SHA-256 " + sha,
                o.runInputs().get("run_input.baselines"));
        assertTrue(o.runInputs().get("run_input.codebook").startsWith("codebook.json, " + cp1252.length + " bytes"));
        assertTrue(
                o.codebookJson().orElseThrow().contains("R\u00fcckzug"),
                o.codebookJson().toString());
    }
}
