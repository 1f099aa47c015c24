package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;

/**
 * Takes an event that one annotation file holds twice once: a record with the same start, end,
 * label, actor (and the other names of both) and modifiers as an earlier record of the same file
 * is rejected, with the line of the record it repeats.
 *
 * <p><b>Why.</b> No coding tool writes one event twice: ELAN refuses overlapping annotations on a
 * tier and BORIS cannot start a state that is already running, so two identical rows in one file
 * come from a copy and paste in a spreadsheet, an export appended to itself or a merge of two
 * exports. Counting both would double a cue, a safety event or a missed opportunity at the same
 * instant. Records that differ in anything the review uses (a time to the millisecond, the tier
 * they come from, a modifier) are different events and both kept. The free-text note is not
 * compared (it never reaches an output) and is never quoted; the reason names only line numbers.
 *
 * <p>Records read = accepted + rejected still holds: the repeat moves from the accepted records to
 * the rejects.
 */
final class RepeatedEvents {
    private RepeatedEvents() {}

    /** What identifies an event for this rule: every field the review reads, the note aside. */
    private record Key(
            double startS,
            Double endS,
            String label,
            List<String> altLabels,
            String actorHint,
            List<String> altActorHints,
            Map<String, String> modifiers,
            Map<String, List<String>> altModifierValues) {
        static Key of(RawAnnotation a) {
            return new Key(
                    a.startS(),
                    a.endS(),
                    a.label(),
                    a.altLabels(),
                    a.actorHint(),
                    a.altActorHints(),
                    a.modifiers(),
                    a.altModifierValues());
        }
    }

    /**
     * Moves every repeat of an earlier record of {@code parsed} to its rejects, in file order.
     *
     * @param parsed one file's parse result, changed in place
     * @param sourceName the file's name as recorded in rejects
     * @param sessionId the session id copied into rejects (may be null)
     */
    static void rejectRepeats(ParseResult<RawAnnotation> parsed, String sourceName, String sessionId) {
        Map<Key, Long> first = new HashMap<>();
        List<Reject> repeats = new ArrayList<>();
        List<RawAnnotation> kept = new ArrayList<>(parsed.records().size());
        for (RawAnnotation a : parsed.records()) {
            Long earlier = first.putIfAbsent(Key.of(a), a.line());
            if (earlier == null) {
                kept.add(a);
            } else {
                repeats.add(new Reject(
                        sessionId,
                        sourceName,
                        a.line(),
                        "the same event as line " + earlier
                                + " (same start, end, code, actor and modifiers): a file holds each event once,"
                                + " so the repeat is not counted",
                        null));
            }
        }
        if (!repeats.isEmpty()) {
            // one pass, not a removal per repeat: an export appended to itself may hold a million
            parsed.records().clear();
            parsed.records().addAll(kept);
            parsed.rejects().addAll(repeats);
        }
    }
}
