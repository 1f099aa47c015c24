package org.sessionreview.jobs.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.export.ResearchExport;
import org.sessionreview.export.ResearchPseudonyms;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.jobs.CliRun;
import org.sessionreview.jobs.Paths;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableReader;
import org.sessionreview.parquet.TableSchema;

/**
 * The research export end to end: the sample cohort with mixed research consent and names planted
 * in every free-text place of every input format (folder and file names, session.json fields,
 * JSONL and CSV notes, labels, actors and modifiers, BORIS observation ids, descriptions, coders,
 * subjects, modifiers and comments, ELAN authors, media URLs, tier names, participants and values,
 * a coded BASELINE whose source names its file), reviewed with {@code Main.run}, then exported. The
 * review's own tables carry some of the names (labels, source files, baseline sources: proof that
 * the planting reached the output); the export carries none, in any byte or any cell.
 */
class ResearchExportCliITCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each planted name went; every word of every name is searched for (case-insensitive). */
    static final Map<String, String> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put("session folder name", "Bartholomew Quillfeather");
        PLANTED.put("wearable folder name", "Cordelia Wainwright");
        PLANTED.put("annotation file name", "Desmond Okonkwo");
        PLANTED.put("session.json therapist_name", "Evangeline Thistlewood");
        PLANTED.put("session.json notes", "Fitzgerald Abernathy");
        PLANTED.put("session.json therapist_id", "Gwendolyn Hargreaves");
        PLANTED.put("JSONL note", "Horatio Pennywhistle");
        PLANTED.put("JSONL modifier coder", "Isadora Featherstonehaugh");
        PLANTED.put("JSONL modifier channel", "Jasper Ravenscroft");
        PLANTED.put("JSONL code", "Kestrel Montgomery");
        PLANTED.put("JSONL actor", "Lucinda Marchbanks");
        PLANTED.put("CSV note", "Mortimer Fairweather");
        PLANTED.put("CSV modifier coder", "Nathaniel Brightwater");
        PLANTED.put("CSV code", "Octavia Kingsley");
        PLANTED.put("BORIS observation id", "Percival Ashdown");
        PLANTED.put("BORIS description", "Rosalind Whitaker");
        PLANTED.put("BORIS coder", "Sebastian Crowther");
        PLANTED.put("BORIS comment", "Theodora Fenwick");
        PLANTED.put("BORIS media file name", "Ulysses Hawthorne");
        PLANTED.put("BORIS modifier", "Valentina Moreau");
        PLANTED.put("BORIS subject", "Winifred Stanhope");
        PLANTED.put("BORIS behavior mapped by the codebook (reaches annotations.label)", "Lavinia Blackwood");
        PLANTED.put("ELAN author", "Xavier Lockwood");
        PLANTED.put("ELAN media URL", "Yolanda Prescott");
        PLANTED.put("ELAN tier name and participant", "Zachariah Ellington");
        PLANTED.put("ELAN annotation value", "Agatha Pemberton");
        PLANTED.put("ELAN note tier value", "Beatrix Holloway");
    }

    /** Sessions whose research consent is set to false. */
    static final Set<String> WITHOUT_RESEARCH_CONSENT =
            Set.of("T01-20260309-1000", "T02-20260319-0900", "T01-20260421-1430");

    @TempDir
    static Path tmp;

    static Path cohort;
    static Path keyFile;
    static Path review;
    static Path research;
    /** Raw session id to session date, and to therapist id, of the whole cohort. */
    static final Map<String, String> dates = new TreeMap<>();

    static final Map<String, String> therapists = new TreeMap<>();
    static final Set<String> rawClientIds = new TreeSet<>();
    static String exportStdout;

    @BeforeAll
    static void reviewAndExport() throws Exception {
        cohort = plantedCohort(tmp.resolve("cohort"));
        keyFile = tmp.resolve("pseudonym.key");
        Files.writeString(keyFile, "research-export-itcase-key-0123456789abcdef\n");
        review = tmp.resolve("review-out");
        research = tmp.resolve("research-out");
        assertEquals(
                0,
                run(
                                "review",
                                "--sessions",
                                cohort.toString(),
                                "--out",
                                review.toString(),
                                "--pseudonym-key-file",
                                keyFile.toString(),
                                "--parallelism",
                                "2",
                                "--quiet")
                        .code());
        CliRun export = run(
                "export",
                "--audience",
                "research",
                "--tables",
                review.toString(),
                "--out",
                research.toString(),
                "--pseudonym-key-file",
                keyFile.toString());
        assertEquals(0, export.code(), export.err());
        exportStdout = export.out();
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    // ---------------------------------------------------------------- the planted cohort

    private static String name(String where) {
        return PLANTED.get(where);
    }

    /** sample-data copied to {@code root}, every free-text place holding a planted name. */
    static Path plantedCohort(Path root) throws IOException {
        Files.createDirectories(root);
        List<Path> sessions;
        try (Stream<Path> s = Files.list(Paths.sampleData())) {
            sessions = s.filter(p -> Files.isRegularFile(p.resolve("session.json")))
                    .sorted()
                    .toList();
        }
        for (Path src : sessions) {
            Path dst = root.resolve(src.getFileName() + " " + name("session folder name"));
            copyTree(src, dst);
            plantSession(dst);
        }
        return root;
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void plantSession(Path dir) throws IOException {
        ObjectNode s = (ObjectNode) JSON.readTree(dir.resolve("session.json").toFile());
        String id = s.path("session_id").asText();
        String therapist =
                name("session.json therapist_id") + " " + s.path("therapist_id").asText();
        s.put("therapist_id", therapist);
        s.put("therapist_name", name("session.json therapist_name"));
        s.put("notes", name("session.json notes"));
        therapists.put(id, therapist);
        dates.put(id, s.path("media_start").asText().substring(0, 10));
        rawClientIds.add(s.path("client_id").asText());
        ((ObjectNode) s.path("consent")).put("research", !WITHOUT_RESEARCH_CONSENT.contains(id));

        ObjectNode wearables = (ObjectNode) s.path("wearables");
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = wearables.fields();
                it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> w = it.next();
            String renamed = w.getValue().asText() + " " + name("wearable folder name");
            Files.move(dir.resolve(w.getValue().asText()), dir.resolve(renamed));
            w.setValue(JSON.getNodeFactory().textNode(renamed));
        }
        if (s.has("codebook")) {
            ObjectNode codebook = (ObjectNode)
                    JSON.readTree(dir.resolve(s.path("codebook").asText()).toFile());
            ((ObjectNode) codebook.path("labels"))
                    .put(
                            "sigh with " + name("BORIS behavior mapped by the codebook (reaches annotations.label)"),
                            "ANX_STR_SIGH");
            Files.write(dir.resolve(s.path("codebook").asText()), JSON.writeValueAsBytes(codebook));
        }
        ArrayNode annotations = (ArrayNode) s.path("annotations");
        boolean first = true;
        ArrayNode renamedFiles = JSON.createArrayNode();
        for (com.fasterxml.jackson.databind.JsonNode a : annotations) {
            String file = a.asText();
            plantAnnotations(dir.resolve(file), first && file.endsWith(".jsonl"));
            first = false;
            int dot = file.lastIndexOf('.');
            String renamed = file.substring(0, dot) + " " + name("annotation file name") + file.substring(dot);
            Files.move(dir.resolve(file), dir.resolve(renamed));
            renamedFiles.add(renamed);
        }
        if (id.equals("T01-20260302-1000") || id.equals("T02-20260319-0900")) {
            String csv = "codes " + name("annotation file name") + ".csv";
            Files.writeString(
                    dir.resolve(csv),
                    String.join(
                                    "\n",
                                    "start,end,code,actor,intensity,note,coder",
                                    "250,,AFF_CUE,client,,\"" + name("CSV note") + "\",\"" + name("CSV modifier coder")
                                            + "\"",
                                    "260,,\"" + name("CSV code") + "\",client,,,")
                            + "\n");
            renamedFiles.add(csv);
        }
        s.set("annotations", renamedFiles);
        Files.write(
                dir.resolve("session.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
    }

    private static void plantAnnotations(Path file, boolean codedBaseline) throws IOException {
        String f = file.getFileName().toString();
        if (f.endsWith(".jsonl")) {
            List<String> lines = new ArrayList<>();
            if (codedBaseline) {
                lines.add("{\"start\":120,\"end\":360,\"code\":\"BASELINE\",\"actor\":\"dyad\"}");
            }
            lines.add("{\"start\":200,\"code\":\"AFF_CUE\",\"actor\":\"client\",\"note\":\"" + name("JSONL note")
                    + "\",\"coder\":\"" + name("JSONL modifier coder") + "\",\"channel\":\""
                    + name("JSONL modifier channel") + "\"}");
            lines.add("{\"start\":210,\"code\":\"" + name("JSONL code") + "\",\"actor\":\"client\"}");
            lines.add("{\"start\":220,\"code\":\"AFF_CUE\",\"actor\":\"" + name("JSONL actor") + "\"}");
            Files.writeString(file, Files.readString(file) + String.join("\n", lines) + "\n");
        } else if (f.endsWith(".tsv")) {
            plantBoris(file);
        } else if (f.endsWith(".eaf")) {
            plantElan(file);
        } else {
            throw new IllegalStateException("no planting for " + f);
        }
    }

    private static void plantBoris(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<String, String> set = Map.of(
                "Observation id",
                name("BORIS observation id"),
                "Description",
                name("BORIS description"),
                "coder",
                name("BORIS coder"),
                "Media file name",
                name("BORIS media file name") + ".mp4",
                "Comment",
                name("BORIS comment"),
                "Comment start",
                name("BORIS comment"));
        String lastRow = null;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            for (Map.Entry<String, String> e : set.entrySet()) {
                int c = header.indexOf(e.getKey());
                if (c >= 0 && c < cells.length) {
                    cells[c] = e.getValue();
                }
            }
            int type = header.indexOf("Behavior type");
            int behavior = header.indexOf("Behavior");
            int modifier = header.indexOf("Modifier #1");
            if (type >= 0 && "POINT".equals(cells[type]) && "sigh".equals(cells[behavior])) {
                cells[behavior] =
                        "sigh with " + name("BORIS behavior mapped by the codebook (reaches annotations.label)");
            } else if (type >= 0 && "POINT".equals(cells[type]) && modifier >= 0) {
                cells[modifier] = name("BORIS modifier");
            }
            lines.set(i, String.join("\t", cells));
            lastRow = lines.get(i);
        }
        String[] extra = lastRow.split("\t", -1);
        extra[header.indexOf("Subject")] = name("BORIS subject");
        lines.add(String.join("\t", extra));
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static void plantElan(Path file) throws IOException {
        String eaf = Files.readString(file);
        eaf = eaf.replaceFirst("AUTHOR=\"[^\"]*\"", "AUTHOR=\"" + name("ELAN author") + "\"");
        eaf = eaf.replaceFirst(
                "MEDIA_URL=\"([^\"]*)\"", "MEDIA_URL=\"file:///D:/" + name("ELAN media URL") + "/video.mp4\"");
        String tier = name("ELAN tier name and participant");
        String tiers =
                "    <TIER LINGUISTIC_TYPE_REF=\"affect\" PARTICIPANT=\"" + tier + "\" TIER_ID=\"" + tier + "\">\n"
                        + "        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"p901\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                        + "<ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                        + "    </TIER>\n"
                        + "    <TIER LINGUISTIC_TYPE_REF=\"affect\" PARTICIPANT=\"client\" TIER_ID=\"client-affect-2\">\n"
                        + "        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"p902\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                        + "<ANNOTATION_VALUE>" + name("ELAN annotation value")
                        + "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                        + "    </TIER>\n"
                        + "    <TIER LINGUISTIC_TYPE_REF=\"affect\" PARTICIPANT=\"client\" TIER_ID=\"note\">\n"
                        + "        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"p903\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                        + "<ANNOTATION_VALUE>" + name("ELAN note tier value")
                        + "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                        + "    </TIER>\n";
        int at = eaf.indexOf("    <LINGUISTIC_TYPE ");
        Files.writeString(file, eaf.substring(0, at) + tiers + eaf.substring(at));
    }

    // ---------------------------------------------------------------- checks

    /** Every word of every planted name, the raw session, therapist and client ids, the exact dates. */
    private static Map<String, String> banned() {
        Map<String, String> banned = new LinkedHashMap<>();
        PLANTED.forEach((where, name) -> {
            for (String word : name.split(" ")) {
                banned.put(word.toLowerCase(Locale.ROOT), "planted name (" + where + ")");
            }
        });
        dates.keySet().forEach(id -> banned.put(id.toLowerCase(Locale.ROOT), "raw session id"));
        therapists.values().forEach(t -> banned.put(t.toLowerCase(Locale.ROOT), "raw therapist id"));
        rawClientIds.forEach(c -> banned.put(c.toLowerCase(Locale.ROOT), "raw client id"));
        dates.values().forEach(d -> banned.put(d, "exact session date"));
        return banned;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every distinct STRING cell (and list element) of every table under {@code dir}, lower-cased, with where it is. */
    private static Map<String, String> stringCells(Path dir) {
        Map<String, String> cells = new TreeMap<>(); // "table.column\u0000value" -> table.column
        for (TableSchema<?> t : OutputTables.ALL) {
            for (Map<String, Object> row : TableReader.read(dir, t.name()).rows()) {
                row.forEach((col, v) -> {
                    List<?> values = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
                    for (Object x : values) {
                        if (x instanceof String str) {
                            cells.put(
                                    t.name() + "." + col + "\u0000" + str.toLowerCase(Locale.ROOT),
                                    t.name() + "." + col);
                        }
                    }
                });
            }
        }
        return cells;
    }

    @Test
    void thePlantedNamesReachTheReviewTablesSoTheExportChecksMeanSomething() {
        Map<String, String> cells = stringCells(review);
        Set<String> found = new TreeSet<>();
        banned().forEach((word, why) -> cells.forEach((cell, where) -> {
            if (cell.contains(word)) {
                found.add(where + " <- " + why);
            }
        }));
        assertTrue(found.stream().anyMatch(f -> f.startsWith("annotations.label")), "labels: " + found);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("annotations.source_file")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("sessions.baseline_source")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("baselines.source")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("sessions.therapist_id")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("rejects.")), found.toString());
        List<Map<String, Object>> rejects = TableReader.read(review, "rejects").rows();
        Set<String> rejectedFormats = rejects.stream()
                .map(r -> (String) r.get("source_file"))
                .map(f -> f.substring(f.lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(
                rejectedFormats.containsAll(Set.of("jsonl", "csv", "tsv", "eaf")),
                "every format's planted bad record was read and rejected: " + rejects);
        Set<String> codes = TableReader.read(review, "annotations").rows().stream()
                .map(r -> (String) r.get("source_file"))
                .map(f -> f.substring(f.lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(codes.containsAll(Set.of("jsonl", "csv", "tsv", "eaf")), "every planted file was read: " + codes);
    }

    @Test
    void shouldExportOnlyTheSessionsWithResearchConsent() {
        ResearchPseudonyms p = new ResearchPseudonyms(Pseudonymizer.fromText(readKey(), "test"));
        Set<String> expected = dates.keySet().stream()
                .filter(id -> !WITHOUT_RESEARCH_CONSENT.contains(id))
                .map(p::session)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(5, expected.size());
        List<Map<String, Object>> sessions =
                TableReader.read(research, "sessions").rows();
        assertEquals(expected.size(), sessions.size());
        assertEquals(
                expected,
                sessions.stream()
                        .map(r -> (String) r.get("session_id"))
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(sessions.stream().allMatch(r -> Boolean.TRUE.equals(r.get("consent_research"))));
        for (String table : ResearchExport.tableNames()) {
            for (Map<String, Object> row : TableReader.read(research, table).rows()) {
                if (row.containsKey("session_id")) {
                    assertTrue(
                            expected.contains(row.get("session_id")), table + " holds a session that is not exported");
                }
            }
        }
        assertFalse(TableReader.read(research, "windows").rows().isEmpty());
        assertFalse(TableReader.read(research, "annotations").rows().isEmpty());
        assertTrue(exportStdout.contains("5 of 8 sessions"), exportStdout);

        int traineeSessions = TableReader.read(research, "trainees").rows().stream()
                .filter(r -> "all".equals(r.get("period")))
                .mapToInt(r -> (Integer) r.get("sessions"))
                .sum();
        assertEquals(5, traineeSessions, "trainees recomputed from the exported sessions only");
        assertEquals(5, TableReader.read(research, "clients").rows().size());
        assertFalse(Files.exists(research.resolve("rejects")));
    }

    @Test
    void shouldReplaceEveryIdentifierByAConsistentKeyedPseudonym() {
        ResearchPseudonyms p = new ResearchPseudonyms(Pseudonymizer.fromText(readKey(), "test"));
        Set<String> therapistPseudonyms =
                therapists.values().stream().map(p::therapist).collect(Collectors.toSet());
        Map<String, Map<String, Object>> sessions = TableReader.read(research, "sessions").rows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("session_id"), r -> r));
        for (String raw : dates.keySet()) {
            Map<String, Object> row = sessions.get(p.session(raw));
            if (WITHOUT_RESEARCH_CONSENT.contains(raw)) {
                assertEquals(null, row);
                continue;
            }
            assertNotNull(row, raw);
            assertEquals(p.therapist(therapists.get(raw)), row.get("therapist_id"));
            assertTrue(((String) row.get("client_key")).matches("c_[0-9a-f]{16}"));
            LocalDate d = LocalDate.parse(dates.get(raw));
            assertEquals(
                    String.format(
                            Locale.ROOT,
                            "%04d-W%02d",
                            d.get(IsoFields.WEEK_BASED_YEAR),
                            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    row.get("session_week"),
                    "session_date coarsened to the ISO week");
        }
        for (Map<String, Object> r : TableReader.read(research, "baselines").rows()) {
            String person = (String) r.get("person");
            assertTrue(
                    person.matches("client:c_[0-9a-f]{16}")
                            || therapistPseudonyms.contains(person.substring("therapist:".length())),
                    person);
        }
        for (String table : List.of("trainees", "clients")) {
            for (Map<String, Object> r : TableReader.read(research, table).rows()) {
                assertTrue(therapistPseudonyms.contains(r.get("therapist_id")), table);
            }
        }
        Set<String> baselineSources = TableReader.read(research, "sessions").rows().stream()
                .map(r -> (String) r.get("baseline_source"))
                .collect(Collectors.toSet());
        assertTrue(baselineSources.stream().anyMatch(s -> s.contains("coded_baseline")), baselineSources.toString());
    }

    @Test
    void noPlantedNameRawIdOrExactDateInAnyByteOrCellOfTheExport() throws IOException {
        Map<String, String> banned = banned();
        List<String> leaks = new ArrayList<>();
        for (Path f : files(research)) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            banned.forEach((word, why) -> {
                if (text.contains(word)) {
                    leaks.add(research.relativize(f) + " holds " + why + ": " + word);
                }
            });
        }
        stringCells(research)
                .forEach((cell, where) -> banned.forEach((word, why) -> {
                    if (cell.contains(word)) {
                        leaks.add(where + " holds " + why + ": " + word);
                    }
                }));
        assertEquals(List.of(), leaks);
    }

    @Test
    void noAbsoluteTimeAndNoFreeTextColumnIsExported() {
        for (String table : ResearchExport.tableNames()) {
            for (Path f : TableReader.files(research.resolve(table))) {
                Map<String, String> footer = TableReader.footer(f);
                List<String> columns = footer.keySet().stream()
                        .filter(k -> k.startsWith("session_review.column."))
                        .map(k -> k.substring("session_review.column.".length()))
                        .toList();
                assertFalse(columns.isEmpty(), table);
                for (String c : columns) {
                    assertFalse(
                            c.endsWith("_utc")
                                    || c.equals("session_date")
                                    || c.equals("flag_reasons")
                                    || c.equals("evidence")
                                    || c.equals("label")
                                    || c.equals("source_file"),
                            table + "." + c);
                }
            }
            for (Map<String, Object> row : TableReader.read(research, table).rows()) {
                assertTrue(row.keySet().stream().noneMatch(k -> k.endsWith("_utc")), table);
                Object modifiers = row.get("modifiers");
                assertTrue(
                        modifiers == null || ((String) modifiers).matches("[a-z_]+=[a-z0-9_]+(;[a-z_]+=[a-z0-9_]+)*"),
                        String.valueOf(modifiers));
            }
        }
    }

    @Test
    void everyFooterNamesTheAudienceAndTheRulesAndKeepsTheMethods() {
        for (String table : ResearchExport.tableNames()) {
            List<Path> files = TableReader.files(research.resolve(table));
            assertEquals(1, files.size(), table);
            Map<String, String> footer = TableReader.footer(files.get(0));
            assertEquals("research", footer.get("session_review.export.audience"), table);
            assertTrue(footer.get("session_review.export.rules").contains("consent_research"), table);
            assertEquals("site key", footer.get("session_review.export.pseudonym_key"));
            assertNotNull(footer.get("session_review.methods"), table);
            assertNotNull(footer.get("session_review.version"), table);
            assertNotNull(footer.get("session_review.trends.client.last_n"), table);
        }
    }

    /** Byte-identical within one JVM (across JVMs parquet-java may order a column's encoding list differently). */
    @Test
    void shouldWriteTheSameBytesAgainAndReplaceAPreviousExport() throws IOException {
        Path again = tmp.resolve("research-again");
        assertEquals(
                0,
                run(
                                "export",
                                "--audience",
                                "research",
                                "--tables",
                                review.toString(),
                                "--out",
                                again.toString(),
                                "--pseudonym-key-file",
                                keyFile.toString(),
                                "--quiet")
                        .code());
        for (String table : ResearchExport.tableNames()) {
            assertArrayEquals(
                    Files.readAllBytes(research.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    Files.readAllBytes(again.resolve(table).resolve(ResearchExport.FILE_NAME)),
                    table);
        }
        CliRun replace = run(
                "export",
                "--audience",
                "research",
                "--tables",
                review.toString(),
                "--out",
                again.toString(),
                "--pseudonym-key-file",
                keyFile.toString(),
                "--quiet");
        assertEquals(0, replace.code(), replace.err());
        CliRun beside = run(
                "export",
                "--audience",
                "research",
                "--tables",
                review.toString(),
                "--out",
                tmp.resolve("cohort").toString(),
                "--allow-demo-key");
        assertEquals(2, beside.code(), "a folder holding other things is refused");
    }

    @Test
    void duckDbReadsTheExportAndJoinsTablesOnThePseudonymousSessionId() throws Exception {
        try (org.sessionreview.jobs.DuckDb db = new org.sessionreview.jobs.DuckDb()) {
            Object joined = db.scalar("SELECT count(*) FROM "
                    + org.sessionreview.jobs.DuckDb.parquet(research.resolve("moments")) + " m JOIN "
                    + org.sessionreview.jobs.DuckDb.parquet(research.resolve("sessions")) + " s USING (session_id)");
            assertEquals((long) TableReader.read(research, "moments").rows().size(), ((Number) joined).longValue());
            Map<String, String> types =
                    db.describe(org.sessionreview.jobs.DuckDb.parquet(research.resolve("sessions")));
            assertEquals("VARCHAR", types.get("session_week"));
            assertFalse(types.containsKey("media_start_utc"));
        }
    }

    private static String readKey() {
        try {
            return Files.readString(keyFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
