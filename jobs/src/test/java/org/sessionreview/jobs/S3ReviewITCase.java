package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.ingest.flink.Locations;
import org.sessionreview.jobs.io.EmbeddedFileSystems;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.storage.Entry;

/**
 * {@code review} with its sessions and its output on S3: an in-process S3 endpoint (s3proxy on a
 * transient in-memory blob store, on 127.0.0.1), Flink's S3 file system loaded from a plugins
 * folder as a user would install it ({@code plugins/s3-fs-hadoop/}), and the {@code s3.*} keys
 * given with {@code --flink}. Three sessions of {@code sample-data/} (JSONL, BORIS events and
 * BORIS aggregated annotations, two wearers each) are uploaded through Flink's file system API;
 * every table read back from S3 must equal, row for row, the same review run on local paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ReviewITCase {
    private static final String BUCKET = "review";
    private static final String KEY = "test-access-key";
    private static final String SECRET = "test-secret-key-0123456789";
    private static final List<String> SESSIONS =
            List.of("2026-03-02_T01_1000", "2026-03-05_T02_0900", "2026-03-09_T01_1000");

    @TempDir
    static Path tmp;

    private BlobStoreContext blobs;
    private S3Proxy proxy;
    private Map<String, String> env;
    private List<String> s3Flags;

    @BeforeAll
    void startS3() throws Exception {
        // by its metadata, not by name: a name makes jclouds load every provider s3proxy registers (Azure, ...)
        blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(KEY, SECRET)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
                .build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        assertEquals("STARTED", proxy.getState(), "s3proxy did not start");
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);

        // the plugin as a user installs it: plugins/<name>/<jar>; the command finds it through FLINK_PLUGINS_DIR
        Path jar = Path.of(System.getProperty("flink.s3-fs-hadoop.jar", "missing: run through Maven (failsafe)"));
        assertTrue(Files.isRegularFile(jar), "Flink's S3 file system jar not found: " + jar);
        Path plugins = Files.createDirectories(tmp.resolve("plugins/s3-fs-hadoop"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        env = Map.of("FLINK_PLUGINS_DIR", plugins.getParent().toString());
        s3Flags = List.of(
                "--flink",
                "s3.endpoint=http://127.0.0.1:" + proxy.getPort(),
                "--flink",
                "s3.path.style.access=true",
                "--flink",
                "s3.access-key=" + KEY,
                "--flink",
                "s3.secret-key=" + SECRET);
    }

    @AfterAll
    void stopS3() throws Exception {
        FileSystem.initialize(new Configuration(), null); // later tests in this JVM get the plain file systems back
        if (proxy != null) {
            proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    private record Run(int code, String out, String err) {}

    private Run review(String sessions, String out) {
        List<String> args = new ArrayList<>(
                List.of("--sessions", sessions, "--out", out, "--allow-demo-key", "--parallelism", "2", "--quiet"));
        args.addAll(s3Flags);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new ReviewCommand(
                        new PrintStream(o, true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8),
                        tmp.resolve("home"))
                .run(args.toArray(String[]::new), env::get);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Copies a local folder, file by file, to {@code target} through Flink's file system API. */
    private static void upload(Path from, String target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Locations.of(target + "/" + from.relativize(f).toString().replace('\\', '/'))
                        .write(Files.readAllBytes(f));
            }
        }
    }

    /** Copies every file of {@code from} (recursively) into a local folder, through Flink's file system API. */
    private static void download(Entry from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Entry e : from.list()) {
            if (e.isDirectory()) {
                download(e, to.resolve(e.name()));
            } else {
                Files.write(to.resolve(e.name()), e.readAllBytes());
            }
        }
    }

    /** Every row of a table folder as text, sorted: the table's content independent of file and row order. */
    private static List<String> rows(DuckDb db, Path table) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : db.query("SELECT * FROM " + DuckDb.parquet(table))) {
            rows.add(r.toString());
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void shouldReviewSessionsOnS3IntoS3WithTheSameRowsAsOnLocalPaths() throws Exception {
        Path localSessions = Files.createDirectories(tmp.resolve("sessions"));
        EmbeddedFileSystems.initialize(
                Map.of(
                        "s3.endpoint",
                        "http://127.0.0.1:" + proxy.getPort(),
                        "s3.path.style.access",
                        "true",
                        "s3.access-key",
                        KEY,
                        "s3.secret-key",
                        SECRET),
                env::get);
        for (String s : SESSIONS) {
            Path from = Paths.sampleData().resolve(s);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(
                            f,
                            Files.createDirectories(localSessions
                                            .resolve(s)
                                            .resolve(from.relativize(f))
                                            .getParent())
                                    .resolve(f.getFileName()));
                }
            }
            upload(from, "s3://" + BUCKET + "/sessions/" + s);
        }

        Run local = review(localSessions.toString(), tmp.resolve("out-local").toString());
        assertEquals(0, local.code(), local.err());
        Run s3 = review("s3://" + BUCKET + "/sessions", "s3://" + BUCKET + "/out");
        assertEquals(0, s3.code(), s3.err());
        assertTrue(s3.out().contains("tables: s3://" + BUCKET + "/out"), s3.out());

        Entry out = Locations.of("s3://" + BUCKET + "/out");
        List<String> names = out.list().stream().map(Entry::name).toList();
        for (String entry : ReviewCommand.OUTPUT_ENTRIES) {
            assertTrue(names.contains(entry), entry + " not published on S3: " + names);
        }
        assertTrue(names.contains(OutputDirectory.MARKER), names.toString());
        assertFalse(
                names.stream()
                        .anyMatch(n ->
                                n.startsWith(".session-review-staging-") || n.startsWith(".session-review-replaced-")),
                "staging left on S3: " + names);

        Path back = tmp.resolve("from-s3");
        Map<String, Integer> counts = new HashMap<>();
        try (DuckDb db = new DuckDb()) {
            for (String table : ReviewCommand.TABLES) {
                download(out.resolve(table), back.resolve(table));
                List<String> expected = rows(db, tmp.resolve("out-local").resolve(table));
                assertEquals(expected, rows(db, back.resolve(table)), table + ": S3 rows differ from the local run's");
                counts.put(table, expected.size());
            }
        }
        for (String table : List.of("sessions", "windows", "moments", "annotations", "beats")) {
            assertTrue(counts.get(table) > 0, table + " has no rows: the comparison would prove nothing");
        }
        assertEquals(SESSIONS.size(), counts.get("sessions"));

        ObjectMapper json = new ObjectMapper();
        JsonNode runS3 = json.readTree(out.resolve("run.json").readAllBytes());
        JsonNode runLocal = json.readTree(tmp.resolve("out-local/run.json").toFile());
        assertEquals("s3://" + BUCKET + "/sessions", runS3.path("sessions_root").asText());
        assertEquals(runLocal.path("totals"), runS3.path("totals"));
        assertEquals(runLocal.path("inputs"), runS3.path("inputs"), "the same files, sizes, hashes and record counts");
        assertEquals(
                json.readTree(tmp.resolve("out-local/baselines.json").toFile()),
                json.readTree(out.resolve("baselines.json").readAllBytes()));

        // sql over the published tables on S3 gives the local tables' answers (before 2026-12-07
        // sql read local folders only)
        String query = "SELECT session_id, anxiety_episodes, priority FROM sessions ORDER BY session_id;"
                + " SELECT COUNT(*) AS n, COUNT(hr_bpm) AS with_hr, MIN(hr_bpm) AS lo, MAX(hr_bpm) AS hi FROM windows";
        Run sqlLocal = sql("--tables", tmp.resolve("out-local").toString(), "-e", query, "--format", "csv");
        assertEquals(0, sqlLocal.code(), sqlLocal.err());
        List<String> args =
                new ArrayList<>(List.of("--tables", "s3://" + BUCKET + "/out", "-e", query, "--format", "csv"));
        args.addAll(s3Flags);
        Run sqlS3 = sql(args.toArray(String[]::new));
        assertEquals(0, sqlS3.code(), sqlS3.err());
        assertEquals(sqlLocal.out(), sqlS3.out());
        assertEquals(SESSIONS.size() + 1 + 3, sqlS3.out().strip().lines().count(), sqlS3.out());

        reportAndExportFromS3(tmp.resolve("out-local"), "s3://" + BUCKET + "/out");
    }

    /**
     * {@code report} and {@code export} over the published tables on S3 give what they give over
     * the local run's tables (before 2026-12-07 both read local folders only): the same pages, byte
     * for byte, and the same export tables row for row; no temporary copy is left behind; a wrong
     * key, a folder without a sessions table and an S3 {@code --out} are exit 2 with one message
     * naming the location.
     */
    private void reportAndExportFromS3(Path localTables, String s3Tables) throws Exception {
        List<String> before = temporaryCopies();
        Run reportLocal = command(
                "report",
                "--tables",
                localTables.toString(),
                "--out",
                tmp.resolve("report-local").toString());
        assertEquals(0, reportLocal.code(), reportLocal.err());
        Run reportS3 = command(
                "report",
                withS3("--tables", s3Tables, "--out", tmp.resolve("report-s3").toString()));
        assertEquals(0, reportS3.code(), reportS3.err());
        Map<String, String> pagesLocal = files(tmp.resolve("report-local"));
        Map<String, String> pagesS3 = files(tmp.resolve("report-s3"));
        assertEquals(pagesLocal.keySet(), pagesS3.keySet());
        assertTrue(
                pagesLocal.keySet().stream()
                                .filter(n -> n.startsWith("sessions/"))
                                .count()
                        > 0,
                pagesLocal.keySet().toString());
        for (String page : pagesLocal.keySet()) {
            assertEquals(
                    pagesLocal.get(page), pagesS3.get(page), page + ": the page from S3 differs from the local one");
        }
        assertTrue(Files.isRegularFile(tmp.resolve("report-s3").resolve(OutputDirectory.MARKER)));

        Run exportLocal = command(
                "export",
                "--audience",
                "research",
                "--tables",
                localTables.toString(),
                "--out",
                tmp.resolve("export-local").toString(),
                "--allow-demo-key",
                "--quiet");
        assertEquals(0, exportLocal.code(), exportLocal.err());
        Run exportS3 = command(
                "export",
                withS3(
                        "--audience",
                        "research",
                        "--tables",
                        s3Tables,
                        "--out",
                        tmp.resolve("export-s3").toString(),
                        "--allow-demo-key",
                        "--quiet"));
        assertEquals(0, exportS3.code(), exportS3.err());
        int rows = 0;
        try (DuckDb db = new DuckDb()) {
            for (String table : org.sessionreview.export.ResearchExport.tableNames()) {
                List<String> expected = rows(db, tmp.resolve("export-local").resolve(table));
                assertEquals(
                        expected,
                        rows(db, tmp.resolve("export-s3").resolve(table)),
                        table + ": export from S3 differs");
                rows += expected.size();
            }
        }
        assertTrue(rows > SESSIONS.size(), "the exports hold " + rows + " rows: the comparison would prove little");
        assertEquals(before, temporaryCopies(), "a temporary copy of the S3 tables was left behind");

        // exit 2, one message naming the location and the cause
        Run denied = command(
                "report",
                "--tables",
                s3Tables,
                "--out",
                tmp.resolve("report-denied").toString(),
                "--flink",
                "s3.endpoint=http://127.0.0.1:" + proxy.getPort(),
                "--flink",
                "s3.path.style.access=true",
                "--flink",
                "s3.access-key=" + KEY,
                "--flink",
                "s3.secret-key=not-the-secret");
        assertEquals(2, denied.code(), denied.err());
        assertTrue(
                denied.err().startsWith("session-review report: --tables " + s3Tables + ": cannot be reached ("),
                denied.err());
        assertEquals(1, denied.err().strip().lines().count(), denied.err());
        Run noSessions = command(
                "export",
                withS3(
                        "--audience",
                        "research",
                        "--tables",
                        "s3://" + BUCKET + "/sessions",
                        "--out",
                        tmp.resolve("export-none").toString(),
                        "--allow-demo-key"));
        assertEquals(2, noSessions.code(), noSessions.err());
        assertEquals(
                "session-review export: --tables s3://" + BUCKET + "/sessions holds no sessions table"
                        + " (sessions/*.parquet): give the --out folder of a review",
                noSessions.err().strip());
        // a damaged file is named where it lies on S3, never by its temporary local copy
        Locations.of("s3://" + BUCKET + "/damaged/sessions/part-0.parquet")
                .write("not Parquet".getBytes(StandardCharsets.UTF_8));
        Run damaged = command(
                "report",
                withS3(
                        "--tables",
                        "s3://" + BUCKET + "/damaged",
                        "--out",
                        tmp.resolve("report-damaged").toString()));
        assertEquals(1, damaged.code(), damaged.err());
        assertTrue(
                damaged.err().contains("s3://" + BUCKET + "/damaged/sessions/part-0.parquet: not a readable Parquet"),
                damaged.err());
        assertFalse(damaged.err().contains("session-review-tables-"), damaged.err());
        Run s3Out = command("report", withS3("--tables", s3Tables, "--out", "s3://" + BUCKET + "/pages"));
        assertEquals(2, s3Out.code(), s3Out.err());
        assertTrue(
                s3Out.err().contains("--out s3://" + BUCKET + "/pages: the pages are written to a local folder only"),
                s3Out.err());
        assertFalse(Locations.of("s3://" + BUCKET + "/pages").exists());
        assertFalse(Files.exists(tmp.resolve("report-denied")) || Files.exists(tmp.resolve("export-none")));
        assertEquals(before, temporaryCopies(), "a temporary copy of the S3 tables was left behind after a failure");
    }

    private String[] withS3(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(s3Flags);
        return all.toArray(String[]::new);
    }

    /** The temporary copies of remote tables ({@code LocalTables}) in the system's temporary folder. */
    private static List<String> temporaryCopies() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("session-review-tables-"))
                    .sorted()
                    .toList();
        }
    }

    /** Every visible file under {@code dir} by relative path, as text. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".")) {
                    out.put(rel, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private Run command(String name, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        int code = name.equals("report")
                ? new org.sessionreview.jobs.report.ReportCommand(po, pe).run(args, env::get)
                : new org.sessionreview.jobs.export.ExportCommand(po, pe).run(args, env::get);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private Run sql(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new org.sessionreview.jobs.sql.SqlCommand(
                        new PrintStream(o, true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(args, env::get);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
