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
 * Lists the session folders under a sessions root: every non-hidden sub-directory, in name
 * order. A folder without {@code session.json}, or whose {@code session_id} repeats one seen in
 * an earlier folder (in any case: {@code S1} and {@code s1} are one session), or whose {@code
 * session.json} is a symbolic link leading out of the folder, becomes a reject here and is not processed; everything else (including a
 * broken {@code session.json}) goes to ingestion, which reports its own problems.
 */
public final class SessionScanner {
    /** File name of a session's manifest. */
    public static final String MANIFEST = "session.json";

    /** The result: folders to ingest (relative to the root) and what was rejected up front. */
    public record Scan(List<String> folders, List<Reject> rejects, List<InputFileStats> files) {}

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
        Entry realRoot = root.real();
        List<Entry> entries = root.list().stream().filter(p -> !hidden(p)).toList();
        List<String> folders = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<InputFileStats> files = new ArrayList<>();
        Map<String, String> seen = new HashMap<>(); // session_id lower-cased -> its first folder
        Map<String, String> seenIds = new HashMap<>(); // ... -> the session_id as written there
        for (Entry dir : entries) {
            String name = dir.name();
            if (dir.isRegularFile()) {
                continue; // plain files at the root are documented as ignored
            }
            String problem = folderProblem(dir, realRoot);
            if (problem == null && !root.resolve(name).exists()) {
                problem = undecodableName();
            }
            if (problem != null) {
                rejectFolder(rejects, files, null, name + "/", problem, 0);
                continue;
            }
            Entry manifest = dir.resolve(MANIFEST);
            if (!manifest.isRegularFile()) {
                rejectFolder(
                        rejects,
                        files,
                        null,
                        name + "/",
                        manifest.exists()
                                ? MANIFEST + " is not a regular file: not a session folder"
                                : "folder has no " + MANIFEST + ": not a session folder",
                        0);
                continue;
            }
            String linkProblem = manifestLinkProblem(manifest, dir);
            if (linkProblem != null) {
                // seventeenth audit: read (hashed, listed in run.json, its session reviewed) although
                // nothing but --codebook and --baselines is read from outside the sessions root
                rejectFolder(rejects, files, null, name + "/" + MANIFEST, linkProblem, 0);
                continue;
            }
            String id = peekSessionId(manifest);
            // case aside: BORIS observations are matched to a session so, and a report's page per
            // session would be one file on a case-insensitive disk
            String key = id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
            if (key != null && seen.containsKey(key)) {
                rejectFolder(
                        rejects,
                        files,
                        id,
                        name + "/" + MANIFEST,
                        "duplicate session_id (already in folder " + seen.get(key)
                                + (seenIds.get(key).equals(id) ? "" : ", written in another case")
                                + "): folder skipped",
                        manifest.size());
                continue;
            }
            if (key != null) {
                seen.put(key, name);
                seenIds.put(key, id);
            }
            folders.add(name);
        }
        return new Scan(folders, rejects, files);
    }

    /** Why an entry of the root cannot be a session folder, or null when it can. */
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
