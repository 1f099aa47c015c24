package org.sessionreview.jobs.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sessionreview.export.ExportException;
import org.sessionreview.export.ResearchExport;
import org.sessionreview.export.ResearchRules;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.jobs.cli.PseudonymKeys;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.OutputGuard;
import org.sessionreview.parquet.TableReader;
import org.sessionreview.storage.LocalEntry;

/**
 * The {@code export} command: a review's tables for one audience ({@code research}: {@link
 * ResearchRules}), written like a review's output (staged, then published into {@code --out},
 * only ever replacing what this tool wrote there). No Flink job: the tables are read and written
 * in this JVM.
 */
public final class ExportCommand {
    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar export --audience research --tables DIR --out DIR",
            "       [--pseudonym-key-file FILE | --allow-demo-key] [--quiet]",
            "",
            "Writes the review tables under --tables (a review's --out) for an audience, as Parquet under --out",
            "(one folder per table, like the review's). Audience 'research': only sessions with research",
            "consent; session, therapist and client ids replaced by keyed pseudonyms; dates coarsened to the",
            "ISO week; no *_utc timestamps; no free text (flag reasons, evidence, labels, source files, rejects);",
            "modifiers only from the allow-list. Every file's footer names the audience and the rules.",
            "",
            "Options:",
            "  --audience research         who the export is for (required; research is the only audience)",
            "  --tables DIR                a review's output folder (local; required)",
            "  --out DIR                   output folder (required; new, empty, or written by session-review;",
            "                              never --tables or a folder inside or around it)",
            "  --pseudonym-key-file FILE   key of the keyed pseudonyms (or set " + Pseudonymizer.KEY_ENV + "); use the",
            "                              same key for every export so the pseudonyms stay the same",
            "  --allow-demo-key            use the public demo key when no key is given (synthetic data only)",
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

    /** The parsed arguments. */
    record Options(String audience, Path tables, Path out, Pseudonymizer key, boolean quiet) {}

    static Options parse(String[] args, Function<String, String> env) throws UsageException {
        String audience = null;
        String tables = null;
        String outDir = null;
        String keyFile = null;
        boolean demo = false;
        boolean quiet = false;
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
        Path t = Path.of(tables).toAbsolutePath().normalize();
        if (!Files.isDirectory(t)) {
            throw new UsageException("--tables " + tables + " is not a folder");
        }
        if (TableReader.files(t.resolve("sessions")).isEmpty()) {
            throw new UsageException(
                    "--tables " + tables + " holds no sessions/ table: give the --out folder of a review");
        }
        Path o = Path.of(outDir).toAbsolutePath().normalize();
        Pseudonymizer key = PseudonymKeys.resolve(keyFile, demo, env);
        return new Options(ResearchRules.AUDIENCE, t, o, key, quiet);
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
            options = parse(args, env);
        } catch (UsageException | java.nio.file.InvalidPathException e) {
            err.println("session-review export: " + e.getMessage());
            return 2;
        }
        Optional<String> refused = OutputGuard.check(
                LocalEntry.of(options.out()), LocalEntry.of(options.tables()), "--tables folder", home);
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
        try {
            Path dir = ((LocalEntry) staging.dir()).path();
            ResearchExport.Result result = ResearchExport.export(options.tables(), dir, options.key());
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
            err.println("session-review export: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            staging.abandon();
            err.println(
                    "session-review export: the export failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); nothing was published; the previous contents of " + options.out() + " are untouched");
            return 1;
        }
    }
}
