package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RejectRawTest {
    @Test
    void shouldKeepNumbersOnlyWhereTheyAreTimesOrAllowedModifierValues() {
        // before: {"start":"[withheld]","code":"RUP_W_MINIMAL","subject":40712}: a record number in rejects/
        assertEquals(
                "{\"start\":\"[withheld]\",\"code\":\"RUP_W_MINIMAL\",\"subject\":\"[withheld]\"}",
                RejectRaw.redact("{\"start\": \"12,5\", \"code\": \"RUP_W_MINIMAL\", \"subject\": 40712}"));
        assertEquals(
                "{\"start\":12.5,\"end\":\"14\",\"duration\":1.5,\"code\":\"[withheld]\",\"actor\":\"[withheld]\","
                        + "\"significance\":\"3\",\"intensity\":\"[withheld]\",\"immediacy\":\"[withheld]\"}",
                RejectRaw.redact(
                        "{\"start\": 12.5, \"end\": \"14\", \"duration\": 1.5, \"code\": 4711, \"actor\": \"40712\","
                                + " \"significance\": 3, \"intensity\": 9, \"immediacy\": true, \"note\": 4711}"));
        String once = RejectRaw.redact("{\"onset\": 3, \"label\": \"ANX_STR_SIGH\", \"role\": 17}");
        assertEquals("{\"onset\":3,\"label\":\"ANX_STR_SIGH\",\"role\":\"[withheld]\"}", once);
        assertEquals(once, RejectRaw.redact(once), "redacting twice gives the same text");
    }

    @Test
    void shouldRedactALineHoldingNotANumberAsTheParserReadsIt() {
        // the parser reads json.dumps' NaN token (NativeNotANumberTest); before, such a rejected
        // line's raw text was withheld whole instead of redacted field by field
        String raw = RejectRaw.redact("{\"start\": 3, \"end\": NaN, \"code\": \"ANX_STR_SIGH\", \"subject\": 40712}");
        assertEquals(true, raw.startsWith("{") && raw.contains("\"start\":3"), raw);
        assertEquals(false, raw.contains("40712"), raw);
    }
}
