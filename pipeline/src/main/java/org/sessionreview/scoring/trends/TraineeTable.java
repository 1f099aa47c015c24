package org.sessionreview.scoring.trends;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.TraineeRow;

/**
 * The trainee table: one {@link TraineeRow} per therapist over all sessions ({@code period =
 * all}) and one per therapist and calendar month ({@code period = yyyy-MM}, the month of {@link
 * SessionRow#sessionDate}). Plain Java, no state: the same sessions in any order give the same
 * rows.
 *
 * <p>Aggregates, per group of sessions:
 *
 * <ul>
 *   <li>{@code flaggedShare} = flagged sessions / sessions;
 *   <li>{@code sessionHours} = sum of {@code durationS} / 3600;
 *   <li>{@code missedOpportunitiesPerHour}, {@code anxietyEpisodesPerHour} = sums / session
 *       hours (null when the hours are 0);
 *   <li>{@code resolutionRatio} = resolved / (resolved + partial + unaddressed), DOMAIN.md 3.6;
 *       escalated episodes count in neither part; null when the denominator is 0;
 *   <li>{@code medianTimeToRepairS} = median of the sessions' {@link
 *       SessionRow#medianTimeToRepairS} (non-null ones; the middle pair is averaged). Sessions
 *       carry only their own median, so this is a median of medians: each session with a repair
 *       attempt weighs once, however many ruptures it had;
 *   <li>{@code meanSynchronyEs} = mean of the non-null {@link SessionRow#synchronyEs}; null
 *       when none;
 *   <li>counts are sums: anxiety episodes over the sessions with client data, missed
 *       opportunities, ruptures by class and outcome and safety events over the coded sessions
 *       (any accepted annotation); null when no session qualifies (unknown, not none).
 * </ul>
 *
 * <p>Order: by therapist id, then {@code all} first, then the months in ascending order. A session
 * whose date is missing or not an ISO date counts in its therapist's {@code all} row only.
 */
public final class TraineeTable {
    /** The {@code period} value of a therapist's row over all sessions. */
    public static final String ALL = "all";

    private TraineeTable() {}

    /**
     * The table for these sessions.
     *
     * @throws NullPointerException when a session has no therapist id
     */
    public static List<TraineeRow> rows(List<SessionRow> sessions) {
        Map<String, Map<String, List<SessionRow>>> byTherapist = new TreeMap<>();
        for (SessionRow s : sessions) {
            Objects.requireNonNull(s.therapistId, () -> "session " + s.sessionId + " has no therapist id");
            Map<String, List<SessionRow>> periods =
                    byTherapist.computeIfAbsent(s.therapistId, k -> new TreeMap<>(TraineeTable::comparePeriods));
            periods.computeIfAbsent(ALL, k -> new ArrayList<>()).add(s);
            String month = month(s.sessionDate);
            if (month != null) {
                periods.computeIfAbsent(month, k -> new ArrayList<>()).add(s);
            }
        }
        List<TraineeRow> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<SessionRow>>> t : byTherapist.entrySet()) {
            for (Map.Entry<String, List<SessionRow>> p : t.getValue().entrySet()) {
                out.add(aggregate(t.getKey(), p.getKey(), p.getValue()));
            }
        }
        return out;
    }

    /** {@code all} before every month; months in ascending (string = calendar) order. */
    private static int comparePeriods(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(ALL)) {
            return -1;
        }
        if (b.equals(ALL)) {
            return 1;
        }
        return a.compareTo(b);
    }

    /** {@code yyyy-MM} of an ISO date, or null when the date is missing or malformed. */
    static String month(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(isoDate);
            return String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static TraineeRow aggregate(String therapistId, String period, List<SessionRow> group) {
        // a fixed summation order, so that the doubles do not depend on the input order
        List<SessionRow> ss = new ArrayList<>(group);
        ss.sort(Comparator.comparingLong((SessionRow s) -> s.mediaStartMillis)
                .thenComparing(s -> s.sessionId, Comparator.nullsFirst(Comparator.naturalOrder())));
        TraineeRow r = new TraineeRow();
        r.therapistId = therapistId;
        r.period = period;
        r.sessions = ss.size();
        double seconds = 0;
        double clientDataSeconds = 0; // sessions whose client had data: the anxiety rate's hours
        double codedSeconds = 0; // coded sessions: the missed-opportunity rate's hours
        List<Double> repairMedians = new ArrayList<>();
        double esSum = 0;
        for (SessionRow s : ss) {
            r.flaggedSessions += s.flagged ? 1 : 0;
            seconds += s.durationS;
            if (s.anxietyEpisodes != null) {
                r.anxietyEpisodes = plus(r.anxietyEpisodes, s.anxietyEpisodes);
                clientDataSeconds += s.durationS;
            }
            if (s.annotationCount > 0) {
                // coded: an uncoded video says nothing about ruptures, responses or safety events
                r.missedOpportunities = plus(r.missedOpportunities, s.missedOpportunities);
                codedSeconds += s.durationS;
                r.rupturesWithdrawal = plus(r.rupturesWithdrawal, s.rupturesWithdrawal);
                r.rupturesConfrontation = plus(r.rupturesConfrontation, s.rupturesConfrontation);
                r.rupturesResolved = plus(r.rupturesResolved, s.rupturesResolved);
                r.rupturesPartial = plus(r.rupturesPartial, s.rupturesPartial);
                r.rupturesUnaddressed = plus(r.rupturesUnaddressed, s.rupturesUnaddressed);
                r.rupturesEscalated = plus(r.rupturesEscalated, s.rupturesEscalated);
                r.safetyEvents = plus(r.safetyEvents, s.safetyEvents);
            }
            if (s.medianTimeToRepairS != null) {
                repairMedians.add(s.medianTimeToRepairS);
            }
            if (s.synchronyEs != null) {
                esSum += s.synchronyEs;
                r.synchronySessions++;
            }
        }
        r.flaggedShare = r.sessions == 0 ? 0 : (double) r.flaggedSessions / r.sessions;
        r.sessionHours = seconds / 3600.0;
        r.anxietyEpisodesPerHour = perHour(r.anxietyEpisodes, clientDataSeconds / 3600.0);
        r.missedOpportunitiesPerHour = perHour(r.missedOpportunities, codedSeconds / 3600.0);
        int denominator =
                r.rupturesResolved == null ? 0 : r.rupturesResolved + r.rupturesPartial + r.rupturesUnaddressed;
        r.resolutionRatio = denominator == 0 ? null : (double) r.rupturesResolved / denominator;
        r.medianTimeToRepairS = median(repairMedians);
        r.meanSynchronyEs = r.synchronySessions == 0 ? null : esSum / r.synchronySessions;
        return r;
    }

    private static Double perHour(Integer count, double hours) {
        return hours > 0 && count != null ? count / hours : null;
    }

    /** {@code sum + n}, the sum starting at null (no session counted yet); a null n counts 0. */
    private static Integer plus(Integer sum, Integer n) {
        return (sum == null ? 0 : sum) + (n == null ? 0 : n);
    }

    /** Median (mean of the middle pair for an even count); null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Comparator.naturalOrder());
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }
}
