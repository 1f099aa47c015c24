package org.sessionreview.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * Refuses an output folder that could destroy or mix with input: outputs never touch inputs.
 *
 * <p>{@code --out} is refused when it
 *
 * <ul>
 *   <li>is, contains, or is inside the sessions root (a run would replace its own input, or read
 *       its previous output as sessions);
 *   <li>is the file system root;
 *   <li>is the user's home folder or contains it.
 * </ul>
 *
 * Paths are compared after resolving symbolic links of the part that exists, so a link cannot
 * smuggle the sessions root in. Which folders inside an accepted {@code --out} may be replaced is
 * decided by {@link OutputDirectory} (only what this tool wrote, as its marker lists).
 */
public final class OutputGuard {
    private OutputGuard() {}

    /**
     * Checks {@code out} against the sessions root and the user's home. On a file system other
     * than the local disk the comparison is by URI (scheme, bucket or host, then path name by
     * name), the root is the bucket's or file system's root, and the home folder plays no part.
     *
     * @return the reason it is refused (one line), or empty when it is acceptable
     */
    public static Optional<String> check(Entry out, Entry sessionsRoot, Path home) {
        Entry o = real(out);
        Entry s = real(sessionsRoot);
        if (o.parent() == null) {
            return Optional.of("--out " + out + " is the file system root: choose a folder for the review tables");
        }
        if (o.equals(s)) {
            return Optional.of("--out " + out + " is the sessions root: outputs never go into the input folder");
        }
        if (s.startsWith(o)) {
            return Optional.of("--out " + out + " contains the sessions root " + sessionsRoot
                    + ": outputs never go where the recordings are; choose a folder beside it");
        }
        if (o.startsWith(s)) {
            return Optional.of("--out " + out + " is inside the sessions root " + sessionsRoot
                    + ": outputs never go into the input folder; choose a folder beside it");
        }
        return home(out, o, home);
    }

    /**
     * The same rules for a command whose input is a folder of review tables ({@code export
     * --tables}): {@code --out} is refused when it is, contains or is inside {@code input} (named
     * {@code inputName} in the message), is the file system root, or is or contains the home folder.
     */
    public static Optional<String> check(Entry out, Entry input, String inputName, Path home) {
        Entry o = real(out);
        Entry s = real(input);
        if (o.parent() == null) {
            return Optional.of("--out " + out + " is the file system root: choose a new folder");
        }
        if (o.equals(s)) {
            return Optional.of("--out " + out + " is the " + inputName + ": outputs never go into the input folder");
        }
        if (s.startsWith(o)) {
            return Optional.of("--out " + out + " contains the " + inputName + " " + input
                    + ": outputs never replace their input; choose a folder beside it");
        }
        if (o.startsWith(s)) {
            return Optional.of("--out " + out + " is inside the " + inputName + " " + input
                    + ": outputs never go into the input folder; choose a folder beside it");
        }
        return home(out, o, home);
    }

    private static Optional<String> home(Entry out, Entry o, Path home) {
        if (home != null && o instanceof LocalEntry) {
            Entry h = real(LocalEntry.of(home));
            if (h.startsWith(o)) {
                return Optional.of("--out " + out + (h.equals(o) ? " is" : " contains") + " the home folder " + home
                        + ": choose a folder for the review tables");
            }
        }
        return Optional.empty();
    }

    /** A local entry with {@link #real(Path)} applied; any other entry as it is (no links there). */
    private static Entry real(Entry e) {
        return e instanceof LocalEntry l ? LocalEntry.of(real(l.path())) : e;
    }

    /** The absolute, normalised path with the symbolic links of its existing part resolved. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
