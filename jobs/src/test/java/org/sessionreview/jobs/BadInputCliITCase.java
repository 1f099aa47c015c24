package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the command line: every broken file or record becomes a row of rejects/ with
 * its file, line and reason, the rest of the data is still processed, nothing protected leaks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCliITCase {
    private static final String CANARY = "SECRET-NOTE-IN-A-BAD-LINE";

    @TempDir
    static Path tmp;

    private Path out;
    private String stdout;
    private DuckDb db;
    private String goodId;

    @BeforeAll
    void runOnBrokenCohort() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("sessions"));
        // a real session of the sample cohort, then damaged
        Path sample = shortestSampleSession();
        Path good = root.resolve("a-good");
        copyTree(sample, good);
        JsonNode manifest =
                new ObjectMapper().readTree(good.resolve("session.json").toFile());
        goodId = manifest.get("session_id").asText();
        String clientFolder = manifest.get("wearables").get("client").asText();
        Path eda = good.resolve(clientFolder).resolve("EDA.csv.gz");
        List<String> lines = new ArrayList<>(List.of(gunzip(eda).split("\n")));
        lines.set(99, "not-a-number"); // line 100 of the file
        gzip(eda, String.join("\n", lines) + "\n");
        Files.writeString(
                good.resolve("extra.jsonl"),
                String.join(
                                "\n",
                                "{\"start\": 100, \"end\": 110, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}",
                                "{\"start\": \"later\", \"code\": \"ANX_STR_SIGH\", \"note\": \"" + CANARY + "\"}",
                                "{\"start\": 200, \"end\": 150, \"code\": \"ANX_STR_HANDS\"}",
                                "{\"start\": 300, \"code\": \"NOT_A_CODE\", \"note\": \"" + CANARY + "\"}",
                                "{broken json " + CANARY)
                        + "\n");
        ObjectMapper om = new ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) manifest;
        node.withArray("annotations").add("extra.jsonl").add("missing.jsonl");
        om.writeValue(good.resolve("session.json").toFile(), node);

        Path dup = Files.createDirectories(root.resolve("b-duplicate"));
        om.writeValue(dup.resolve("session.json").toFile(), node);
        Path broken = Files.createDirectories(root.resolve("c-broken-json"));
        Files.writeString(
                broken.resolve("session.json"),
                "{\n  \"session_id\": \"X\",\n  \"client_id\": \"PATIENT-42\"\n  oops\n}\n");
        Path fields = Files.createDirectories(root.resolve("d-missing-fields"));
        Files.writeString(
                fields.resolve("session.json"),
                "{\"session_id\": \"Y\", \"therapist_id\": \"T9\", \"session_number\": 0,"
                        + " \"media_start\": \"yesterday\", \"wearables\": {}, \"annotations\": [], \"consent\": {\"supervision\": true}}");
        Files.createDirectories(root.resolve("e-no-manifest"));

        out = tmp.resolve("out");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "review",
                    "--sessions",
                    root.toString(),
                    "--out",
                    out.toString(),
                    "--allow-demo-key",
                    "--parallelism",
                    "2"
                },
                new PrintStream(buf, true, StandardCharsets.UTF_8),
                System.err);
        stdout = buf.toString(StandardCharsets.UTF_8);
        System.out.println(stdout);
        assertEquals(0, code, stdout);
        db = new DuckDb();
    }

    private List<Map<String, Object>> rejects(String fileLike) throws Exception {
        return db.query("SELECT session_id, source_file, line, reason, raw FROM "
                + DuckDb.parquet(out.resolve("rejects")) + " WHERE source_file LIKE '" + fileLike + "' ORDER BY line");
    }

    @Test
    void shouldStillReviewTheGoodSessionWhenOthersAreBroken() throws Exception {
        List<Map<String, Object>> sessions =
                db.query("SELECT session_id, annotation_count FROM " + DuckDb.parquet(out.resolve("sessions")));
        assertEquals(1, sessions.size(), sessions.toString());
        assertEquals(goodId, sessions.get(0).get("session_id"));
        assertTrue(stdout.contains("5 session folders, 1 sessions reviewed"), stdout);
        Object accepted = db.scalar("SELECT count(*) FROM " + DuckDb.parquet(out.resolve("annotations"))
                + " WHERE source_file = 'a-good/extra.jsonl'");
        assertEquals(1L, ((Number) accepted).longValue());
    }

    @Test
    void shouldRejectBadRecordsWithFileLineAndReasonWhenInputIsBroken() throws Exception {
        List<Map<String, Object>> eda = rejects("a-good/%/EDA.csv.gz");
        assertEquals(1, eda.size(), eda.toString());
        assertEquals(100L, ((Number) eda.get(0).get("line")).longValue());
        assertEquals(null, eda.get(0).get("raw"), "raw text of a non-numeric line is withheld");

        List<Map<String, Object>> jsonl = rejects("a-good/extra.jsonl");
        assertEquals(
                List.of(2L, 3L, 4L, 5L),
                jsonl.stream().map(r -> ((Number) r.get("line")).longValue()).toList(),
                jsonl.toString());
        assertTrue(((String) jsonl.get(1).get("reason")).contains("before"), jsonl.toString());
        assertTrue(((String) jsonl.get(2).get("reason")).contains("maps to no canonical code"), jsonl.toString());

        assertTrue(((String) rejects("a-good/missing.jsonl").get(0).get("reason")).contains("not found"));
        assertTrue(
                ((String) rejects("b-duplicate/session.json").get(0).get("reason")).contains("duplicate session_id"));
        Map<String, Object> broken = rejects("c-broken-json/session.json").get(0);
        assertTrue(((String) broken.get("reason")).contains("not valid JSON"), broken.toString());
        assertEquals(4L, ((Number) broken.get("line")).longValue(), broken.toString());
        String fields = (String) rejects("d-missing-fields/session.json").get(0).get("reason");
        for (String expected : List.of("client_id", "session_number", "media_start", "consent.research")) {
            assertTrue(fields.contains(expected), fields);
        }
        assertTrue(((String) rejects("e-no-manifest/").get(0).get("reason")).contains("no session.json"));
        assertTrue(stdout.contains("a-good/extra.jsonl: 4 of 5 records rejected"), stdout);
    }

    @Test
    void shouldKeepNotesAndClientIdsOutOfRejectsWhenRecordsAreBroken() throws Exception {
        for (Map<String, Object> r : db.query("SELECT * FROM " + DuckDb.parquet(out.resolve("rejects")))) {
            assertFalse(r.toString().contains(CANARY), "note leaked into rejects: " + r);
            assertFalse(r.toString().contains("PATIENT-42"), "client id leaked into rejects: " + r);
        }
    }

    @Test
    void shouldBalanceRecordCountsPerFileWhenWritingRunJson() throws Exception {
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        for (JsonNode f : run.get("inputs")) {
            assertEquals(
                    f.get("records_read").asLong(),
                    f.get("records_accepted").asLong()
                            + f.get("records_rejected").asLong(),
                    f.toString());
        }
        JsonNode extra = null;
        for (JsonNode f : run.get("inputs")) {
            if (f.get("path").asText().equals("a-good/extra.jsonl")) {
                extra = f;
            }
        }
        assertEquals(5, extra.get("records_read").asLong());
        assertEquals(4, extra.get("records_rejected").asLong());
    }

    private static Path shortestSampleSession() throws IOException {
        ObjectMapper om = new ObjectMapper();
        try (Stream<Path> s = Files.list(Paths.sampleData())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("session.json")))
                    .min(Comparator.comparingDouble(p -> {
                        try {
                            return om.readTree(p.resolve("session.json").toFile())
                                    .path("duration_s")
                                    .asDouble(1e9);
                        } catch (IOException e) {
                            return 1e9;
                        }
                    }))
                    .orElseThrow();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
