package org.sessionreview.jobs.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sessionreview.parquet.TableReader;

/**
 * The review tables a report is made from, read once, with the consent rule applied at the door:
 * rows of sessions without supervision consent ({@code consent_supervision = false}) are dropped
 * from every per-session table here, so no page can show them; only their session ids are kept
 * ({@link #withheld()}). The cross-session tables ({@code trainees/}, {@code clients/}) aggregate
 * every session, so they are kept whole here and {@link TrendViews} decides what of them to use.
 *
 * <p>Per-session rows keep the tables' order (file-name order, then row order), grouped by
 * session id in a sorted map, so the same tables always give the same pages.
 */
public final class ReportTables {
    /** The per-session tables a session page uses. */
    static final List<String> SESSION_TABLES =
            List.of("moments", "windows", "synchrony", "ruptures", "segments", "annotations", "artifacts");

    /** Every table {@link #load} reads: {@code sessions/}, the per-session tables, {@code trainees/}, {@code clients/}. */
    static final List<String> READ = java.util.stream.Stream.of(
                    List.of("sessions"), SESSION_TABLES, List.of("trainees", "clients"))
            .flatMap(List::stream)
            .toList();

    private final List<Map<String, Object>> sessions;
    private final Set<String> withheld;
    private final Set<String> therapistsWithWithheld = new TreeSet<>();
    private final Set<String> clientsWithWithheld = new TreeSet<>();
    private final Map<String, Map<String, List<Map<String, Object>>>> bySession;
    private final List<Map<String, Object>> trainees;
    private final List<Map<String, Object>> clients;
    private final Map<String, Map<String, String>> footers;
    private final PageNames names;

    ReportTables(
            List<Map<String, Object>> allSessions,
            Map<String, List<Map<String, Object>>> perSessionTables,
            List<Map<String, Object>> trainees,
            List<Map<String, Object>> clients,
            Map<String, Map<String, String>> footers) {
        List<Map<String, Object>> kept = new ArrayList<>();
        Set<String> withheldIds = new TreeSet<>();
        for (Map<String, Object> s : allSessions) {
            if (Rows.bool(s, "consent_supervision")) {
                kept.add(s);
            } else {
                withheldIds.add(Rows.str(s, "session_id"));
                therapistsWithWithheld.add(Rows.str(s, "therapist_id"));
                clientsWithWithheld.add(Rows.str(s, "client_key"));
            }
        }
        this.sessions = Collections.unmodifiableList(kept);
        this.withheld = Collections.unmodifiableSet(withheldIds);
        Set<String> consented = new TreeSet<>();
        kept.forEach(s -> consented.add(Rows.str(s, "session_id")));
        Map<String, Map<String, List<Map<String, Object>>>> grouped = new TreeMap<>();
        for (Map.Entry<String, List<Map<String, Object>>> t : perSessionTables.entrySet()) {
            for (Map<String, Object> row : t.getValue()) {
                String id = Rows.str(row, "session_id");
                if (id != null && consented.contains(id)) {
                    grouped.computeIfAbsent(id, k -> new TreeMap<>())
                            .computeIfAbsent(t.getKey(), k -> new ArrayList<>())
                            .add(row);
                }
            }
        }
        this.bySession = grouped;
        this.trainees = List.copyOf(trainees);
        this.clients = List.copyOf(clients);
        this.footers = Collections.unmodifiableMap(new TreeMap<>(footers));
        // the ids that get a page: the consented sessions, and their therapists and clients (the
        // trainee and client pages are those of the queue, QueueView); before 2026-12-06 one pool
        // of every kind and of withheld sessions, so a client key or a withheld session's id could
        // hash a visible page's name
        List<String> sessionIds = new ArrayList<>();
        List<String> therapistIds = new ArrayList<>();
        List<String> clientKeys = new ArrayList<>();
        for (Map<String, Object> s : kept) {
            sessionIds.add(Rows.str(s, "session_id"));
            therapistIds.add(Rows.str(s, "therapist_id"));
            clientKeys.add(Rows.str(s, "client_key"));
        }
        this.names = PageNames.of(sessionIds, therapistIds, clientKeys);
    }

    /** The page names of this report's sessions, trainees and clients, per folder. */
    public PageNames names() {
        return names;
    }

    /** A folder that is not a review's output: no {@code sessions/} table in it. */
    public static final class NotATablesFolderException extends Exception {
        private static final long serialVersionUID = 1L;

        NotATablesFolderException(String message) {
            super(message);
        }
    }

    /**
     * Checks that {@code dir} is a folder with a {@code sessions/} table, without reading it.
     *
     * @throws NotATablesFolderException with a one-line message when it is not
     */
    public static void check(Path dir) throws NotATablesFolderException {
        if (!Files.isDirectory(dir)) {
            throw new NotATablesFolderException(
                    "--tables " + dir + " is not a folder: give the --out folder of a review");
        }
        if (TableReader.files(dir.resolve("sessions")).isEmpty()) {
            throw new NotATablesFolderException("--tables " + dir + " holds no sessions table (sessions/*.parquet):"
                    + " give the --out folder of a review");
        }
    }

    /**
     * Reads the tables under {@code dir} (the {@code --out} folder of a review).
     *
     * @throws NotATablesFolderException when {@code dir} is not a folder or has no {@code
     *     sessions/} table
     */
    public static ReportTables load(Path dir) throws NotATablesFolderException {
        check(dir);
        Map<String, Map<String, String>> footers = new LinkedHashMap<>();
        TableReader.Table sessions = TableReader.read(dir, "sessions");
        footers.put("sessions", sessions.footer());
        Map<String, List<Map<String, Object>>> perSession = new LinkedHashMap<>();
        for (String name : SESSION_TABLES) {
            TableReader.Table t = TableReader.read(dir, name);
            perSession.put(name, t.rows());
            footers.put(name, t.footer());
        }
        TableReader.Table trainees = TableReader.read(dir, "trainees");
        TableReader.Table clients = TableReader.read(dir, "clients");
        footers.put("trainees", trainees.footer());
        footers.put("clients", clients.footer());
        return new ReportTables(sessions.rows(), perSession, trainees.rows(), clients.rows(), footers);
    }

    /** Sessions with supervision consent, in the table's order. */
    public List<Map<String, Object>> sessions() {
        return sessions;
    }

    /** Ids of the sessions without supervision consent, sorted: listed as withheld, nothing else. */
    public Set<String> withheld() {
        return withheld;
    }

    /** Rows of {@code table} for a consented session (empty for any other). */
    public List<Map<String, Object>> rows(String sessionId, String table) {
        return bySession.getOrDefault(sessionId, Map.of()).getOrDefault(table, List.of());
    }

    /** The {@code trainees/} table as written by the review (all sessions, consented or not). */
    List<Map<String, Object>> traineesTable() {
        return trainees;
    }

    /** The {@code clients/} table as written by the review (all sessions, consented or not). */
    List<Map<String, Object>> clientsTable() {
        return clients;
    }

    /** Whether a session of this therapist is withheld: the trainees table's rows for them count it. */
    boolean hasWithheld(String therapistId) {
        return therapistsWithWithheld.contains(therapistId);
    }

    /** Whether a session of this client is withheld: the clients table's trend may count it. */
    boolean clientHasWithheld(String clientKey) {
        return clientsWithWithheld.contains(clientKey);
    }

    /** Footer key/values per table read (empty for a missing table). */
    public Map<String, Map<String, String>> footers() {
        return footers;
    }
}
