package org.sessionreview.jobs.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sessionreview.jobs.io.OutputDirectory;

/**
 * {@code report --tables DIR --out DIR [--video-url-pattern PATTERN]}: static HTML pages for
 * supervisors from a review's tables ({@link ReportPages}). Runs outside Flink: it only reads the
 * finished Parquet tables.
 *
 * <p>{@code --out} follows the review's rules: it may be new, empty or a folder this tool wrote;
 * pages are written into a staging folder and published when all are written ({@link
 * OutputDirectory}); it may not be, contain or lie inside {@code --tables}, nor be the file system
 * root or contain the home folder. Exit codes: 0 written, 1 failed while reading or writing, 2
 * unusable arguments (one message).
 */
public final class ReportCommand {
    static final String USAGE = String.join(
            "\n",
            "usage: session-review report --tables DIR --out DIR [--video-url-pattern PATTERN]",
            "",
            "Static HTML pages for supervision from the tables of a review (its --out folder):",
            "  index.html                    the review queue: flagged sessions, safety events first",
            "  sessions/<session_id>.html    timeline, candidate moments with video times, 3RS roll-up, methods",
            "  trainees/<therapist_id>.html  rates by month; clients/<client_key>.html burden across sessions",
            "Sessions without supervision consent are listed as withheld, with no content.",
            "",
            "  --tables DIR                  the --out folder of a review",
            "  --out DIR                     where the pages go (new, empty, or written by this tool before)",
            "  --video-url-pattern PATTERN   link moments to the video: {session_id} is replaced, #t=SECONDS appended",
            "                                (e.g. file:///videos/{session_id}.mp4 or https://host/v/{session_id}.mp4)");

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;

    public ReportCommand(PrintStream out, PrintStream err) {
        this(out, err, Path.of(System.getProperty("user.home")));
    }

    ReportCommand(PrintStream out, PrintStream err, Path home) {
        this.out = out;
        this.err = err;
        this.home = home;
    }

    /** The parsed arguments. */
    record Options(Path tables, Path out, Optional<VideoLinks> video) {}

    /** Runs the command; returns the exit code. */
    public int run(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("session-review report: " + e.getMessage());
            err.println("run 'report --help' for usage");
            return 2;
        }
        try {
            ReportTables.check(o.tables());
        } catch (ReportTables.NotATablesFolderException e) {
            err.println("session-review report: " + e.getMessage());
            return 2;
        }
        Optional<String> refused = refuse(o.out(), o.tables(), home);
        if (refused.isPresent()) {
            err.println("session-review report: " + refused.get());
            return 2;
        }
        ReportTables tables;
        try {
            tables = ReportTables.load(o.tables());
        } catch (ReportTables.NotATablesFolderException e) {
            err.println("session-review report: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("session-review report: cannot read the tables in " + o.tables() + ": " + e.getMessage());
            return 1;
        }
        OutputDirectory.Staging staging;
        try {
            staging = OutputDirectory.open(o.out(), OutputDirectory.Kind.REPORT, ReportPages.ENTRIES);
        } catch (OutputDirectory.RefusedException e) {
            err.println("session-review report: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("session-review report: cannot create --out " + o.out() + ": " + e.getMessage());
            return 1;
        }
        try {
            ReportPages.Written w =
                    ReportPages.write(tables, o.video(), Path.of(staging.dir().location()));
            staging.publish();
            out.println("session-review report: " + w.sessions() + " session pages (" + w.flagged() + " flagged), "
                    + w.trainees() + " trainee pages, " + w.clients() + " client pages"
                    + (w.withheld() > 0 ? "; " + w.withheld() + " sessions withheld (no supervision consent)" : ""));
            out.println("open " + o.out().resolve("index.html").toAbsolutePath().normalize());
            return 0;
        } catch (IOException | RuntimeException e) {
            staging.abandon();
            err.println("session-review report: failed: " + e.getMessage());
            return 1;
        }
    }

    static Options parse(String[] args) {
        Path tables = null;
        Path outDir = null;
        String pattern = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--tables") && !a.equals("--out") && !a.equals("--video-url-pattern")) {
                throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--tables" -> tables = Path.of(v);
                case "--out" -> outDir = Path.of(v);
                default -> pattern = v;
            }
        }
        if (tables == null) {
            throw new IllegalArgumentException("--tables DIR is required (the --out folder of a review)");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("--out DIR is required (where the pages go)");
        }
        return new Options(tables, outDir, VideoLinks.ofNullable(pattern));
    }

    /** Why {@code out} cannot take the pages, or empty when it can. */
    static Optional<String> refuse(Path out, Path tables, Path home) {
        Path o = real(out);
        Path t = real(tables);
        if (o.getParent() == null) {
            return Optional.of("--out " + out + " is the file system root: choose a folder for the pages");
        }
        if (o.equals(t) || o.startsWith(t)) {
            return Optional.of("--out " + out + (o.equals(t) ? " is" : " is inside")
                    + " the --tables folder: choose a folder beside it");
        }
        if (t.startsWith(o)) {
            return Optional.of("--out " + out + " contains the --tables folder: choose a folder beside it");
        }
        if (home != null && real(home).startsWith(o)) {
            return Optional.of("--out " + out + " is or contains the home folder: choose a folder for the pages");
        }
        return Optional.empty();
    }

    /** The absolute path with the symbolic links of its existing part resolved. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
