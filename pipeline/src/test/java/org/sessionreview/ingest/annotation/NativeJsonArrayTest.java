package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

/** A JSON array of event objects, as a script's json.dump of a list writes it. */
class NativeJsonArrayTest {
    private final NativeAnnotationParser parser = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);

    private ParseResult<RawAnnotation> parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "codes.json", "s7");
    }

    @Test
    void shouldReadEachElementAsARecordNumberedByItsLine() {
        ParseResult<RawAnnotation> r = parse("""
                [
                  {"start": 100, "code": "ANX_STR_SIGH", "actor": "client"},
                  {
                    "start": 150.5,
                    "end": 170,
                    "code": "RUP_W_DENIAL",
                    "actor": "client"
                  },
                  42,
                  {"start": 200, "code": "AFF_CUE", "actor": {"name": "x"}},
                  {"start": "00:04:00", "code": "INT_VALIDATION", "actor": "therapist"}
                ]
                """);
        assertEquals(5, r.recordsRead());
        assertEquals(
                List.of(2L, 3L, 11L), r.records().stream().map(a -> a.line()).toList());
        assertEquals(
                List.of(100.0, 150.5, 240.0),
                r.records().stream().map(a -> a.startS()).toList());
        assertEquals(170.0, r.records().get(1).endS());
        assertEquals(List.of(9L, 10L), r.rejects().stream().map(x -> x.line).toList());
        assertTrue(
                r.rejects().get(0).reason.contains("not a JSON object"),
                r.rejects().get(0).reason);
        assertTrue(
                r.rejects().get(1).reason.contains("field actor holds a JSON object"),
                r.rejects().get(1).reason);
    }

    @Test
    void shouldRejectTheRestAsOneRecordWhenTheJsonBreaks() {
        ParseResult<RawAnnotation> r = parse("""
                [
                  {"start": 100, "code": "ANX_STR_SIGH", "actor": "client"},
                  {"start": 150, "code": "AFF_CUE" "actor": "client"},
                  {"start": 200, "code": "AFF_CUE", "actor": "client"}
                ]
                """);
        assertEquals(1, r.records().size());
        assertEquals(2, r.recordsRead());
        assertEquals(3L, r.rejects().get(0).line);
        assertTrue(
                r.rejects().get(0).reason.startsWith("not valid JSON at line 3"),
                r.rejects().get(0).reason);
    }

    @Test
    void shouldBeDetectedByItsFirstCharacterWhateverTheFileName() {
        assertEquals(
                Optional.of(AnnotationFormat.NATIVE_JSONL),
                AnnotationFormat.detect("codes.json", "  [{\"start\": 1, \"code\": \"AFF_CUE\"}]"));
        assertEquals(Optional.of(AnnotationFormat.NATIVE_JSONL), AnnotationFormat.detect("codes.txt", "[\n]"));
    }

    @Test
    void shouldRejectARecordGivingAFieldTwiceAndReadTheNext() {
        // before: the tree kept the last "code" (or, differing in case, the first) and no one knew
        NativeAnnotationParser lines = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);
        String jsonl = """
                {"start": 100, "code": "ANX_STR_SIGH", "code": "AFF_CUE", "actor": "client"}
                {"start": 110, "Code": "ANX_STR_SIGH", "code": "AFF_CUE", "actor": "client"}
                {"start": 120, "code": "ANX_STR_SIGH", "Jane Roe": 1, "Jane Roe": 2, "actor": "client"}
                {"start": 130, "code": "ANX_STR_SIGH", "actor": "client"}
                """;
        String array = "[" + String.join(",\n", jsonl.strip().split("\n")) + "]\n";
        for (ParseResult<RawAnnotation> r :
                List.of(lines.parse(jsonl.getBytes(StandardCharsets.UTF_8), "codes.jsonl", "s7"), parse(array))) {
            assertEquals(4, r.recordsRead());
            assertEquals(
                    List.of(130.0), r.records().stream().map(a -> a.startS()).toList());
            assertEquals(
                    List.of(
                            "field code is given twice (which value is meant is unknown)",
                            "field code is given twice (which value is meant is unknown)",
                            "field number 4 of the object (its name is none of the format's, so not quoted) is given"
                                    + " twice (which value is meant is unknown)"),
                    r.rejects().stream().map(x -> x.reason).toList());
            assertEquals(
                    List.of(1L, 2L, 3L), r.rejects().stream().map(x -> x.line).toList());
        }
    }

    @Test
    void shouldReadAListEditedByHandWithACommaBeforeItsEnd() {
        // before: "not valid JSON at line 2, column 60: the rest of the JSON array is not read"
        ParseResult<RawAnnotation> r = parse("""
                [{"start": 300, "code": "ANX_STR_SIGH", "actor": "client"},
                 {"start": 310, "code": "ANX_STR_SIGH", "actor": "client"},]
                """);
        assertEquals(2, r.recordsRead());
        assertEquals(
                List.of(300.0, 310.0), r.records().stream().map(a -> a.startS()).toList());
    }
}
