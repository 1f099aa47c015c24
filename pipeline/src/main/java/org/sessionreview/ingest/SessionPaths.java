package org.sessionreview.ingest;

import java.io.IOException;
import org.sessionreview.storage.Entry;

/**
 * Confines the paths named in {@code session.json} ({@code wearables}, {@code annotations},
 * {@code codebook}) to the session folder: an entry is read only when it is a relative name
 * without {@code ..} segments and, once symbolic links are resolved, lies inside the session
 * folder. Anything else is a reject whose reason quotes nothing of the target, so a session can
 * never pull in another session's recordings, another client's codes or a system file. The
 * run-wide {@code --codebook} and {@code --baselines} are the only files read from outside the
 * sessions root.
 */
final class SessionPaths {
    /** The reason given for an entry that escapes the session folder. */
    static final String OUTSIDE =
            "must name a file or folder inside the session folder (no '..', no absolute path, no symbolic link"
                    + " leading out, broken or looping): not read";

    private SessionPaths() {}

    /**
     * The entry resolved inside {@code sessionDir}, or null when it names something outside it
     * (syntactically, or through a symbolic link). An entry that does not exist resolves to its
     * would-be path (the caller reports it as not found).
     */
    static Entry resolve(Entry sessionDir, String entry) {
        if (entry == null || entry.isBlank() || entry.indexOf('\0') >= 0) {
            return null;
        }
        String e = entry.replace('\\', '/');
        if (e.startsWith("/") || e.matches("^[A-Za-z]:.*")) {
            return null;
        }
        for (String segment : e.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
        }
        Entry p;
        try {
            p = sessionDir.resolve(e);
        } catch (IllegalArgumentException ex) { // an InvalidPathException on a local disk
            return null;
        }
        if (!p.startsWith(sessionDir)) {
            return null;
        }
        if (!p.exists()) {
            return p.isSymbolicLink() ? null : p; // a dangling link points nowhere we may read
        }
        try {
            return p.real().startsWith(sessionDir.real()) ? p : null;
        } catch (IOException ex) {
            return null;
        }
    }

    /**
     * A listed name without {@code .} segments, with {@code /} between folders, in lower case: two
     * names folding alike name one file on a case-insensitive disk.
     */
    static String folded(String name) {
        StringBuilder b = new StringBuilder();
        for (String segment : name.replace('\\', '/').split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                b.append(b.isEmpty() ? "" : "/").append(segment.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.toString();
    }
}
