package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.Main;
import org.sessionreview.jobs.Paths;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;

/**
 * The {@code sql} command on the sample review's tables: the README's queries (queries/*.sql)
 * give the same rows in the same order as DuckDB; every table reads back whole, as DuckDB reads
 * it; DESCRIBE shows the column comments; a wrong statement is exit 1 with Flink's message.
 */
class SqlCommandITCase {
    private static Path out;
    private static DuckDb duck;

    private record Result(int code, String out, String err) {}

    @BeforeAll
    static void setUp() throws SQLException {
        out = SampleDataReview.get().out();
        duck = new DuckDb();
        for (TableSchema<?> t : OutputTables.ALL) {
            duck.execute("CREATE VIEW " + t.name() + " AS SELECT * FROM " + DuckDb.parquet(out.resolve(t.name())));
        }
    }

    @AfterAll
    static void tearDown() throws SQLException {
        duck.close();
    }

    static Stream<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(Paths.projectRoot().resolve("queries"))) {
            List<Path> sql =
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertEquals(3, sql.size(), "queries/: the README's three example queries");
            return sql.stream();
        }
    }

    private static Result sql(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("sql"), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(
                all,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Rows of a single result in JSON lines, each value canonical, in output order. */
    private static List<Map<String, Object>> jsonRows(String text) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode row = it.next();
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    m.put(f.getKey(), Canonical.ofJson(f.getValue()));
                }
                rows.add(m);
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> duckRows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : duck.query(sql)) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            r.forEach((k, v) -> m.put(k, Canonical.ofDuckDb(v)));
            rows.add(m);
        }
        return rows;
    }

    private static void assertSameRows(
            List<Map<String, Object>> expected, List<Map<String, Object>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": row count");
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), what + ": columns");
            for (String c : e.keySet()) {
                if (!Canonical.agree(e.get(c), a.get(c))) {
                    fail(what + ": row " + (i + 1) + ", column " + c + ": DuckDB " + e.get(c) + ", Flink " + a.get(c)
                            + "\nDuckDB row " + e + "\nFlink row  " + a);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void shouldGiveDuckDbsRowsInOrderWhenRunningAReadmeQuery(Path query) throws Exception {
        Result r = sql("-f", query.toString(), "--tables", out.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> flink = jsonRows(r.out());
        List<Map<String, Object>> duckDb = duckRows(Files.readString(query));
        assertFalse(duckDb.isEmpty(), query + " returns rows on the sample review");
        assertSameRows(duckDb, flink, query.getFileName().toString());
    }

    /**
     * The research query's figures, computed here from the tables' plain rows in Java (not by a
     * second query, which could repeat the query's own mistake): per session with a rupture, the
     * client's scored windows within the video (0 <= start_s, end_s <= duration_s; the sample
     * review scores client windows before second 0 and past duration_s, which the query once
     * counted as "outside" a rupture), split by whether they overlap a rupture episode, with the
     * count, mean and maximum of the anxiety index.
     */
    @Test
    void shouldCountOnlyWindowsWithinTheVideoWhenRunningTheResearchQuery() throws Exception {
        Path query = Paths.projectRoot().resolve("queries/research_anxiety_in_ruptures.sql");
        Result r = sql("-f", query.toString(), "--tables", out.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, double[]> got = new java.util.TreeMap<>();
        List<Map<String, Object>> rows = jsonRows(r.out());
        for (Map<String, Object> row : rows) {
            got.put(row.get("session_id") + " " + row.get("windows_in"), new double[] {
                ((Number) row.get("windows")).doubleValue(),
                ((Number) row.get("mean_anxiety_index")).doubleValue(),
                ((Number) row.get("max_anxiety_index")).doubleValue()
            });
        }
        Map<String, Double> duration = new java.util.HashMap<>();
        for (Map<String, Object> s : duck.query("SELECT session_id, duration_s FROM sessions")) {
            duration.put((String) s.get("session_id"), ((Number) s.get("duration_s")).doubleValue());
        }
        List<Map<String, Object>> ruptures = duck.query("SELECT session_id, start_s, end_s FROM ruptures");
        Map<String, double[]> expected = new java.util.TreeMap<>(); // count, sum, max
        long outsideVideo = 0;
        for (Map<String, Object> w :
                duck.query("SELECT session_id, role, start_s, end_s, anxiety_index FROM windows")) {
            String id = (String) w.get("session_id");
            if (!"client".equals(w.get("role"))
                    || w.get("anxiety_index") == null
                    || ruptures.stream().noneMatch(x -> id.equals(x.get("session_id")))) {
                continue;
            }
            double start = ((Number) w.get("start_s")).doubleValue();
            double end = ((Number) w.get("end_s")).doubleValue();
            if (start < 0 || end > duration.get(id)) {
                outsideVideo++;
                continue;
            }
            boolean inside = ruptures.stream()
                    .anyMatch(x -> id.equals(x.get("session_id"))
                            && ((Number) x.get("start_s")).doubleValue() < end
                            && ((Number) x.get("end_s")).doubleValue() > start);
            double index = ((Number) w.get("anxiety_index")).doubleValue();
            double[] e = expected.computeIfAbsent(
                    id + " " + (inside ? "inside" : "outside"), k -> new double[] {0, 0, Double.NEGATIVE_INFINITY});
            e[0]++;
            e[1] += index;
            e[2] = Math.max(e[2], index);
        }
        assertFalse(expected.isEmpty(), "the sample review has sessions with ruptures");
        assertTrue(outsideVideo > 0, "the sample review scores windows outside the video");
        assertEquals(expected.keySet(), got.keySet(), "sessions and inside/outside groups");
        assertEquals(got.size(), rows.size(), "one row per group");
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            double[] g = got.get(e.getKey());
            assertEquals(e.getValue()[0], g[0], e.getKey() + " windows");
            assertEquals(e.getValue()[1] / e.getValue()[0], g[1], 1e-9, e.getKey() + " mean");
            assertEquals(e.getValue()[2], g[2], e.getKey() + " max");
        }
    }

    @Test
    void shouldPrintUtcInstantsAsUtcWhateverTheMachinesTimeZone() throws Exception {
        String q = "SELECT session_id, media_start_utc FROM sessions ORDER BY session_id";
        List<Map<String, Object>> duckDb = duckRows(q);
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            // before 'parquet.utc-timezone': the reader took the INT64 instants as local time, so
            // every *_utc value printed 5:30 h off here, still labelled Z
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
            Result r = sql("-e", q, "--tables", out.toString(), "--format", "json");
            assertEquals(0, r.code(), r.err());
            assertSameRows(duckDb, jsonRows(r.out()), "media_start_utc under Asia/Kolkata");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    void shouldRunStatementsWhateverDigitsTheMachinesLocaleUses() throws Exception {
        String q = "SELECT session_id, priority FROM sessions ORDER BY session_id";
        List<Map<String, Object>> duckDb = duckRows(q);
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            // ninth audit: under ar-SA (and th-TH-TH) every statement failed with Flink's "Could not
            // parse value '٢٥٦ mb' for key '...skewed-threshold'" (its config written with Arabic digits)
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-SA"));
            Result r = sql("-e", q, "--tables", out.toString(), "--format", "json");
            assertEquals(0, r.code(), r.err());
            assertSameRows(duckDb, jsonRows(r.out()), "sessions under ar-SA");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void shouldPrintTheSameRowsAsCsvWhenAskedForCsv() throws Exception {
        Path query = Paths.projectRoot().resolve("queries/trainer_comparison.sql");
        Result csv = sql("-f", query.toString(), "--tables", out.toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> lines;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv.out())) {
            lines = it.readAll();
        }
        List<Map<String, Object>> duckDb = duckRows(Files.readString(query));
        assertEquals(List.copyOf(duckDb.get(0).keySet()), List.of(lines.get(0)));
        assertEquals(duckDb.size() + 1, lines.size(), csv.out());
        for (int i = 0; i < duckDb.size(); i++) {
            String[] fields = lines.get(i + 1);
            int c = 0;
            for (Map.Entry<String, Object> e : duckDb.get(i).entrySet()) {
                String text = fields[c++];
                Object expected = e.getValue();
                Object actual =
                        text.isEmpty() ? null : expected instanceof Number ? (Object) Double.parseDouble(text) : text;
                assertTrue(
                        Canonical.agree(expected, actual),
                        e.getKey() + " row " + (i + 1) + ": " + expected + " vs " + text);
            }
        }
        Result table = sql("-f", query.toString(), "--tables", out.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("| therapist_id | sessions |"), table.out());
        assertTrue(table.out().strip().endsWith(duckDb.size() + " rows"), table.out());
    }

    @Test
    void shouldReadEveryTableAsDuckDbDoesWhenSelectingAll() throws Exception {
        for (TableSchema<?> t : OutputTables.ALL) {
            Result r = sql("-e", "SELECT * FROM " + t.name(), "--tables", out.toString(), "--format", "json");
            assertEquals(0, r.code(), t.name() + ": " + r.err());
            List<String> flink = keys(jsonRows(r.out()), t);
            List<String> duckDb = keys(duckRows("SELECT * FROM " + t.name()), t);
            assertEquals(duckDb.size(), flink.size(), t.name() + ": rows");
            for (int i = 0; i < flink.size(); i++) {
                assertEquals(duckDb.get(i), flink.get(i), t.name() + ": the " + (i + 1) + "th row in sorted order");
            }
        }
    }

    /** Rows as sorted text keys; doubles exact (both engines read the same bits), instants normalised. */
    private static List<String> keys(List<Map<String, Object>> rows, TableSchema<?> t) {
        List<String> names = t.columns().stream().map(c -> c.name()).toList();
        return rows.stream()
                .map(r -> {
                    assertEquals(names, List.copyOf(r.keySet()), t.name() + ": columns");
                    return t.columns().stream()
                            .map(c -> {
                                Object v = r.get(c.name());
                                if (c.type() == ColumnType.TIMESTAMP_UTC) {
                                    v = Canonical.instant(v);
                                } else if (c.type() == ColumnType.STRING_LIST && v == null) {
                                    v = List.of(); // an absent list and an empty one read alike in DuckDB
                                }
                                return String.valueOf(v);
                            })
                            .collect(Collectors.joining(" | "));
                })
                .sorted()
                .toList();
    }

    @Test
    void shouldShowCommentsWhenDescribingAndListEveryTable() throws Exception {
        Result describe = sql("-e", "DESCRIBE sessions", "--tables", out.toString(), "--format", "json");
        assertEquals(0, describe.code(), describe.err());
        List<Map<String, Object>> columns = jsonRows(describe.out());
        TableSchema<?> sessions = OutputTables.byName("sessions").orElseThrow();
        assertEquals(sessions.columns().size(), columns.size());
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(sessions.columns().get(i).name(), columns.get(i).get("name"));
            assertEquals(sessions.columns().get(i).description(), columns.get(i).get("comment"));
        }
        assertEquals(
                "TIMESTAMP_LTZ(3)",
                columns.stream()
                        .filter(c -> c.get("name").equals("media_start_utc"))
                        .findFirst()
                        .orElseThrow()
                        .get("type"));

        Result tables = sql(
                "-e",
                "SET 'parallelism.default' = '1'; SHOW TABLES; SHOW CREATE TABLE sessions",
                "--tables",
                out.toString(),
                "--format",
                "csv");
        assertEquals(0, tables.code(), tables.err());
        for (TableSchema<?> t : OutputTables.ALL) {
            assertTrue(tables.out().lines().anyMatch(l -> l.equals(t.name())), t.name() + " in\n" + tables.out());
        }
        assertTrue(tables.out().contains(sessions.description().replace("\"", "\"\"")), tables.out());
    }

    @Test
    void shouldExitOneWithFlinksMessageWhenAStatementFails() {
        Result syntax = sql("-e", "SELEC session_id FROM sessions", "--tables", out.toString());
        assertEquals(1, syntax.code(), syntax.err());
        assertTrue(syntax.err().startsWith("session-review sql: SQL parse failed."), syntax.err());
        assertShort(syntax);

        Result unknown =
                sql("-e", "SELECT 1 AS n; SELECT * FROM sessionz", "--tables", out.toString(), "--format", "csv");
        assertEquals(1, unknown.code(), unknown.err());
        assertEquals("n\n1\n", unknown.out());
        assertTrue(unknown.err().startsWith("session-review sql: statement 2 of 2: "), unknown.err());
        assertTrue(unknown.err().contains("Object 'sessionz' not found"), unknown.err());
        assertShort(unknown);

        Result insert = sql("-e", "INSERT INTO rejects SELECT * FROM rejects", "--tables", out.toString());
        assertEquals(1, insert.code(), insert.err());
        assertTrue(insert.err().contains("the tables are read-only"), insert.err());
        assertShort(insert);
    }

    private static void assertShort(Result r) {
        assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
        assertTrue(r.err().lines().count() <= 3, r.err());
    }

    @Test
    void shouldShowEveryQueryVerbatimWhenReadingTheReadme() throws IOException {
        String readme = Files.readString(Paths.projectRoot().resolve("README.md"));
        for (Path q : queries().toList()) {
            assertTrue(readme.contains(Files.readString(q).strip()), "README shows " + q.getFileName() + " verbatim");
        }
    }

    /**
     * The runnable jar (built in {@code package}, before this test) runs {@code sql} with
     * {@code java -jar}: the planner unpacks from inside the shaded jar and the filesystem
     * connector and parquet format are found through the merged service files.
     */
    @Test
    void shouldRunFromTheRunnableJarWhenStartedWithJavaJar() throws Exception {
        Path jar = Path.of("target", "session-review.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " (mvn package builds it)");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        javaBin.toString(),
                        "-jar",
                        jar.toString(),
                        "sql",
                        "--tables",
                        out.toString(),
                        "--format",
                        "csv",
                        "-e",
                        "SELECT COUNT(*) AS n, MIN(media_start_utc) AS first_start FROM sessions")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), text);
        assertEquals(0, p.exitValue(), text);
        Object count = duck.scalar("SELECT COUNT(*) FROM sessions");
        Object first = Canonical.ofDuckDb(duck.scalar("SELECT MIN(media_start_utc) FROM sessions"));
        assertEquals("n,first_start\n" + count + "," + first + "\n", text);
    }

    @Test
    void shouldQueryAResearchExportWithTheExportsColumns(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path research = tmp.resolve("research-out");
        int code = Main.run(
                new String[] {
                    "export",
                    "--audience",
                    "research",
                    "--tables",
                    out.toString(),
                    "--out",
                    research.toString(),
                    "--allow-demo-key",
                    "--quiet"
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String query = "SELECT session_week, COUNT(*) AS n FROM sessions GROUP BY session_week ORDER BY session_week";
        Result r = sql("-e", query, "--tables", research.toString(), "--format", "json");
        // before: the review's schema was registered (session_date, media_start_utc): "Column not found"
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> expected = new ArrayList<>();
        try (DuckDb d = new DuckDb()) {
            d.execute("CREATE VIEW sessions AS SELECT * FROM " + DuckDb.parquet(research.resolve("sessions")));
            for (Map<String, Object> row : d.query(query)) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                row.forEach((k, v) -> m.put(k, Canonical.ofDuckDb(v)));
                expected.add(m);
            }
        }
        assertFalse(expected.isEmpty());
        assertSameRows(expected, jsonRows(r.out()), "research export");
    }

    @Test
    void shouldExitTwoWhenTheFolderHoldsNoTables() {
        Result r = sql("-e", "SELECT 1", "--tables", Paths.sampleData().toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("holds none of the review's tables"), r.err());
    }
}
