package org.sessionreview.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.ingest.flink.SessionFolderSource;
import org.sessionreview.ingest.flink.SessionIngestFunction;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.io.EmbeddedTempDirectory;
import org.sessionreview.jobs.io.OutputDirectory;
import org.sessionreview.jobs.io.PublishOnFinish;
import org.sessionreview.jobs.io.ReviewSinks;
import org.sessionreview.jobs.io.RunFact;
import org.sessionreview.jobs.io.RunFinish;
import org.sessionreview.jobs.io.RunManifest;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.operators.GroupAtEndFunction;
import org.sessionreview.operators.SampleBlockTypeInfo;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.ReviewTopology;
import org.sessionreview.topology.TrendStreams;
import org.sessionreview.topology.TrendTopology;

/**
 * The review job: session folders in, every output of a run written by the job itself. Sources
 * and sinks are attached here and nowhere else; the processing is {@link ReviewTopology} and its
 * second stage {@link TrendTopology}; {@link RunFinish} writes run.json and
 * baselines.json; {@link PublishOnFinish} publishes the staging folder when the job has finished.
 * Nothing is collected into the client, so a detached or REST submission produces the complete
 * output.
 */
public final class ReviewJob {
    /**
     * The restart strategy when neither the cluster nor {@code --flink} sets one: Flink's
     * exponential-delay, which counts the failures that arrive during one backoff as one attempt
     * (FLIP-364), so that a lost TaskManager, whose many tasks fail together, costs one attempt
     * and not one per task: at most {@value #DEFAULT_RESTART_ATTEMPTS} attempts, waiting 1 s, then
     * 1.5 times longer each time, at most 10 s (a job that fails for good fails within about a
     * minute).
     */
    static final int DEFAULT_RESTART_ATTEMPTS = 10;

    static final Duration DEFAULT_RESTART_INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration DEFAULT_RESTART_MAX_BACKOFF = Duration.ofSeconds(10);

    /** Checkpoint interval of a streaming run when none is configured. */
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final ReviewOptions options;
    private final PipelineConfig config;
    private final ReviewSinks sinks;
    private final OutputDirectory.Staging staging;
    private final List<TableSchema<?>> tables;
    private final Map<String, String> provenance;
    /** The embedded MiniCluster's private io.tmp.dirs, set by {@link #environment()}; null otherwise. */
    private EmbeddedTempDirectory embeddedTemp;

    public ReviewJob(
            ReviewOptions options,
            PipelineConfig config,
            ReviewSinks sinks,
            OutputDirectory.Staging staging,
            List<TableSchema<?>> tables,
            Map<String, String> provenance) {
        this.options = options;
        this.config = config;
        this.sinks = sinks;
        this.staging = staging;
        this.tables = List.copyOf(tables);
        this.provenance = provenance;
    }

    /**
     * The Flink environment of this run: the cluster's when submitted with {@code flink run} or
     * REST, an embedded MiniCluster otherwise. Parallelism is the environment's ({@code -p},
     * {@code parallelism.default}, or the machine's cores when embedded) unless {@code
     * --parallelism} is given. The restart strategy and checkpoint storage are the configuration's
     * ({@code --flink KEY=VALUE}, the cluster's config.yaml, {@code flink run -D}); when none is
     * set the job restarts with exponential delay, up to {@value #DEFAULT_RESTART_ATTEMPTS} times, and a streaming run
     * checkpoints into its staging folder. An embedded run does not compress its shuffle ({@code
     * taskmanager.network.compression.codec: NONE} unless given).
     */
    /**
     * Removes the embedded MiniCluster's private temporary folder ({@link EmbeddedTempDirectory})
     * once the run is over; nothing when the run is on a cluster or {@code io.tmp.dirs} was given.
     */
    public void closeEmbeddedTemp() {
        if (embeddedTemp != null) {
            embeddedTemp.close();
            embeddedTemp = null;
        }
    }

    public StreamExecutionEnvironment environment() {
        Configuration conf = Configuration.fromMap(options.flinkConf());
        if (!Main.insideFlink() && !conf.contains(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC)) {
            // one machine: compressing the shuffle between its own tasks only costs CPU (LZ4 took
            // about 8 % of the wearer operator's CPU in a bench run); clusters keep their setting
            conf.set(
                    NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                    NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        }
        closeEmbeddedTemp(); // a second environment() must not strand the first folder
        embeddedTemp = EmbeddedTempDirectory.apply(conf, !Main.insideFlink());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        ReadableConfig given = env.getConfiguration();
        Configuration defaults = new Configuration();
        if (given.getOptional(RestartStrategyOptions.RESTART_STRATEGY).isEmpty()) {
            defaults.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
            defaults.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, DEFAULT_RESTART_ATTEMPTS);
            defaults.set(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                    DEFAULT_RESTART_INITIAL_BACKOFF);
            defaults.set(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, DEFAULT_RESTART_MAX_BACKOFF);
        }
        if (options.mode() == ReviewOptions.Mode.STREAMING) {
            defaults.set(org.apache.flink.configuration.ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
            if (given.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty()) {
                defaults.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
            }
            if (given.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()) {
                defaults.set(
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                        org.sessionreview.jobs.io.FlinkPaths.text(
                                staging.dir().resolve(".checkpoints").uri()));
            }
        } else {
            defaults.set(org.apache.flink.configuration.ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        }
        env.configure(defaults);
        options.parallelism().ifPresent(env::setParallelism);
        return env;
    }

    /** What publishes this run's staging folder when its job has finished. */
    public PublishOnFinish publisher() {
        return new PublishOnFinish(staging, tables, provenance, options.mode() == ReviewOptions.Mode.BATCH);
    }

    /**
     * Whether the job itself publishes its output ({@link PublishOnFinish} as a job status hook):
     * embedded runs and submissions whose {@code main()} runs on the JobManager (REST, web UI,
     * application mode). A {@code flink run} to a session cluster ({@code execution.target:
     * remote}) cannot carry the hook (the REST endpoint loads the submitted graph without the
     * job's classes), so there the waiting client publishes, unless {@link #JAR_IN_CLUSTER_LIB}
     * says the cluster has the job's classes in its {@code lib/}.
     */
    public static boolean publishesOnCluster(StreamExecutionEnvironment env) {
        return !"remote".equals(env.getConfiguration().get(DeploymentOptions.TARGET))
                || env.getConfiguration().get(JAR_IN_CLUSTER_LIB);
    }

    /**
     * Set on a session cluster whose {@code lib/} holds {@code session-review-flink.jar} (in its
     * config.yaml, or {@code flink run -Dsession-review.jar-in-cluster-lib=true}): its REST endpoint
     * can then load the job graph with the publish hook, so that even a detached {@code flink run
     * -d} publishes its output when the job has finished. Default false.
     */
    public static final org.apache.flink.configuration.ConfigOption<Boolean> JAR_IN_CLUSTER_LIB =
            org.apache.flink.configuration.ConfigOptions.key("session-review.jar-in-cluster-lib")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("The session cluster's lib/ holds session-review-flink.jar, so a detached"
                            + " submission can carry the step that publishes the output.");

    /** Whether the caller should wait for the job: embedded runs and attached submissions. */
    public static boolean waitsForResult(StreamExecutionEnvironment env) {
        return env instanceof LocalStreamEnvironment || env.getConfiguration().get(DeploymentOptions.ATTACHED);
    }

    /**
     * Builds the job on {@code env} and returns its graph, with the publish hook registered. The
     * session folders are discovered and handed out by {@link SessionFolderSource} (on the
     * JobManager); {@code scan} is the client's own listing, used only for the folder count.
     */
    public StreamGraph build(StreamExecutionEnvironment env, SessionScanner.Scan scan, java.time.Instant started) {
        String root = options.sessions().uri();
        SessionIngestor ingestor = new SessionIngestor(
                config, options.pseudonymizer(), options.codebookJson().orElse(null));
        SingleOutputStreamOperator<SampleBlock> blocks = env.fromSource(
                        new SessionFolderSource(root), WatermarkStrategy.noWatermarks(), "session-folders")
                .uid("session-folders")
                .process(new SessionIngestFunction(root, ingestor))
                .returns(SampleBlockTypeInfo.INSTANCE)
                .name("ingest-sessions")
                .uid("ingest-sessions");

        ReviewStreams review = ReviewTopology.build(
                blocks,
                blocks.getSideOutput(SessionIngestFunction.SESSIONS),
                blocks.getSideOutput(SessionIngestFunction.ANNOTATIONS),
                config);
        TrendStreams trends = TrendTopology.build(review.sessions(), config.trends());
        DataStream<Reject> rejects =
                blocks.getSideOutput(SessionIngestFunction.REJECTS).union(review.failures());
        DataStream<InputFileStats> files = blocks.getSideOutput(SessionIngestFunction.FILES);
        sinks.attach(review, trends, blocks.getSideOutput(SessionIngestFunction.ANNOTATIONS), rejects);

        RunManifest.Header header = new RunManifest.Header(
                options.sessions().location(),
                options.out().location(),
                started,
                options.mode().name().toLowerCase(java.util.Locale.ROOT),
                env.getParallelism(),
                options.pseudonymizer().source(),
                RunManifest.parametersJson(config.describe()),
                scan.folders().size() + scan.rejects().size(),
                tables.stream().map(TableSchema::name).toList(),
                RunManifest.runInputs(provenance));
        TypeInformation<RunFact> fact = TypeInformation.of(RunFact.class);
        files.map(RunFact::of)
                .returns(fact)
                .name("files-as-facts")
                .uid("files-as-facts")
                .union(
                        review.sessions()
                                .map(RunFact::of)
                                .returns(fact)
                                .name("sessions-as-facts")
                                .uid("sessions-as-facts"),
                        review.baselines()
                                .map(RunFact::of)
                                .returns(fact)
                                .name("baselines-as-facts")
                                .uid("baselines-as-facts"),
                        review.failures()
                                .map(RunFact::of)
                                .returns(fact)
                                .name("failures-as-facts")
                                .uid("failures-as-facts"))
                .keyBy(RunFinish::key)
                .process(
                        new GroupAtEndFunction<Integer, RunFact, Void>(
                                new RunFinish(header, staging.dir().uri(), ReviewCommand.BASELINES_FILE), fact),
                        org.apache.flink.api.common.typeinfo.Types.VOID)
                .setParallelism(1)
                .name("run-finish")
                .uid("run-finish")
                .sinkTo(new DiscardingSink<>())
                .setParallelism(1)
                .name("run-finish-end")
                .uid("run-finish-end");

        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("session-review " + options.sessions().name());
        if (publishesOnCluster(env)) {
            graph.registerJobStatusHook(publisher());
        }
        return graph;
    }
}
