package org.sessionreview.jobs.report;

import java.util.Collection;

/**
 * The file names of one report's pages, one {@link FileNames} per folder: {@code sessions/},
 * {@code trainees/} and {@code clients/}. Case twins ({@code T01} and {@code t01}, which would be
 * one file on a case-insensitive file system) are judged within a folder and among the ids that
 * get a page in it only: pages of different folders never share a file, so a trainee {@code T01}
 * and a client key {@code t01} keep their plain names; and an id without a page (a session
 * withheld for want of consent, its therapist or client when no consented session has them)
 * changes no visible page's name, which would otherwise hint at it.
 *
 * @param sessions names in {@code sessions/}, from session ids
 * @param trainees names in {@code trainees/}, from therapist ids
 * @param clients names in {@code clients/}, from client keys
 */
public record PageNames(FileNames sessions, FileNames trainees, FileNames clients) {
    /** Names for ids none of which differ from another of its folder only in case. */
    static final PageNames DISTINCT = new PageNames(FileNames.DISTINCT, FileNames.DISTINCT, FileNames.DISTINCT);

    /**
     * The names of a report whose pages are made from these ids (any order, repeats and nulls
     * allowed), each collection holding exactly the ids that get a page in its folder.
     */
    public static PageNames of(
            Collection<String> sessionIds, Collection<String> therapistIds, Collection<String> clientKeys) {
        return new PageNames(FileNames.of(sessionIds), FileNames.of(therapistIds), FileNames.of(clientKeys));
    }

    /** The page of a session in {@code sessions/}, {@code <session_id>.html} made safe. */
    public String session(String sessionId) {
        return sessions.page(sessionId);
    }

    /** The page of a trainee in {@code trainees/}, {@code <therapist_id>.html} made safe. */
    public String trainee(String therapistId) {
        return trainees.page(therapistId);
    }

    /** The page of a client in {@code clients/}, {@code <client_key>.html} made safe. */
    public String client(String clientKey) {
        return clients.page(clientKey);
    }
}
