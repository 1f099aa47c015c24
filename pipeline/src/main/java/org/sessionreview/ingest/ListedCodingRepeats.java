package org.sessionreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;

/**
 * Takes an event that two annotation files of one session both hold once: an accepted event with
 * the same start and end (to the millisecond), code, actor, significance and modifiers as an event
 * of a file listed earlier in {@code session.json} is rejected, naming that file and line.
 *
 * <p><b>Why.</b> One coding is often exported twice and both exports listed: an ELAN {@code .eaf}
 * beside its tab-delimited export, a BORIS {@code .boris} project beside its events export of the
 * same observation (twentieth audit: each event counted twice, and with it every cue, missed
 * opportunity and safety event). Two coders or two code families do not code the same code for
 * the same actor to the millisecond, so such a pair is one event. Within one file the readers
 * already count a repeat once ({@code RepeatedEvents}); records read = accepted + rejected still
 * holds per file, the repeat moving from the accepted records to the rejects.
 */
final class ListedCodingRepeats {
    private ListedCodingRepeats() {}

    /** What identifies an event: every field the review reads, times to the millisecond. */
    private static List<Object> key(Annotation a) {
        return Arrays.asList(
                Math.round(a.startS * 1000),
                a.endS == null ? null : Math.round(a.endS * 1000),
                a.code,
                a.actor,
                a.significance,
                a.modifiers);
    }

    /**
     * Moves each event of {@code result} that an earlier file gave to its rejects, then records
     * this file's events in {@code seen} (event key -> "file line N" of its first reading).
     *
     * @param result one file's accepted events and rejects, changed in place
     * @param sessionId the session id copied into rejects
     * @param seen the events of the files read before, for this session
     */
    static void reject(ParseResult<Annotation> result, String sessionId, Map<List<Object>, String> seen) {
        List<Annotation> kept = new ArrayList<>(result.records().size());
        List<String> mine = new ArrayList<>();
        for (Annotation a : result.records()) {
            String earlier = seen.get(key(a));
            if (earlier == null) {
                kept.add(a);
                mine.add(a.sourceFile + " line " + a.sourceLine);
            } else {
                result.rejects()
                        .add(new Reject(
                                sessionId,
                                a.sourceFile,
                                a.sourceLine,
                                "the same event as " + beside(earlier, a.sourceFile)
                                        + " (start, end, code, actor, significance, modifiers), counted once: one"
                                        + " coding listed twice (an .eaf and its tab export) or two coders' identical"
                                        + " events",
                                null));
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            seen.putIfAbsent(key(kept.get(i)), mine.get(i));
        }
        if (kept.size() != result.records().size()) {
            result.records().clear();
            result.records().addAll(kept);
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
