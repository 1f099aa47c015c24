package org.sessionreview.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiFunction;
import org.sessionreview.jobs.io.ReviewSinks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.jobs.io.OutputGuard;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.sessionreview.Version;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.io.EmptyTables;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.ParquetReviewSinks;
import org.sessionreview.jobs.io.RunManifest;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.jobs.io.TrendOutputs;
import org.sessionreview.parquet.Tables;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.StoredBaselines;

/** The {@code review} command: parse arguments, run {@link ReviewJob}, write run.json, summarise. */
final class ReviewCommand {
    /** Personal baselines of this run, for a later run's {@code --baselines}. */
    static final String BASELINES_FILE = "baselines.json";

    static final List<TableSchema<?>> ALL_TABLES =
            List.of(Tables.SESSIONS, Tables.MOMENTS, Tables.WINDOWS, Tables.SCR, Tables.BEATS, Tables.ARTIFACTS, Tables.SYNCHRONY,
                    Tables.RUPTURES, Tables.SEGMENTS, TrendTables.TRAINEES, TrendTables.CLIENTS,
                    Tables.BASELINES, Tables.ANNOTATIONS, Tables.REJECTS);
    static final List<String> TABLES = ALL_TABLES.stream().map(TableSchema::name).toList();

    /** Everything a run publishes under {@code --out}. */
    static final List<String> OUTPUT_ENTRIES = Stream.concat(TABLES.stream(),
            Stream.of(RunManifest.FILE_NAME, BASELINES_FILE)).toList();

    private final PrintStream out;
    private final PrintStream err;
    /** The user's home folder, never accepted as {@code --out}. */
    private final Path home;
    /** The tables' sinks for a staging folder and the footer provenance (injected by tests). */
    private final BiFunction<Path, Map<String, String>, ReviewSinks> sinks;

    ReviewCommand(PrintStream out, PrintStream err) {
        this(out, err, Path.of(System.getProperty("user.home")));
    }

    ReviewCommand(PrintStream out, PrintStream err, Path home) {
        this(out, err, home, ParquetReviewSinks::new);
    }

    ReviewCommand(PrintStream out, PrintStream err, Path home, BiFunction<Path, Map<String, String>, ReviewSinks> sinks) {
        this.out = out;
        this.err = err;
        this.home = home;
        this.sinks = sinks;
    }

    int run(String[] args, Function<String, String> env) {
        if (Arrays.stream(args).anyMatch(Main::isHelp)) {
            out.println(ReviewOptions.USAGE);
            return 0;
        }
        if (Arrays.asList(args).contains("--list-options")) {
            out.println(ReviewOptions.listOptions());
            return 0;
        }
        ReviewOptions options;
        try {
            options = ReviewOptions.parse(args, env);
        } catch (UsageException e) {
            err.println("session-review review: " + e.getMessage());
            return 2;
        }
        Optional<String> refused = OutputGuard.check(options.out(), options.sessions(), home);
        try {
            refused = refused.or(() -> rootProblem(options.sessions()));
        } catch (UncheckedIOException e) {
            refused = Optional.of("sessions root " + options.sessions() + " cannot be listed ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }
        if (refused.isPresent()) {
            err.println("session-review review: " + refused.get());
            return 2;
        }
        OutputDirectory.Staging staging;
        try {
            staging = OutputDirectory.open(options.out(), OUTPUT_ENTRIES);
        } catch (OutputDirectory.RefusedException e) {
            err.println("session-review review: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("session-review review: cannot prepare --out " + options.out() + ": " + e);
            return 2;
        }
        PipelineConfig config = options.config();
        try {
            Path dir = staging.dir();
            java.util.Map<String, String> provenance = config.provenance(options.pseudonymizer().isDemo());
            ReviewJob.Progress progress = options.quiet() ? (row, done, total) -> { } : this::progress;
            ReviewJob.Result result = new ReviewJob(options, config, sinks.apply(dir, provenance), progress).execute();
            TrendOutputs.write(dir, result.sessions(), config.trends(), provenance);
            EmptyTables.fill(dir, ALL_TABLES, provenance);
            StoredBaselines.pool(result.baselines()).write(dir.resolve(BASELINES_FILE));
            RunManifest.write(dir, new RunManifest.Run(
                    options.sessions(), options.out(), result.started(), result.finished(),
                    options.mode().name().toLowerCase(Locale.ROOT), options.parallelism(),
                    options.pseudonymizer().source(), config.describe(), result.files(),
                    result.sessionFolders(), result.sessions().size(), (int) result.flagged(), TABLES));
            staging.publish();
            summary(options, result);
            return 0;
        } catch (Exception e) {
            staging.abandon();
            err.println("session-review review: the job failed: " + rootMessage(e));
            err.println("session-review review: nothing was published; the previous contents of " + options.out()
                    + " are untouched");
            e.printStackTrace(err);
            return 1;
        }
    }

    private static Optional<String> rootProblem(Path root) {
        try {
            return SessionScanner.rootProblem(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(SessionRow row, int done, int total) {
        out.printf(Locale.ROOT, "[%d/%d] %s (therapist %s, session %d): %s%n", done, total, row.sessionId,
                row.therapistId, row.sessionNumber,
                row.flagged ? String.format(Locale.ROOT, "flagged, priority %.1f: %s", row.priority, String.join("; ", row.flagReasons))
                        : "nothing to review");
    }

    private void summary(ReviewOptions options, ReviewJob.Result r) {
        out.println();
        out.printf(Locale.ROOT, "session-review %s: %d session folders, %d sessions reviewed, %d flagged for supervision%n",
                Version.project(), r.sessionFolders(), r.sessions().size(), r.flagged());
        List<SessionRow> flagged = r.sessions().stream().filter(s -> s.flagged)
                .sorted((a, b) -> Double.compare(b.priority, a.priority)).toList();
        for (SessionRow s : flagged) {
            out.printf(Locale.ROOT, "  review first: %s (priority %.1f) %s%n", s.sessionId, s.priority, String.join("; ", s.flagReasons));
        }
        long rejectedFiles = r.files().stream().filter(f -> f.recordsRejected > 0).count();
        out.printf(Locale.ROOT, "rejected records: %d in %d files%n", r.rejects(), rejectedFiles);
        r.files().stream().filter(f -> f.recordsRejected > 0)
                .sorted((a, b) -> a.path.compareTo(b.path))
                .limit(20)
                .forEach(f -> out.printf(Locale.ROOT, "  %s: %d of %d records rejected%s%n", f.path, f.recordsRejected,
                        f.recordsRead, f.firstReject == null ? "" : " (first: " + f.firstReject + ")"));
        if (rejectedFiles > 20) {
            out.printf(Locale.ROOT, "  ... and %d more files: see the rejects table%n", rejectedFiles - 20);
        }
        for (Reject f : r.processingFailures()) {
            out.println("  processing failed: " + f.describe());
        }
        for (SessionRow s : r.sessions()) {
            if (!s.missingChannels.isEmpty()) {
                out.printf(Locale.ROOT, "  %s: missing wearable channels %s%n", s.sessionId, String.join(", ", s.missingChannels));
            }
        }
        out.println("tables: " + options.out() + " (" + String.join("/, ", TABLES) + "/, " + RunManifest.FILE_NAME
                + ", " + BASELINES_FILE + ")");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

}
