package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.SessionIdKey;

/**
 * Which observations of a BORIS file belong to the session being read. A study's BORIS project
 * (and an export of several observations) usually holds every session of the study, so a file
 * with more than one observation is read only for the observations whose id is the session's
 * {@code session_id}, compared without case and with each run of spaces and punctuation as one
 * separator ({@code "P01 Session-3"} names session {@code p01_session_3}; {@code P1-12} does not
 * name {@code P11-2}). The other observations are not read: each is one rejected
 * record at its first line, its events counted in the reason, so the run's totals stay exact
 * without a reject row per event of another session. When no observation has the session's id,
 * none is read (merging several sessions', or two coders', observations into one would invent
 * missed opportunities and ruptures). A file with one observation is read whatever its id; so
 * is every observation when the session is not known (a parser called on a file alone).
 * Observation ids are compared only: they may hold a client's name and are never written.
 */
final class BorisObservations {
    private final boolean[] read;
    private final boolean anyMatched;

    /**
     * @param ids the observation ids in file order (index 0 is observation 1)
     * @param sessionId the session being read; null when not known
     */
    BorisObservations(List<String> ids, String sessionId) {
        read = new boolean[ids.size()];
        boolean matched = false;
        if (ids.size() <= 1 || sessionId == null || key(sessionId).isEmpty()) {
            java.util.Arrays.fill(read, true);
        } else {
            String session = key(sessionId);
            for (int i = 0; i < read.length; i++) {
                read[i] = key(ids.get(i)).equals(session);
                matched |= read[i];
            }
        }
        anyMatched = matched;
    }

    /** Whether observation {@code index} (1-based, file order) is read. */
    boolean reads(int index) {
        return read[index - 1];
    }

    /** How many observations are read; more than one keeps the {@code observation} modifier. */
    int readCount() {
        int n = 0;
        for (boolean r : read) {
            n += r ? 1 : 0;
        }
        return n;
    }

    /**
     * Rejects each observation not read as one record at its first line.
     *
     * @param firstLines each observation's first line (index 0 is observation 1)
     * @param events each observation's events or rows
     */
    void rejectSkipped(List<Long> firstLines, List<Integer> events, ParseSink sink) {
        for (int i = 0; i < read.length; i++) {
            if (!read[i]) {
                sink.reject(firstLines.get(i), reason(i + 1, read.length, events.get(i)), null);
            }
        }
    }

    private String reason(int index, int count, int events) {
        String which = "observation " + index + " of " + count + " (" + events + (events == 1 ? " event" : " events")
                + ") not read: ";
        return anyMatched
                ? which + "another observation of the file has this session's id (a file with several"
                        + " observations is read for the one named after session_id)"
                : which + "the file holds several observations and none has this session's id"
                        + " (name the session's observation after session_id, or export it alone)";
    }

    /** An id's comparison key: {@link SessionIdKey#of}. */
    static String key(String id) {
        return SessionIdKey.of(id);
    }

    /** A list of n zeros, to count events per observation. */
    static List<Integer> zeros(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(0);
        }
        return out;
    }
}
