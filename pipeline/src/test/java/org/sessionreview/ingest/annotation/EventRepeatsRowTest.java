package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;

/** {@link EventRepeats}, scope ROW: an event a file holds twice counts once; the repeat is a reject naming the line it repeats. */
class EventRepeatsRowTest {
    private static ParseResult<RawAnnotation> read(String name, String text) throws IOException {
        return AnnotationReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, name, "s1");
    }

    @Test
    void shouldCountARowPastedTwiceOnce() throws IOException {
        ParseResult<RawAnnotation> r = read(
                "codes.csv",
                "start,end,code,actor,significance,note\n"
                        + "12.5,,sigh,client,,\n"
                        + "40,55,withdrawal_denial,client,2,first\n"
                        + "12.5,,sigh,client,,\n"
                        + "40,55,withdrawal_denial,client,2,pasted again with another note\n");
        // before: 4 accepted, so the sigh and the withdrawal marker each counted twice
        assertBalanced(r, 2, 2);
        assertEquals(
                List.of(2L, 3L), r.records().stream().map(RawAnnotation::line).toList());
        Reject sigh = rejectAt(r, 4);
        assertEquals("s1", sigh.sessionId);
        assertEquals("codes.csv", sigh.sourceFile);
        assertEquals(
                "the same event as line 2 (same start, end, code, actor and modifiers): a file holds each event"
                        + " once, so the repeat is not counted",
                sigh.reason);
        assertNull(sigh.raw);
        Reject marker = rejectAt(r, 5);
        assertEquals(true, marker.reason.startsWith("the same event as line 3 "), marker.reason);
        assertFalse(marker.reason.contains("note"), "the note is never quoted");
    }

    @Test
    void shouldKeepEventsThatDifferInAnythingTheReviewReads() throws IOException {
        ParseResult<RawAnnotation> r = read(
                "codes.csv",
                "start,end,code,actor,significance\n"
                        + "40,55,withdrawal_denial,client,2\n"
                        + "40,55,withdrawal_denial,client,3\n" // another modifier value
                        + "40,55.001,withdrawal_denial,client,2\n" // another end
                        + "40,55,withdrawal_denial,therapist,2\n" // another actor
                        + "40,,withdrawal_denial,client,2\n" // a point event at the same start
                        + "40.001,55,withdrawal_denial,client,2\n"); // another start
        assertBalanced(r, 6, 0);
    }

    @Test
    void shouldCountAJsonLinesRecordGivenTwiceOnce() throws IOException {
        ParseResult<RawAnnotation> r = read(
                "events.jsonl",
                "{\"start\": 3.0, \"code\": \"sigh\", \"actor\": \"client\"}\n"
                        + "{\"start\": 3.0, \"code\": \"sigh\", \"actor\": \"client\"}\n"
                        + "{\"start\": 3.0, \"code\": \"sigh\", \"actor\": \"client\"}\n");
        assertBalanced(r, 1, 2);
        assertEquals(2, rejectAt(r, 2).line);
        assertEquals(true, rejectAt(r, 3).reason.startsWith("the same event as line 1 "));
    }
}
