package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

/** Other tools' names for the native fields ({@link NativeFieldNames}) and how the parser reads them. */
class NativeFieldNamesTest {
    private final NativeAnnotationParser csv = new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV);
    private final NativeAnnotationParser jsonl = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);

    @Test
    void shouldNormaliseCaseUnitsInBracketsAndSeparators() {
        assertEquals("start_s", NativeFieldNames.normalise(" Start (s) "));
        assertEquals("onset_time", NativeFieldNames.normalise("Onset-Time"));
        assertEquals("begin_time_msec", NativeFieldNames.normalise("Begin Time - msec"));
        assertEquals(Optional.of(new NativeFieldNames.Field("start", 1e-3)), NativeFieldNames.of("Onset_ms"));
        assertEquals(Optional.of(new NativeFieldNames.Field("end", 1.0)), NativeFieldNames.of("Stop (s)"));
        assertEquals(Optional.of(new NativeFieldNames.Field("actor", 1.0)), NativeFieldNames.of("Speaker"));
        assertEquals(Optional.empty(), NativeFieldNames.of("tipo"));
    }

    @Test
    void shouldNotTakeElanHeadedExportColumnsForNativeOnes() {
        // ELAN's "Separate column for each tier" header, with a tier named "Label"
        List<String> elan = List.of("Begin Time - msec", "End Time - msec", "Duration - ss.msec", "Label");
        assertFalse(NativeFieldNames.namesStartAndCode(elan));
        assertTrue(NativeFieldNames.namesStartAndCode(List.of("Onset", "Behavior")));
        assertFalse(NativeFieldNames.namesStartAndCode(List.of("Onset", "Offset")));
    }

    @Test
    void shouldPreferTheContractNameAndRefuseTwoOtherNamesForOneFieldWithoutIt() throws Exception {
        Map<String, NativeFieldNames.Source> r = NativeFieldNames.resolve(List.of("actor", "role", "onset", "code"));
        assertEquals("actor", r.get("actor").written());
        assertEquals("onset", r.get("start").written());
        InvalidRecordException e = assertThrows(
                InvalidRecordException.class, () -> NativeFieldNames.resolve(List.of("onset", "begin", "code")));
        assertEquals(
                "'onset' and 'begin' both give the start: keep one, or name the one to use 'start'", e.getMessage());
    }

    @Test
    void shouldTakeACategoryBesideALabelAsTheFamilyNotAsASecondCode() throws Exception {
        Map<String, NativeFieldNames.Source> r = NativeFieldNames.resolve(List.of("Onset", "Label", "Category"));
        assertEquals("Label", r.get("code").written());
        assertEquals(
                "Behavior",
                NativeFieldNames.resolve(List.of("start", "Behavior", "category"))
                        .get("code")
                        .written());
        assertEquals(
                "category",
                NativeFieldNames.resolve(List.of("start", "category"))
                        .get("code")
                        .written());
        // two strong names stay ambiguous
        assertThrows(
                InvalidRecordException.class, () -> NativeFieldNames.resolve(List.of("start", "label", "behavior")));
        String file = "Onset (s),Label,Category,Speaker\n100,ANX_STR_SIGH,anxiety,client\n";
        ParseResult<RawAnnotation> p = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
        // before: the whole file refused ("'label' and 'category' both give the code")
        assertBalanced(p, 1, 0);
        assertEquals("ANX_STR_SIGH", p.records().get(0).label());
    }

    @Test
    void shouldReadACsvWithOtherNamesSecondsAndDurations() {
        String file = "Onset (s),Duration (s),Label,Speaker,Comment\n"
                + "100,,ANX_STR_SIGH,client,\n"
                + "150,4.5,AFF_CUE,client,she cried\n"
                + "00:03:20,30,INT_VALIDATION,therapist,\n";
        ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
        assertBalanced(r, 3, 0);
        RawAnnotation a = r.records().get(0);
        assertEquals(100, a.startS(), EPS);
        assertNull(a.endS());
        assertEquals("ANX_STR_SIGH", a.label());
        assertEquals("client", a.actorHint());
        assertEquals(Map.of(), a.modifiers(), "the fields taken are no modifiers");
        RawAnnotation b = r.records().get(1);
        assertEquals(154.5, b.endS(), EPS);
        assertEquals("she cried", b.note());
        assertEquals(200, r.records().get(2).startS(), EPS);
        assertEquals(230, r.records().get(2).endS(), EPS);
        assertEquals("therapist", r.records().get(2).actorHint());
    }

    @Test
    void shouldReadADurationInSecWhenTheHeaderSaysSo() {
        String file = "Onset (sec),Duration (sec),Label,Speaker\n754.5,5.5,ANX_STR_SIGH,client\n";
        ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
        assertBalanced(r, 1, 0);
        assertEquals(760.0, r.records().get(0).endS(), EPS);
        assertEquals(Map.of(), r.records().get(0).modifiers(), "the duration is no modifier");
    }

    @Test
    void shouldReadMillisecondColumnsAndCheckAnEndAgainstItsDuration() {
        String file = "onset_ms,offset_ms,duration_ms,behavior\n"
                + "100000,104500,4500,ANX_STR_SIGH\n"
                + "150000,160000,4500,AFF_CUE\n"
                + "01:02,,,AFF_CUE\n";
        ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
        assertBalanced(r, 1, 2);
        assertEquals(100, r.records().get(0).startS(), EPS);
        assertEquals(104.5, r.records().get(0).endS(), EPS);
        assertEquals("end 160.0 and duration 4.5 disagree (start 150.0)", rejectAt(r, 3).reason);
        assertEquals("field onset_ms is in milliseconds but holds a clock time", rejectAt(r, 4).reason);
    }

    @Test
    void shouldRejectTheWholeCsvAtItsHeaderWhenTwoColumnsGiveTheStart() {
        String file = "onset,begin,label\n100,100,ANX_STR_SIGH\n";
        ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
        assertBalanced(r, 0, 1);
        assertTrue(rejectAt(r, 1).reason.startsWith("native CSV header: 'onset' and 'begin' both give the start"));
    }

    @Test
    void shouldRejectTheWholeCsvAtItsHeaderWhenItNamesAColumnTwice() {
        // before: the first "code" column was read and the second ignored
        for (String header : List.of("start,end,code,code,actor", "start,Code,end,code ,actor")) {
            String file = header + "\n100,110,ANX_STR_SIGH,AFF_CUE,client\n";
            ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
            assertBalanced(r, 0, 1);
            assertEquals(
                    "native CSV header: 'code' is named twice (which one is meant is unknown): keep one",
                    rejectAt(r, 1).reason);
        }
    }

    @Test
    void shouldRejectTheWholeCsvAtItsHeaderWhenItNamesAModifierOrOtherColumnTwice() {
        // before: the first significance column was read and the second silently ignored
        Map<String, String> headers = Map.of(
                "start,end,code,actor,significance,Significance",
                "native CSV header: 'significance' repeats the name of column 5 (which one is meant is unknown): keep one",
                "start,code,Jane Roe,jane roe",
                "native CSV header: column 4 repeats the name of column 3 (which one is meant is unknown): keep one");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String file = h.getKey() + "\n12,15.5,RUP_W_MINIMAL,client,,4\n";
            ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1");
            assertBalanced(r, 0, 1);
            assertEquals(h.getValue(), rejectAt(r, 1).reason);
        }
        String blanks = "start,code,,\n12,RUP_W_MINIMAL,,\n"; // empty header cells of a spreadsheet stay fine
        assertBalanced(csv.parse(blanks.getBytes(StandardCharsets.UTF_8), "codes.csv", "s1"), 1, 0);
    }

    @Test
    void shouldReadJsonLinesWithOtherNamesAndRejectOnlyTheAmbiguousRecord() {
        String file = "{\"onset\": 12.5, \"offset\": 15, \"label\": \"AFF_CUE\", \"role\": \"client\"}\n"
                + "{\"time\": 20, \"start_s\": 21, \"label\": \"AFF_CUE\", \"speaker\": \"Helga Canary\", \"comment\": \"x\"}\n"
                + "{\"start\": 30, \"duration\": -1, \"code\": \"AFF_CUE\"}\n";
        ParseResult<RawAnnotation> r = jsonl.parse(file.getBytes(StandardCharsets.UTF_8), "c.jsonl", "s1");
        assertBalanced(r, 1, 2);
        assertEquals(12.5, r.records().get(0).startS(), EPS);
        assertEquals(15, r.records().get(0).endS(), EPS);
        assertEquals("client", r.records().get(0).actorHint());
        assertTrue(rejectAt(r, 2).reason.startsWith("'time' and 'start_s' both give the start"), rejectAt(r, 2).reason);
        assertEquals("duration -1.0 is negative or not a number", rejectAt(r, 3).reason);
        // the rejected records keep what locates them under other tools' names, never a name or a note
        assertEquals(
                "{\"time\":20,\"start_s\":21,\"label\":\"AFF_CUE\",\"speaker\":\"[withheld]\"}",
                RejectRaw.redact(rejectAt(r, 2).raw));
        assertEquals("{\"start\":30,\"duration\":-1,\"code\":\"AFF_CUE\"}", RejectRaw.redact(rejectAt(r, 3).raw));
    }

    @Test
    void shouldDetectATableWithOtherNamesAsNativeCsv() {
        assertEquals(
                Optional.of(AnnotationFormat.NATIVE_CSV),
                AnnotationFormat.detect("codes.csv", "Onset (s);Label;Speaker\n1,5;AFF_CUE;client\n"));
    }
}
