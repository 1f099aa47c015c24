package org.sessionreview.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableReader;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.parquet.Tables;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.trends.TraineeTable;

class ResearchExportTest {
    private static final Pseudonymizer KEY = Pseudonymizer.fromText("research-export-test-key-0123456789", "test");
    private static final String NAME = "Adaeze Okonkwo";

    @TempDir
    Path dir;

    private static SessionRow session(String id, String therapist, String date, boolean research) {
        SessionRow r = new SessionRow();
        r.sessionId = id;
        r.therapistId = therapist;
        r.clientKey = "k" + id.hashCode();
        r.sessionNumber = 2;
        r.sessionDate = date;
        r.mediaStartMillis = java.time.LocalDate.parse(date).toEpochDay() * 86_400_000L + 36_000_000L;
        r.durationS = 1800;
        r.anxietyEpisodes = 1;
        r.anxietyTimeS = 200.0;
        r.flagged = true;
        r.priority = 10;
        r.flagReasons = List.of("1 safety event named by " + NAME);
        r.consentResearch = research;
        r.baselineSource = "client: coded BASELINE 120-360 s (" + NAME + "/a.jsonl line 3)";
        r.missedOpportunitySensitivity = "5s=0/1;10s=0/1";
        r.missingChannels = List.of("therapist:TEMP");
        return r;
    }

    private <T> void write(TableSchema<T> schema, List<T> rows) throws Exception {
        Path t = Files.createDirectories(dir.resolve("in").resolve(schema.name()));
        Files.deleteIfExists(t.resolve("part-1.parquet"));
        Map<String, String> provenance = Map.of(
                "version",
                "9.9",
                "methods",
                "m",
                "pseudonym_key",
                "site key",
                "trends.client.last_n",
                "4",
                "input_path",
                "/home/" + NAME + "/sessions");
        try (ParquetWriter<T> w =
                ParquetTables.writer(schema, provenance, new LocalOutputFile(t.resolve("part-1.parquet")))) {
            for (T r : rows) {
                w.write(r);
            }
        }
    }

    private List<SessionRow> sessions() {
        return List.of(
                session("T01-20260302-1000", "T01", "2026-03-02", true),
                session("T01-20260309-1000", "T01", "2026-03-09", false),
                session("T02-20260319-0900", "T02", "2026-03-19", true));
    }

    private void writeInputs(String modifiers) throws Exception {
        write(Tables.SESSIONS, sessions());
        List<MomentRow> moments = new ArrayList<>();
        for (SessionRow s : sessions()) {
            MomentRow m = new MomentRow();
            m.sessionId = s.sessionId;
            m.kind = "anxiety_episode";
            m.role = "client";
            m.startS = 600;
            m.endS = 700;
            m.startMillis = s.mediaStartMillis + 600_000;
            m.severity = 3;
            m.evidence = "client arousal, " + NAME;
            moments.add(m);
        }
        write(Tables.MOMENTS, moments);
        Annotation a = new Annotation();
        a.sessionId = "T02-20260319-0900";
        a.code = "ANX_STR_SIGH";
        a.family = "ANX";
        a.actor = "client";
        a.startS = 12;
        a.modifiers = modifiers;
        a.label = "sigh (" + NAME + ")";
        a.sourceFile = "T02-20260319-0900_" + NAME + "/codes.jsonl";
        a.sourceLine = 4;
        write(Tables.ANNOTATIONS, List.of(a));
        BaselineRow b = new BaselineRow();
        b.sessionId = "T02-20260319-0900";
        b.role = "therapist";
        b.person = "therapist:T02";
        b.sessionNumber = 2;
        b.sessionDate = "2026-03-19";
        b.feature = "hr_bpm";
        b.windows = 40;
        b.source = "coded BASELINE 120-360 s (" + NAME + "/a.jsonl line 3)";
        write(Tables.BASELINES, List.of(b));
        write(Tables.REJECTS, List.of(new Reject("T01-20260302-1000", NAME + "/x.csv", 3, "bad", NAME)));
    }

    private ResearchExport.Result export(Path out) throws Exception {
        Files.createDirectories(out);
        return ResearchExport.export(dir.resolve("in"), out, KEY);
    }

    @Test
    void shouldExportOnlyConsentedSessionsUnderPseudonymsWithWeeksAndNoFreeText() throws Exception {
        writeInputs("significance=3");
        Path out = dir.resolve("out");
        ResearchExport.Result result = export(out);
        assertEquals(3, result.sessionsRead());
        assertEquals(2, result.sessionsExported());
        assertFalse(Files.exists(out.resolve("rejects")), "rejects are not exported");

        ResearchPseudonyms p = new ResearchPseudonyms(KEY);
        Set<String> expected = Set.of(p.session("T01-20260302-1000"), p.session("T02-20260319-0900"));
        List<Map<String, Object>> sessions = TableReader.read(out, "sessions").rows();
        assertEquals(expected, sessions.stream().map(r -> r.get("session_id")).collect(Collectors.toSet()));
        assertEquals(
                Set.of(p.therapist("T01"), p.therapist("T02")),
                sessions.stream().map(r -> r.get("therapist_id")).collect(Collectors.toSet()));
        assertEquals(
                Set.of("2026-W10", "2026-W12"),
                sessions.stream().map(r -> r.get("session_week")).collect(Collectors.toSet()));
        Map<String, Object> s = sessions.get(0);
        assertFalse(s.containsKey("media_start_utc") || s.containsKey("session_date") || s.containsKey("flag_reasons"));
        assertEquals("client: coded_baseline", s.get("baseline_source"));
        assertEquals(List.of("therapist:TEMP"), s.get("missing_channels"));

        List<Map<String, Object>> moments = TableReader.read(out, "moments").rows();
        assertEquals(
                expected,
                moments.stream().map(r -> r.get("session_id")).collect(Collectors.toSet()),
                "moments joined to the exported sessions by the same pseudonyms");
        assertFalse(moments.get(0).containsKey("evidence") || moments.get(0).containsKey("start_utc"));
        assertEquals(600.0, moments.get(0).get("start_s"), "relative seconds stay");

        Map<String, Object> a = TableReader.read(out, "annotations").rows().get(0);
        assertEquals("significance=3", a.get("modifiers"));
        assertFalse(a.containsKey("label") || a.containsKey("source_file") || a.containsKey("source_line"));

        Map<String, Object> b = TableReader.read(out, "baselines").rows().get(0);
        assertEquals("therapist:" + p.therapist("T02"), b.get("person"));
        assertEquals("coded_baseline", b.get("source"));
        assertEquals("2026-W12", b.get("session_week"));

        for (String table : result.tables()) {
            for (Path f : TableReader.files(out.resolve(table))) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String banned : List.of(
                        NAME, "Okonkwo", "T01-20260302", "T02-20260319", "T01-20260309", "2026-03-19", "/home/")) {
                    assertFalse(bytes.contains(banned), f + " holds " + banned);
                }
                Map<String, String> footer = TableReader.footer(f);
                assertEquals("research", footer.get("session_review.export.audience"), f.toString());
                assertTrue(footer.get("session_review.export.rules").contains("consent_research"), f.toString());
                assertEquals("9.9", footer.get("session_review.version"), "the review's provenance stays");
                assertFalse(
                        footer.containsKey("session_review.input_path"), "only allow-listed footer keys are copied");
            }
        }
    }

    @Test
    void shouldRecomputeTheTraineeTableFromConsentedSessionsOnly() throws Exception {
        writeInputs(null);
        write(TrendTables.TRAINEES, TraineeTable.rows(sessions()));
        Path out = dir.resolve("out");
        export(out);
        ResearchPseudonyms p = new ResearchPseudonyms(KEY);
        List<Map<String, Object>> trainees = TableReader.read(out, "trainees").rows();
        Map<String, Object> t01all = trainees.stream()
                .filter(r -> r.get("therapist_id").equals(p.therapist("T01"))
                        && r.get("period").equals("all"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, t01all.get("sessions"), "T01's session without research consent does not count");
        List<Map<String, Object>> clients = TableReader.read(out, "clients").rows();
        assertEquals(2, clients.size());
        assertTrue(clients.stream().allMatch(r -> ((String) r.get("client_key")).matches("c_[0-9a-f]{16}")));
    }

    @Test
    void recomputedTrendTablesEqualTheReviewsOwnWhenEverySessionConsents() throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        List<SessionRow> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SessionRow s = session(
                    String.format("T0%d-202603%02d-1000", i % 3, i + 1),
                    "T0" + (i % 3),
                    String.format("2026-0%d-%02d", 3 + i % 2, i + 1),
                    true);
            s.clientKey = "client" + (i % 4);
            s.sessionNumber = 1 + i / 4;
            s.durationS = 1500 + rnd.nextInt(600);
            s.flagged = rnd.nextBoolean();
            s.anxietyEpisodes = rnd.nextInt(4);
            s.anxietyTimeS = (double) rnd.nextInt(400);
            s.peakAnxietyIndex = rnd.nextBoolean() ? null : rnd.nextDouble() * 8;
            s.missedOpportunities = rnd.nextInt(3);
            s.rupturesWithdrawal = rnd.nextInt(2);
            s.rupturesConfrontation = rnd.nextInt(2);
            s.rupturesResolved = rnd.nextInt(2);
            s.rupturesPartial = rnd.nextInt(2);
            s.rupturesUnaddressed = rnd.nextInt(2);
            s.rupturesEscalated = rnd.nextInt(2);
            s.safetyEvents = rnd.nextInt(2);
            s.medianTimeToRepairS = rnd.nextBoolean() ? null : rnd.nextDouble() * 100;
            s.synchronyEs = rnd.nextBoolean() ? null : rnd.nextDouble();
            all.add(s);
        }
        write(Tables.SESSIONS, all);
        write(TrendTables.TRAINEES, TraineeTable.rows(all));
        write(
                TrendTables.CLIENTS,
                org.sessionreview.scoring.trends.ClientTrend.rows(
                        all, org.sessionreview.scoring.trends.TrendConfig.defaults()));
        Path out = dir.resolve("out");
        export(out);
        ResearchPseudonyms p = new ResearchPseudonyms(KEY);
        for (String table : List.of("trainees", "clients")) {
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Map<String, Object> r :
                    TableReader.read(dir.resolve("in"), table).rows()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                r.forEach((k, v) -> {
                    switch (k) {
                        case "therapist_id" -> m.put(k, p.therapist((String) v));
                        case "client_key" -> m.put(k, p.client((String) v));
                        case "session_id" -> m.put(k, p.session((String) v));
                        case "session_date" -> m.put("session_week", IsoWeek.of((String) v));
                        default -> m.put(k, v);
                    }
                });
                expected.add(m);
            }
            expected.sort(ExportColumns.ROW_ORDER);
            assertEquals(expected, TableReader.read(out, table).rows(), table);
        }
    }

    @Test
    void shouldDropModifiersThatAreNotAllAllowed() throws Exception {
        writeInputs("significance=3;coder=" + NAME);
        Path out = dir.resolve("out");
        export(out);
        assertNull(TableReader.read(out, "annotations").rows().get(0).get("modifiers"));
    }

    @Test
    void shouldStopOnAValueOutsideAVocabulary() throws Exception {
        writeInputs(null);
        MomentRow m = new MomentRow();
        m.sessionId = "T02-20260319-0900";
        m.kind = NAME;
        m.evidence = "";
        write(Tables.MOMENTS, List.of(m));
        ExportException e = assertThrows(ExportException.class, () -> export(dir.resolve("out")));
        assertTrue(e.getMessage().contains("moments.kind"), e.getMessage());
        assertFalse(e.getMessage().contains(NAME), "the message quotes no value");
    }

    @Test
    void shouldWriteTheSameBytesInOnePassOrOnePassPerSession() throws Exception {
        writeInputs("significance=3");
        Path one = Files.createDirectories(dir.resolve("one"));
        ResearchExport.export(dir.resolve("in"), one, KEY, Long.MAX_VALUE);
        Path many = Files.createDirectories(dir.resolve("many"));
        ResearchExport.export(dir.resolve("in"), many, KEY, 1);
        for (String table : ResearchExport.tableNames()) {
            assertArrayEquals(
                    Files.readAllBytes(one.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    Files.readAllBytes(many.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    table);
        }
        assertEquals(2, TableReader.read(many, "moments").rows().size());
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheInputOrder() throws Exception {
        writeInputs("significance=3");
        Path a = dir.resolve("a");
        export(a);
        List<SessionRow> reversed = new ArrayList<>(sessions());
        java.util.Collections.reverse(reversed);
        write(Tables.SESSIONS, reversed);
        Path b = dir.resolve("b");
        export(b);
        for (String table : ResearchExport.tableNames()) {
            assertArrayEquals(
                    Files.readAllBytes(a.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    Files.readAllBytes(b.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    table);
        }
    }

    @Test
    void shouldCopyARunInputsSizeAndHashButNotItsFileName() {
        String hash = "ab".repeat(32);
        Map<String, String> footer = Map.of(
                ParquetTables.FOOTER_PREFIX + "version", "0.1.0",
                ParquetTables.FOOTER_PREFIX + "run_input.baselines",
                        "baselines_Mueller.json, 4873 bytes, SHA-256 " + hash,
                ParquetTables.FOOTER_PREFIX + "run_input.codebook", "none",
                ParquetTables.FOOTER_PREFIX + "notes", "never copied");

        Map<String, String> p = ResearchExport.provenance(Tables.SESSIONS, footer, true);

        assertEquals("4873 bytes, SHA-256 " + hash, p.get("run_input.baselines"));
        assertEquals("none", p.get("run_input.codebook"));
        assertEquals("0.1.0", p.get("version"));
        assertFalse(p.containsKey("notes"));
        assertFalse(p.values().stream().anyMatch(v -> v.contains("Mueller")));
    }
}
