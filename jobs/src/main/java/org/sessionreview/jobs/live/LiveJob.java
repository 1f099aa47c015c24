package org.sessionreview.jobs.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.jobs.cli.LiveOptions;
import org.sessionreview.jobs.io.EmbeddedTempDirectory;
import org.sessionreview.jobs.io.ParquetReviewSinks;
import org.sessionreview.live.LiveAssembler;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.operators.LiveIngestFunction;
import org.sessionreview.operators.SampleBlockTypeInfo;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.ReviewTopology;

/**
 * The live job: Kafka in, the same {@link ReviewTopology} as a review of files, candidate moments
 * and refused messages out to Kafka (exactly once: Kafka transactions committed with each
 * checkpoint) and the per-session Parquet tables under {@code --out/tables} (committed with each
 * checkpoint). Sources and sinks are attached here; the processing is {@link LiveIngestFunction}
 * and the topology.
 */
public final class LiveJob {
    /** Sub-folder of {@code --out} with the table folders. */
    public static final String TABLES = "tables";
    /** Sub-folder of {@code --out} with the job's checkpoints (kept on cancel, for the next start). */
    public static final String CHECKPOINTS = ".checkpoints";
    /** Out-of-orderness of Kafka record timestamps tolerated by the watermarks. */
    static final Duration TIMESTAMP_BOUND = Duration.ofSeconds(2);
    /** A partition quiet for this long (wall time) moves its watermark on with the wall clock. */
    static final Duration QUIET = Duration.ofSeconds(10);
    /** How long an ended session's id is remembered (a late message for it is refused, not a new session). */
    static final Duration ENDED_RETENTION = Duration.ofHours(1);
    /** Samples held beyond a gap before it is filled with missing values. */
    static final double MAX_AHEAD_S = 60;

    private final LiveOptions options;
    /** The embedded MiniCluster's private io.tmp.dirs, set by {@link #environment()}; null otherwise. */
    private EmbeddedTempDirectory embeddedTemp;

    public LiveJob(LiveOptions options) {
        this.options = options;
    }

    /** Removes the embedded MiniCluster's private temporary folder once the job is over ({@link EmbeddedTempDirectory}). */
    public void closeEmbeddedTemp() {
        if (embeddedTemp != null) {
            embeddedTemp.close();
            embeddedTemp = null;
        }
    }

    /**
     * The environment: streaming, checkpoints every {@code --checkpoint-interval} (exactly once)
     * into {@code --out/.checkpoints}, kept when the job is cancelled; restored from the newest
     * checkpoint there, if any, unless {@code --flink execution.state-recovery.path} says otherwise.
     */
    public StreamExecutionEnvironment environment() throws IOException {
        Configuration conf = Configuration.fromMap(options.flinkConf());
        if (!conf.contains(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC)) {
            conf.set(
                    NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                    NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        }
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        if (!conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
        }
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        Path checkpoints = options.out().resolve(CHECKPOINTS);
        if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            conf.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    org.sessionreview.jobs.io.FlinkPaths.text(
                            checkpoints.toUri().toString()));
        }
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (!conf.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
            latestCheckpoint(checkpoints)
                    .ifPresent(p -> conf.set(
                            StateRecoveryOptions.SAVEPOINT_PATH,
                            org.sessionreview.jobs.io.FlinkPaths.text(p.toUri().toString())));
        }
        if (!conf.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        }
        closeEmbeddedTemp(); // a second environment() must not strand the first folder
        embeddedTemp = EmbeddedTempDirectory.apply(conf, !org.sessionreview.jobs.Main.insideFlink());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        options.parallelism().ifPresent(env::setParallelism);
        return env;
    }

    /**
     * The newest completed checkpoint ({@code chk-N} with its {@code _metadata}) under {@code dir}:
     * the one whose {@code _metadata} was written last (then the highest N). The time is the
     * metadata file's, never the folder's: when a newer checkpoint completes, Flink deletes the
     * subsumed one's state files before its {@code _metadata}, and each deletion touches the
     * folder, so a process killed during that cleanup leaves a half-deleted older checkpoint
     * whose folder looks newest (a restore from it fails on a missing state file).
     */
    static Optional<Path> latestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .filter(p -> p.getParent().getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparingLong((Path p) -> p.toFile().lastModified())
                            .thenComparingLong(p -> Long.parseLong(
                                    p.getParent().getFileName().toString().substring(4))))
                    .map(Path::getParent);
        }
    }

    /** Builds the job on {@code env}. */
    public StreamGraph build(StreamExecutionEnvironment env) {
        PipelineConfig config = options.config();
        KafkaSource<LiveMessage> source = KafkaSource.<LiveMessage>builder()
                .setBootstrapServers(options.bootstrap())
                .setTopics(options.topic())
                .setGroupId(options.group())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new LiveRecordDeserializer())
                .setProperty("partition.discovery.interval.ms", "10000")
                .setProperty("isolation.level", "read_committed")
                .build();
        long bound = TIMESTAMP_BOUND.toMillis();
        long quiet = QUIET.toMillis();
        WatermarkStrategy<LiveMessage> watermarks = WatermarkStrategy.<LiveMessage>forGenerator(
                        ctx -> new KafkaClockWatermarks(bound, quiet))
                .withTimestampAssigner((m, recordTimestamp) -> m.timestampMillis);
        LiveAssembler assembler = new LiveAssembler(
                config.features().blockMillis(),
                config.e4MaxDurationHours(),
                MAX_AHEAD_S,
                org.sessionreview.ingest.e4.E4SampleRanges.of(config));
        SingleOutputStreamOperator<SampleBlock> blocks = env.fromSource(source, watermarks, "live-input")
                .uid("live-input")
                .keyBy(LiveIngestFunction::key)
                .process(new LiveIngestFunction(assembler, options.silence().toMillis(), ENDED_RETENTION.toMillis()))
                .returns(SampleBlockTypeInfo.INSTANCE)
                .name("live-ingest")
                // -v2: keyed by the session id in lower case since 2026-12-06; a checkpoint keyed by the id
                // as written fails to restore (Flink cannot map its state) instead of splitting sessions
                .uid("live-ingest-v2");

        ReviewStreams review = ReviewTopology.build(
                blocks,
                blocks.getSideOutput(LiveIngestFunction.SESSIONS),
                blocks.getSideOutput(LiveIngestFunction.ANNOTATIONS),
                config,
                options.moments());
        DataStream<Reject> rejects =
                blocks.getSideOutput(LiveIngestFunction.REJECTS).union(review.failures());
        Map<String, String> provenance = provenance(config, options.runInputs());
        try {
            // a table without rows yet still has its schema, as a review's does (EmptyTables)
            org.sessionreview.jobs.io.EmptyTables.fill(
                    org.sessionreview.storage.LocalEntry.of(options.out().resolve(TABLES)),
                    org.sessionreview.parquet.OutputTables.PER_SESSION,
                    provenance);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot prepare " + options.out().resolve(TABLES), e);
        }
        new ParquetReviewSinks(
                        new org.apache.flink.core.fs.Path(
                                options.out().resolve(TABLES).toUri()),
                        provenance)
                .attachSessionTables(review, blocks.getSideOutput(LiveIngestFunction.ANNOTATIONS), rejects);

        review.liveMoments()
                .sinkTo(kafkaSink(
                        options.momentsTopic(),
                        new JsonRecordSerializer<>(options.momentsTopic(), (LiveMomentRow m) -> m.sessionId),
                        "moments"))
                .name("moments-kafka")
                .uid("moments-kafka");
        blocks.getSideOutput(LiveIngestFunction.DEAD_LETTERS)
                .sinkTo(kafkaSink(
                        options.deadLetterTopic(),
                        new JsonRecordSerializer<>(options.deadLetterTopic(), (Reject r) -> r.sessionId),
                        "dead-letters"))
                .name("dead-letters-kafka")
                .uid("dead-letters-kafka");

        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("session-review live " + options.topic());
        return graph;
    }

    private <T> KafkaSink<T> kafkaSink(String topic, JsonRecordSerializer<T> serializer, String what) {
        Properties props = new Properties();
        // below the broker's transaction.max.timeout.ms (15 min by default; the embedded broker allows 1 h)
        props.setProperty(
                "transaction.timeout.ms", String.valueOf(Duration.ofMinutes(10).toMillis()));
        return KafkaSink.<T>builder()
                .setBootstrapServers(options.bootstrap())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("session-review-" + options.group() + "-" + what)
                .setKafkaProducerConfig(props)
                .build();
    }

    /** What a live table's footer says of the client pseudonym: live never holds the key. */
    static final String PSEUDONYM_KEY = "made by the producer (live receives client_key already pseudonymised)";

    /**
     * The footer entries of the live job's tables: {@link PipelineConfig#provenance}, the {@code
     * --baselines} file ({@code runInputs}), and {@value #PSEUDONYM_KEY} as {@code pseudonym_key}
     * (ninth audit: it said "site key" even for sessions that {@code replay --allow-demo-key}
     * had pseudonymised with the public demo key).
     */
    static Map<String, String> provenance(PipelineConfig config, Map<String, String> runInputs) {
        Map<String, String> out = new java.util.LinkedHashMap<>(config.provenance(false));
        out.put("pseudonym_key", PSEUDONYM_KEY);
        out.putAll(runInputs);
        return out;
    }
}
