package org.sessionreview.ingest.annotation.boris;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One coded BORIS event before pairing: a row of a tabular export or an event of a project.
 * Package-private.
 *
 * @param timeS seconds on the observation timeline (BORIS has already added the time offset)
 * @param observation the observation's index in its file, 1, 2, ... in file order (never the
 *     observation id, which coders may fill with a client's name)
 * @param subject the subject name; null for "No focal subject"
 * @param behavior the behaviour code as written
 * @param modifiers modifier key to value, "None" and empty values already removed
 * @param pairingModifiers the modifiers as written, part of the pairing key
 * @param status START, STOP or POINT
 * @param note the comment, or null
 * @param line the record's line in the file
 * @param raw the record's text for rejects
 */
record BorisEvent(
        double timeS,
        int observation,
        String subject,
        String behavior,
        SortedMap<String, String> modifiers,
        String pairingModifiers,
        Status status,
        String note,
        long line,
        String raw) {

    enum Status {
        START,
        STOP,
        POINT
    }

    BorisEvent {
        modifiers = new TreeMap<>(modifiers);
    }

    /** What START and STOP events are paired by: observation, subject, behaviour and modifiers. */
    String pairingKey() {
        return observation + "\u0000" + subject + "\u0000" + behavior + "\u0000" + pairingModifiers;
    }

    /**
     * "the same subject and behaviour", "the same subject, behaviour and modifiers" or "no focal
     * subject and behaviour" (with "in observation 2" when asked), for reject
     * reasons: subjects, behaviours and modifiers are never quoted (they can be names).
     */
    String describe(boolean withObservation) {
        String who = subject == null ? "no focal subject" : "the same subject";
        return who
                + (pairingModifiers.isEmpty() ? " and behaviour" : ", behaviour and modifiers")
                + (withObservation ? " in observation " + observation : "");
    }
}
