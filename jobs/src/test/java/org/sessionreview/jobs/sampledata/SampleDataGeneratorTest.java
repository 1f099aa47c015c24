package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SampleDataGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path first;

    @TempDir
    static Path second;

    @BeforeAll
    static void generateTwice() throws IOException {
        SampleDataGenerator.generate(first, SampleDataGenerator.DEFAULT_SEED);
        SampleDataGenerator.generate(second, SampleDataGenerator.DEFAULT_SEED);
    }

    @Test
    void shouldWriteByteIdenticalFilesWhenTheSeedIsRepeated() throws IOException {
        Set<String> a = relativeFiles(first);
        assertEquals(a, relativeFiles(second));
        assertTrue(a.size() > 80, "files: " + a.size());
        for (String f : a) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
        }
    }

    @Test
    void shouldWriteEveryRequiredSessionJsonField() throws IOException {
        Set<String> offsets = new TreeSet<>();
        for (Path dir : sessionDirs(first)) {
            JsonNode s = JSON.readTree(dir.resolve("session.json").toFile());
            String where = dir.getFileName().toString();
            assertTrue(s.get("session_id").isTextual(), where);
            assertTrue(s.get("therapist_id").isTextual(), where);
            assertTrue(s.get("client_id").asText().matches("C-\\d{4}"), where);
            assertTrue(
                    s.get("session_number").isInt() && s.get("session_number").asInt() >= 1);
            String mediaStart = s.get("media_start").asText();
            assertTrue(mediaStart.matches(".*T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), mediaStart);
            offsets.add(OffsetDateTime.parse(mediaStart).getOffset().getId());
            assertTrue(s.get("duration_s").isInt());
            JsonNode wear = s.get("wearables");
            assertTrue(Files.isDirectory(dir.resolve(wear.get("client").asText())), where);
            if (wear.has("therapist")) {
                assertTrue(Files.isDirectory(dir.resolve(wear.get("therapist").asText())));
            }
            assertTrue(s.get("annotations").size() >= 1);
            for (JsonNode a : s.get("annotations")) {
                assertTrue(Files.isRegularFile(dir.resolve(a.asText())), a.asText());
            }
            if (s.has("codebook")) {
                JsonNode cb =
                        JSON.readTree(dir.resolve(s.get("codebook").asText()).toFile());
                assertEquals("ANX_STR_SIGH", cb.get("labels").get("sigh").asText());
                // BORIS writes the ANX intensity as modifier #1: mapped, it passes the allow-list
                assertEquals("intensity", cb.get("modifiers").get("modifier_1").asText());
            }
            assertTrue(s.get("consent").get("supervision").asBoolean());
            assertTrue(s.get("consent").get("research").isBoolean());
        }
        assertTrue(offsets.containsAll(Set.of("+01:00", "+02:00", "-05:00")), offsets.toString());
    }

    @Test
    void shouldWriteAnnotationFilesInTheirToolsShapes() throws Exception {
        int canaries = 0;
        int elanWithOrigin = 0;
        for (Path dir : sessionDirs(first)) {
            JsonNode s = JSON.readTree(dir.resolve("session.json").toFile());
            for (JsonNode a : s.get("annotations")) {
                Path f = dir.resolve(a.asText());
                String text = Files.readString(f);
                canaries += text.split(SampleDataGenerator.NOTE_CANARY, -1).length - 1;
                if (a.asText().endsWith(".jsonl")) {
                    for (String line : text.split("\n")) {
                        JsonNode o = JSON.readTree(line);
                        assertTrue(o.get("start").isNumber() && o.get("code").isTextual());
                        assertTrue(Set.of("client", "therapist", "dyad")
                                .contains(o.get("actor").asText()));
                    }
                } else if (a.asText().endsWith(".eaf")) {
                    Document d = DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(new InputSource(new StringReader(text)));
                    assertEquals("3.0", d.getDocumentElement().getAttribute("VERSION"));
                    if (d.getElementsByTagName("MEDIA_DESCRIPTOR").getLength() > 0) {
                        elanWithOrigin++;
                        assertEquals(
                                "0",
                                ((org.w3c.dom.Element) d.getElementsByTagName("MEDIA_DESCRIPTOR")
                                                .item(0))
                                        .getAttribute("TIME_ORIGIN"));
                    }
                } else {
                    assertTrue(
                            text.endsWith("\r\n") && !text.replace("\r\n", "").contains("\n"),
                            "BORIS exports use CRLF: " + f);
                    String[] rows = text.split("\r\n");
                    int columns = rows[0].split("\t", -1).length;
                    for (String row : rows) {
                        assertEquals(columns, row.split("\t", -1).length, row);
                    }
                    assertTrue(rows[0].startsWith("Observation id\tObservation date\t"));
                }
            }
        }
        assertTrue(canaries >= 4, "canary notes: " + canaries);
        assertEquals(1, elanWithOrigin);
        for (String name : List.of("session.json", "planted.json", "README.md")) {
            try (Stream<Path> walk = Files.walk(first)) {
                for (Path p : walk.filter(q -> q.getFileName().toString().equals(name))
                        .toList()) {
                    assertFalse(
                            Files.readString(p).contains(SampleDataGenerator.NOTE_CANARY + " synthetic note"),
                            "note text leaked into " + p);
                }
            }
        }
    }

    @Test
    void shouldStateTheReviewFactsInPlantedJson() throws IOException {
        JsonNode p =
                JSON.readTree(first.resolve(SampleDataGenerator.PLANTED_JSON).toFile());
        for (String key :
                List.of("review_rules", "plateau_rule", "plateau_clients", "client_trends", "expected_first_session")) {
            assertTrue(p.has(key), "planted.json lacks " + key);
        }
        assertEquals(List.of("C-0003"), texts(p.get("plateau_clients")));
        String firstSession = p.get("expected_first_session").asText();
        Set<String> outcomes = new TreeSet<>();
        int unansweredSafety = 0;
        int missed = 0;
        int answered = 0;
        for (JsonNode s : p.get("sessions")) {
            String sid = s.get("session_id").asText();
            for (String key : List.of("ruptures", "safety_events", "missed_opportunities", "answered_episodes")) {
                assertTrue(s.get(key).isArray(), sid + " lacks " + key);
            }
            for (JsonNode e : s.get("client_episodes")) {
                assertTrue(e.get("onset_response").get("class").isTextual(), sid);
            }
            for (JsonNode r : s.get("ruptures")) {
                outcomes.add(r.get("class").asText() + ":"
                        + r.get("expected_outcome").asText());
                for (JsonNode m : r.get("markers")) {
                    assertTrue(m.get("significance").isInt(), sid + " marker without significance");
                }
            }
            for (JsonNode e : s.get("safety_events")) {
                if (!e.get("responded").asBoolean()) {
                    unansweredSafety++;
                    assertEquals(firstSession, sid, "the unanswered SAFE event ranks its session first");
                }
            }
            missed += s.get("missed_opportunities").size();
            answered += s.get("answered_episodes").size();
        }
        assertEquals(Set.of("W:resolved", "C:unaddressed"), outcomes);
        assertEquals(1, unansweredSafety);
        assertTrue(missed >= 1 && answered >= 1, missed + " missed, " + answered + " answered");
    }

    /** Every code planted.json's review facts name is in the annotation file it names, at its time. */
    @Test
    void shouldWriteEveryPlantedReviewEventIntoItsAnnotationFile() throws Exception {
        JsonNode p =
                JSON.readTree(first.resolve(SampleDataGenerator.PLANTED_JSON).toFile());
        int checked = 0;
        for (JsonNode s : p.get("sessions")) {
            List<Object[]> expected = new ArrayList<>();
            for (JsonNode r : s.get("ruptures")) {
                r.get("markers").forEach(m -> expected.add(codeAt(m, "start_s")));
                r.get("repairs").forEach(m -> expected.add(codeAt(m, "start_s")));
            }
            s.get("safety_events").forEach(e -> expected.add(codeAt(e, "t_s")));
            for (JsonNode m : s.get("missed_opportunities")) {
                if (m.get("trigger").asText().equals("cue")) {
                    expected.add(codeAt(m, "t_s"));
                }
                if (!m.get("response_code").isNull()) {
                    expected.add(new Object[] {
                        m.get("response_code").asText(),
                        m.get("response_start_s").asDouble()
                    });
                }
            }
            for (JsonNode a : s.get("answered_episodes")) {
                expected.add(new Object[] {
                    a.get("response_code").asText(), a.get("response_start_s").asDouble()
                });
            }
            Path dir = first.resolve(s.get("folder").asText());
            for (Object[] e : expected) {
                String code = (String) e[0];
                double t = (Double) e[1];
                JsonNode ann = null;
                for (JsonNode a : s.get("annotations")) {
                    if (a.get("code").asText().equals(code) && a.get("start_s").asDouble() == t) {
                        ann = a;
                    }
                }
                String where = s.get("session_id").asText() + " " + code + " @" + t;
                assertTrue(ann != null, where + " is not among the planted annotations");
                assertTrue(
                        fileHolds(
                                dir.resolve(ann.get("file").asText()),
                                code,
                                ann.get("label").asText(),
                                t),
                        where + " is not in " + ann.get("file"));
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    private static Object[] codeAt(JsonNode n, String timeKey) {
        return new Object[] {n.get("code").asText(), n.get(timeKey).asDouble()};
    }

    /** Whether an annotation file holds {@code code} (BORIS: its label) starting at {@code t}. */
    private static boolean fileHolds(Path f, String code, String label, double t) throws Exception {
        String text = Files.readString(f);
        String name = f.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            for (String line : text.split("\n")) {
                JsonNode o = JSON.readTree(line);
                if (o.get("code").asText().equals(code) && o.get("start").asDouble() == t) {
                    return true;
                }
            }
            return false;
        }
        if (name.endsWith(".eaf")) {
            Document d = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new InputSource(new StringReader(text)));
            java.util.Map<String, String> slots = new java.util.HashMap<>();
            org.w3c.dom.NodeList ts = d.getElementsByTagName("TIME_SLOT");
            for (int i = 0; i < ts.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) ts.item(i);
                slots.put(e.getAttribute("TIME_SLOT_ID"), e.getAttribute("TIME_VALUE"));
            }
            org.w3c.dom.NodeList al = d.getElementsByTagName("ALIGNABLE_ANNOTATION");
            for (int i = 0; i < al.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) al.item(i);
                if (e.getTextContent().trim().equals(code)
                        && Long.toString(Math.round(t * 1000)).equals(slots.get(e.getAttribute("TIME_SLOT_REF1")))) {
                    return true;
                }
            }
            return false;
        }
        for (String row : text.split("\r\n")) {
            List<String> cells = List.of(row.split("\t", -1));
            if (cells.contains(label)
                    && cells.stream().anyMatch(c -> c.matches("\\d+\\.\\d{3}") && Double.parseDouble(c) == t)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The committed {@code sample-data/} must be what the generator writes with the default
     * seed (compared uncompressed, so a different zlib cannot fail it; README skipped because it
     * records gzip sizes).
     */
    @Test
    void shouldMatchTheCommittedSampleData() throws IOException {
        Path committed = findCommitted();
        Assumptions.assumeTrue(committed != null, "sample-data/ not found");
        Set<String> expected = relativeFiles(first);
        expected.remove("README.md");
        Set<String> actual = relativeFiles(committed);
        actual.remove("README.md");
        assertEquals(expected, actual, "regenerate sample-data (see its README)");
        for (String f : expected) {
            assertEquals(E4Csv.text(first.resolve(f)), E4Csv.text(committed.resolve(f)), "stale sample-data file " + f);
        }
    }

    private static Path findCommitted() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("sample-data");
            if (Files.isRegularFile(candidate.resolve(SampleDataGenerator.PLANTED_JSON))) {
                return candidate;
            }
        }
        return null;
    }

    static List<Path> sessionDirs(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("session.json")))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static Set<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
