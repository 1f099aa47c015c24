package org.sessionreview.jobs.live;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sessionreview.Version;
import org.sessionreview.config.LiveMomentsConfig;
import org.sessionreview.jobs.cli.LiveOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;
import org.sessionreview.jobs.sampledata.BenchCohort;
import org.sessionreview.jobs.sampledata.SampleDataGenerator;

/**
 * The {@code live-bench} command (issue 11): the live job's processing latency, measured in one
 * JVM. Starts an embedded Kafka broker and the {@code live} command ({@link InProcessLive}),
 * replays {@code --dyads} sessions at once at {@code --speed} ({@link Replayer}; copies of the
 * sessions under new ids when there are fewer sessions than dyads), and reads the moments topic
 * with a {@code read_committed} and a {@code read_uncommitted} consumer ({@link MomentsReader}).
 *
 * <p>Latency of a record = its receipt by a consumer minus its {@code arrival_millis}, the Kafka
 * timestamp of the input message whose processing produced it: the producer's clock and the
 * consumer's are this JVM's. It covers the input hop through the broker, the job (ingest, the
 * wearer's windows, the session's provisional review), the output hop and, for {@code
 * read_committed}, the wait for the checkpoint that commits the output transaction.
 *
 * <p>The run ends once the replay is over, the job has consumed and checkpointed every input
 * message ({@link InputLag} 0), and the moments topic has been quiet for three checkpoint
 * intervals (at least {@value #QUIET_MIN_MS} ms): the checkpoint that commits the input's end
 * offsets has every session's last records in its output transaction. If that takes longer than
 * {@code --drain-limit}, the run ends there and says so. The job is cancelled, the broker stopped
 * and the temporary folder deleted either way.
 */
public final class LiveBenchCommand {
    private static final String NAME = "session-review live-bench: ";
    private static final long QUIET_MIN_MS = 3000;
    private static final long LAG_EVERY_MS = 2000;
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;

    public LiveBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; exit code 0 done, 1 failed, 2 unusable arguments. */
    public int run(String[] args) {
        LiveBenchOptions o;
        try {
            o = LiveBenchOptions.parse(args);
        } catch (UsageException e) {
            err.println(NAME + e.getMessage() + " (see 'live-bench --help')");
            return 2;
        }
        if (o == null) {
            out.println(LiveBenchOptions.USAGE);
            return 0;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("session-review-live-bench-");
            Path root = sessionsRoot(o, work);
            LiveBenchFigures figures = bench(o, root, work);
            out.println();
            figures.print(out);
            Map<String, String> context = new LinkedHashMap<>();
            context.put("date", Instant.now().toString());
            context.put("version", Version.project());
            context.put("commit", Version.commit());
            context.put("command", "live-bench " + String.join(" ", args));
            context.put("sessionsRoot", root.toString());
            context.put("java", System.getProperty("java.version"));
            context.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
            figures.write(o.out(), context);
            out.println("figures: " + o.out());
            return 0;
        } catch (Exception e) {
            err.println(NAME + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            if (work != null) {
                try {
                    SampleDataGenerator.deleteRecursively(work);
                } catch (IOException e) {
                    err.println(NAME + "could not delete " + work + ": " + e);
                }
            }
        }
    }

    /** {@code --sessions}, else the repository's {@code sample-data/} when found, else a generated cohort. */
    private Path sessionsRoot(LiveBenchOptions o, Path work) throws IOException {
        if (o.sessions().isPresent()) {
            return o.sessions().get().toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path sample = dir.resolve("sample-data");
            if (Files.isDirectory(sample) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return sample;
            }
        }
        Path cohort = work.resolve("cohort");
        out.println("live-bench: no sample-data/ here; generating 4 sessions of 20 minutes into " + cohort);
        BenchCohort.write(cohort, 4, 20, SampleDataGenerator.DEFAULT_SEED);
        return cohort;
    }

    private LiveBenchFigures bench(LiveBenchOptions o, Path root, Path work) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            List<String> replayArgs =
                    List.of("--sessions", root.toString(), "--bootstrap", bootstrap, "--allow-demo-key");
            ReplayOptions replay = ReplayOptions.parse(replayArgs.toArray(String[]::new), System::getenv);
            List<SessionReplay> replays =
                    replays(ReplayCommand.read(replay, ReplayCommand.scan(replay, err), err), o.dyads());
            Path liveOut = work.resolve("live");
            List<String> liveArgs = new ArrayList<>(List.of(
                    "--bootstrap",
                    bootstrap,
                    "--out",
                    liveOut.toString(),
                    "--checkpoint-interval",
                    Long.toString(o.checkpointInterval().toMillis())));
            o.parallelism().ifPresent(p -> liveArgs.addAll(List.of("--parallelism", Integer.toString(p))));
            liveArgs.addAll(o.flink());
            LiveOptions live = LiveOptions.parse(liveArgs.toArray(String[]::new));
            out.printf(Locale.ROOT, "live-bench: broker %s; starting the live job ...%n", bootstrap);
            try (InProcessLive job = InProcessLive.start(liveArgs, liveOut, err);
                    MomentsReader committed = new MomentsReader(bootstrap, live.momentsTopic(), "read_committed");
                    MomentsReader uncommitted = new MomentsReader(bootstrap, live.momentsTopic(), "read_uncommitted");
                    InputLag lag = new InputLag(bootstrap, live.topic(), live.group());
                    KafkaPublisher publisher = KafkaPublisher.open(bootstrap, live.topic())) {
                return measure(o, live, replays, committed, uncommitted, lag, publisher);
            }
        }
    }

    /** {@code n} replays: the sessions with two wearers (all, if none has), copy 1 of each, then copy 2, ... */
    private List<SessionReplay> replays(List<RecordedSession> sessions, int n) {
        List<RecordedSession> dyads = sessions.stream()
                .filter(s -> s.session().info.wearers.size() == 2)
                .toList();
        List<RecordedSession> use = dyads.isEmpty() ? sessions : dyads;
        if (use.isEmpty()) {
            throw new IllegalStateException("no session could be read");
        }
        List<SessionReplay> list = new ArrayList<>();
        for (int copy = 1; list.size() < n; copy++) {
            for (RecordedSession s : use) {
                if (list.size() < n) {
                    list.add(s.replay(copy));
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "live-bench: %d dyads from %d sessions (%d with two wearers), %d cop%s each at most%n",
                n,
                sessions.size(),
                dyads.size(),
                (n + use.size() - 1) / use.size(),
                n > use.size() ? "ies" : "y");
        return list;
    }

    private LiveBenchFigures measure(
            LiveBenchOptions o,
            LiveOptions live,
            List<SessionReplay> replays,
            MomentsReader committed,
            MomentsReader uncommitted,
            InputLag lag,
            KafkaPublisher publisher)
            throws Exception {
        List<double[]> readings = new ArrayList<>();
        long[] maxLag = {0};
        long start = System.currentTimeMillis();
        ScheduledExecutorService lagClock = Executors.newSingleThreadScheduledExecutor();
        lagClock.scheduleWithFixedDelay(
                () -> {
                    try {
                        long l = lag.read().lag();
                        synchronized (readings) {
                            readings.add(new double[] {(System.currentTimeMillis() - start) / 1000.0, l});
                            maxLag[0] = Math.max(maxLag[0], l);
                        }
                    } catch (Exception e) {
                        err.println(NAME + "lag not read: " + e);
                    }
                },
                0,
                LAG_EVERY_MS,
                TimeUnit.MILLISECONDS);
        try {
            out.printf(
                    Locale.ROOT,
                    "live-bench: replaying %d dyads at speed %s%s ...%n",
                    replays.size(),
                    Double.isInfinite(o.speed()) ? "max" : Double.toString(o.speed()),
                    o.minutesLimit().map(m -> ", first " + m + " min of each").orElse(""));
            long wallStart = System.currentTimeMillis();
            Replayer.Totals totals = Replayer.run(
                    new ReplaySchedule(replays),
                    new Pacer(o.speed(), Pacer.SYSTEM),
                    publisher,
                    progress(readings, committed, uncommitted),
                    o.limitMillis());
            long replayEnd = System.currentTimeMillis();
            long lagAtEnd = lag.read().lag();
            out.printf(
                    Locale.ROOT,
                    "live-bench: replay done (%,d messages in %.1f s); waiting for the job to finish ...%n",
                    totals.messages(),
                    totals.elapsedNanos() / 1e9);
            long quietMs = Math.max(QUIET_MIN_MS, 3 * o.checkpointInterval().toMillis());
            long caughtUpAt = -1;
            boolean finished = false;
            while (System.currentTimeMillis() - replayEnd < o.drainLimit().toMillis()) {
                long now = System.currentTimeMillis();
                if (caughtUpAt < 0 && lag.read().lag() == 0) {
                    caughtUpAt = now;
                }
                if (caughtUpAt >= 0 && now - Math.max(caughtUpAt, committed.lastReceivedMillis()) >= quietMs) {
                    finished = true;
                    break;
                }
                Thread.sleep(200);
            }
            LiveMomentsConfig moments = live.moments();
            synchronized (readings) {
                return new LiveBenchFigures(
                        replays.size(),
                        o.speed(),
                        o.minutesLimit().orElse(null),
                        o.parallelism().orElse(Runtime.getRuntime().availableProcessors()),
                        o.checkpointInterval().toMillis(),
                        o.flink().stream().filter(f -> !f.equals("--flink")).toList(),
                        moments.everyS(),
                        moments.settleS(),
                        totals.messages(),
                        totals.samples(),
                        totals.elapsedNanos() / 1e6,
                        caughtUpAt < 0 ? -1 : caughtUpAt - replayEnd,
                        Math.max(maxLag[0], lagAtEnd),
                        lagAtEnd,
                        finished,
                        latencies(committed.received()),
                        latencies(uncommitted.received()),
                        detectionDelays(committed.received()),
                        inputDelays(committed.received(), replays, wallStart, o.speed()),
                        committed.received().stream()
                                .filter(r -> r.arrivalMillis() <= 0)
                                .count(),
                        new ArrayList<>(readings));
            }
        } finally {
            lagClock.shutdownNow();
        }
    }

    /** Receipt minus arrival, ms, of the stamped records: {@code live}, and {@code final} for final and withdrawn. */
    static Map<String, LatencyStats> latencies(List<MomentsReader.Received> records) {
        Map<String, List<Long>> byPhase = new TreeMap<>();
        for (MomentsReader.Received r : records) {
            if (r.arrivalMillis() > 0) {
                String phase = r.phase().equals("live") ? "live" : "final";
                byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(r.receivedMillis() - r.arrivalMillis());
            }
        }
        Map<String, LatencyStats> out = new TreeMap<>();
        byPhase.forEach((phase, values) -> out.put(phase, LatencyStats.of(values)));
        return out;
    }

    /** {@code known_at_s - end_s} of the live records, s, by moment kind. */
    static Map<String, LatencyStats> detectionDelays(List<MomentsReader.Received> records) {
        Map<String, List<Double>> byKind = new TreeMap<>();
        for (MomentsReader.Received r : records) {
            if (r.phase().equals("live")) {
                byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.knownAtS() - r.endS());
            }
        }
        Map<String, LatencyStats> out = new TreeMap<>();
        byKind.forEach((kind, values) -> out.put(kind, LatencyStats.of(values)));
        return out;
    }

    /**
     * For the live records, by moment kind: the session time of the input message that completed
     * the record less the moment's end, s. The message's session time is worked out from its
     * arrival: its session's recording time at the replay's start plus the wall time since then
     * times the speed (the replay sends each message at its due time while it keeps up). Empty at
     * speed max, where wall time says nothing of session time.
     */
    static Map<String, LatencyStats> inputDelays(
            List<MomentsReader.Received> records, List<SessionReplay> replays, long wallStartMillis, double speed) {
        Map<String, LatencyStats> out = new TreeMap<>();
        if (Double.isInfinite(speed)) {
            return out;
        }
        Map<String, Long> firstDue = new java.util.HashMap<>();
        replays.forEach(r -> firstDue.put(r.sessionId(), r.firstDueMillis()));
        Map<String, List<Double>> byKind = new TreeMap<>();
        for (MomentsReader.Received r : records) {
            Long due = firstDue.get(r.sessionId());
            if (r.phase().equals("live") && due != null && r.arrivalMillis() > 0) {
                double sessionMillis = due + (r.arrivalMillis() - wallStartMillis) * speed;
                byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add((sessionMillis - r.endMillis()) / 1000);
            }
        }
        byKind.forEach((kind, values) -> out.put(kind, LatencyStats.of(values)));
        return out;
    }

    private Replayer.Progress progress(List<double[]> readings, MomentsReader committed, MomentsReader uncommitted) {
        long[] next = {PROGRESS_NANOS};
        return (offsetMillis, soFar) -> {
            if (soFar.elapsedNanos() >= next[0]) {
                next[0] += PROGRESS_NANOS;
                double lastLag;
                synchronized (readings) {
                    lastLag = readings.isEmpty() ? Double.NaN : readings.get(readings.size() - 1)[1];
                }
                out.printf(
                        Locale.ROOT,
                        "live-bench: %.0f s: %,d messages sent, session time %d:%02d, input lag %.0f, moments"
                                + " received %d committed / %d uncommitted%n",
                        soFar.elapsedNanos() / 1e9,
                        soFar.messages(),
                        offsetMillis / 60_000,
                        offsetMillis / 1000 % 60,
                        lastLag,
                        committed.count(),
                        uncommitted.count());
            }
        };
    }
}
