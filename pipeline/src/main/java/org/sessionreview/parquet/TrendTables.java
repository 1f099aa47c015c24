package org.sessionreview.parquet;

import static org.sessionreview.parquet.ColumnType.BOOLEAN;
import static org.sessionreview.parquet.ColumnType.DATE;
import static org.sessionreview.parquet.ColumnType.DOUBLE;
import static org.sessionreview.parquet.ColumnType.INT32;
import static org.sessionreview.parquet.ColumnType.STRING;

import org.sessionreview.report.ClientRow;
import org.sessionreview.report.TraineeRow;

/** The cross-session tables: per trainee (and month) for trainers, per client over time. */
public final class TrendTables {
    private TrendTables() {}

    public static final TableSchema<TraineeRow> TRAINEES = TableSchema.<TraineeRow>builder("trainees")
            .description(
                    "One row per therapist (period all) and per therapist x calendar month: what a trainer compares.")
            .required("therapist_id", STRING, "Therapist (trainee) identifier", r -> r.therapistId)
            .required("period", STRING, "all, or the month yyyy-MM", r -> r.period)
            .required("sessions", INT32, "Sessions reviewed", r -> r.sessions)
            .required("flagged_sessions", INT32, "Sessions flagged for supervision", r -> r.flaggedSessions)
            .required("flagged_share", DOUBLE, "Share of sessions flagged, 0..1", r -> r.flaggedShare)
            .required("session_hours", DOUBLE, "Hours of session", r -> r.sessionHours)
            .optional(
                    "anxiety_episodes",
                    INT32,
                    "Client anxiety episodes (sessions with client data); null without any",
                    r -> r.anxietyEpisodes)
            .optional(
                    "anxiety_episodes_per_hour",
                    DOUBLE,
                    "Client anxiety episodes per hour of the sessions with client data; null without any",
                    r -> r.anxietyEpisodesPerHour)
            .optional(
                    "missed_opportunities",
                    INT32,
                    "Candidate missed opportunities (coded sessions); null without any",
                    r -> r.missedOpportunities)
            .optional(
                    "missed_opportunities_per_hour",
                    DOUBLE,
                    "Candidate missed opportunities per session hour",
                    r -> r.missedOpportunitiesPerHour)
            .optional(
                    "ruptures_withdrawal",
                    INT32,
                    "Withdrawal rupture episodes (coded sessions); null without any",
                    r -> r.rupturesWithdrawal)
            .optional(
                    "ruptures_confrontation",
                    INT32,
                    "Confrontation rupture episodes (coded sessions); null without any",
                    r -> r.rupturesConfrontation)
            .optional(
                    "ruptures_resolved",
                    INT32,
                    "Resolved rupture episodes (coded sessions); null without any",
                    r -> r.rupturesResolved)
            .optional(
                    "ruptures_partial",
                    INT32,
                    "Partially resolved rupture episodes (coded sessions); null without any",
                    r -> r.rupturesPartial)
            .optional(
                    "ruptures_unaddressed",
                    INT32,
                    "Unaddressed rupture episodes (coded sessions); null without any",
                    r -> r.rupturesUnaddressed)
            .optional(
                    "ruptures_escalated",
                    INT32,
                    "Escalated rupture episodes (coded sessions); null without any",
                    r -> r.rupturesEscalated)
            .optional(
                    "resolution_ratio",
                    DOUBLE,
                    "resolved / (resolved + partial + unaddressed); null without ruptures",
                    r -> r.resolutionRatio)
            .optional(
                    "median_time_to_repair_s",
                    DOUBLE,
                    "Median of the sessions' median time to first repair, seconds",
                    r -> r.medianTimeToRepairS)
            .optional("mean_synchrony_es", DOUBLE, "Mean session synchrony effect size", r -> r.meanSynchronyEs)
            .required("synchrony_sessions", INT32, "Sessions with a synchrony value", r -> r.synchronySessions)
            .optional(
                    "safety_events",
                    INT32,
                    "Coded safety events (coded sessions); null without any",
                    r -> r.safetyEvents)
            .build();

    public static final TableSchema<ClientRow> CLIENTS = TableSchema.<ClientRow>builder("clients")
            .description("One row per client x session number: anxiety burden, ruptures and the trend over sessions.")
            .required("client_key", STRING, "Client pseudonym", r -> r.clientKey)
            .required("session_number", INT32, "Session number", r -> r.sessionNumber)
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("therapist_id", STRING, "Therapist", r -> r.therapistId)
            .required("session_date", DATE, "Session date", r -> r.sessionDate)
            .optional(
                    "anxiety_episodes",
                    INT32,
                    "Client anxiety episodes; null without client data",
                    r -> r.anxietyEpisodes)
            .optional(
                    "anxiety_time_s",
                    DOUBLE,
                    "Seconds in anxiety episodes; null without client data",
                    r -> r.anxietyTimeS)
            .optional("peak_anxiety_index", DOUBLE, "Peak anxiety index", r -> r.peakAnxietyIndex)
            .optional(
                    "ruptures_withdrawal",
                    INT32,
                    "Withdrawal rupture episodes; null when the session's video was not coded",
                    r -> r.rupturesWithdrawal)
            .optional(
                    "ruptures_confrontation",
                    INT32,
                    "Confrontation rupture episodes; null when the session's video was not coded",
                    r -> r.rupturesConfrontation)
            .optional(
                    "ruptures_unaddressed",
                    INT32,
                    "Unaddressed rupture episodes; null when the session's video was not coded",
                    r -> r.rupturesUnaddressed)
            .required("trend_sessions", INT32, "Sessions in the trend (the last N, default 4)", r -> r.trendSessions)
            .optional(
                    "anxiety_trend_s_per_session",
                    DOUBLE,
                    "Least-squares slope of anxiety time per session",
                    r -> r.anxietyTrendSPerSession)
            .optional("decline_p", DOUBLE, "One-sided p of a decline", r -> r.declineP)
            .required(
                    "high_burden_sessions",
                    INT32,
                    "Of the last N sessions, those with a high anxiety burden",
                    r -> r.highBurdenSessions)
            .required(
                    "plateau",
                    BOOLEAN,
                    "Burden stays high with no downward trend over the last N sessions",
                    r -> r.plateau)
            .optional(
                    "note",
                    STRING,
                    "discuss in supervision: consider consultation (when plateau); never a diagnosis",
                    r -> r.note)
            .build();
}
