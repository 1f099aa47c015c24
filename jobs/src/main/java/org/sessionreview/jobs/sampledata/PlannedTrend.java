package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The client-trend facts of planted.json (the plateau), taken from the plan: each client's
 * {@link ClientPlan#plateau} flag is the design's statement, and this class only checks, with
 * plain arithmetic on the planted episode durations, that the episodes fit it with margins. No
 * regression and no call into the pipeline: the pipeline's own rule is what the end-to-end test
 * checks against these facts.
 *
 * <p>The plateau rule as the README states it: at a session whose window (it and the client's
 * sessions before it) holds the last {@value #LAST_N} sessions, each has anxiety_time_s >= {@value
 * #HIGH_BURDEN_S} s and the burden shows no significant decline. The plan keeps clear of the
 * rule's edges:
 *
 * <ul>
 *   <li><b>planted plateau</b> (the latest session of a plateau client): each of the last {@value
 *       #LAST_N} sessions has >= {@value #HIGH_BURDEN_S} + {@value #MARGIN_S} s of planted
 *       episodes (a detected episode may be a little shorter than planted), the session numbers
 *       are consecutive, and the latest session's burden is at least the mean of the {@value
 *       #LAST_N}: no decline by construction. (A least-squares slope cannot then be a significant
 *       decline: the last point's residual is at least 1.5 |slope| at leverage 0.7, which bounds
 *       t at -2/sqrt(3) = -1.15; the one-sided 5 % critical value with 2 degrees of freedom is
 *       -2.92.)
 *   <li><b>planted non-plateau</b>: the window is not full (fewer than {@value #LAST_N}
 *       sessions so far), or one of its sessions has at most {@value #HIGH_BURDEN_S} - {@value
 *       #MARGIN_S} s of planted episodes.
 * </ul>
 *
 * A plan whose episodes fit neither case for a session is refused.
 */
final class PlannedTrend {
    /** Sessions in the plateau window (README: the last 4). */
    static final int LAST_N = 4;
    /** A session's burden is high from this much client anxiety time, seconds (README: 120 s). */
    static final double HIGH_BURDEN_S = 120;
    /** One-sided significance level of a decline, as the README states the rule; never computed with. */
    static final double DECLINE_ALPHA = 0.05;
    /** How far the planted burden keeps from {@link #HIGH_BURDEN_S}, seconds. */
    static final double MARGIN_S = 30;

    /** One session of a client's trend: its planted burden and whether it must be a plateau. */
    record SessionBurden(SessionPlan session, double plantedS, boolean plateau) {}

    private PlannedTrend() {}

    /** Sum of the planted episode durations (start to end), seconds. */
    static double plantedBurdenS(SessionPlan s) {
        return s.episodes().stream().mapToDouble(e -> e.endS() - e.startS()).sum();
    }

    /** Raw ids of the clients planned to plateau, sorted. */
    static List<String> plateauClients(List<ClientPlan> clients) {
        return clients.stream()
                .filter(ClientPlan::plateau)
                .map(ClientPlan::clientId)
                .sorted()
                .toList();
    }

    /**
     * Per client (raw id, sorted): its sessions by session number with the planted burden, and
     * plateau true only at the latest session of a client the plan says plateaus.
     */
    static Map<String, List<SessionBurden>> trends(List<SessionPlan> sessions, List<ClientPlan> clients) {
        Map<String, List<SessionBurden>> out = new TreeMap<>();
        for (ClientPlan c : clients) {
            List<SessionPlan> own = sessionsOf(sessions, c.clientId());
            List<SessionBurden> rows = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                rows.add(new SessionBurden(own.get(i), plantedBurdenS(own.get(i)), c.plateau() && i == own.size() - 1));
            }
            out.put(c.clientId(), List.copyOf(rows));
        }
        return out;
    }

    /** Fails unless every client is planned once and the episodes fit each plateau flag. */
    static void validate(List<SessionPlan> sessions, List<ClientPlan> clients) {
        Set<String> planned = new HashSet<>();
        for (ClientPlan c : clients) {
            check(planned.add(c.clientId()), c.clientId() + " is planned twice");
        }
        for (SessionPlan s : sessions) {
            check(planned.contains(s.clientId()), s.sessionId() + ": client " + s.clientId() + " has no ClientPlan");
        }
        trends(sessions, clients).forEach((client, rows) -> {
            check(!rows.isEmpty(), client + " has no session");
            if (rows.get(rows.size() - 1).plateau()) {
                check(rows.size() >= LAST_N, client + ": a plateau needs " + LAST_N + " sessions");
            }
            for (int i = LAST_N - 1; i < rows.size(); i++) {
                List<SessionBurden> window = rows.subList(i - LAST_N + 1, i + 1);
                String where = client + " session #" + rows.get(i).session().sessionNumber();
                if (rows.get(i).plateau()) {
                    checkPlateau(window, where);
                } else {
                    check(
                            window.stream().anyMatch(w -> w.plantedS() <= HIGH_BURDEN_S - MARGIN_S),
                            where + ": planned without a plateau, yet every session of its window"
                                    + " has more than " + (HIGH_BURDEN_S - MARGIN_S)
                                    + " s of planted episodes");
                }
            }
        });
    }

    private static void checkPlateau(List<SessionBurden> window, String where) {
        double sum = 0;
        for (int j = 0; j < window.size(); j++) {
            SessionBurden w = window.get(j);
            check(
                    w.plantedS() >= HIGH_BURDEN_S + MARGIN_S,
                    where + ": planned plateau, yet "
                            + w.session().sessionId() + " has only " + w.plantedS()
                            + " s of planted episodes");
            check(
                    j == 0
                            || w.session().sessionNumber()
                                    == window.get(j - 1).session().sessionNumber() + 1,
                    where + ": the plateau window's session numbers are not consecutive");
            sum += w.plantedS();
        }
        double last = window.get(window.size() - 1).plantedS();
        check(
                last >= sum / window.size(),
                where + ": planned plateau, yet the latest burden (" + last + " s) is below the window's mean ("
                        + sum / window.size() + " s)");
    }

    private static List<SessionPlan> sessionsOf(List<SessionPlan> sessions, String client) {
        List<SessionPlan> own = sessions.stream()
                .filter(s -> s.clientId().equals(client))
                .sorted(Comparator.comparingInt(SessionPlan::sessionNumber))
                .toList();
        for (int i = 1; i < own.size(); i++) {
            check(
                    own.get(i).sessionNumber() != own.get(i - 1).sessionNumber(),
                    client + " has two sessions #" + own.get(i).sessionNumber());
        }
        return own;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("cohort plan: " + message);
        }
    }
}
