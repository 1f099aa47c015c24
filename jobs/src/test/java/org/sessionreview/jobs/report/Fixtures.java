package org.sessionreview.jobs.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows as {@link org.sessionreview.parquet.TableReader} reads them, for the report's unit tests. */
final class Fixtures {
    private Fixtures() {}

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A session row: 1200 s, one anxiety episode of 200 s, quality 0.9. */
    static Map<String, Object> session(
            String id,
            String therapist,
            String client,
            int number,
            String date,
            double priority,
            int safety,
            boolean supervision) {
        return row(
                "session_id",
                id,
                "therapist_id",
                therapist,
                "client_key",
                client,
                "session_number",
                number,
                "session_date",
                date,
                "media_start_utc",
                1_772_000_000_000L + number * 86_400_000L,
                "duration_s",
                1200.0,
                "anxiety_episodes",
                1,
                "anxiety_time_s",
                200.0,
                "peak_anxiety_index",
                6.0,
                "flagged",
                priority > 0,
                "priority",
                priority,
                "flag_reasons",
                priority > 0 ? List.of("1 candidate client anxiety episode") : List.of(),
                "data_quality_client",
                0.9,
                "data_quality_therapist",
                0.9,
                "consent_supervision",
                supervision,
                "consent_research",
                true,
                "annotation_count",
                3,
                "baseline_source",
                "client: calibration",
                "safety_events",
                safety,
                "ruptures_withdrawal",
                0,
                "ruptures_confrontation",
                1,
                "ruptures_resolved",
                0,
                "ruptures_partial",
                0,
                "ruptures_unaddressed",
                1,
                "ruptures_escalated",
                0,
                "median_time_to_repair_s",
                null,
                "segments_with_w_share",
                0.0,
                "segments_with_c_share",
                0.25,
                "resolution_ratio",
                0.0,
                "missed_opportunities",
                1,
                "missed_opportunity_sensitivity",
                "5s=1/1",
                "synchrony_es",
                1.5,
                "synchrony_percentile",
                97.0,
                "client_leads_share",
                0.5,
                "missing_channels",
                List.of());
    }

    static Map<String, Object> moment(String session, String kind, double start, double end) {
        return row(
                "session_id",
                session,
                "kind",
                kind,
                "role",
                "client",
                "start_s",
                start,
                "end_s",
                end,
                "start_utc",
                0L,
                "severity",
                3.0,
                "evidence",
                "evidence of " + kind);
    }

    static Map<String, Object> footer() {
        return Map.of();
    }

    /** Tables from sessions and moments (other per-session tables empty). */
    static ReportTables tables(List<Map<String, Object>> sessions, List<Map<String, Object>> moments) {
        return tables(sessions, moments, "0.5");
    }

    /** As {@link #tables(List, List)} with the footers' {@code scoring.low_data_quality}. */
    static ReportTables tables(
            List<Map<String, Object>> sessions, List<Map<String, Object>> moments, String lowDataQuality) {
        Map<String, List<Map<String, Object>>> per = new LinkedHashMap<>();
        for (String t : ReportTables.SESSION_TABLES) {
            per.put(t, List.of());
        }
        per.put("moments", moments);
        Map<String, String> f = Map.of(
                "session_review.version",
                "test",
                "session_review.scoring.low_data_quality",
                lowDataQuality,
                "session_review.trends.client.last_n",
                "4",
                "session_review.trends.client.high_burden_s",
                "120.0",
                "session_review.trends.client.decline_alpha",
                "0.05",
                "session_review.column.x",
                "a column");
        Map<String, Map<String, String>> footers = new LinkedHashMap<>();
        footers.put("sessions", f);
        footers.put("trainees", f);
        footers.put("clients", f);
        return new ReportTables(sessions, per, List.of(), List.of(), footers);
    }
}
