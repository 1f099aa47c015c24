package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;

/**
 * A JSON Lines file pretty-printed object by object, as {@code jq . codes.jsonl > codes.json} or
 * Python's {@code json.dumps(o, indent=2)} per event writes it: read as the records it holds, not
 * rejected line by line.
 */
class NativeJsonSequenceTest {
    private final NativeAnnotationParser parser = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);

    private ParseResult<RawAnnotation> parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "codes.json", "s7");
    }

    @Test
    void shouldReadEachPrettyPrintedObjectAsARecordNumberedByItsFirstLine() {
        ParseResult<RawAnnotation> r = parse("""

                {
                  "start": 100,
                  "code": "ANX_STR_SIGH",
                  "actor": "client",
                  "note": "Jane said her brother..."
                }
                {
                  "start": 150.5,
                  "end": 170,
                  "code": "RUP_W_DENIAL",
                  "actor": "client"
                }
                [1, 2]
                {
                  "start": 200,
                  "code": "AFF_CUE",
                  "actor": {"name": "x"}
                }
                {"start": "00:04:00", "code": "INT_VALIDATION", "actor": "therapist"}
                """);
        assertEquals(5, r.recordsRead());
        assertEquals(
                List.of(2L, 8L, 20L), r.records().stream().map(a -> a.line()).toList());
        assertEquals(
                List.of(100.0, 150.5, 240.0),
                r.records().stream().map(a -> a.startS()).toList());
        assertEquals(170.0, r.records().get(1).endS());
        assertEquals(List.of(14L, 15L), r.rejects().stream().map(x -> x.line).toList());
        assertTrue(
                r.rejects().get(0).reason.contains("value is not a JSON object"),
                r.rejects().get(0).reason);
        assertTrue(
                r.rejects().get(1).reason.contains("field actor holds a JSON object"),
                r.rejects().get(1).reason);
        for (Reject x : r.rejects()) {
            assertFalse((x.reason + x.raw).contains("Jane"), x.toString());
        }
    }

    @Test
    void shouldRejectTheRestAsOneRecordWhenTheJsonBreaks() {
        ParseResult<RawAnnotation> r = parse("""
                {
                  "start": 100,
                  "code": "ANX_STR_SIGH",
                  "actor": "client"
                }
                {
                  "start": 150,
                  "code": "AFF_CUE"
                  "actor": "client"
                }
                {
                  "start": 200,
                  "code": "AFF_CUE",
                  "actor": "client"
                }
                """);
        assertEquals(1, r.records().size());
        assertEquals(2, r.recordsRead());
        assertEquals(9L, r.rejects().get(0).line);
        assertTrue(
                r.rejects().get(0).reason.startsWith("not valid JSON at line 9")
                        && r.rejects().get(0).reason.endsWith("the rest of the file is not read"),
                r.rejects().get(0).reason);
    }

    @Test
    void shouldStillReadJsonLinesLineByLine() {
        ParseResult<RawAnnotation> r = parse("""
                {"start": 100, "code": "ANX_STR_SIGH", "actor": "client"}
                {"start": 150, "code": "AFF_CUE" "actor": "client"}
                {"start": 200, "code": "AFF_CUE", "actor": "client"}
                """);
        assertEquals(3, r.recordsRead());
        assertEquals(List.of(1L, 3L), r.records().stream().map(a -> a.line()).toList());
        assertEquals(List.of(2L), r.rejects().stream().map(x -> x.line).toList());
    }
}
