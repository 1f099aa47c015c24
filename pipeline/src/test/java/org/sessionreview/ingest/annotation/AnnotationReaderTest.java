package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.testing.SharedData;

class AnnotationReaderTest {
    /** Every real annotation file: expected format, accepted and rejected counts (see the parser tests). */
    private static final Map<String, Object[]> REAL_FILES = Map.of(
            "dyadsync/minutaggi_IM_CC_seduta_01.csv",
            new Object[] {AnnotationFormat.DYADSYNC, 12, 0},
            "dyadsync/minutaggi_IM_CC_seduta_03.csv",
            new Object[] {AnnotationFormat.DYADSYNC, 18, 0},
            "elan/pympi_fto.eaf",
            new Object[] {AnnotationFormat.ELAN_EAF, 7, 0},
            "elan/blabpy_test_eaf.eaf",
            new Object[] {AnnotationFormat.ELAN_EAF, 6, 4},
            "boris/boris9_aggregated_observation2.tsv",
            new Object[] {AnnotationFormat.BORIS_EXPORT, 18, 0},
            "boris/boris9_tabular_modifiers.tsv",
            new Object[] {AnnotationFormat.BORIS_EXPORT, 5, 0},
            "boris/legacy_pre-v8_test_export_events_tabular.tsv",
            new Object[] {AnnotationFormat.BORIS_EXPORT, 4, 0},
            "boris/boris_test.boris",
            // 12 observations, none named after session s1: each is one rejected record (read
            // alone, without a session, 91 events and 1 reject: BorisParserTest)
            new Object[] {AnnotationFormat.BORIS_PROJECT, 0, 12});

    @Test
    void shouldRejectAFileThatHoldsAHeaderButNoCodedEvent() throws IOException {
        String eaf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ANNOTATION_DOCUMENT FORMAT=\"3.0\" VERSION=\"3.0\">\n"
                + "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n<TIME_ORDER/>\n"
                + "<TIER LINGUISTIC_TYPE_REF=\"default\" PARTICIPANT=\"client\" TIER_ID=\"client\"/>\n"
                + "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"default\" TIME_ALIGNABLE=\"true\"/>\n"
                + "</ANNOTATION_DOCUMENT>\n";
        for (Map.Entry<String, String> f :
                Map.of("codes.csv", "start,end,code,actor\n", "empty.eaf", eaf).entrySet()) {
            ParseResult<RawAnnotation> r = AnnotationReader.read(
                    new java.io.ByteArrayInputStream(f.getValue().getBytes(StandardCharsets.UTF_8)),
                    f.getKey(),
                    f.getKey(),
                    "s1");
            // before: read 0, accepted 0, no reject row: the session was "not coded" without a reason
            assertBalanced(r, 0, 1);
            assertEquals(0, r.rejects().get(0).line, f.getKey());
            assertEquals(
                    "the file holds no coded events (a header or an empty coding only)",
                    r.rejects().get(0).reason,
                    f.getKey());
        }
    }

    @Test
    void shouldParseEveryRealAnnotationFileWhenReadThroughTheEntryPoint() throws IOException {
        Path root = SharedData.resolve("annotations");
        Map<String, Path> found = new TreeMap<>();
        for (String dir : List.of("elan", "boris", "dyadsync")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                        .forEach(p -> found.put(dir + "/" + p.getFileName(), p));
            }
        }
        assertEquals(new TreeMap<>(REAL_FILES).keySet(), found.keySet(), "a new real file needs expected values here");
        for (Map.Entry<String, Path> e : found.entrySet()) {
            Object[] expected = REAL_FILES.get(e.getKey());
            String text = RecordFields.utf8(Files.readAllBytes(e.getValue()));
            assertEquals(
                    Optional.of(expected[0]),
                    AnnotationFormat.detect(e.getValue().toString(), text),
                    e.getKey());
            ParseResult<RawAnnotation> r = AnnotationReader.read(e.getValue(), e.getKey(), "s1");
            assertBalanced(r, (Integer) expected[1], (Integer) expected[2]);
            assertTrue(r.records().stream().allMatch(a -> a.sourceFile().equals(e.getKey())));
            assertTrue(r.rejects().stream().allMatch(x -> "s1".equals(x.sessionId) && x.sourceFile.equals(e.getKey())));
        }
    }

    @Test
    void shouldReadGzipTransparentlyWhenFileIsCompressed(@TempDir Path dir) throws IOException {
        byte[] eaf = AnnotationFixtures.resource("fixture_v30.eaf");
        Path plain = Files.write(dir.resolve("f.eaf"), eaf);
        Path gz = Files.write(dir.resolve("f.eaf.gz"), AnnotationFixtures.gzip(eaf));
        assertEquals(
                AnnotationReader.read(plain, "f").records(),
                AnnotationReader.read(gz, "f").records());

        byte[] project = AnnotationFixtures.shared("annotations/boris/boris_test.boris");
        Path boris = Files.write(dir.resolve("p.boris.gz"), AnnotationFixtures.gzip(project));
        assertBalanced(AnnotationReader.read(boris, "p.boris.gz"), 91, 1);

        byte[] jsonl = AnnotationFixtures.resource("native_mixed.jsonl");
        Path codes = Files.write(dir.resolve("codes.jsonl.gz"), AnnotationFixtures.gzip(jsonl));
        ParseResult<RawAnnotation> r = AnnotationReader.read(codes, "codes.jsonl.gz", "s2");
        assertBalanced(r, 3, 8);
        assertEquals("s2", r.rejects().get(0).sessionId);
    }

    @Test
    void shouldKeepTheCompleteLinesOfATruncatedGzip(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            jsonl.append("{\"start\": ").append(i * 1.5).append(", \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n");
        }
        byte[] gz = AnnotationFixtures.gzip(jsonl.toString().getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("codes.jsonl.gz"), Arrays.copyOf(gz, gz.length * 6 / 10));
        ParseResult<RawAnnotation> r = AnnotationReader.read(cut, "codes.jsonl.gz", "s1");
        // before: an EOFException, and the whole file was one reject
        long kept = r.records().size();
        assertTrue(kept > 500 && kept < 2000, kept + " records");
        assertBalanced(r, kept, 1);
        assertEquals(kept + 1, r.rejects().get(0).line);
        assertEquals(
                "gzip data truncated or corrupt at line " + (kept + 1) + ": the rest of the file is not read",
                r.rejects().get(0).reason);
        assertEquals((kept - 1) * 1.5, r.records().get((int) kept - 1).startS(), 1e-9, "the last line read whole");
    }

    @Test
    void shouldUseNoLineOfAGzipWhoseCompressedDataAreCorrupt(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            jsonl.append("{\"start\": ").append(i * 1.5).append(", \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n");
        }
        byte[] gz = AnnotationFixtures.gzip(jsonl.toString().getBytes(StandardCharsets.UTF_8));
        // the deflate data (after the 10-byte header), the last deflate byte, the trailer's CRC-32
        for (int at : new int[] {12, gz.length / 3, gz.length / 2, gz.length * 9 / 10, gz.length - 9, gz.length - 7}) {
            byte[] damaged = gz.clone();
            damaged[at] ^= 0x01;
            Path file = Files.write(dir.resolve("codes.jsonl.gz"), damaged);
            ParseResult<RawAnnotation> r = AnnotationReader.read(file, "codes.jsonl.gz", "s1");
            // before: the lines before the damage were kept, and those decoded after it read
            assertBalanced(r, 0, 1);
            assertEquals(0, r.rejects().get(0).line, "byte " + at);
            assertTrue(
                    r.rejects().get(0).reason.startsWith("compressed data damaged: ")
                            && r.rejects().get(0).reason.endsWith("; none of its lines is used"),
                    r.rejects().get(0).reason);
        }
    }

    @Test
    void shouldKeepTheLinesOfASmallGzipCutInsideItsTrailer(@TempDir Path dir) throws IOException {
        byte[] jsonl = ("{\"start\": 1.5, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n"
                        + "{\"start\": 4.0, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] gz = AnnotationFixtures.gzip(jsonl);
        // the last byte of the trailer lost: the data are whole, only the check is gone (before: its
        // last 8 bytes read as a trailer near the decoded length, taken for a run-on: 0 records)
        byte[] empty = AnnotationFixtures.gzip(new byte[0]);
        byte[] withEmptyMember = Arrays.copyOf(gz, gz.length + empty.length);
        System.arraycopy(empty, 0, withEmptyMember, gz.length, empty.length);
        for (byte[] file :
                List.of(Arrays.copyOf(gz, gz.length - 1), Arrays.copyOf(withEmptyMember, withEmptyMember.length - 1))) {
            Path cut = Files.write(dir.resolve("codes.jsonl.gz"), file);
            ParseResult<RawAnnotation> r = AnnotationReader.read(cut, "codes.jsonl.gz", "s1");
            assertBalanced(r, 2, 1);
            assertEquals(4.0, r.records().get(1).startS(), 1e-9);
            assertEquals(
                    "gzip data truncated or corrupt at line 3: the rest of the file is not read",
                    r.rejects().get(0).reason);
        }
        // a whole file ending in an empty member (cat a.gz empty.gz) reads whole
        ParseResult<RawAnnotation> whole = AnnotationReader.read(
                Files.write(dir.resolve("codes.jsonl.gz"), withEmptyMember), "codes.jsonl.gz", "s1");
        assertBalanced(whole, 2, 0);
    }

    @Test
    void shouldSayOnceThatAGzipCutBeforeItsFirstLineEndsIsTruncatedNotEmpty(@TempDir Path dir) throws IOException {
        String project = "{\"project_name\": \"x\", \"observations\": {\"obs\": {\"type\": \"MEDIA\", \"events\":"
                + " [[10.0, \"client\", \"AFF_CUE\", \"\", \"\"]]}}}";
        byte[] gz = AnnotationFixtures.gzip(project.getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("p.boris.gz"), Arrays.copyOf(gz, gz.length / 2));
        ParseResult<RawAnnotation> r = AnnotationReader.read(cut, "p.boris.gz", "s1");
        // before: two rejects, "the file is empty (no coded events)" and the truncation
        assertBalanced(r, 0, 1);
        assertEquals(1, r.rejects().size());
        assertEquals(1, r.rejects().get(0).line);
        assertEquals(
                "gzip data truncated or corrupt at line 1: no complete line could be read, nothing of the file is read",
                r.rejects().get(0).reason);
    }

    @Test
    void shouldSayAnEmptyFileIsEmpty(@TempDir Path dir) throws IOException {
        for (String text : List.of("", "\n \n", "\uFEFF")) {
            Path f = Files.writeString(dir.resolve("codes.jsonl"), text);
            ParseResult<RawAnnotation> r = AnnotationReader.read(f, "codes.jsonl", "s1");
            assertBalanced(r, 0, 1);
            assertEquals("the file is empty (no coded events)", r.rejects().get(0).reason);
        }
    }

    @Test
    void shouldDetectFormatFromContentWhenNameIsUninformative() {
        String tabular = RecordFields.utf8(AnnotationFixtures.shared("annotations/boris/boris9_tabular_modifiers.tsv"));
        String eaf = RecordFields.utf8(AnnotationFixtures.resource("fixture_v30.eaf"));
        assertEquals(Optional.of(AnnotationFormat.BORIS_EXPORT), AnnotationFormat.detect("export.csv", tabular));
        assertEquals(Optional.of(AnnotationFormat.ELAN_EAF), AnnotationFormat.detect("session.xml", eaf));
        assertEquals(
                Optional.of(AnnotationFormat.NATIVE_CSV),
                AnnotationFormat.detect("codes.csv", "Start,End,Code\n1,2,AFF_CUE\n"));
        assertEquals(
                Optional.of(AnnotationFormat.NATIVE_JSONL),
                AnnotationFormat.detect("codes.txt", "{\"start\": 1, \"code\": \"AFF_CUE\"}\n"));
        assertEquals(
                Optional.of(AnnotationFormat.BORIS_PROJECT),
                AnnotationFormat.detect("project.json", "{\"behaviors_conf\": {}, \"observations\": {}}"));
        assertEquals(Optional.of(AnnotationFormat.NATIVE_JSONL), AnnotationFormat.detect("x.JSONL.GZ", ""));
        assertEquals(Optional.empty(), AnnotationFormat.detect("notes.txt", "Dear diary,\n"));
        assertEquals(Optional.empty(), AnnotationFormat.detect("x.xml", "<html></html>"));
    }

    @Test
    void shouldRejectWholeFileWhenFormatIsUnknown(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "Dear diary,\nsession went well\n");
        ParseResult<RawAnnotation> r = AnnotationReader.read(f, "notes.txt", "s1");
        assertBalanced(r, 0, 1);
        assertEquals(0, r.rejects().get(0).line);
        assertTrue(r.rejects().get(0).reason.startsWith("unrecognised annotation format"));
        assertFalse(r.rejects().get(0).raw != null && r.rejects().get(0).raw.contains("diary"), "no content quoted");
    }

    @Test
    void shouldSayANativeCsvLostItsHeaderRowInsteadOfReadingItAsAnElanExport(@TempDir Path dir) throws IOException {
        // before: read as an ELAN tab export, the actor column ignored and the point event refused
        // with "field end is not in the SECONDS format"
        for (String rows : List.of(
                "62.5,70.0,ANX_STR_SIGH,therapist,she sighed\n80,,INT_PRESSURE,therapist,\n",
                "62.5,,ANX_STR_SIGH,Client,\n80,90,INT_PRESSURE,therapist,\n",
                "01:02.5;01:10;ANX_STR_SIGH;dyad\n")) {
            Path f = Files.writeString(dir.resolve("codes.csv"), rows);
            ParseResult<RawAnnotation> r = AnnotationReader.read(f, "codes.csv", "s1");
            assertBalanced(r, 0, 1);
            String reason = r.rejects().get(0).reason;
            assertTrue(
                    reason.startsWith("no header row: the first row starts with a time and names the actor"), reason);
            assertTrue(reason.contains("start,end,code,actor"), reason);
            assertFalse(reason.contains("sighed") || reason.contains("ANX_STR_SIGH"), "no content quoted: " + reason);
        }
        // an ELAN tab export keeps its participant before the times, and is still read
        Path elan = Files.writeString(dir.resolve("export.txt"), "client-codes\tclient\t62.5\t70.0\t7.5\tsigh\n");
        ParseResult<RawAnnotation> r = AnnotationReader.read(elan, "export.txt", "s1");
        assertBalanced(r, 1, 0);
        assertEquals(62.5, r.records().get(0).startS(), 1e-9);
        // so is one without the tier columns whose first value is a role name (a turn tier), with or
        // without the duration column: the role name comes right after a time
        for (String turns : List.of("62.5\t70.0\tclient\n80.0\t85.0\tsigh\n", "62.5\t70.0\t7.5\tclient\n")) {
            Path t = Files.writeString(dir.resolve("turns.txt"), turns);
            ParseResult<RawAnnotation> rt = AnnotationReader.read(t, "turns.txt", "s1");
            assertTrue(
                    rt.rejects().stream().noneMatch(x -> x.reason.startsWith("no header row")),
                    rt.rejects().toString());
            assertEquals(62.5, rt.records().get(0).startS(), 1e-9);
        }
    }
}
