package org.sessionreview.jobs.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.io.EmbeddedFileSystems;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.LocalTables;

/**
 * {@code report --tables DIR --out DIR [--video-url-pattern PATTERN] [--flink KEY=VALUE]...}:
 * static HTML pages for supervisors from a review's tables ({@link ReportPages}). Runs outside
 * Flink: it only reads the finished Parquet tables. {@code --tables} may lie on any Flink file
 * system ({@code s3://bucket/out}, set up as for {@code review}: the plugin in {@code plugins/},
 * its settings with {@code --flink}); such tables are copied to a private temporary folder, read,
 * and the copy deleted ({@link LocalTables}). {@code --out} is a local folder.
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
            "usage: session-review report --tables DIR --out DIR [--video-url-pattern PATTERN] [--flink KEY=VALUE]",
            "",
            "Static HTML pages for supervision from the tables of a review (its --out folder):",
            "  index.html                    the review queue: flagged sessions, safety events first",
            "  sessions/<session_id>.html    timeline, candidate moments with video times, 3RS roll-up, methods",
            "  trainees/<therapist_id>.html  rates by month; clients/<client_key>.html burden across sessions",
            "Sessions without supervision consent are listed as withheld, with no content.",
            "",
            "  --tables DIR                  the --out folder of a review: a local folder, or s3://bucket/out (any file",
            "                                system Flink has a plugin for, set up as for review: plugins/ and --flink)",
            "  --out DIR                     where the pages go: a local folder (new, empty, or written by this tool before)",
            "  --video-url-pattern PATTERN   link moments to the video: {session_id} is replaced, #t=SECONDS appended",
            "                                (e.g. file:///videos/{session_id}.mp4 or https://host/v/{session_id}.mp4)",
            "  --flink K=V                   a Flink setting for reading --tables, e.g. s3.endpoint, s3.access-key",
            "                                (repeatable)");

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

    /**
     * The parsed arguments: {@code tables} as given (a path or a URI), {@code flinkConf} the
     * {@code --flink} settings that set up its file system.
     */
    record Options(String tables, Path out, Optional<VideoLinks> video, Map<String, String> flinkConf) {}

    /** Runs the command with the process's environment; returns the exit code. */
    public int run(String[] args) {
        return run(args, System::getenv);
    }

    /**
     * Runs the command; returns the exit code. {@code env} supplies {@code FLINK_PLUGINS_DIR}
     * (injected so tests need not touch the real environment).
     */
    public int run(String[] args, Function<String, String> env) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
        }
        Options o;
        Entry source;
        try {
            o = parse(args);
        } catch (IllegalArgumentException | UsageException e) {
            err.println("session-review report: " + e.getMessage());
            err.println("run 'report --help' for usage");
            return 2;
        }
        try {
            source =
                    TablesArgument.folder(o.tables(), o.flinkConf(), conf -> EmbeddedFileSystems.initialize(conf, env));
        } catch (UsageException e) {
            err.println("session-review report: " + e.getMessage());
            return 2;
        }
        Optional<String> refused = TablesArgument.noSessionsTable(source)
                .or(() -> refuse(o.out(), source instanceof LocalEntry l ? l.path() : null, home));
        if (refused.isPresent()) {
            err.println("session-review report: " + refused.get());
            return 2;
        }
        ReportTables tables;
        // a table folder on another file system is copied to a private temporary folder, read, and deleted
        try (LocalTables local = LocalTables.of(source, ReportTables.READ)) {
            try {
                tables = ReportTables.load(local.dir());
            } catch (ReportTables.NotATablesFolderException e) {
                err.println("session-review report: " + local.named(e.getMessage()));
                return 2;
            } catch (UncheckedIOException | IllegalStateException e) {
                err.println("session-review report: cannot read the tables in " + source + ": "
                        + local.named(e.getMessage()));
                return 1;
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("session-review report: cannot read the tables in " + source + ": " + e.getMessage());
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

    static Options parse(String[] args) throws UsageException {
        String tables = null;
        Path outDir = null;
        String pattern = null;
        Map<String, String> flinkConf = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--tables")
                    && !a.equals("--out")
                    && !a.equals("--video-url-pattern")
                    && !a.equals("--flink")) {
                throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--tables" -> tables = v;
                case "--out" -> outDir = TablesArgument.localOut(v, "the pages");
                case "--flink" -> TablesArgument.putFlinkSetting(flinkConf, v);
                default -> pattern = v;
            }
        }
        if (tables == null) {
            throw new IllegalArgumentException("--tables DIR is required (the --out folder of a review)");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("--out DIR is required (where the pages go)");
        }
        return new Options(tables, outDir, VideoLinks.ofNullable(pattern), flinkConf);
    }

    /**
     * Why {@code out} cannot take the pages, or empty when it can; {@code tables} is null when the
     * tables are not on the local disk (a local {@code out} cannot overlap them).
     */
    static Optional<String> refuse(Path out, Path tables, Path home) {
        Path o = real(out);
        if (o.getParent() == null) {
            return Optional.of("--out " + out + " is the file system root: choose a folder for the pages");
        }
        if (tables != null) {
            Path t = real(tables);
            if (o.equals(t) || o.startsWith(t)) {
                return Optional.of("--out " + out + (o.equals(t) ? " is" : " is inside")
                        + " the --tables folder: choose a folder beside it");
            }
            if (t.startsWith(o)) {
                return Optional.of("--out " + out + " contains the --tables folder: choose a folder beside it");
            }
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
