package org.sessionreview.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form of the live messages: round trips, and a reason for every record that is not one. */
class LiveJsonTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static LiveMessage parse(String json) {
        return LiveJson.parse(b("S1"), b(json));
    }

    @Test
    void shouldRoundTripEachType() {
        LiveMessage start = new LiveMessage();
        start.type = LiveMessage.SESSION_START;
        start.sessionId = "S1";
        start.therapistId = "T1";
        start.clientKey = "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff";
        start.sessionNumber = 3;
        start.mediaStart = "2026-03-02T10:00:00+01:00";
        start.durationS = 3000.0;
        start.consentSupervision = true;
        start.wearers = List.of("client", "therapist");
        start.multiPartWearers = List.of("client");
        start.metadataJson = "{\"site\":\"A\",\"n\":[1,2]}";
        LiveMessage s = LiveJson.parse(b("S1"), LiveJson.write(start));
        assertNull(s.problem);
        assertEquals("T1", s.therapistId);
        assertEquals("c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff", s.clientKey);
        assertEquals(3000.0, s.durationS);
        assertTrue(s.consentSupervision);
        assertFalse(s.consentResearch);
        assertEquals(List.of("client", "therapist"), s.wearers);
        // review's coverage reason words a wearer listed in parts differently: live must know it
        assertEquals(List.of("client"), s.multiPartWearers);
        assertEquals(
                "multi_part_wearers must list declared wearers, each once",
                LiveJson.parse(
                                b("S1"),
                                new String(LiveJson.write(start), java.nio.charset.StandardCharsets.UTF_8)
                                        .replace(
                                                "\"multi_part_wearers\":[\"client\"]",
                                                "\"multi_part_wearers\":[\"dyad\"]")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .problem);
        assertEquals(start.metadataJson, s.metadataJson);

        LiveMessage acc = new LiveMessage();
        acc.type = LiveMessage.SAMPLES;
        acc.sessionId = "S1";
        acc.wearer = "client";
        acc.channel = "ACC";
        acc.streamStartMillis = 1000;
        acc.startMillis = 1000 + 1000;
        acc.firstIndex = 32;
        acc.rateHz = 32;
        acc.values = new double[] {1, 2, 3, Double.NaN, 5, 6};
        LiveMessage a = LiveJson.parse(b("S1"), LiveJson.write(acc));
        assertNull(a.problem);
        assertArrayEquals(acc.values, a.values, 0.0);
        assertTrue(Double.isNaN(a.values[3]), "null is a missing sample");
        assertEquals(32, a.firstIndex);

        LiveMessage ibi = new LiveMessage();
        ibi.type = LiveMessage.SAMPLES;
        ibi.sessionId = "S1";
        ibi.wearer = "therapist";
        ibi.channel = "IBI";
        ibi.streamStartMillis = 1000;
        ibi.startMillis = 31_000;
        ibi.spanS = 1;
        ibi.firstIndex = 40;
        ibi.offsetsS = new double[] {30.1, 30.9};
        ibi.values = new double[] {0.8, 0.8};
        LiveMessage i = LiveJson.parse(b("S1"), LiveJson.write(ibi));
        assertNull(i.problem, i.problem);
        assertArrayEquals(ibi.offsetsS, i.offsetsS, 0.0);
    }

    @Test
    void shouldSayWhyARecordIsNotAMessageWithoutQuotingIt() {
        assertEquals("not JSON (at line 1, column 2)", LiveJson.parse(b("S1"), b("{x")).problem);
        assertEquals("empty record", LiveJson.parse(b("S1"), new byte[0]).problem);
        assertEquals("not a JSON object", parse("[1]").problem);
        LiveMessage pii = parse("{\"type\":\"session_start\",\"session_id\":\"S1\",\"client_id\":\"Jane Doe\"}");
        assertTrue(pii.problem.contains("raw client identifier"), pii.problem);
        assertFalse(pii.problem.contains("Jane"), "the identifier is never quoted");
        assertEquals(
                "the record key is not the session_id (a session's messages must share one key)",
                LiveJson.parse(b("S2"), b("{\"type\":\"session_end\",\"session_id\":\"S1\"}")).problem);
        LiveMessage nap = parse("{\"type\":\"Jane Doe\",\"session_id\":\"S1\"}");
        assertTrue(nap.problem.startsWith("unknown type"), nap.problem);
        assertNull(nap.type, "an unknown type is input text: the reject's reason does not start with it");
        assertEquals(
                "values must hold whole samples (3 value(s) each)",
                parse("{\"type\":\"samples\",\"session_id\":\"S1\","
                                + "\"wearer\":\"client\",\"channel\":\"ACC\",\"stream_start_ms\":0,\"start_ms\":0,\"first_index\":0,"
                                + "\"rate_hz\":32,\"values\":[1,2]}")
                        .problem);
        assertEquals(
                "values[1] is not a finite number or null",
                parse("{\"type\":\"samples\",\"session_id\":\"S1\","
                                + "\"wearer\":\"client\",\"channel\":\"EDA\",\"stream_start_ms\":0,\"start_ms\":0,\"first_index\":0,"
                                + "\"rate_hz\":4,\"values\":[1,\"x\"]}")
                        .problem);
        assertEquals(
                "offsets_s must rise and lie within [start_ms, start_ms + span_s)",
                parse("{\"type\":\"samples\","
                                + "\"session_id\":\"S1\",\"wearer\":\"client\",\"channel\":\"IBI\",\"stream_start_ms\":0,\"start_ms\":0,"
                                + "\"first_index\":0,\"span_s\":1,\"offsets_s\":[5.0],\"values\":[0.8]}")
                        .problem);
        assertEquals(
                "media_start is not an ISO-8601 date-time with offset",
                parse("{\"type\":\"session_start\","
                                + "\"session_id\":\"S1\",\"therapist_id\":\"T\",\"client_key\":\"c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff\",\"session_number\":1,"
                                + "\"media_start\":\"yesterday\",\"wearers\":[]}")
                        .problem);
        assertEquals(
                "end_s must be a number not before start_s",
                parse(
                                "{\"type\":\"event\",\"session_id\":\"S1\","
                                        + "\"code\":\"ANX_STR_SIGH\",\"family\":\"ANX\",\"actor\":\"client\",\"start_s\":5,\"end_s\":4}")
                        .problem);
    }

    @Test
    void shouldRefuseAClientKeyThatIsNoPseudonym() {
        // before: any text was taken, and a raw name sent as client_key reached every table and page
        for (String key :
                new String[] {"Jane Doe 1970-01-01", "k", "C0FFEE".repeat(11).substring(0, 64)}) {
            String json = "{\"type\":\"session_start\",\"session_id\":\"S1\",\"therapist_id\":\"T\","
                    + "\"client_key\":\"" + key + "\",\"session_number\":1,"
                    + "\"media_start\":\"2026-03-02T10:00:00+01:00\",\"wearers\":[]}";
            String problem = parse(json).problem;
            assertEquals("client_key is not a keyed pseudonym (64 lower-case hex digits, HMAC-SHA256)", problem);
        }
    }

    @Test
    void shouldRefuseAMediaStartOrAnIbiSpanThatWouldBreakTheJob() {
        // found by the live audit: each crash-looped the whole job (long overflow; out of memory)
        String start = "{\"type\":\"session_start\",\"session_id\":\"S1\",\"therapist_id\":\"T\","
                + "\"client_key\":\"c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff\",\"session_number\":1,"
                + "\"media_start\":\"%s\",\"wearers\":[]}";
        assertEquals(
                "media_start is in the year 999999999, no plausible date of a recorded session (1990 to 2099"
                        + " expected): a mistyped year?",
                parse(String.format(start, "+999999999-12-31T00:00:00Z")).problem);
        // the bounds of session.json (before: 1970-2200 live, 1990-2099 in files)
        assertEquals(
                "media_start is in the year 1989, no plausible date of a recorded session (1990 to 2099"
                        + " expected): a mistyped year?",
                parse(String.format(start, "1989-12-31T23:59:59Z")).problem);
        assertEquals(
                "media_start is in the year 2100, no plausible date of a recorded session (1990 to 2099"
                        + " expected): a mistyped year?",
                parse(String.format(start, "2100-01-01T00:00:00Z")).problem);
        assertNull(parse(String.format(start, "1990-01-01T00:00:00Z")).problem);
        assertNull(parse(String.format(start, "2026-03-02T10:00:00+01:00")).problem);
        String ibi = "{\"type\":\"samples\",\"session_id\":\"S1\",\"wearer\":\"client\",\"channel\":\"IBI\","
                + "\"stream_start_ms\":0,\"start_ms\":0,\"first_index\":0,\"span_s\":%s,\"offsets_s\":[],\"values\":[]}";
        assertEquals(
                "span_s is longer than 60 s (one message covers about a second)",
                parse(String.format(ibi, "1.0e7")).problem);
        assertNull(parse(String.format(ibi, "60")).problem);
    }
}
