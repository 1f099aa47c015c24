package org.sessionreview.report;

/**
 * One row of the {@code trainees/} table: one therapist (trainee) over all their reviewed
 * sessions ({@code period = all}) or over one calendar month ({@code period = yyyy-MM}, from the
 * session date). Built by {@code org.sessionreview.scoring.trends.TraineeTable}.
 *
 * <p>Counts are moments <i>for review in supervision</i>, never a judgement of the trainee
 * (DOMAIN.md framing rule). Withdrawal and confrontation ruptures are kept side by side because
 * withdrawal markers are subtler and easier to miss (DOMAIN.md 3.8).
 */
public class TraineeRow {
    /** Therapist (trainee) identifier. */
    public String therapistId;
    /** {@code all}, or the calendar month {@code yyyy-MM} of the session dates. */
    public String period;
    /** Reviewed sessions in the period. */
    public int sessions;
    /** Sessions flagged for review. */
    public int flaggedSessions;
    /** {@link #flaggedSessions} / {@link #sessions}, 0..1. */
    public double flaggedShare;
    /** Total session (video) time, hours. */
    public double sessionHours;
    /** Client anxiety episodes, summed over the sessions with client data; null when there is none. */
    public Integer anxietyEpisodes;
    /**
     * {@link #anxietyEpisodes} per hour of the sessions with client data; null when there is none
     * (a session without client data counts as unknown, not as calm).
     */
    public Double anxietyEpisodesPerHour;
    /**
     * Missed therapeutic opportunities (DOMAIN.md 5), summed over the coded sessions; null when
     * there is none.
     */
    public Integer missedOpportunities;
    /**
     * {@link #missedOpportunities} per hour of the coded sessions (an uncoded one says nothing about
     * them); null when there is none.
     */
    public Double missedOpportunitiesPerHour;
    /** Withdrawal rupture episodes, over the coded sessions; null when there is none. */
    public Integer rupturesWithdrawal;
    /** Confrontation rupture episodes, over the coded sessions; null when there is none. */
    public Integer rupturesConfrontation;
    /** Rupture episodes resolved, over the coded sessions; null when there is none. */
    public Integer rupturesResolved;
    /** Rupture episodes partially resolved, over the coded sessions; null when there is none. */
    public Integer rupturesPartial;
    /** Rupture episodes unaddressed, over the coded sessions; null when there is none. */
    public Integer rupturesUnaddressed;
    /** Rupture episodes escalated after a repair attempt, over the coded sessions; null when there is none. */
    public Integer rupturesEscalated;
    /**
     * Rupture resolution ratio (DOMAIN.md 3.6) = resolved / (resolved + partial + unaddressed),
     * 0..1; escalated episodes are not in it. Null when that denominator is 0.
     */
    public Double resolutionRatio;
    /**
     * Median of the sessions' median time from rupture to first repair attempt, seconds (each
     * session with at least one repair attempt weighs once); null when no session has one.
     */
    public Double medianTimeToRepairS;
    /** Mean session synchrony effect size (SUSY ES) over sessions that have one; null when none. */
    public Double meanSynchronyEs;
    /** Sessions with a synchrony effect size (the count behind {@link #meanSynchronyEs}). */
    public int synchronySessions;
    /**
     * Coded SAFE_* events, summed over the coded sessions (an uncoded video says nothing about
     * them); null when there is none.
     */
    public Integer safetyEvents;

    public TraineeRow() {}
}
