package org.sessionreview.jobs.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sessionreview.export.ExportException;
import org.sessionreview.export.ResearchExport;
import org.sessionreview.export.ResearchRules;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.jobs.cli.PseudonymKeys;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.io.EmbeddedFileSystems;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.OutputGuard;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.LocalTables;

/**
 * The {@code export} command: a review's tables for one audience ({@code research}: {@link
 * ResearchRules}), written like a review's output (staged, then published into {@code --out},
 * only ever replacing what this tool wrote there). No Flink job: the tables are read and written
 * in this JVM. {@code --tables} may lie on any Flink file system ({@code s3://bucket/out}, set up
 * with {@code --flink} and {@code plugins/} as for {@code review}); such tables are copied to a
 * private temporary folder first and the copy deleted afterwards ({@link LocalTables}). {@code
 * --out} is a local folder.
 */
public final class ExportCommand {
    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar export --audience research --tables DIR --out DIR",
            "       [--pseudonym-key-file FILE | --allow-demo-key] [--flink KEY=VALUE]... [--quiet]",
            "",
            "Writes the review tables under --tables (a review's --out) for an audience, as Parquet under --out",
            "(one folder per table, like the review's). Audience 'research': only sessions with research",
            "consent; session, therapist and client ids replaced by keyed pseudonyms; dates coarsened to the",
            "ISO week; no *_utc timestamps; no free text (flag reasons, evidence, labels, source files, rejects);",
            "modifiers only from the allow-list. Every file's footer names the audience and the rules.",
            "",
            "Options:",
            "  --audience research         who the export is for (required; research is the only audience)",
            "  --tables DIR                a review's output folder (required): a local folder, or s3://bucket/out",
            "                              (any file system Flink has a plugin for, set up as for review: plugins/",
            "                              and --flink)",
            "  --out DIR                   a local output folder (required; new, empty, or written by session-review;",
            "                              never --tables or a folder inside or around it)",
            "  --pseudonym-key-file FILE   key of the keyed pseudonyms (or set " + Pseudonymizer.KEY_ENV + "); use the",
            "                              same key for every export so the pseudonyms stay the same",
            "  --allow-demo-key            use the public demo key when no key is given (synthetic data only)",
            "  --flink K=V                 a Flink setting for reading --tables, e.g. s3.endpoint, s3.access-key",
            "                              (repeatable)",
            "  --quiet                     print nothing on success",
            "  --help                      print this help");

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;

    public ExportCommand(PrintStream out, PrintStream err) {
        this(out, err, Path.of(System.getProperty("user.home")));
    }

    ExportCommand(PrintStream out, PrintStream err, Path home) {
        this.out = out;
        this.err = err;
        this.home = home;
    }

    /**
     * The parsed arguments: {@code tables} a local folder or one on a Flink file system, {@code
     * flinkConf} the {@code --flink} settings that set up its file system.
     */
    record Options(
            String audience,
            Entry tables,
            Path out,
            Pseudonymizer key,
            boolean quiet,
            java.util.Map<String, String> flinkConf) {}

    /** As {@link #parse(String[], Function, Consumer)}, leaving the file systems as they are. */
    static Options parse(String[] args, Function<String, String> env) throws UsageException {
        return parse(args, env, conf -> {});
    }

    /**
     * Parses the arguments after {@code export}; {@code fileSystems} gets the {@code --flink}
     * settings before {@code --tables} is looked at (so that an {@code s3://} folder is reachable).
     */
    static Options parse(
            String[] args, Function<String, String> env, Consumer<java.util.Map<String, String>> fileSystems)
            throws UsageException {
        String audience = null;
        String tables = null;
        String outDir = null;
        String keyFile = null;
        boolean demo = false;
        boolean quiet = false;
        java.util.Map<String, String> flinkConf = new java.util.TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--audience":
                    audience = value(args, ++i, a);
                    break;
                case "--tables":
                    tables = value(args, ++i, a);
                    break;
                case "--out":
                    outDir = value(args, ++i, a);
                    break;
                case "--pseudonym-key-file":
                    keyFile = value(args, ++i, a);
                    break;
                case "--allow-demo-key":
                    demo = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--flink":
                    TablesArgument.putFlinkSetting(flinkConf, value(args, ++i, a));
                    break;
                default:
                    throw new UsageException("unknown argument '" + a + "' (see --help)");
            }
        }
        if (audience == null) {
            throw new UsageException("--audience is required: research (see --help)");
        }
        if (!audience.toLowerCase(Locale.ROOT).equals(ResearchRules.AUDIENCE)) {
            throw new UsageException("unknown audience '" + audience + "': the only audience is research");
        }
        if (tables == null) {
            throw new UsageException("--tables DIR is required: the --out folder of a review (see --help)");
        }
        if (outDir == null) {
            throw new UsageException("--out DIR is required (see --help)");
        }
        Path o = TablesArgument.localOut(outDir, "the export's tables");
        Entry t = TablesArgument.folder(tables, flinkConf, fileSystems);
        Optional<String> noSessions = TablesArgument.noSessionsTable(t);
        if (noSessions.isPresent()) {
            throw new UsageException(noSessions.get());
        }
        Pseudonymizer key = PseudonymKeys.resolve(keyFile, demo, env);
        return new Options(ResearchRules.AUDIENCE, t, o, key, quiet, java.util.Map.copyOf(flinkConf));
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    /**
     * An export goes into a new or empty folder or a previous export's: a folder holding anything
     * else (a review's run.json and rejects/, someone's files) is refused, so that nothing but the
     * export's tables ends up beside them and is shared with them.
     */
    static Optional<String> notAnExportFolder(Path outDir) {
        if (!Files.isDirectory(outDir)) {
            return Optional.empty();
        }
        java.util.List<String> others;
        try (java.util.stream.Stream<Path> s = Files.list(outDir)) {
            others = s.map(p -> p.getFileName().toString())
                    .filter(n ->
                            !n.startsWith(".") && !ResearchExport.tableNames().contains(n))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return Optional.of(
                    "--out " + outDir + " cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "--out " + outDir + " holds " + others.size() + " entries that are not research-export tables ("
                        + String.join(", ", others.stream().limit(3).toList()) + (others.size() > 3 ? ", ..." : "")
                        + "): an export goes into a new or empty folder or a previous export's, never beside a review's output");
    }

    public int run(String[] args, Function<String, String> env) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("help"))) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = parse(args, env, conf -> EmbeddedFileSystems.initialize(conf, env));
        } catch (UsageException | java.nio.file.InvalidPathException e) {
            err.println("session-review export: " + e.getMessage());
            return 2;
        }
        Optional<String> refused =
                OutputGuard.check(LocalEntry.of(options.out()), options.tables(), "--tables folder", home);
        if (refused.isPresent()) {
            err.println("session-review export: " + refused.get());
            return 2;
        }
        refused = notAnExportFolder(options.out());
        if (refused.isPresent()) {
            err.println("session-review export: " + refused.get());
            return 2;
        }
        OutputDirectory.Staging staging;
        try {
            staging = OutputDirectory.open(options.out(), OutputDirectory.Kind.EXPORT, ResearchExport.tableNames());
        } catch (OutputDirectory.RefusedException e) {
            err.println("session-review export: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("session-review export: cannot prepare --out " + options.out() + ": " + e);
            return 2;
        }
        // a table folder on another file system is copied to a private temporary folder first, deleted afterwards
        LocalTables tables = null;
        try {
            tables = LocalTables.of(options.tables(), ResearchExport.tablesRead());
            Path dir = ((LocalEntry) staging.dir()).path();
            ResearchExport.Result result = ResearchExport.export(tables.dir(), dir, options.key());
            staging.publish();
            if (!options.quiet()) {
                out.printf(
                        Locale.ROOT,
                        "session-review export: audience research: %d of %d sessions have research consent"
                                + " and are exported (%d withheld); %d tables in %s (rejects are not exported)%n",
                        result.sessionsExported(),
                        result.sessionsRead(),
                        result.sessionsRead() - result.sessionsExported(),
                        result.tables().size(),
                        options.out());
                if (options.key().isDemo()) {
                    out.println("session-review export: the pseudonyms use the public demo key: synthetic data only");
                }
            }
            return 0;
        } catch (ExportException e) {
            staging.abandon();
            err.println("session-review export: " + named(tables, e.getMessage()));
            return 1;
        } catch (IOException | RuntimeException e) {
            staging.abandon();
            err.println(
                    "session-review export: the export failed (" + e.getClass().getSimpleName() + ": "
                            + named(tables, e.getMessage()) + "); nothing was published; the previous contents of "
                            + options.out() + " are untouched");
            return 1;
        } finally {
            if (tables != null) {
                tables.close();
            }
        }
    }

    /** {@code message} naming the {@code --tables} location, never its temporary local copy. */
    private static String named(LocalTables tables, String message) {
        return tables == null ? message : tables.named(message);
    }
}
