package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

/**
 * A missing number written as not-a-number, as scripts write one: Python's {@code json.dumps}
 * writes the token {@code NaN} (not JSON, but what {@code float('nan')} becomes), its {@code csv}
 * module and NumPy write {@code nan}, MATLAB and Excel exports {@code NaN}. An optional field so
 * written is missing (a point event's end); a required one is missing, with the reason saying so.
 */
class NativeNotANumberTest {
    private final NativeAnnotationParser jsonl = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);
    private final NativeAnnotationParser csv = new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAnEndWrittenAsNotANumberAsAPointEvent() {
        // before: the first line was "not valid JSON" and the event lost
        String file = "{\"start\": 10.5, \"end\": NaN, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n"
                + "{\"start\": 20, \"end\": 25, \"code\": \"INT_VALIDATION\", \"actor\": \"therapist\"}\n";
        ParseResult<RawAnnotation> r = jsonl.parse(utf8(file), "codes.jsonl", "s1");
        assertBalanced(r, 2, 0);
        assertEquals(10.5, r.records().get(0).startS(), EPS);
        assertNull(r.records().get(0).endS());
        assertEquals(25.0, r.records().get(1).endS(), EPS);

        // before: "field end is not a number" (nan) and "... not a finite number" (NaN)
        for (String nan : new String[] {"nan", "NaN", "NAN", "-nan"}) {
            String table = "start,end,code,actor\n10.5," + nan + ",AFF_CUE,client\n20,25,INT_VALIDATION,therapist\n";
            ParseResult<RawAnnotation> c = csv.parse(utf8(table), "codes.csv", "s1");
            assertBalanced(c, 2, 0);
            assertNull(c.records().get(0).endS(), nan);
        }
    }

    @Test
    void shouldRejectAStartWrittenAsNotANumberAsMissing() {
        String file = "{\"start\": NaN, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n"
                + "{\"start\": Infinity, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n"
                + "{\"start\": 20, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n";
        ParseResult<RawAnnotation> r = jsonl.parse(utf8(file), "codes.jsonl", "s1");
        assertBalanced(r, 1, 2);
        assertEquals("missing required field 'start'", rejectAt(r, 1).reason);
        assertEquals("field start is not a finite number", rejectAt(r, 2).reason);

        ParseResult<RawAnnotation> c = csv.parse(utf8("start,code,actor\nnan,AFF_CUE,client\n"), "c.csv", "s1");
        assertBalanced(c, 0, 1);
        assertEquals("missing required field 'start'", rejectAt(c, 2).reason);
    }

    @Test
    void shouldTakeAnActorOrCodeWrittenAsNotANumberAsMissing() {
        // review of 2026-12-07: actor NaN was the actor hint "NaN" (an unknown actor), code NaN a label
        String file = "{\"start\": 10.5, \"end\": 12, \"code\": \"AFF_CUE\", \"actor\": NaN}\n"
                + "{\"start\": 20, \"code\": NaN, \"actor\": \"client\"}\n";
        ParseResult<RawAnnotation> r = jsonl.parse(utf8(file), "codes.jsonl", "s1");
        assertBalanced(r, 1, 1);
        assertNull(r.records().get(0).actorHint());
        assertEquals("missing required field 'code'", rejectAt(r, 2).reason);

        String table = "start,code,actor\n10.5,AFF_CUE,nan\n20,nan,client\n";
        ParseResult<RawAnnotation> c = csv.parse(utf8(table), "codes.csv", "s1");
        assertBalanced(c, 1, 1);
        assertNull(c.records().get(0).actorHint());
        assertEquals("missing required field 'code'", rejectAt(c, 3).reason);
    }
}
