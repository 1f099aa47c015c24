package org.sessionreview.jobs.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sessionreview.report.SessionRow;

/**
 * A client's sessions whose {@code session_number}s do not follow their dates: two sessions with
 * one number, or a later session with a lower number (a client moved to another trainee who
 * numbered from 1 again, a typing error). The client table orders a client's sessions, and draws
 * its trend, by session number (README, {@code clients/}), so such an archive gives a trend over
 * the wrong sessions; the review cannot tell which number is meant, so it reviews every session
 * and says so in {@code run.json} ({@code session_numbering}) and on the console.
 */
final class SessionNumbering {
    private SessionNumbering() {}

    /**
     * One client's inconsistent numbering.
     *
     * @param clientKey the client's pseudonym
     * @param sessionIds the client's sessions in date order
     * @param numbers their session numbers, in the same order
     * @param reason {@code repeated} (a number used twice) or {@code out of date order}
     */
    record Finding(String clientKey, List<String> sessionIds, List<Integer> numbers, String reason) {}

    /** The clients (by key) whose session numbers repeat or fall with date, by client key. */
    static List<Finding> find(List<SessionRow> sessions) {
        Map<String, List<SessionRow>> byClient = new TreeMap<>();
        for (SessionRow s : sessions) {
            if (s.clientKey != null) {
                byClient.computeIfAbsent(s.clientKey, k -> new ArrayList<>()).add(s);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<SessionRow>> e : byClient.entrySet()) {
            List<SessionRow> dated = new ArrayList<>(e.getValue());
            dated.sort(Comparator.comparingLong((SessionRow s) -> s.mediaStartMillis)
                    .thenComparing(s -> s.sessionId, Comparator.nullsFirst(Comparator.naturalOrder())));
            boolean repeated = false;
            boolean falls = false;
            for (int i = 1; i < dated.size(); i++) {
                int before = dated.get(i - 1).sessionNumber;
                int now = dated.get(i).sessionNumber;
                repeated |= dated.stream().limit(i).anyMatch(s -> s.sessionNumber == now);
                falls |= now < before;
            }
            if (repeated || falls) {
                out.add(new Finding(
                        e.getKey(),
                        dated.stream().map(s -> s.sessionId).toList(),
                        dated.stream().map(s -> s.sessionNumber).toList(),
                        repeated ? "repeated" : "out of date order"));
            }
        }
        return out;
    }
}
