package org.sessionreview.taxonomy;

/**
 * The two classes of alliance rupture markers of the 3RS (Eubanks, Muran &amp; Safran 2015; after
 * Harper 1989): {@link #W} withdrawal (the client moves away from the therapist or the work) and
 * {@link #C} confrontation (the client moves against the therapist or the work).
 */
public enum RuptureClass {
    /** Withdrawal: codes {@code RUP_W_*}. */
    W,
    /** Confrontation: codes {@code RUP_C_*}. */
    C
}
