package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sessionreview.model.Annotation;

class AnnotationRangeTest {
    private static Annotation at(double start, Double end, long line) {
        Annotation a = new Annotation();
        a.sessionId = "S";
        a.code = "ANX_STR_SIGH";
        a.startS = start;
        a.endS = end;
        a.sourceFile = "s/codes.jsonl";
        a.sourceLine = line;
        return a;
    }

    @Test
    void shouldRejectAnnotationsPastTheDurationPlusToleranceWhenTheDurationIsKnown() {
        ParseResult<Annotation> in = new ParseResult<>();
        in.addRead(4);
        in.accept(at(100, 110.0, 1));
        in.accept(at(99_999, null, 2));
        in.accept(at(1_190, 1_229.0, 3)); // ends within 1200 + 30
        in.accept(at(1_190, 1_231.0, 4));
        ParseResult<Annotation> out = AnnotationRange.check(in, AnnotationRange.limitS(1_200.0, null));
        assertEquals(2, out.records().size());
        assertEquals(4, out.recordsRead());
        assertEquals(2, out.rejects().size());
        assertEquals(2, out.rejects().get(0).line);
        assertTrue(
                out.rejects().get(0).reason.contains("start at 99999.0 s lies outside the session (0 to 1230 s"),
                out.rejects().get(0).reason);
        assertTrue(
                out.rejects().get(1).reason.startsWith("end at 1231.0 s"),
                out.rejects().get(1).reason);
    }

    @Test
    void shouldWriteAHugeTimeShortSoThatTheReasonKeepsItsPointWhenAValueIsDamaged() {
        ParseResult<Annotation> in = new ParseResult<>();
        in.addRead(2);
        in.accept(at(1e308, null, 1));
        in.accept(at(100, 1e12, 2));
        ParseResult<Annotation> out = AnnotationRange.check(in, AnnotationRange.limitS(1_560.0, null));
        // before: "start at 1000...0.0 s" (309 digits), cut at the reason's length before "outside"
        assertEquals(
                "start at 1.000e+308 s lies outside the session (0 to 1590 s, duration plus 30 s tolerance)",
                out.rejects().get(0).reason);
        assertEquals(
                "end at 1.000e+12 s lies outside the session (0 to 1590 s, duration plus 30 s tolerance)",
                out.rejects().get(1).reason);
    }

    @Test
    void shouldAskWhetherTimesAreInMillisecondsWhenAllWouldFitAtAThousandth() {
        ParseResult<Annotation> in = new ParseResult<>();
        in.addRead(3);
        in.accept(at(95_000, 101_500.0, 1));
        in.accept(at(310_000, null, 2));
        in.accept(at(1_100_000, 1_150_000.0, 3));
        ParseResult<Annotation> out = AnnotationRange.check(in, AnnotationRange.limitS(1_200.0, null));
        assertEquals(0, out.records().size());
        assertEquals(3, out.rejects().size());
        for (var r : out.rejects()) {
            assertTrue(r.reason.endsWith("milliseconds? Seconds are expected"), r.reason);
            assertTrue(r.reason.length() <= org.sessionreview.model.Reject.REASON_MAX_CHARS, r.reason);
        }

        // one annotation inside the session: a typing error elsewhere, not a unit
        in.accept(at(100, 110.0, 4));
        in.addRead(1);
        out = AnnotationRange.check(in, AnnotationRange.limitS(1_200.0, null));
        assertEquals(1, out.records().size());
        assertTrue(out.rejects().stream().noneMatch(r -> r.reason.contains("milliseconds")));

        // past the session even at a thousandth: no hint
        ParseResult<Annotation> far = new ParseResult<>();
        far.addRead(2);
        far.accept(at(5_000_000, null, 1));
        far.accept(at(6_000_000, null, 2));
        assertTrue(AnnotationRange.check(far, AnnotationRange.limitS(1_200.0, null)).rejects().stream()
                .noneMatch(r -> r.reason.contains("milliseconds")));
    }

    @Test
    void shouldBoundByTheRecordingOrADayWhenNoDurationIsDeclared() {
        assertEquals(630, AnnotationRange.limitS(null, 600.0));
        assertEquals(86_400, AnnotationRange.limitS(null, null));
        assertEquals(86_400, AnnotationRange.limitS(null, 90_000.0));
    }
}
