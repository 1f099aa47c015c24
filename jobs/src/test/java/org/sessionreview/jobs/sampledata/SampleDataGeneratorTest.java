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

    @TempDir static Path first;
    @TempDir static Path second;

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
            assertArrayEquals(Files.readAllBytes(first.resolve(f)),
                    Files.readAllBytes(second.resolve(f)), f);
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
            assertTrue(s.get("session_number").isInt() && s.get("session_number").asInt() >= 1);
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
                JsonNode cb = JSON.readTree(dir.resolve(s.get("codebook").asText()).toFile());
                assertEquals("ANX_STR_SIGH", cb.get("labels").get("sigh").asText());
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
                    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new InputSource(new StringReader(text)));
                    assertEquals("3.0", d.getDocumentElement().getAttribute("VERSION"));
                    if (d.getElementsByTagName("MEDIA_DESCRIPTOR").getLength() > 0) {
                        elanWithOrigin++;
                        assertEquals("0", ((org.w3c.dom.Element) d
                                .getElementsByTagName("MEDIA_DESCRIPTOR").item(0))
                                .getAttribute("TIME_ORIGIN"));
                    }
                } else {
                    assertTrue(text.endsWith("\r\n") && !text.replace("\r\n", "").contains("\n"),
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
                for (Path p : walk.filter(q -> q.getFileName().toString().equals(name)).toList()) {
                    assertFalse(Files.readString(p).contains(SampleDataGenerator.NOTE_CANARY
                            + " synthetic note"), "note text leaked into " + p);
                }
            }
        }
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
            assertEquals(E4Csv.text(first.resolve(f)), E4Csv.text(committed.resolve(f)),
                    "stale sample-data file " + f);
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
            return s.filter(p -> Files.isRegularFile(p.resolve("session.json"))).sorted()
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
