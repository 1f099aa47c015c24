package org.sessionreview.scoring.rupture;

import java.util.Locale;

/**
 * How a rupture episode ended, by the coded events alone (DOMAIN.md section 3, rule 4): a
 * candidate description for supervision, not a judgement of the therapist. See {@link
 * RuptureTracker} for the exact tests and their precedence.
 */
public enum RuptureOutcome {
    /** At least one repair attempt; no marker of the class came back after the last one. */
    RESOLVED,
    /** Repair attempted, but markers of the class came back after the last attempt. */
    PARTIALLY_RESOLVED,
    /** No repair attempt coded before the episode closed. */
    UNADDRESSED,
    /** Marker significance rose after the first repair attempt. */
    ESCALATED;

    /** Lower-case name as written in output columns: {@code partially_resolved}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
