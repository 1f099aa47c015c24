package org.sessionreview.jobs.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sessionreview.jobs.cli.LiveOptions;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;

/**
 * The {@code live-bench} command's arguments, parsed and checked once.
 *
 * @param dyads dyad sessions replayed at the same time ({@code --dyads}, default 20)
 * @param speed device seconds per wall second ({@code --speed}, default 1; {@link Pacer#MAX} for {@code max})
 * @param sessions the sessions root replayed; empty: the repository's {@code sample-data/} when
 *     found, else a generated cohort
 * @param minutesLimit session time replayed, minutes; empty: whole sessions
 * @param out where the figures go as JSON
 * @param parallelism the live job's parallelism; empty: the machine's cores
 * @param checkpointInterval the live job's checkpoint (and output commit) interval
 * @param drainLimit after the replay, how long to wait for the job to finish the sessions
 * @param flink {@code --flink KEY=VALUE} arguments, passed on to the live job as they are
 */
record LiveBenchOptions(
        int dyads,
        double speed,
        Optional<Path> sessions,
        Optional<Double> minutesLimit,
        Path out,
        Optional<Integer> parallelism,
        Duration checkpointInterval,
        Duration drainLimit,
        List<String> flink) {
    static final int DEFAULT_DYADS = 20;
    static final Duration DEFAULT_DRAIN_LIMIT = Duration.ofSeconds(180);
    static final Path DEFAULT_OUT =
            Path.of(System.getProperty("java.io.tmpdir"), "session-review-live-bench", "live-bench-result.json");

    static final String USAGE = String.join(
            "\n",
            "usage: session-review live-bench [options]",
            "",
            "Measures the live job's processing latency in this JVM: starts an embedded Kafka broker and the",
            "live job, replays N dyad sessions concurrently (copies of the sessions under new ids), and reads",
            "the moments topic with a read_committed and a read_uncommitted consumer. Latency of a record =",
            "its receipt by the consumer minus its arrival_millis (the Kafka timestamp of the input message",
            "that completed it), same machine, same clock. Speed S with N dyads is the message load of S x N",
            "dyads at 1x.",
            "",
            "  --dyads N              dyad sessions running at the same time (default " + DEFAULT_DYADS + ")",
            "  --speed S              1 = real time (default), 10, ... times as fast, or max",
            "  --sessions DIR         sessions root to replay (default: the repository's sample-data/ when",
            "                         found, else a small generated cohort)",
            "  --minutes-limit M      replay only the first M minutes of each session, then end it",
            "  --out FILE             write the figures as JSON (default " + DEFAULT_OUT + ")",
            "  --parallelism P        the live job's parallelism (default: the machine's cores)",
            "  --checkpoint-interval MS  the live job's checkpoint and output-commit interval (default "
                    + LiveOptions.DEFAULT_CHECKPOINT_INTERVAL.toMillis() + ")",
            "  --drain-limit S        after the replay, seconds to wait for the job to finish (default "
                    + DEFAULT_DRAIN_LIMIT.toSeconds() + ")",
            "  --flink KEY=VALUE      a Flink setting for the live job (repeatable), as for live; e.g.",
            "                         execution.buffer-timeout.interval=10ms",
            "",
            "Prints, for live and final records and for each consumer, the count and p50/p95/p99/max latency;",
            "the input throughput and lag; and the detection delay per moment kind (known_at_s - end_s).");

    /** Every option but --help, each taking a value; anything else is an unknown argument, also as the last one. */
    private static final Set<String> OPTIONS = Set.of(
            "--dyads",
            "--speed",
            "--sessions",
            "--minutes-limit",
            "--out",
            "--parallelism",
            "--checkpoint-interval",
            "--drain-limit",
            "--flink");

    /** Parses the arguments after {@code live-bench}; null for {@code --help}. */
    static LiveBenchOptions parse(String[] args) throws UsageException {
        int dyads = DEFAULT_DYADS;
        double speed = 1;
        Path sessions = null;
        Double minutes = null;
        Path out = DEFAULT_OUT;
        Integer parallelism = null;
        Duration checkpoint = LiveOptions.DEFAULT_CHECKPOINT_INTERVAL;
        Duration drain = DEFAULT_DRAIN_LIMIT;
        List<String> flink = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (!OPTIONS.contains(a)) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--dyads" -> dyads = (int) whole(a, v, 1, 100_000);
                case "--speed" -> {
                    try {
                        speed = Pacer.parseSpeed(v);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                case "--sessions" -> sessions = TablesArgument.localPath(a, v);
                case "--minutes-limit" -> minutes = positive(a, v);
                case "--out" -> out = TablesArgument.localPath(a, v);
                case "--parallelism" -> parallelism = (int) whole(a, v, 1, 1024);
                case "--checkpoint-interval" -> checkpoint = Duration.ofMillis(whole(a, v, 100, 3_600_000));
                case "--drain-limit" -> drain = Duration.ofSeconds(whole(a, v, 1, 86_400));
                case "--flink" -> flink.addAll(List.of(a, v));
                default -> throw new UsageException("unknown argument '" + a + "'");
            }
        }
        if (sessions != null && !Files.isDirectory(sessions)) {
            throw new UsageException("--sessions " + sessions + " is not a directory");
        }
        return new LiveBenchOptions(
                dyads,
                speed,
                Optional.ofNullable(sessions),
                Optional.ofNullable(minutes),
                out,
                Optional.ofNullable(parallelism),
                checkpoint,
                drain,
                List.copyOf(flink));
    }

    /** Session time replayed, ms ({@link Long#MAX_VALUE}: whole sessions). */
    long limitMillis() {
        return minutesLimit.map(m -> Math.round(m * 60_000)).orElse(Long.MAX_VALUE);
    }

    private static long whole(String flag, String text, long min, long max) throws UsageException {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    private static double positive(String flag, String text) throws UsageException {
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(flag + " must be a positive number, got '" + text + "'");
    }
}
