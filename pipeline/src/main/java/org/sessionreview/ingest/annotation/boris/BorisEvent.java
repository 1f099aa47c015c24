package org.sessionreview.ingest.annotation.boris;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One coded BORIS event before pairing: a row of a tabular export or an event of a project.
 * Package-private.
 *
 * @param timeS seconds on the observation timeline (BORIS has already added the time offset)
 * @param observation the observation id (null when the file does not say)
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
        String observation,
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

    /** "subject X behaviour Y" (with modifiers and observation when present), for reject reasons. */
    String describe(boolean withObservation) {
        StringBuilder sb = new StringBuilder();
        sb.append("subject ").append(subject == null ? "(no focal subject)" : subject)
                .append(" behaviour ").append(behavior);
        if (!pairingModifiers.isEmpty()) {
            sb.append(" modifiers ").append(pairingModifiers);
        }
        if (withObservation && observation != null) {
            sb.append(" in observation ").append(observation);
        }
        return sb.toString();
    }
}
