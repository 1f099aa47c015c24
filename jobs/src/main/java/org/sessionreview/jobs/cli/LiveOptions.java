package org.sessionreview.jobs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.scoring.StoredBaselines;

/**
 * The {@code live} command's arguments, parsed and checked once; immutable. The pipeline's
 * parameters ({@code --set}, {@code --eda-method}) are the review's, so that a live session and a
 * review of its files are scored alike.
 */
public final class LiveOptions {
    public static final String DEFAULT_TOPIC = "session-review.input";
    public static final String DEFAULT_MOMENTS_TOPIC = "session-review.moments";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "session-review.dead-letters";
    public static final String DEFAULT_GROUP = "session-review-live";
    /** A session without a message for this long has ended. */
    public static final Duration DEFAULT_SILENCE = Duration.ofSeconds(120);
    /** Exactly-once output is visible when a checkpoint completes: this bounds the latency. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    public static final int DEFAULT_PARTITIONS = 4;

    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar live --bootstrap HOST:PORT --out DIR [options]",
            "",
            "Reviews live sessions from Kafka (the README's 'Live sessions' section has the message contract):",
            "reads session_start, samples, event and session_end messages from --topic, sends each candidate",
            "moment to --moments-topic as soon as it is known (exactly once, in Kafka transactions committed",
            "with each checkpoint) and writes the review's per-session Parquet tables under --out. A session",
            "ends on its session_end message or after --silence without a message. Messages that cannot be",
            "used go to --dead-letter-topic and the rejects/ table, each with its reason. Runs until stopped",
            "(Ctrl-C); started again with the same --out it resumes from its last checkpoint.",
            "",
            "Options:",
            "  --bootstrap HOST:PORT       Kafka bootstrap servers (required)",
            "  --out DIR                   folder of the tables and of the job's checkpoints (required)",
            "  --topic NAME                input topic (default " + DEFAULT_TOPIC + ")",
            "  --moments-topic NAME        output topic of candidate moments (default " + DEFAULT_MOMENTS_TOPIC + ")",
            "  --dead-letter-topic NAME    topic of refused messages (default " + DEFAULT_DEAD_LETTER_TOPIC + ")",
            "  --group ID                  consumer group, and the prefix of the job's Kafka transaction ids: two",
            "                              live jobs on one broker need different groups (default " + DEFAULT_GROUP
                    + ")",
            "  --partitions N              partitions of the topics this command creates when missing (default "
                    + DEFAULT_PARTITIONS + ")",
            "  --silence SECONDS           a session without a message for this long has ended (default "
                    + DEFAULT_SILENCE.toSeconds() + ")",
            "  --checkpoint-interval MS    checkpoint (and output commit) interval (default "
                    + DEFAULT_CHECKPOINT_INTERVAL.toMillis() + ")",
            "  --parallelism N             Flink parallelism (embedded default: the number of CPU cores)",
            "  --flink KEY=VALUE           a Flink configuration option (repeatable)",
            "  --eda-method streaming|neurokit, --set KEY=VALUE, --baselines FILE",
            "                              method parameters, as for review; and --set live.every_s=S (how often a",
            "                              running session is re-scored, default 30) and live.settle_s=S (how long",
            "                              after its end a moment is sent, default 90)",
            "  --help                      print this help");

    private final String bootstrap;
    private final Path out;
    private final String topic;
    private final String momentsTopic;
    private final String deadLetterTopic;
    private final String group;
    private final int partitions;
    private final Duration silence;
    private final Duration checkpointInterval;
    private final Integer parallelism;
    private final Map<String, String> flinkConf;
    private final PipelineConfig config;
    private final org.sessionreview.config.LiveMomentsConfig moments;

    private final Map<String, String> runInputs;

    private LiveOptions(
            String bootstrap,
            Path out,
            String topic,
            String momentsTopic,
            String deadLetterTopic,
            String group,
            int partitions,
            Duration silence,
            Duration checkpointInterval,
            Integer parallelism,
            Map<String, String> flinkConf,
            PipelineConfig config,
            org.sessionreview.config.LiveMomentsConfig moments,
            Map<String, String> runInputs) {
        this.moments = moments;
        this.runInputs = runInputs;
        this.bootstrap = bootstrap;
        this.out = out;
        this.topic = topic;
        this.momentsTopic = momentsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.group = group;
        this.partitions = partitions;
        this.silence = silence;
        this.checkpointInterval = checkpointInterval;
        this.parallelism = parallelism;
        this.flinkConf = Collections.unmodifiableMap(new TreeMap<>(flinkConf));
        this.config = config;
    }

    /** Parses the arguments after {@code live}. */
    public static LiveOptions parse(String[] args) throws UsageException {
        String bootstrap = null;
        String outArg = null;
        String topic = DEFAULT_TOPIC;
        String momentsTopic = DEFAULT_MOMENTS_TOPIC;
        String deadLetterTopic = DEFAULT_DEAD_LETTER_TOPIC;
        String group = DEFAULT_GROUP;
        int partitions = DEFAULT_PARTITIONS;
        Duration silence = DEFAULT_SILENCE;
        Duration checkpoint = DEFAULT_CHECKPOINT_INTERVAL;
        Integer parallelism = null;
        EdaMethod edaMethod = EdaMethod.STREAMING;
        List<String> sets = new ArrayList<>();
        String baselinesArg = null;
        Map<String, String> flinkConf = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bootstrap" -> bootstrap = ReviewOptions.value(args, ++i, a);
                case "--out" -> outArg = ReviewOptions.value(args, ++i, a);
                case "--topic" -> topic = ReviewOptions.value(args, ++i, a);
                case "--moments-topic" -> momentsTopic = ReviewOptions.value(args, ++i, a);
                case "--dead-letter-topic" -> deadLetterTopic = ReviewOptions.value(args, ++i, a);
                case "--group" -> group = ReviewOptions.value(args, ++i, a);
                case "--partitions" -> partitions = (int) whole(a, ReviewOptions.value(args, ++i, a), 1, 1000);
                case "--silence" ->
                    silence = Duration.ofSeconds(whole(a, ReviewOptions.value(args, ++i, a), 1, 86_400));
                case "--checkpoint-interval" ->
                    checkpoint = Duration.ofMillis(whole(a, ReviewOptions.value(args, ++i, a), 100, 3_600_000));
                case "--parallelism" -> parallelism = (int) whole(a, ReviewOptions.value(args, ++i, a), 1, 1024);
                case "--eda-method" -> {
                    String em = ReviewOptions.value(args, ++i, a);
                    try {
                        edaMethod = EdaMethod.valueOf(em.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--eda-method must be streaming or neurokit, got '" + em + "'");
                    }
                }
                case "--set" -> sets.add(ReviewOptions.value(args, ++i, a));
                case "--baselines" -> baselinesArg = ReviewOptions.value(args, ++i, a);
                case "--flink" -> TablesArgument.putFlinkSetting(flinkConf, ReviewOptions.value(args, ++i, a));
                default -> throw new UsageException("unknown argument '" + a + "' (see live --help)");
            }
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new UsageException("--bootstrap HOST:PORT is required (see live --help)");
        }
        if (outArg == null) {
            throw new UsageException("--out DIR is required (see live --help)");
        }
        // a local (or shared, mounted) folder; before 2026-12-07 s3://b/x became a local folder "s3:"
        Path out = TablesArgument.local(
                "--out",
                outArg,
                scheme -> "the live job's tables and checkpoints are written to a local folder (or a shared,"
                        + " mounted one) only, not to " + scheme + ":// (see live --help)");
        for (String t : List.of(topic, momentsTopic, deadLetterTopic)) {
            if (!t.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new UsageException("topic name '" + t + "' is not a valid Kafka topic name");
            }
        }
        if (topic.equals(momentsTopic) || topic.equals(deadLetterTopic)) {
            throw new UsageException("the output topics must differ from the input topic " + topic);
        }
        StoredBaselines baselines = StoredBaselines.none();
        Map<String, String> runInputs = org.sessionreview.config.RunInputs.describe(null, null);
        if (baselinesArg != null) {
            try {
                org.sessionreview.storage.Entry file = ReviewOptions.location("--baselines", baselinesArg);
                var read = org.sessionreview.config.RunInputs.File.read(file); // parsed and recorded alike
                baselines = StoredBaselines.parse(file, read.bytes());
                runInputs = org.sessionreview.config.RunInputs.describe(read, null);
            } catch (RuntimeException | java.io.IOException e) {
                throw new UsageException("--baselines " + baselinesArg + ": " + e.getMessage());
            }
        }
        List<String> pipelineSets = new ArrayList<>();
        var live = org.sessionreview.config.LiveMomentsConfig.builder();
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).trim().startsWith("live.")) {
                try {
                    live.setText(kv.substring(0, eq).trim(), kv.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--set: " + e.getMessage());
                }
            } else {
                pipelineSets.add(kv);
            }
        }
        PipelineConfig config = ReviewOptions.config(edaMethod, pipelineSets, baselines);
        org.sessionreview.config.LiveMomentsConfig moments;
        try {
            moments = live.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--set: " + e.getMessage());
        }
        return new LiveOptions(
                bootstrap,
                out,
                topic,
                momentsTopic,
                deadLetterTopic,
                group,
                partitions,
                silence,
                checkpoint,
                parallelism,
                flinkConf,
                config,
                moments,
                runInputs);
    }

    private static long whole(String flag, String text, long min, long max) throws UsageException {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** The footer's {@code run_input.*} entries: the {@code --baselines} file's name, size and SHA-256. */
    public Map<String, String> runInputs() {
        return runInputs;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Path out() {
        return out;
    }

    public String topic() {
        return topic;
    }

    public String momentsTopic() {
        return momentsTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String group() {
        return group;
    }

    public int partitions() {
        return partitions;
    }

    public Duration silence() {
        return silence;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public Optional<Integer> parallelism() {
        return Optional.ofNullable(parallelism);
    }

    public Map<String, String> flinkConf() {
        return flinkConf;
    }

    public PipelineConfig config() {
        return config;
    }

    /** When moments are sent while a session runs ({@code --set live.every_s=..., live.settle_s=...}). */
    public org.sessionreview.config.LiveMomentsConfig moments() {
        return moments;
    }
}
