package org.sessionreview.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionreview.ingest.session.Pseudonymizer;

/**
 * The research export's keyed pseudonyms: {@code prefix + the first 16 hex digits of
 * HMAC-SHA256(key, domain + ":" + value)}, domain-separated so that a therapist, a session and a
 * client never share a pseudonym input, and the same key always gives the same pseudonym (exports
 * made with the same key join). Without the key a pseudonym cannot be recomputed from a guessed id.
 *
 * <ul>
 *   <li>therapist: {@code t_} + HMAC over {@code therapist:<therapist_id>};
 *   <li>session: {@code s_} + HMAC over {@code session:<session_id>} (our session ids embed the
 *       therapist id and the date and time, e.g. {@code T02-20260319-0900});
 *   <li>client: {@code c_} + HMAC over {@code client:<client_key>}: the review's client key is
 *       keyed again, so export rows cannot be joined to the review tables by client key.
 * </ul>
 *
 * 16 hex digits are 64 bits; two different ids of one kind that meet the same pseudonym stop the
 * export (never a silent merge).
 */
public final class ResearchPseudonyms {
    private final Pseudonymizer key;
    private final Map<String, String> seen = new HashMap<>();

    public ResearchPseudonyms(Pseudonymizer key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public String therapist(String therapistId) {
        return of("t_", "therapist", therapistId);
    }

    public String session(String sessionId) {
        return of("s_", "session", sessionId);
    }

    public String client(String clientKey) {
        return of("c_", "client", clientKey);
    }

    /** A baselines {@code person}: {@code client:<client_key>} or {@code therapist:<therapist_id>}, the id replaced. */
    public String person(String person) {
        if (person.startsWith("client:")) {
            return "client:" + client(person.substring("client:".length()));
        }
        if (person.startsWith("therapist:")) {
            return "therapist:" + therapist(person.substring("therapist:".length()));
        }
        throw new ExportException("a baselines person is neither client:<key> nor therapist:<id>");
    }

    private String of(String prefix, String domain, String value) {
        Objects.requireNonNull(value, () -> domain + " id is null");
        String p = prefix + key.pseudonym(domain + ":" + value).substring(0, 16);
        String before = seen.putIfAbsent(p, domain + ":" + value.trim());
        if (before != null && !before.equals(domain + ":" + value.trim())) {
            throw new ExportException("two " + domain + " ids have the same 64-bit pseudonym; nothing was exported");
        }
        return p;
    }
}
