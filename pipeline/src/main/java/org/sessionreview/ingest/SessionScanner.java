package org.sessionreview.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionreview.ingest.session.SessionManifestParser;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.TextEncoding;

/**
 * Lists the session folders under a sessions root: every non-hidden folder holding {@code
 * session.json}, at any depth up to {@link #MAX_DEPTH} (an archive filed by cohort, trainee and
 * year), in name order, depth first (those reached through a symbolic link after all others, one
 * that is a folder already taken a reject); in a session folder only its own sub-folders holding
 * {@code session.json} are sessions too (a session copied into another's; links not followed). A folder with no {@code session.json} in it or in any folder below it
 * (one row for the whole tree), or whose {@code session_id} repeats one seen in
 * an earlier folder (in any case: {@code S1} and {@code s1} are one session), or whose {@code
 * session.json} is a symbolic link leading out of the folder, becomes a reject here and is not processed; everything else (including a
 * broken {@code session.json}) goes to ingestion, which reports its own problems.
 */
public final class SessionScanner {
    /** File name of a session's manifest. */
    public static final String MANIFEST = "session.json";

    /** The result: folders to ingest (relative to the root) and what was rejected up front. */
    public record Scan(List<String> folders, List<Reject> rejects, List<InputFileStats> files) {}

    /**
     * How many folders deep below the sessions root session folders are searched for (an archive
     * filed by cohort, trainee and year is 3-4 deep); a folder deeper still is one reject row.
     */
    public static final int MAX_DEPTH = 32;

    private static final String NO_SESSION =
            "folder has no " + MANIFEST + ", nor does any folder inside it: not a session folder";

    /** {@link Walk#folder}'s answer for a tree holding no session and giving no reject row. */
    private static final int EMPTY = -1;

    private SessionScanner() {}

    /**
     * Why {@code root} cannot be reviewed at all, or empty when it can: it is itself a session
     * folder (it holds {@value #MANIFEST}), or it holds no folder that could be a session.
     */
    public static Optional<String> rootProblem(Path root) throws IOException {
        return rootProblem(LocalEntry.of(root));
    }

    /** As {@link #rootProblem(Path)}, on any file system. */
    public static Optional<String> rootProblem(Entry root) throws IOException {
        if (root.resolve(MANIFEST).exists()) {
            return Optional.of("sessions root " + root + " is itself a session folder (it holds " + MANIFEST
                    + "): give the folder that contains the session folders");
        }
        if (root.list().stream().noneMatch(p -> !hidden(p) && (p.isDirectory() || !p.isRegularFile()))) {
            return Optional.of("sessions root " + root + " holds no session folders (one folder per session,"
                    + " each with a " + MANIFEST + ")");
        }
        return Optional.empty();
    }

    public static Scan scan(Path root) throws IOException {
        return scan(LocalEntry.of(root));
    }

    /** Lists the session folders of {@code root} (see the class comment), on any file system. */
    public static Scan scan(Entry root) throws IOException {
        Walk w = new Walk(root.real());
        w.folder(root, "", 0, List.of(w.realRoot), false);
        w.linkedSessions();
        return new Scan(w.folders, w.rejects, w.files);
    }

    /** A session folder reached through a symbolic link, taken after the others. */
    private record Linked(Entry dir, Entry manifest, String name, int depth, List<Entry> ancestors) {}

    /** The state of one scan: what was found so far, and the session ids seen. */
    private static final class Walk {
        final Entry realRoot;
        final List<String> folders = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        final List<InputFileStats> files = new ArrayList<>();
        final Map<String, String> seen = new HashMap<>(); // session_id lower-cased -> its first folder
        final Map<String, String> seenIds = new HashMap<>(); // ... -> the session_id as written there
        final Map<String, String> realFolders = new HashMap<>(); // a session folder's real path -> its name
        final List<Linked> linked = new ArrayList<>(); // session folders reached through a link

        Walk(Entry realRoot) {
            this.realRoot = realRoot;
        }

        /**
         * Searches the folder {@code dir} ({@code prefix} its path below the root, empty or ending
         * in {@code /}) for session folders; returns how many sessions and rejects it gave, or
         * {@link #EMPTY} when its folders hold no session (the caller names the top of that tree).
         */
        int folder(Entry dir, String prefix, int depth, List<Entry> ancestors, boolean viaLink) throws IOException {
            int found = 0;
            List<String> empty = new ArrayList<>();
            List<Integer> at = new ArrayList<>(); // where each empty tree's row goes: name order
            for (Entry sub : dir.list()) {
                if (hidden(sub) || sub.isRegularFile()) {
                    continue; // plain files are documented as ignored, hidden folders (.git) too
                }
                int n = entry(dir, sub, prefix + sub.name(), depth, ancestors, viaLink || sub.isSymbolicLink());
                if (n == EMPTY) {
                    empty.add(prefix + sub.name());
                    at.add(rejects.size());
                } else {
                    found += n;
                }
            }
            if (found > 0 || depth == 0) {
                // one row for the top of each tree without a session (2,000 empty folders: one row)
                for (int i = empty.size() - 1; i >= 0; i--) {
                    rejectFolder(rejects, files, null, empty.get(i) + "/", NO_SESSION, 0);
                    rejects.add(at.get(i), rejects.remove(rejects.size() - 1));
                    files.add(at.get(i), files.remove(files.size() - 1));
                }
                return found + empty.size();
            }
            return empty.isEmpty() ? 0 : EMPTY;
        }

        private int entry(Entry parent, Entry dir, String name, int depth, List<Entry> ancestors, boolean viaLink)
                throws IOException {
            String problem = folderProblem(dir, realRoot);
            if (problem == null && !parent.resolve(dir.name()).exists()) {
                problem = undecodableName();
            }
            Entry manifest = dir.resolve(MANIFEST);
            if (problem == null && !manifest.isRegularFile() && !manifest.exists()) {
                Entry real = dir.real();
                if (ancestors.stream().anyMatch(a -> a.startsWith(real))) {
                    problem = "folder is a symbolic link to a folder that holds it (a loop): not searched";
                } else if (depth + 1 >= MAX_DEPTH) {
                    problem = "folder lies " + MAX_DEPTH + " folders below the sessions root: not searched deeper";
                } else {
                    List<Entry> down = new ArrayList<>(ancestors);
                    down.add(real);
                    int below = folder(dir, name + "/", depth + 1, down, viaLink);
                    if (below > 0) {
                        return below; // a folder of session folders
                    }
                    return EMPTY; // the caller names the top of a tree without a session
                }
            }
            if (problem != null) {
                rejectFolder(rejects, files, null, name + "/", problem, 0);
                return 1;
            }
            if (!manifest.isRegularFile()) {
                rejectFolder(
                        rejects, files, null, name + "/", MANIFEST + " is not a regular file: not a session folder", 0);
                return 1;
            }
            if (viaLink) {
                // taken after every folder reached without a link, so that a link to a session
                // folder (A/linkS1 -> ../S1) never wins over the folder itself (review of 2026-12-07)
                linked.add(new Linked(dir, manifest, name, depth, ancestors));
                return 1;
            }
            sessionAndCopies(dir, manifest, name, depth, ancestors, false);
            return 1;
        }

        private void sessionAndCopies(
                Entry dir, Entry manifest, String name, int depth, List<Entry> ancestors, boolean viaLink)
                throws IOException {
            session(dir, manifest, name);
            // a session folder copied into another's is still a session (never lose input); only
            // the session's own sub-folders are looked at, never listed (a folder of 100,000 video
            // frames costs one look)
            if (depth + 1 < MAX_DEPTH) {
                for (Entry sub : dir.list()) {
                    if (!hidden(sub)
                            && !sub.isSymbolicLink()
                            && sub.resolve(MANIFEST).exists()) {
                        entry(dir, sub, name + "/" + sub.name(), depth + 1, ancestors, viaLink);
                    }
                }
            }
        }

        /**
         * The session folders reached through a symbolic link, after all others: one that is a
         * folder already taken (a folder of links to the sessions to review) is one reject row
         * naming it, not a duplicate session_id that skips the folder itself.
         */
        void linkedSessions() throws IOException {
            for (int i = 0; i < linked.size(); i++) { // sessions found below a linked one join the list
                Linked l = linked.get(i);
                String same = realFolders.get(l.dir().real().toString());
                if (same != null) {
                    rejectFolder(
                            rejects,
                            files,
                            null,
                            l.name() + "/",
                            "folder is reached through a symbolic link and is the session folder " + same
                                    + ", which is reviewed: not read twice",
                            0);
                    continue;
                }
                sessionAndCopies(l.dir(), l.manifest(), l.name(), l.depth(), l.ancestors(), true);
            }
        }

        private void session(Entry dir, Entry manifest, String name) throws IOException {
            String linkProblem = manifestLinkProblem(manifest, dir);
            if (linkProblem != null) {
                // seventeenth audit: read (hashed, listed in run.json, its session reviewed) although
                // nothing but --codebook and --baselines is read from outside the sessions root
                rejectFolder(rejects, files, null, name + "/" + MANIFEST, linkProblem, 0);
                return;
            }
            String id = peekSessionId(manifest);
            // case aside: BORIS observations are matched to a session so, and a report's page per
            // session would be one file on a case-insensitive disk
            String key = id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
            if (key != null && seen.containsKey(key)) {
                String first = seen.get(key);
                rejectFolder(
                        rejects,
                        files,
                        id,
                        name + "/" + MANIFEST,
                        "duplicate session_id (already in folder " + first
                                + (seenIds.get(key).equals(id) ? "" : ", written in another case")
                                + (name.startsWith(first + "/")
                                        // a copy of the manifest in a wearer's folder: its files are still
                                        // read where the session's own session.json names them (review)
                                        ? "): not reviewed as a session of its own; its files are read only" + " where "
                                                + first + "/" + MANIFEST + " names them"
                                        : "): folder skipped"),
                        manifest.size());
                return;
            }
            if (key != null) {
                seen.put(key, name);
                seenIds.put(key, id);
            }
            realFolders.putIfAbsent(dir.real().toString(), name);
            folders.add(name);
        }
    }

    /** Why a folder cannot be searched or be a session folder, or null when it can. */
    private static String folderProblem(Entry dir, Entry realRoot) {
        if (!dir.exists()) {
            return "entry cannot be followed (a broken or looping symbolic link)";
        }
        if (!dir.isDirectory()) {
            return "entry is neither a folder nor a plain file";
        }
        try {
            if (!dir.real().startsWith(realRoot)) {
                return "session folder is a symbolic link leading out of the sessions root: not read";
            }
        } catch (IOException e) {
            return "session folder cannot be resolved (" + e.getClass().getSimpleName() + ")";
        }
        if (!dir.isListable()) {
            return "session folder is not readable (permissions)";
        }
        return null;
    }

    /**
     * Why {@code manifest} may not be read although it is a regular file: it is a symbolic link
     * that resolves outside its session folder {@code dir} (README, Confinement: every file a
     * session reads lies inside its folder), or cannot be resolved. Quotes nothing of the target.
     */
    private static String manifestLinkProblem(Entry manifest, Entry dir) {
        try {
            if (manifest.isSymbolicLink() && !manifest.real().startsWith(dir.real())) {
                return MANIFEST + " is a symbolic link leading out of the session folder: not read";
            }
            return null;
        } catch (IOException e) {
            return MANIFEST + " cannot be resolved (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Why a folder that was listed cannot be found again by its name: the name's bytes are not
     * text in the JVM's file-name encoding (a Latin-1 or Windows name unpacked from an archive
     * made on another system, or a UTF-8 name under {@code LANG=C}), so the name read from the
     * listing holds replacement characters and names no folder; every file of the session would
     * be "not found".
     */
    private static String undecodableName() {
        return "the folder's name is not valid in this JVM's file-name encoding ("
                + System.getProperty("sun.jnu.encoding", "unknown")
                + "; bytes of another encoding, e.g. a folder unpacked from an archive made on another"
                + " system): the folder cannot be opened by its name; rename it (or, for a UTF-8 name, run"
                + " with a UTF-8 locale, e.g. LANG=C.UTF-8)";
    }

    private static void rejectFolder(
            List<Reject> rejects, List<InputFileStats> files, String sessionId, String path, String reason, long size) {
        rejects.add(new Reject(sessionId, path, 0, reason, null));
        InputFileStats f = new InputFileStats(sessionId, path, "session");
        f.sizeBytes = size;
        f.recordsRead = 1;
        f.recordsRejected = 1;
        f.firstReject = reason;
        files.add(f);
    }

    private static boolean hidden(Entry p) {
        return p.name().startsWith(".");
    }

    /** The session id as ingestion will read it: the same decoding and JSON rules. */
    private static String peekSessionId(Entry manifest) {
        try {
            return SessionManifestParser.peekSessionId(TextEncoding.decode(manifest.readAllBytes()))
                    .orElse(null);
        } catch (IOException e) {
            return null; // ingestion reports the unreadable manifest
        }
    }
}
