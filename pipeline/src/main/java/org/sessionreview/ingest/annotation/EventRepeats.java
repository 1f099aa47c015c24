package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;

/**
 * The one rule that a coded event repeats an earlier one and is counted once: the repeat moves
 * from the accepted records to the rejects, with a reason naming where the event was first read,
 * so that records read = accepted + rejected still holds for every file.
 *
 * <p><b>The event.</b> Two events are one when they agree in every field the review reads
 * ({@link Key}): start and end to the millisecond (the rules compare times in whole milliseconds),
 * canonical code, actor, significance (an {@code ANX_*} cue's intensity) and the admitted
 * modifiers. The label as written and the free-text note are not compared (neither reaches a
 * rule; the note is never quoted).
 *
 * <p><b>Scope</b>, in the order ingest applies it:
 *
 * <ol>
 *   <li>{@link Scope#ROW}, within one file, before codes and actors are read ({@link
 *       #rejectRepeatedRows}, from {@link AnnotationReader}): a record that is written as an
 *       earlier record of the file (every field a parser gives, times as read, the note aside) is
 *       a repeat, so that a row pasted twice is one reject even when the row cannot be read (an
 *       unknown code rejected once, its copy a repeat).
 *   <li>{@link Scope#READ}, within one file, once codes and actors are read ({@link InFile}, from
 *       {@link AnnotationNormalizer#normalizeAll}): the same {@link Key} as an accepted event of
 *       the file written another way ({@code CL} and {@code client}, {@code int-challenge-defense}
 *       and {@code INT_CHALLENGE_DEFENSE}, 145 and 145.0004 s, times that round to the same
 *       millisecond). A record whose code or actor cannot be read is no event here, nor is an
 *       event past the session's end (the range check rejects it later): only events within the
 *       session are compared, so that a real event is never the repeat of one rejected as past
 *       the session (review of 2026-12-07: 629.9996 s was dropped as the repeat of 630.0004 s in
 *       a session ending at 630 s, and both were lost).
 *   <li>{@link Scope#LISTED}, across the annotation files one session lists, in their order
 *       ({@link InSession}, from session ingest after the range check): the {@link Key} of an
 *       event a file listed earlier accepted (one coding listed in two formats, an {@code .eaf}
 *       and its tab export; two coders' identical events); an event it rejected, past the
 *       session, is none. These rejects follow the file's other rejects.
 * </ol>
 *
 * <p><b>Reasons</b> ({@link #reason}) start with where the first copy was read ("the same event
 * as line 12", "the same event as coder1/s1.eaf line 12", the folder both files share left out),
 * so that a long path cut at {@link Reject#REASON_MAX_CHARS} keeps the file and line. They quote
 * no input text.
 *
 * <p>Live sessions do not apply this rule: an event sent with {@code source_file} is taken as that
 * file's line, and {@code replay} sends only what this rule accepted.
 */
public final class EventRepeats {
    private EventRepeats() {}

    /** Where an event's first copy was read, and what the repeat's reason says about it. */
    public enum Scope {
        /** The same row written again in one file. */
        ROW(" (same start, end, code, actor and modifiers): a file holds each event once, so the repeat is not"
                + " counted"),
        /** The same event of one file, written another way. */
        READ(" once its code and actor are read (same start and end to the millisecond, code, actor, intensity"
                + " and modifiers): a file holds each event once, so the repeat is not counted"),
        /** The same event of a file listed earlier for the session. */
        LISTED(" (start, end, code, actor, significance, modifiers), counted once: one coding listed twice (an .eaf"
                + " and its tab export) or two coders' identical events");

        private final String rest;

        Scope(String rest) {
            this.rest = rest;
        }
    }

    /**
     * The reason of a repeat: where its first copy was read, first, then what was compared.
     *
     * @param scope the scope the first copy was found in
     * @param first "line N" within a file, "file line N" for another file
     */
    public static String reason(Scope scope, String first) {
        return "the same event as " + first + scope.rest;
    }

    /** How many distinct events ({@link Key}) {@code events} holds. */
    public static long distinctEvents(java.util.Collection<Annotation> events) {
        return events.stream().map(Key::of).distinct().count();
    }

    /**
     * What identifies a read event: times in milliseconds ({@code Math.round(seconds * 1000)}),
     * canonical code, actor, significance or intensity, modifiers ({@code key=value;...}).
     */
    record Key(long startMs, Long endMs, String code, String actor, Integer significance, String modifiers) {
        static Key of(Annotation a) {
            return new Key(
                    Math.round(a.startS * 1000),
                    a.endS == null ? null : Math.round(a.endS * 1000),
                    a.code,
                    a.actor,
                    a.significance,
                    a.modifiers);
        }
    }

    /** A record as its file writes it, the note aside ({@link Scope#ROW}). */
    private record Row(
            double startS,
            Double endS,
            String label,
            List<String> altLabels,
            String actorHint,
            List<String> altActorHints,
            Map<String, String> modifiers,
            Map<String, List<String>> altModifierValues) {
        static Row of(RawAnnotation a) {
            return new Row(
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
     * {@link Scope#ROW}: moves every record of {@code parsed} written as an earlier one to the end
     * of its rejects, in file order.
     *
     * @param parsed one file's parse result, changed in place
     * @param sourceName the file's name as recorded in rejects
     * @param sessionId the session id copied into rejects (may be null)
     */
    static void rejectRepeatedRows(ParseResult<RawAnnotation> parsed, String sourceName, String sessionId) {
        Map<Row, Long> first = new HashMap<>();
        List<Reject> repeats = new ArrayList<>();
        List<RawAnnotation> kept = new ArrayList<>(parsed.records().size());
        for (RawAnnotation a : parsed.records()) {
            Long earlier = first.putIfAbsent(Row.of(a), a.line());
            if (earlier == null) {
                kept.add(a);
            } else {
                repeats.add(new Reject(sessionId, sourceName, a.line(), reason(Scope.ROW, "line " + earlier), null));
            }
        }
        if (!repeats.isEmpty()) {
            // one pass, not a removal per repeat: an export appended to itself may hold a million
            parsed.records().clear();
            parsed.records().addAll(kept);
            parsed.rejects().addAll(repeats);
        }
    }

    /** {@link Scope#READ}: the accepted events of one file so far. Not thread-safe. */
    static final class InFile {
        private final Map<Key, Long> first = new HashMap<>();

        /**
         * The reject of {@code a} when it repeats an event given before; null when it is the first
         * (it is then remembered).
         *
         * @param a an accepted event of the file
         * @param sourceFile the file's name as recorded in rejects
         * @param line the event's line
         */
        Reject repeat(Annotation a, String sourceFile, long line) {
            Long earlier = first.putIfAbsent(Key.of(a), line);
            return earlier == null
                    ? null
                    : new Reject(a.sessionId, sourceFile, line, reason(Scope.READ, "line " + earlier), null);
        }
    }

    /** {@link Scope#LISTED}: the accepted events of one session's files read so far. Not thread-safe. */
    public static final class InSession {
        /** Event key -> "file line N" of its first reading. */
        private final Map<Key, String> first = new HashMap<>();

        /**
         * Moves each event of {@code result} that a file read before gave to the end of its
         * rejects, then remembers this file's events. Events of one file are not compared with
         * each other here ({@link Scope#ROW}, {@link Scope#READ}).
         *
         * @param result one file's accepted events and rejects, changed in place
         * @param sessionId the session id copied into rejects
         */
        public void rejectRepeats(ParseResult<Annotation> result, String sessionId) {
            List<Annotation> kept = new ArrayList<>(result.records().size());
            for (Annotation a : result.records()) {
                String earlier = first.get(Key.of(a));
                if (earlier == null) {
                    kept.add(a);
                } else {
                    result.rejects()
                            .add(new Reject(
                                    sessionId,
                                    a.sourceFile,
                                    a.sourceLine,
                                    reason(Scope.LISTED, beside(earlier, a.sourceFile)),
                                    null));
                }
            }
            for (Annotation a : kept) {
                first.putIfAbsent(Key.of(a), a.sourceFile + " line " + a.sourceLine);
            }
            if (kept.size() != result.records().size()) {
                result.records().clear();
                result.records().addAll(kept);
            }
        }
    }

    /**
     * {@code earlier} ("folder/file line N") without the folder it shares with {@code file}, so
     * that the reason stays short in a deep archive (review of 2026-12-07: a path of 45 characters
     * cut the reason at its 240-character limit).
     */
    private static String beside(String earlier, String file) {
        int slash = file == null ? -1 : file.lastIndexOf('/');
        String folder = slash < 0 ? "" : file.substring(0, slash + 1);
        return !folder.isEmpty() && earlier.startsWith(folder) ? earlier.substring(folder.length()) : earlier;
    }
}
