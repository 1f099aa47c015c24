package org.sessionreview.scoring.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.sessionreview.report.ClientRow;
import org.sessionreview.report.SessionRow;

/**
 * The longitudinal client table: one {@link ClientRow} per client ({@code client_key}) and
 * session, sorted by client key, then session number (ties: media start, then session id). Plain
 * Java, no state: the same sessions in any order give the same rows.
 *
 * <p><b>Trend.</b> For each session, the <i>window</i> is that session and the client's sessions
 * before it, at most the last {@link TrendConfig#lastN()} (default 4), among the sessions with
 * client data: a session whose {@code anxiety_time_s} is null (no client wristband, or none of
 * its samples valid) counts as one never recorded, as a withheld session does; its own row has
 * no trend (trend sessions 0, plateau false). The trend is the
 * least-squares slope ({@link SimpleRegression}) of {@code anxiety_time_s} against the session
 * number over the window, in seconds per session: null with fewer than 2 sessions. Session
 * numbers need not be consecutive (unrecorded sessions leave a gap on the x axis).
 *
 * <p><b>Plateau</b> [proposal; referral indicators "symptom intensity interfering with therapy
 * progress" and "therapy plateau"]. {@code plateau} is true when all of these hold:
 *
 * <ol>
 *   <li>the window holds the full last N sessions (default 4; fewer sessions: false);
 *   <li>each of them has a high anxiety burden: {@code anxiety_time_s >=} {@link
 *       TrendConfig#highBurdenS()} (default 120 s). The session flag is not used: flags also come
 *       from safety events, ruptures and missed opportunities, which are not anxiety burden;
 *   <li>no decline: the slope is {@code >= 0}, or negative but not significantly so, i.e. its
 *       one-sided p-value (Student t with N - 2 degrees of freedom, from the slope's standard
 *       error) is {@code >=} {@link TrendConfig#declineAlpha()} (default 0.05). An exact linear
 *       decline has p = 0.
 * </ol>
 *
 * A plateau row carries the note {@value #PLATEAU_NOTE}: a prompt for supervision, never a
 * diagnosis.
 */
public final class ClientTrend {
    /** The {@code note} of a plateau row. */
    public static final String PLATEAU_NOTE = "discuss in supervision: consider consultation";

    private static final Comparator<SessionRow> SESSION_ORDER = Comparator.comparingInt(
                    (SessionRow s) -> s.sessionNumber)
            .thenComparingLong(s -> s.mediaStartMillis)
            .thenComparing(s -> s.sessionId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ClientTrend() {}

    /**
     * The table for these sessions.
     *
     * @throws NullPointerException when a session has no client key
     */
    public static List<ClientRow> rows(List<SessionRow> sessions, TrendConfig cfg) {
        Map<String, List<SessionRow>> byClient = new TreeMap<>();
        for (SessionRow s : sessions) {
            Objects.requireNonNull(s.clientKey, () -> "session " + s.sessionId + " has no client key");
            byClient.computeIfAbsent(s.clientKey, k -> new ArrayList<>()).add(s);
        }
        List<ClientRow> out = new ArrayList<>();
        for (List<SessionRow> client : byClient.values()) {
            List<SessionRow> ordered = new ArrayList<>(client);
            ordered.sort(SESSION_ORDER);
            List<SessionRow> measured = new ArrayList<>();
            for (SessionRow s : ordered) {
                if (s.anxietyTimeS == null) {
                    out.add(row(s, List.of(), cfg));
                    continue;
                }
                measured.add(s);
                int n = measured.size();
                out.add(row(s, measured.subList(Math.max(0, n - cfg.lastN()), n), cfg));
            }
        }
        return out;
    }

    private static ClientRow row(SessionRow s, List<SessionRow> window, TrendConfig cfg) {
        ClientRow r = new ClientRow();
        r.clientKey = s.clientKey;
        r.sessionNumber = s.sessionNumber;
        r.sessionId = s.sessionId;
        r.therapistId = s.therapistId;
        r.sessionDate = s.sessionDate;
        r.anxietyEpisodes = s.anxietyEpisodes;
        r.anxietyTimeS = s.anxietyTimeS;
        r.peakAnxietyIndex = s.peakAnxietyIndex;
        if (s.annotationCount > 0) {
            // an uncoded session's 0s say nothing about ruptures (as in trainees/)
            r.rupturesWithdrawal = s.rupturesWithdrawal;
            r.rupturesConfrontation = s.rupturesConfrontation;
            r.rupturesUnaddressed = s.rupturesUnaddressed;
        }
        r.trendSessions = window.size();
        SimpleRegression reg = new SimpleRegression();
        for (SessionRow w : window) {
            reg.addData(w.sessionNumber, w.anxietyTimeS);
            if (w.anxietyTimeS >= cfg.highBurdenS()) {
                r.highBurdenSessions++;
            }
        }
        double slope = reg.getSlope(); // NaN with < 2 points or all x equal
        r.anxietyTrendSPerSession = Double.isNaN(slope) ? null : slope;
        r.declineP = declineP(reg, slope);
        boolean declining = r.declineP != null && r.declineP < cfg.declineAlpha();
        r.plateau = window.size() == cfg.lastN()
                && r.highBurdenSessions == cfg.lastN()
                && r.anxietyTrendSPerSession != null
                && !declining;
        r.note = r.plateau ? PLATEAU_NOTE : null;
        return r;
    }

    /**
     * One-sided p-value of a negative slope (H1: slope < 0), from t = slope / SE(slope) with
     * n - 2 degrees of freedom; 0 for an exact decline (SE 0); null when the slope is not
     * negative or there are fewer than 3 points.
     */
    static Double declineP(SimpleRegression reg, double slope) {
        long n = reg.getN();
        if (n < 3 || Double.isNaN(slope) || slope >= 0) {
            return null;
        }
        double se = reg.getSlopeStdErr();
        if (!(se > 0)) {
            return 0.0;
        }
        TDistribution t = new TDistribution(null, n - 2);
        return t.cumulativeProbability(slope / se);
    }
}
