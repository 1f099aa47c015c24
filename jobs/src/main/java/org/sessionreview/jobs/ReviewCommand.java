package org.sessionreview.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.sessionreview.Version;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.io.EmbeddedFileSystems;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.OutputGuard;
import org.sessionreview.jobs.io.ParquetReviewSinks;
import org.sessionreview.jobs.io.ReviewSinks;
import org.sessionreview.jobs.io.RunManifest;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.storage.Entry;

/** The {@code review} command: parse arguments, run {@link ReviewJob}, write run.json, summarise. */
final class ReviewCommand {
    /** Personal baselines of this run, for a later run's {@code --baselines}. */
    static final String BASELINES_FILE = "baselines.json";

    static final List<TableSchema<?>> ALL_TABLES = OutputTables.ALL;
    static final List<String> TABLES =
            ALL_TABLES.stream().map(TableSchema::name).toList();

    /** Everything a run publishes under {@code --out}. */
    static final List<String> OUTPUT_ENTRIES = Stream.concat(
                    TABLES.stream(), Stream.of(RunManifest.FILE_NAME, BASELINES_FILE))
            .toList();

    private final PrintStream out;
    private final PrintStream err;
    /** The user's home folder, never accepted as {@code --out}. */
    private final Path home;
    /** The tables' sinks for a staging folder (a Flink path: file:, s3:, ...) and the footer provenance (injected by tests). */
    private final BiFunction<org.apache.flink.core.fs.Path, Map<String, String>, ReviewSinks> sinks;

    /** Told the finished job's result of an attached or embedded run (used by {@code bench}). */
    private java.util.function.Consumer<org.apache.flink.api.common.JobExecutionResult> onJobResult = r -> {};

    ReviewCommand(PrintStream out, PrintStream err) {
        this(out, err, Path.of(System.getProperty("user.home")));
    }

    /** Passes the job's result (net runtime, accumulators) to {@code consumer} once the job has finished. */
    ReviewCommand onJobResult(java.util.function.Consumer<org.apache.flink.api.common.JobExecutionResult> consumer) {
        this.onJobResult = consumer;
        return this;
    }

    ReviewCommand(PrintStream out, PrintStream err, Path home) {
        this(out, err, home, ParquetReviewSinks::new);
    }

    ReviewCommand(
            PrintStream out,
            PrintStream err,
            Path home,
            BiFunction<org.apache.flink.core.fs.Path, Map<String, String>, ReviewSinks> sinks) {
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
            options = ReviewOptions.parse(args, env, flinkConf -> EmbeddedFileSystems.initialize(flinkConf, env));
        } catch (UsageException | IllegalArgumentException e) {
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
            staging = OutputDirectory.open(options.out(), OutputDirectory.Kind.REVIEW, OUTPUT_ENTRIES);
        } catch (OutputDirectory.RefusedException e) {
            err.println("session-review review: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("session-review review: cannot prepare --out " + options.out() + ": " + e);
            return 2;
        }
        PipelineConfig config = options.config();
        ReviewJob job = null;
        try {
            SessionScanner.Scan scan = SessionScanner.scan(options.sessions());
            Map<String, String> provenance = new java.util.LinkedHashMap<>(
                    config.provenance(options.pseudonymizer().isDemo()));
            // the run-wide files that shaped the numbers (--baselines, --codebook): name, size, SHA-256
            provenance.putAll(options.runInputs());
            job = new ReviewJob(
                    options,
                    config,
                    sinks.apply(
                            org.sessionreview.jobs.io.FlinkPaths.of(
                                    staging.dir().uri()),
                            provenance),
                    staging,
                    ALL_TABLES,
                    provenance);
            StreamExecutionEnvironment flink = job.environment();
            boolean waits = ReviewJob.waitsForResult(flink);
            boolean jobPublishes = ReviewJob.publishesOnCluster(flink);
            if (!waits && !jobPublishes) {
                staging.abandon();
                err.println(
                        "session-review review: a detached 'flink run -d' to a session cluster cannot publish its output"
                                + " unless the cluster's lib/ holds session-review-flink.jar (then add"
                                + " -Dsession-review.jar-in-cluster-lib=true); else submit it attached (without -d) or through"
                                + " the web UI / REST API");
                return 2;
            }
            Instant started = Instant.now();
            StreamGraph graph = job.build(flink, scan, started);
            JobClient client;
            try {
                client = flink.executeAsync(graph);
            } catch (Exception e) {
                if (waits
                        || !"remote".equals(flink.getConfiguration().get(DeploymentOptions.TARGET))
                        || !cannotLoadJob(e)) {
                    throw e; // another failure (no cluster, a lost reply): whether the job runs is not known
                }
                staging.abandon(); // flink run -d to a session cluster whose lib/ should hold this jar
                err.println("session-review review: the job was not submitted (" + firstLine(rootMessage(e))
                        + "); a detached run with session-review.jar-in-cluster-lib=true needs session-review-flink.jar"
                        + " in lib/ of the JobManager and every TaskManager and classloader.resolve-order: parent-first"
                        + " in their config.yaml (README, 'Running on a Flink cluster'); nothing was published");
                return 1;
            }
            if (!waits) {
                out.println(
                        "session-review review: submitted job " + client.getJobID() + "; its tables are published to "
                                + options.out() + " when it finishes (nothing is published if it fails)");
                return 0;
            }
            onJobResult.accept(client.getJobExecutionResult().get());
            if (!jobPublishes) {
                job.publisher().publish();
            }
            if (!staging.published()) {
                err.println("session-review review: the job finished but its output could not be published to "
                        + options.out() + " (see the Flink log); the previous contents are untouched");
                return 1;
            }
            JsonNode manifest = RunManifest.read(options.out().resolve(RunManifest.FILE_NAME));
            if (!started.toString()
                    .equals(manifest.path("run").path("started_utc").asText())) {
                // the tables were published but this run's run.json was not: never print an older
                // run's summary over them
                err.println("session-review review: the job finished but " + RunManifest.FILE_NAME + " in "
                        + options.out() + " is not this run's (started "
                        + manifest.path("run").path("started_utc").asText()
                        + "); the output is incomplete: run again into an empty folder");
                return 1;
            }
            summary(options, manifest);
            return 0;
        } catch (Exception e) {
            staging.abandon();
            err.println("session-review review: the job failed: " + rootMessage(e));
            err.println("session-review review: nothing was published; the previous contents of " + options.out()
                    + " are untouched");
            e.printStackTrace(err);
            return 1;
        } finally {
            if (job != null) {
                job.closeEmbeddedTemp();
            }
        }
    }

    private static Optional<String> rootProblem(Entry root) {
        try {
            return SessionScanner.rootProblem(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console summary, read back from the published run.json. */
    private void summary(ReviewOptions options, JsonNode run) {
        JsonNode sessions = run.path("sessions");
        if (!options.quiet()) {
            int done = 0;
            for (JsonNode s : sessions) {
                done++;
                out.printf(
                        Locale.ROOT,
                        "[%d/%d] %s (therapist %s, session %d): %s%n",
                        done,
                        sessions.size(),
                        s.path("session_id").asText(),
                        s.path("therapist_id").asText(),
                        s.path("session_number").asInt(),
                        s.path("flagged").asBoolean()
                                ? String.format(
                                        Locale.ROOT,
                                        "flagged, priority %.1f: %s",
                                        s.path("priority").asDouble(),
                                        reasons(s))
                                : reasons(s).isEmpty() ? "nothing to review" : "not flagged: " + reasons(s));
            }
        }
        JsonNode totals = run.path("totals");
        if (!options.quiet()) {
            out.println(); // separates the progress lines from the summary
        }
        out.printf(
                Locale.ROOT,
                "session-review %s: %d session folders, %d sessions reviewed, %d flagged for supervision%n",
                Version.project(),
                totals.path("session_folders").asInt(),
                totals.path("sessions_reviewed").asInt(),
                totals.path("sessions_flagged").asInt());
        List<JsonNode> flagged = new ArrayList<>();
        sessions.forEach(s -> {
            if (s.path("flagged").asBoolean()) {
                flagged.add(s);
            }
        });
        flagged.sort(
                Comparator.comparingDouble((JsonNode s) -> -s.path("priority").asDouble()));
        for (JsonNode s : flagged) {
            out.printf(
                    Locale.ROOT,
                    "  review first: %s (priority %.1f) %s%n",
                    s.path("session_id").asText(),
                    s.path("priority").asDouble(),
                    reasons(s));
        }
        List<JsonNode> rejectedFiles = new ArrayList<>();
        run.path("inputs").forEach(f -> {
            if (f.path("records_rejected").asLong() > 0) {
                rejectedFiles.add(f);
            }
        });
        out.printf(
                Locale.ROOT,
                "rejected records: %d in %d files%n",
                totals.path("records_rejected").asLong(),
                rejectedFiles.size());
        rejectedFiles.stream()
                .limit(20)
                .forEach(f -> out.printf(
                        Locale.ROOT,
                        "  %s: %d of %d records rejected%s%n",
                        f.path("path").asText(),
                        f.path("records_rejected").asLong(),
                        f.path("records_read").asLong(),
                        f.path("first_reject").isTextual()
                                ? " (first: " + f.path("first_reject").asText() + ")"
                                : ""));
        if (rejectedFiles.size() > 20) {
            out.printf(Locale.ROOT, "  ... and %d more files: see the rejects table%n", rejectedFiles.size() - 20);
        }
        run.path("processing_failures").forEach(f -> out.println("  processing failed: " + f.asText()));
        // one line per set of sessions that share identical wearable files
        java.util.Map<String, List<JsonNode>> bySessions = new java.util.TreeMap<>();
        run.path("repeated_recordings")
                .forEach(g -> bySessions
                        .computeIfAbsent(g.path("session_ids").toString(), k -> new ArrayList<>())
                        .add(g));
        bySessions.values().stream().limit(10).forEach(groups -> {
            List<String> ids = new ArrayList<>();
            groups.get(0).path("session_ids").forEach(i -> ids.add(i.asText()));
            List<String> example = new ArrayList<>();
            groups.get(0).path("paths").forEach(p -> example.add(p.asText()));
            out.printf(
                    Locale.ROOT,
                    "  sessions %s share %d identical wearable file%s (e.g. %s): one recording filed twice?%n",
                    ids.size() <= 5
                            ? String.join(", ", ids)
                            : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more",
                    groups.size(),
                    groups.size() == 1 ? "" : "s",
                    String.join(" and ", example.subList(0, 2)));
        });
        if (bySessions.size() > 10) {
            out.printf(
                    Locale.ROOT,
                    "  ... and %d more sets of sessions with identical wearable files: see repeated_recordings in"
                            + " run.json%n",
                    bySessions.size() - 10);
        }
        run.path("session_numbering").forEach(g -> {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < g.path("session_ids").size(); i++) {
                pairs.add(g.path("session_ids").get(i).asText() + " #"
                        + g.path("session_numbers").get(i).asInt());
            }
            out.printf(
                    Locale.ROOT,
                    "  client %s: session numbers %s (by date: %s); its trend follows the numbers: check"
                            + " session_number%n",
                    g.path("client_key")
                            .asText()
                            .substring(
                                    0, Math.min(8, g.path("client_key").asText().length())),
                    g.path("reason").asText(),
                    String.join(", ", pairs));
        });
        for (JsonNode s : sessions) {
            if (!s.path("missing_channels").isEmpty()) {
                List<String> missing = new ArrayList<>();
                s.path("missing_channels").forEach(m -> missing.add(m.asText()));
                out.printf(
                        Locale.ROOT,
                        "  %s: missing wearable channels %s%n",
                        s.path("session_id").asText(),
                        String.join(", ", missing));
            }
        }
        out.println("tables: " + options.out() + " (" + String.join("/, ", TABLES) + "/, " + RunManifest.FILE_NAME
                + ", " + BASELINES_FILE + ")");
    }

    private static String reasons(JsonNode session) {
        List<String> r = new ArrayList<>();
        session.path("flag_reasons").forEach(x -> r.add(x.asText()));
        return String.join("; ", r);
    }

    /**
     * Whether a session cluster refused the job because it cannot load its classes ("Failed to
     * deserialize ExecutionPlan", a {@link ClassNotFoundException} anywhere in the chain): then it
     * was not submitted (review of 2026-12-07 night: every failure of a detached submission was
     * reported so, with the lib/ advice, a refused connection too).
     */
    static boolean cannotLoadJob(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassNotFoundException
                    || String.valueOf(t.getMessage()).contains("Failed to deserialize ExecutionPlan")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of a message (a cluster's REST error carries its whole stack trace). */
    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
