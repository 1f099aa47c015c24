package org.sessionreview.scoring.trends;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.sessionreview.report.SessionRow;

/** Hand-built {@link SessionRow}s for the trend tests. */
final class Rows {
    private Rows() {}

    /** A session of {@code minutes} on {@code date} (10:00 UTC), nothing planted. */
    static SessionRow session(String id, String therapist, String client, int number, String date, double minutes) {
        SessionRow r = new SessionRow();
        r.sessionId = id;
        r.therapistId = therapist;
        r.clientKey = client;
        r.sessionNumber = number;
        r.sessionDate = date;
        r.mediaStartMillis =
                LocalDate.parse(date).atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        r.durationS = minutes * 60;
        r.anxietyEpisodes = 0; // client data, no episode
        r.anxietyTimeS = 0.0;
        r.missedOpportunities = 0; // coded, none missed
        r.annotationCount = 1;
        return r;
    }

    /** A client session with the given anxiety time (one episode when > 0). */
    static SessionRow burden(String client, int number, double anxietyTimeS) {
        SessionRow r = session(
                client + "-" + number,
                "T01",
                client,
                number,
                LocalDate.of(2026, 1, 5).plusWeeks(number).toString(),
                50);
        r.anxietyTimeS = anxietyTimeS;
        r.anxietyEpisodes = anxietyTimeS > 0 ? 1 : 0;
        r.flagged = anxietyTimeS > 0;
        r.peakAnxietyIndex = anxietyTimeS > 0 ? 4.0 : 1.0;
        return r;
    }

    /** Public fields as text, for comparing rows that have no equals(). */
    static String fields(Object o) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Field f : o.getClass().getFields()) {
                sb.append(f.getName()).append('=').append(f.get(o)).append(';');
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }
}
