package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.Version;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;

/**
 * The README's run, end to end: the command line on {@code sample-data/}, its Parquet tables read
 * back with DuckDB (an independent reader), checked against what the generator planted
 * ({@code sample-data/planted.json}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewCliITCase {
    @TempDir
    static Path tmp;

    private Path out;
    private String stdout;
    private JsonNode planted;
    private DuckDb db;
    private PlantedFacts facts;

    @BeforeAll
    void runReviewOnSampleData() throws Exception {
        SampleDataReview.Run run = SampleDataReview.get();
        out = run.out();
        stdout = run.stdout();
        System.out.println(stdout);
        planted = new ObjectMapper()
                .readTree(Paths.sampleData().resolve("planted.json").toFile());
        db = new DuckDb();
        facts = new PlantedFacts(db, out, planted);
    }

    private String t(String table) {
        return DuckDb.parquet(out.resolve(table));
    }

    @Test
    void shouldWriteDomainsSynchronyFiguresBesideTheEffectSize() throws Exception {
        // DOMAIN.md 4.3 B and D: the leading ES per side, %>Pseudo and the surrogate ES (before:
        // computed, never written)
        List<Map<String, Object>> rows = db.query("SELECT synchrony_es, synchrony_es_client_leads,"
                + " synchrony_es_therapist_leads, synchrony_share_above_pseudo, synchrony_surrogate_es FROM "
                + t("sessions") + " WHERE synchrony_es IS NOT NULL");
        assertFalse(rows.isEmpty(), "sample-data has dyads with synchrony");
        for (Map<String, Object> r : rows) {
            for (Object v : r.values()) {
                assertTrue(v instanceof Double d && Double.isFinite(d), r.toString());
            }
            double share = (Double) r.get("synchrony_share_above_pseudo");
            assertTrue(share >= 0 && share <= 1, r.toString());
        }
        assertEquals(
                0L,
                ((Number) db.scalar("SELECT count(*) FROM " + t("sessions")
                                + " WHERE synchrony_es IS NULL AND synchrony_surrogate_es IS NOT NULL"))
                        .longValue(),
                "null when the index was not computed");
    }

    @Test
    void shouldWriteEveryTableWithItsContractColumnsWhenReviewingSampleData() throws Exception {
        Map<String, String> sessions = db.describe(t("sessions"));
        for (String c : List.of(
                "session_id",
                "therapist_id",
                "client_key",
                "session_number",
                "session_date",
                "media_start_utc",
                "duration_s",
                "anxiety_episodes",
                "anxiety_time_s",
                "peak_anxiety_index",
                "flagged",
                "priority",
                "flag_reasons",
                "data_quality_client",
                "data_quality_therapist")) {
            assertTrue(sessions.containsKey(c), "sessions lacks " + c + ": " + sessions);
        }
        assertEquals("DATE", sessions.get("session_date"));
        assertEquals("TIMESTAMP WITH TIME ZONE", sessions.get("media_start_utc"));
        assertEquals("VARCHAR[]", sessions.get("flag_reasons"));
        assertTrue(db.describe(t("moments"))
                .keySet()
                .containsAll(List.of("session_id", "kind", "start_s", "end_s", "start_utc", "severity", "evidence")));
        assertTrue(db.describe(t("windows"))
                .keySet()
                .containsAll(List.of(
                        "session_id",
                        "role",
                        "start_s",
                        "end_s",
                        "eda_scl_us",
                        "eda_scr_per_min",
                        "hr_bpm",
                        "hrv_rmssd_ms",
                        "motion_mag_g",
                        "fidget_power",
                        "temp_slope_c_per_min",
                        "eda_quality",
                        "cardiac_quality",
                        "acc_quality",
                        "temp_quality",
                        "anxiety_index")));
        assertTrue(db.describe(t("annotations"))
                .keySet()
                .containsAll(List.of(
                        "session_id", "code", "family", "actor", "start_s", "end_s", "source_file", "source_line")));
        assertTrue(db.describe(t("rejects")).keySet().containsAll(List.of("source_file", "line", "reason", "raw")));
        assertTrue(db.describe(t("scr"))
                .keySet()
                .containsAll(List.of(
                        "session_id",
                        "role",
                        "onset_s",
                        "peak_s",
                        "amplitude_us",
                        "rise_s",
                        "half_recovery_s",
                        "quality")));
        assertTrue(db.describe(t("beats"))
                .keySet()
                .containsAll(List.of("session_id", "role", "t_s", "ibi_ms", "source", "accepted", "reject_reason")));
        assertTrue(db.describe(t("artifacts"))
                .keySet()
                .containsAll(List.of("session_id", "role", "channel", "kind", "start_s", "end_s")));
        assertTrue(db.describe(t("windows"))
                .keySet()
                .containsAll(List.of(
                        "hrv_sdnn_ms",
                        "hrv_pnn50",
                        "hrv_lf_ms2",
                        "hrv_hf_ms2",
                        "hrv_lf_hf",
                        "eda_scr_amplitude_sum_us",
                        "fidget_freq_hz",
                        "gross_movement_s")));
        assertEquals(
                planted.get("sessions").size(),
                ((Number) db.scalar("SELECT count(*) FROM " + t("sessions"))).intValue());
        assertTrue(stdout.contains(planted.get("sessions").size() + " sessions reviewed"), stdout);
        assertTrue(stdout.contains("[1/" + planted.get("sessions").size() + "]"), stdout);
    }

    @Test
    void shouldFindEveryPlantedEpisodeWhenReviewingSampleData() throws Exception {
        facts.everyPlantedEpisodeFoundAndNoOther();
    }

    @Test
    void shouldReportNoEpisodeAtContactLossWhenEdaSensorIsOff() throws Exception {
        facts.noEpisodeAtContactLoss();
    }

    @Test
    void shouldRankFlaggedSessionsAndLeaveCalmOnesUnflaggedWhenReviewingSampleData() throws Exception {
        facts.flaggedExactlyWherePlanted();
    }

    @Test
    void shouldKeepClientIdsAndNotesOutOfEveryOutputWhenReviewingSampleData() throws Exception {
        List<String> secrets = new ArrayList<>();
        planted.get("raw_client_ids").forEach(n -> secrets.add(n.asText()));
        secrets.add(planted.get("note_canary").asText());
        for (String table : List.of(
                "sessions",
                "moments",
                "windows",
                "scr",
                "beats",
                "artifacts",
                "synchrony",
                "ruptures",
                "segments",
                "trainees",
                "clients",
                "baselines",
                "annotations",
                "rejects")) {
            Map<String, String> cols = db.describe(t(table));
            for (Map.Entry<String, String> c : cols.entrySet()) {
                if (!c.getValue().startsWith("VARCHAR")) {
                    continue;
                }
                for (String secret : secrets) {
                    Object n = db.scalar("SELECT count(*) FROM " + t(table) + " WHERE CAST(\"" + c.getKey()
                            + "\" AS VARCHAR) LIKE '%" + secret.replace("'", "''") + "%'");
                    assertEquals(0, ((Number) n).intValue(), "'" + secret + "' found in " + table + "." + c.getKey());
                }
            }
        }
        String runJson = Files.readString(out.resolve("run.json"));
        for (String secret : secrets) {
            assertFalse(runJson.contains(secret), "run.json holds " + secret);
        }
        // client_key is the keyed hash of the raw id, recomputable only with the key
        String firstId = planted.get("sessions").get(0).get("client_id").asText();
        String sid = planted.get("sessions").get(0).get("session_id").asText();
        assertEquals(
                Pseudonymizer.demo().pseudonym(firstId),
                db.scalar("SELECT client_key FROM " + t("sessions") + " WHERE session_id = '" + sid + "'"));
    }

    @Test
    void shouldAccountForEveryInputFileWhenWritingRunJson() throws Exception {
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(Version.commit(), run.get("tool").get("commit").asText());
        assertTrue(
                run.get("inputs").size() > planted.get("sessions").size() * 6,
                "inputs: " + run.get("inputs").size());
        long read = 0;
        for (JsonNode f : run.get("inputs")) {
            assertEquals(
                    f.get("records_read").asLong(),
                    f.get("records_accepted").asLong()
                            + f.get("records_rejected").asLong(),
                    f.get("path").asText());
            read += f.get("records_read").asLong();
        }
        assertEquals(read, run.get("totals").get("records_read").asLong());
        JsonNode first = run.get("inputs").get(0);
        Path file = Paths.sampleData().resolve(first.get("path").asText());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(sha, first.get("sha256").asText());
        assertEquals(Files.size(file), first.get("size_bytes").asLong());
        assertNotNull(
                run.get("parameters").get("scoring.episode.enter_threshold"),
                run.get("parameters").toString());
        long annotationRows = ((Number) db.scalar("SELECT count(*) FROM " + t("annotations"))).longValue();
        long annotationAccepted = 0;
        for (JsonNode f : run.get("inputs")) {
            if (f.get("kind").asText().equals("annotations")) {
                annotationAccepted += f.get("records_accepted").asLong();
            }
        }
        assertEquals(annotationAccepted, annotationRows, "annotation rows = accepted annotation records");
        long rejects = ((Number) db.scalar("SELECT count(*) FROM " + t("rejects"))).longValue();
        assertEquals(
                run.get("totals").get("records_rejected").asLong(), rejects, "every rejected record is in rejects/");
    }

    @Test
    void shouldReuseStoredBaselinesWhenGivenAnEarlierRunsFile() throws Exception {
        Path baselines = out.resolve("baselines.json");
        assertTrue(Files.isRegularFile(baselines));
        List<Map<String, Object>> rows = db.query("SELECT DISTINCT person, source FROM " + t("baselines"));
        assertTrue(rows.stream().allMatch(r -> ((String) r.get("source")).startsWith("calibration")), rows.toString());
        Path second = tmp.resolve("second");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "review",
                    "--sessions",
                    Paths.sampleData().toString(),
                    "--out",
                    second.toString(),
                    "--allow-demo-key",
                    "--parallelism",
                    "2",
                    "--quiet",
                    "--baselines",
                    baselines.toString()
                },
                new PrintStream(buf, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code, buf.toString(StandardCharsets.UTF_8));
        // --quiet: no progress lines and no blank line before the summary
        assertTrue(
                buf.toString(StandardCharsets.UTF_8).startsWith("session-review "),
                buf.toString(StandardCharsets.UTF_8));
        // the footers and run.json name the baselines file by its bytes (ninth audit: they named nothing, so a
        // table scored against stored baselines did not say which); the first run's say none
        byte[] stored = Files.readAllBytes(baselines);
        String identity = "baselines.json, " + stored.length + " bytes, SHA-256 "
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(stored));
        for (String table : List.of("sessions", "windows", "clients", "rejects")) {
            assertEquals(
                    List.of(identity),
                    db
                            .query("SELECT DISTINCT decode(value) AS v FROM parquet_kv_metadata('"
                                    + second.resolve(table)
                                    + "/*.parquet') WHERE decode(key) = 'session_review.run_input.baselines'")
                            .stream()
                            .map(r -> r.get("v"))
                            .toList(),
                    table);
        }
        JsonNode runInputs =
                new ObjectMapper().readTree(second.resolve("run.json").toFile()).get("run_inputs");
        assertEquals(identity, runInputs.path("baselines").asText());
        assertEquals("none", runInputs.path("codebook").asText());
        assertEquals(
                "none",
                new ObjectMapper()
                        .readTree(out.resolve("run.json").toFile())
                        .path("run_inputs")
                        .path("baselines")
                        .asText());
        List<Map<String, Object>> sources =
                db.query("SELECT session_id, baseline_source FROM " + DuckDb.parquet(second.resolve("sessions")));
        for (Map<String, Object> r : sources) {
            assertTrue(
                    ((String) r.get("baseline_source")).contains("client: stored baseline from baselines.json"),
                    r.toString());
        }
        // every planted episode still stands out against the pooled baseline
        double tolerance = planted.get("onset_tolerance_s").asDouble();
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode e : s.get("client_episodes")) {
                Object found = db.scalar("SELECT count(*) FROM " + DuckDb.parquet(second.resolve("moments"))
                        + " WHERE role = 'client' AND kind = 'anxiety_episode' AND session_id = '"
                        + s.get("session_id").asText() + "' AND abs(start_s - "
                        + e.get("start_s").asDouble() + ") <= " + tolerance);
                assertEquals(1, ((Number) found).intValue(), s.get("session_id").asText() + " " + e.get("start_s"));
            }
        }
    }

    @Test
    void shouldDetectEventsConsistentWithTheWindowsWhenReviewingSampleData() throws Exception {
        // every SCR peak is counted in the windows that contain it: the windows' SCR rates and the scr/ table agree
        Object mismatch = db.scalar(
                "WITH w AS (SELECT session_id, role, start_s, end_s, eda_scr_per_min * (end_s - start_s) / 60 AS n"
                        + " FROM " + t("windows") + " WHERE eda_scr_per_min IS NOT NULL),"
                        + " c AS (SELECT w.session_id, w.role, w.start_s, w.n, count(s.peak_s) AS m FROM w LEFT JOIN "
                        + t("scr")
                        + " s ON s.session_id = w.session_id AND s.role = w.role AND s.peak_s >= w.start_s AND s.peak_s < w.end_s"
                        + " GROUP BY ALL) SELECT count(*) FROM c WHERE abs(n - m) > 1e-6");
        assertEquals(0L, ((Number) mismatch).longValue());
        // the planted EDA contact loss is a masked stretch
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode c : s.get("contact_loss")) {
                Object n = db.scalar("SELECT count(*) FROM " + t("artifacts") + " WHERE session_id = '"
                        + s.get("session_id").asText()
                        + "' AND kind = 'eda_contact_loss' AND start_s <= "
                        + (c.get("start_s").asDouble() + 5)
                        + " AND end_s >= " + (c.get("end_s").asDouble() - 5));
                assertEquals(
                        1L,
                        ((Number) n).longValue(),
                        "contact loss in " + s.get("session_id").asText());
            }
        }
        // device beats and pulse-wave beats both arrive, and heart rate agrees with the planted ~65-80 bpm
        Object bvp = db.scalar("SELECT count(*) FROM " + t("beats") + " WHERE source = 'bvp' AND accepted");
        assertTrue(((Number) bvp).longValue() > 1000, "accepted BVP beats: " + bvp);
        Object hr = db.scalar("SELECT median(hr_bpm) FROM " + t("windows"));
        assertTrue(((Number) hr).doubleValue() > 55 && ((Number) hr).doubleValue() < 95, "median HR " + hr);
    }

    @Test
    void shouldRankTheSafetySessionFirstWhenAnUnansweredSafetyEventIsCoded() throws Exception {
        facts.safetyFirstAndPriorityTiers();
    }

    @Test
    void shouldFindEachPlantedRuptureWithItsOutcomeWhenReviewingSampleData() throws Exception {
        facts.everyRuptureWithItsOutcome();
    }

    @Test
    void shouldReportMissedButNotAnsweredOpportunitiesWhenReviewingSampleData() throws Exception {
        facts.missedButNotAnsweredOpportunities();
    }

    @Test
    void shouldMarkThePlateauClientAndSummariseTraineesWhenReviewingSampleData() throws Exception {
        facts.plateauClientsTraineesAndSynchrony();
    }

    @Test
    void shouldCarryEveryPlantedIntensityAndSignificanceIntoAnnotationsWhenReviewingSampleData() throws Exception {
        // in every format, BORIS included (its codebook maps modifier_1 to intensity): the annotations table holds a
        // significance, or else an intensity, in its significance column
        int checked = 0;
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode a : s.get("annotations")) {
                JsonNode expected = a.has("significance") ? a.get("significance") : a.get("intensity");
                List<Map<String, Object>> rows = db.query("SELECT significance, modifiers FROM " + t("annotations")
                        + " WHERE session_id = '" + s.get("session_id").asText() + "' AND code = '"
                        + a.get("code").asText()
                        + "' AND abs(start_s - " + a.get("start_s").asDouble() + ") < 0.001");
                String where =
                        s.get("session_id").asText() + " " + a.get("code").asText() + " @" + a.get("start_s") + " in "
                                + a.get("file").asText();
                assertEquals(1, rows.size(), where);
                Object value = rows.get(0).get("significance");
                assertEquals(
                        expected == null ? null : expected.asInt(),
                        value == null ? null : ((Number) value).intValue(),
                        where);
                assertEquals(null, rows.get(0).get("modifiers"), where);
                checked++;
            }
        }
        assertTrue(checked >= 40, "annotations checked: " + checked);
        Object dropped =
                db.scalar("SELECT count(*) FROM " + t("rejects") + " WHERE reason LIKE '%outside the allow-list%'");
        assertEquals(0L, ((Number) dropped).longValue(), "no sample modifier is dropped");
    }

    @Test
    void shouldCarryProvenanceInParquetFootersWhenWritingTables() throws Exception {
        List<Map<String, Object>> kv = db.query("SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('"
                + out.resolve("windows") + "/*.parquet')");
        assertTrue(kv.stream().anyMatch(r -> "session_review.version".equals(r.get("k"))), kv.toString());
        assertTrue(kv.stream().anyMatch(r -> "session_review.methods".equals(r.get("k"))), kv.toString());
    }

    /** Every table's footer and run.json list exactly the declared options, under the same keys, with the same values. */
    @Test
    void shouldListEveryDeclaredParameterOnceInFootersAndRunJson() throws Exception {
        Map<String, String> declared = new TreeMap<>(PipelineConfig.defaults().parameters());
        List<String> fixed = List.of(
                "version",
                "commit",
                "flink_version",
                "methods",
                "pseudonym_key",
                "table",
                "table_description",
                "run_input.baselines",
                "run_input.codebook");
        for (String table : List.of("sessions", "windows", "moments", "trainees", "clients", "rejects")) {
            Map<String, String> footer = new TreeMap<>();
            for (Map<String, Object> r :
                    db.query("SELECT DISTINCT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('"
                            + out.resolve(table) + "/*.parquet') WHERE decode(key) LIKE 'session_review.%'")) {
                String k = ((String) r.get("k")).substring("session_review.".length());
                if (!fixed.contains(k) && !k.startsWith("column.")) {
                    footer.put(k, (String) r.get("v"));
                }
            }
            assertEquals(declared, footer, table + " footer");
        }
        JsonNode parameters =
                new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("parameters");
        Map<String, String> fromRun = new TreeMap<>();
        parameters
                .fields()
                .forEachRemaining(e -> fromRun.put(e.getKey(), e.getValue().asText()));
        assertEquals(declared, fromRun, "run.json parameters");
    }
}
