package org.sessionreview.jobs.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.report.SessionRow;

/**
 * Typed access to rows read by {@link org.sessionreview.parquet.TableReader} (a map per row, the
 * documented Java types), and the conversions between those maps and the review's own row
 * classes, so that trainee and client rows can be recomputed with the review's code.
 */
final class Rows {
    private Rows() {}

    static String str(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? null : v.toString();
    }

    static Double dbl(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static double dbl0(Map<String, Object> row, String col) {
        Double v = dbl(row, col);
        return v == null ? 0 : v;
    }

    static int int0(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /**
     * A session's client anxiety episodes and time as shown, {@code 2} and {@code 6.3 min}, or an
     * em dash and {@code no client data} when the tables hold null (unknown, not none).
     */
    static String[] anxiety(Map<String, Object> row) {
        Object episodes = row.get("anxiety_episodes");
        if (episodes == null) {
            return new String[] {"\u2014", "no client data"};
        }
        return new String[] {
            Integer.toString(((Number) episodes).intValue()), Format.minutes(dbl(row, "anxiety_time_s"))
        };
    }

    static long long0(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static boolean bool(Map<String, Object> row, String col) {
        return Boolean.TRUE.equals(row.get(col));
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? List.of() : (List<String>) v;
    }

    /** A row of {@code sessions/} as the review's {@link SessionRow} (the columns trends use, and all others). */
    static SessionRow session(Map<String, Object> r) {
        SessionRow s = new SessionRow();
        s.sessionId = str(r, "session_id");
        s.therapistId = str(r, "therapist_id");
        s.clientKey = str(r, "client_key");
        s.sessionNumber = int0(r, "session_number");
        s.sessionDate = str(r, "session_date");
        s.mediaStartMillis = long0(r, "media_start_utc");
        s.durationS = dbl0(r, "duration_s");
        Object episodes = r.get("anxiety_episodes");
        s.anxietyEpisodes = episodes == null ? null : ((Number) episodes).intValue();
        s.anxietyTimeS = dbl(r, "anxiety_time_s");
        s.peakAnxietyIndex = dbl(r, "peak_anxiety_index");
        s.flagged = bool(r, "flagged");
        s.priority = dbl0(r, "priority");
        s.safetyEvents = int0(r, "safety_events");
        s.rupturesWithdrawal = int0(r, "ruptures_withdrawal");
        s.rupturesConfrontation = int0(r, "ruptures_confrontation");
        s.rupturesResolved = int0(r, "ruptures_resolved");
        s.rupturesPartial = int0(r, "ruptures_partial");
        s.rupturesUnaddressed = int0(r, "ruptures_unaddressed");
        s.rupturesEscalated = int0(r, "ruptures_escalated");
        s.medianTimeToRepairS = dbl(r, "median_time_to_repair_s");
        Object missed = r.get("missed_opportunities");
        s.missedOpportunities = missed == null ? null : ((Number) missed).intValue();
        s.annotationCount = int0(r, "annotation_count");
        s.synchronyEs = dbl(r, "synchrony_es");
        return s;
    }

    /** A row object as the map {@link org.sessionreview.parquet.TableReader} would read for it. */
    static <T> Map<String, Object> map(TableSchema<T> schema, T row) {
        Map<String, Object> m = new LinkedHashMap<>();
        schema.columns().forEach(c -> m.put(c.name(), c.valueOf(row)));
        return m;
    }
}
