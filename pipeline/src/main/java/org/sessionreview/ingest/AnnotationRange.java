package org.sessionreview.ingest;

import java.util.Locale;
import org.sessionreview.ingest.annotation.EventRepeats;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;

/**
 * Rejects annotations that lie outside the session: a coded event must start and end within
 * {@code [0, duration + }{@value #TOLERANCE_S}{@code  s]}, where the duration is {@code
 * duration_s} of {@code session.json} or, when that is absent, the span of the wearable
 * recordings. The tolerance allows for a video a little longer than the declared or recorded
 * span (coders code to the end of the video). Without either (no duration, no wearable data) an
 * annotation may lie anywhere up to {@value #MAX_SESSION_S} s (24 h), the longest plausible
 * session. An annotation at 99,999 s in a 20-minute session is a typing error, never a moment to
 * review at "1666:39". (Negative times are rejected by the parsers.)
 */
public final class AnnotationRange {
    /** Seconds an annotation may extend past the session's duration. */
    static final double TOLERANCE_S = 30;
    /** Upper bound when the session's duration is unknown, seconds. */
    static final double MAX_SESSION_S = org.sessionreview.ingest.session.SessionManifest.MAX_DURATION_S;

    /** Fewest annotations of a file for the milliseconds hint. */
    static final int MIN_FOR_UNIT_HINT = 2;

    static final String MILLISECONDS_HINT =
            "; all of this file's annotations lie past it and would fit at 1/1000 of their times:"
                    + " milliseconds? Seconds are expected";

    private AnnotationRange() {}

    /** The latest time an annotation may reach, seconds from media start. */
    public static double limitS(Double declaredDurationS, Double recordedS) {
        if (declaredDurationS != null) {
            return declaredDurationS + TOLERANCE_S;
        }
        if (recordedS != null && recordedS > 0) {
            return Math.min(recordedS + TOLERANCE_S, MAX_SESSION_S);
        }
        return MAX_SESSION_S;
    }

    /** Why {@code a} lies outside a session that ends at {@code limitS}; null when it does not. */
    public static String outside(Annotation a, double limitS) {
        if (a.endOrStartS() <= limitS) {
            return null;
        }
        double at = a.endOrStartS();
        // a damaged 1e308 printed with %.1f is 311 characters, and the reason was cut before its point;
        // a time just past the limit keeps the digits that show it past (630.0004 s, not 630.0 s)
        String time = at >= 1e9
                ? String.format(Locale.ROOT, "%.3e", at)
                : Double.parseDouble(String.format(Locale.ROOT, "%.1f", at)) > limitS
                        ? String.format(Locale.ROOT, "%.1f", at)
                        : Double.toString(at);
        return String.format(
                Locale.ROOT,
                "%s at %s s lies outside the session (0 to %.0f s, duration plus %.0f s tolerance)",
                a.endS != null && a.endS > limitS ? "end" : "start",
                time,
                limitS,
                TOLERANCE_S);
    }

    /**
     * A copy of {@code in} with the annotations past {@code limitS} moved to the rejects. When
     * every annotation of the file (at least {@value #MIN_FOR_UNIT_HINT} distinct events, {@link
     * EventRepeats#distinctEvents}) lies past the limit and
     * all would lie within it at a thousandth of their times, each reason adds {@value
     * #MILLISECONDS_HINT}: a file written in milliseconds where seconds are expected.
     */
    static ParseResult<Annotation> check(ParseResult<Annotation> in, double limitS) {
        ParseResult<Annotation> out = new ParseResult<>();
        out.addRead(in.recordsRead());
        in.rejects().forEach(out::reject);
        // distinct events: one event written twice (CL and client) is past the session twice
        // (review of 2026-12-07: it alone gave the hint)
        boolean milliseconds = EventRepeats.distinctEvents(in.records()) >= MIN_FOR_UNIT_HINT
                && in.records().stream().allMatch(a -> a.endOrStartS() > limitS && a.endOrStartS() / 1000 <= limitS);
        for (Annotation a : in.records()) {
            String problem = outside(a, limitS);
            if (problem != null) {
                out.reject(new Reject(
                        a.sessionId,
                        a.sourceFile,
                        a.sourceLine,
                        problem + (milliseconds ? MILLISECONDS_HINT : ""),
                        null));
            } else {
                out.accept(a);
            }
        }
        out.rejects().sort(java.util.Comparator.comparingLong(r -> r.line));
        return out;
    }
}
