package org.sessionreview.jobs.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus of bad inputs: one case per kind, each a damaged copy of the same intact 8-minute
 * session ({@link BaseSession}), generated from the sample cohort (never hand-edited copies).
 * {@link #write} lays it out under a sessions root beside the untouched copy {@code INTACT}.
 */
public final class BadInputCorpus {
    /** Folder and session_id of the untouched base session. */
    public static final String INTACT = "INTACT";

    public static final String INTACT_ID = "INTACT";

    private BadInputCorpus() {}

    /** Every case, numbered from 1 in family order: E4, session.json and paths, annotations, then later additions of any family. */
    public static List<BadInputCase> cases() {
        List<BadInputCase> all = new ArrayList<>();
        Stream.of(E4Cases.cases(), ManifestCases.cases(), AnnotationCases.cases(), LaterCases.cases())
                .forEach(all::addAll);
        List<BadInputCase> numbered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            numbered.add(all.get(i).numbered(i + 1));
        }
        return numbered;
    }

    /** The six E4 cases that used to stall or sink a run. */
    public static List<BadInputCase> killers() {
        return cases().stream().filter(c -> E4Cases.KILLERS.contains(c.kind())).toList();
    }

    /** Writes INTACT and every case under {@code root}; returns the base used. */
    public static BaseSession write(Path root) throws Exception {
        return write(root, cases());
    }

    /** Writes INTACT and the given cases under {@code root}. */
    public static BaseSession write(Path root, List<BadInputCase> cases) throws Exception {
        BaseSession base = BaseSession.fromSampleData();
        Path intact = root.resolve(INTACT);
        writeIntact(root, base);
        for (BadInputCase c : cases) {
            Path dir = root.resolve(c.folder());
            base.writeTo(dir, c.sessionId());
            c.mutation().apply(new CaseFolder(root, dir, intact, base, c.sessionId()));
        }
        return base;
    }

    /** Writes only the untouched base, as {@code root/INTACT}. */
    public static BaseSession writeIntact(Path root, BaseSession base) throws IOException {
        Files.createDirectories(root);
        base.writeTo(root.resolve(INTACT), INTACT_ID);
        return base;
    }

    /** True when file permissions do not bind this process (root). */
    public static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (Throwable e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The README table: every kind and what a user sees. */
    public static String markdownTable() {
        StringBuilder t = new StringBuilder("| kind | what you see |\n|---|---|\n");
        for (BadInputCase c : cases()) {
            t.append("| `")
                    .append(c.kind())
                    .append("` | ")
                    .append(c.userSees())
                    .append(c.needsNonRoot() ? " (Checked only when the tests do not run as root.)" : "")
                    .append(" |\n");
        }
        return t.toString();
    }
}
