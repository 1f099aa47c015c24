package org.sessionreview.report;

/**
 * One row of the {@code clients/} table: one client (pseudonymous {@code client_key}) at one
 * session, with the trend of the client's anxiety burden over the sessions so far. Built by
 * {@code org.sessionreview.scoring.trends.ClientTrend}.
 *
 * <p>The {@link #note} is a prompt for supervision, never a diagnosis (DOMAIN.md framing rule):
 * it echoes two common referral indicators, "symptom intensity interfering with therapy
 * progress" and "therapy plateau", from arousal and coded ruptures only.
 */
public class ClientRow {
    /** HMAC pseudonym of the client (never the raw id). */
    public String clientKey;
    /** Session number for this client, from 1. */
    public int sessionNumber;
    /** Session identifier. */
    public String sessionId;
    /** Therapist (trainee) identifier. */
    public String therapistId;
    /** ISO yyyy-MM-dd in the offset of media_start. */
    public String sessionDate;
    /** Client anxiety episodes in the session; null without client data (see {@link SessionRow}). */
    public Integer anxietyEpisodes;
    /**
     * Total client time in anxiety episodes, seconds (the session's anxiety burden); null without
     * client data.
     */
    public Double anxietyTimeS;
    /** Highest client anxiety index in the session (robust z units); null without scored windows. */
    public Double peakAnxietyIndex;
    /** Withdrawal rupture episodes in the session; null when its video was not coded (no accepted annotation). */
    public Integer rupturesWithdrawal;
    /** Confrontation rupture episodes in the session; null when its video was not coded. */
    public Integer rupturesConfrontation;
    /** Rupture episodes left unaddressed in the session; null when its video was not coded. */
    public Integer rupturesUnaddressed;
    /**
     * How many sessions the trend covers: this one and those before it, at most the configured
     * last N (default 4).
     */
    public int trendSessions;
    /**
     * Least-squares slope of {@link #anxietyTimeS} against session number over the {@link
     * #trendSessions}, seconds per session; null with fewer than 2 sessions (or all at the same
     * session number).
     */
    public Double anxietyTrendSPerSession;
    /**
     * One-sided p-value that the slope is negative (Student t, n - 2 degrees of freedom); null
     * with fewer than 3 sessions or when the slope is not negative.
     */
    public Double declineP;
    /** Sessions among the {@link #trendSessions} whose anxiety time is at least the high-burden threshold (default 120 s). */
    public int highBurdenSessions;
    /**
     * True when each of the last N sessions (default 4) has a high anxiety burden and the
     * burden shows no decline over them (slope >= 0, or negative but not significantly so);
     * false with fewer than N sessions.
     */
    public boolean plateau;
    /** {@code discuss in supervision: consider consultation} when {@link #plateau}, else null. */
    public String note;

    public ClientRow() {}
}
