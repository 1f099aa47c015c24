package org.sessionreview.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.ingest.flink.SessionFolderSource;
import org.sessionreview.ingest.flink.SessionIngestFunction;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.io.ReviewSinks;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.ReviewTopology;

/**
 * The batch review job: session folders in, review tables out. Sources and sinks are attached
 * here and nowhere else; the processing is {@link ReviewTopology}. The sinks are injected
 * ({@link ReviewSinks}) and so is the progress listener.
 */
public final class ReviewJob {
    /** Told about each session as its review completes. */
    public interface Progress {
        void sessionDone(SessionRow row, int done, int total);
    }

    /**
     * What a run produced, for the summary and run.json. {@code processingFailures} are the
     * wearers and sessions whose processing failed (also rows of the rejects table).
     */
    public record Result(
            int sessionFolders,
            List<SessionRow> sessions,
            List<InputFileStats> files,
            List<BaselineRow> baselines,
            List<Reject> processingFailures,
            Instant started,
            Instant finished) {
        public long rejects() {
            return files.stream().mapToLong(f -> f.recordsRejected).sum();
        }

        public long flagged() {
            return sessions.stream().filter(s -> s.flagged).count();
        }
    }

    private final ReviewOptions options;
    private final PipelineConfig config;
    private final ReviewSinks sinks;
    private final Progress progress;

    public ReviewJob(ReviewOptions options, PipelineConfig config, ReviewSinks sinks, Progress progress) {
        this.options = options;
        this.config = config;
        this.sinks = sinks;
        this.progress = progress;
    }

    public Result execute() throws Exception {
        Instant started = Instant.now();
        Path root = options.sessions();
        SessionScanner.Scan scan = SessionScanner.scan(root);

        StreamExecutionEnvironment env = environment();
        SessionIngestor ingestor = new SessionIngestor(config, options.pseudonymizer(), options.codebook().orElse(null));
        SingleOutputStreamOperator<SampleBlock> blocks = env
                .fromSource(new SessionFolderSource(root.toString()), WatermarkStrategy.noWatermarks(), "session-folders")
                .uid("session-folders")
                .process(new SessionIngestFunction(root.toString(), ingestor))
                .name("ingest-sessions")
                .uid("ingest-sessions");

        ReviewStreams review = ReviewTopology.build(
                blocks,
                blocks.getSideOutput(SessionIngestFunction.SESSIONS),
                blocks.getSideOutput(SessionIngestFunction.ANNOTATIONS),
                config);
        DataStream<Reject> rejects = blocks.getSideOutput(SessionIngestFunction.REJECTS).union(review.failures());
        sinks.attach(review, blocks.getSideOutput(SessionIngestFunction.ANNOTATIONS), rejects);

        CloseableIterator<SessionRow> sessionRows = review.sessions().collectAsync();
        CloseableIterator<InputFileStats> fileStats =
                blocks.getSideOutput(SessionIngestFunction.FILES).collectAsync();
        CloseableIterator<BaselineRow> baselineRows = review.baselines().collectAsync();
        CloseableIterator<Reject> failureRows = review.failures().collectAsync();
        JobClient client = env.executeAsync("session-review");

        List<InputFileStats> files = Collections.synchronizedList(new ArrayList<>());
        Thread drain = new Thread(() -> fileStats.forEachRemaining(files::add), "collect-input-files");
        drain.setDaemon(true);
        drain.start();
        List<BaselineRow> baselines = Collections.synchronizedList(new ArrayList<>());
        Thread drainBaselines = new Thread(() -> baselineRows.forEachRemaining(baselines::add), "collect-baselines");
        drainBaselines.setDaemon(true);
        drainBaselines.start();
        List<Reject> failures = Collections.synchronizedList(new ArrayList<>());
        Thread drainFailures = new Thread(() -> failureRows.forEachRemaining(failures::add), "collect-failures");
        drainFailures.setDaemon(true);
        drainFailures.start();
        List<SessionRow> rows = new ArrayList<>();
        while (sessionRows.hasNext()) {
            SessionRow row = sessionRows.next();
            rows.add(row);
            progress.sessionDone(row, rows.size(), scan.folders().size());
        }
        drain.join();
        drainBaselines.join();
        drainFailures.join();
        client.getJobExecutionResult().get();
        sessionRows.close();
        fileStats.close();
        baselineRows.close();
        failureRows.close();
        rows.sort((a, b) -> a.sessionId.compareTo(b.sessionId));
        return new Result(scan.folders().size() + scan.rejects().size(), rows, new ArrayList<>(files),
                new ArrayList<>(baselines), failures.stream().sorted((a, b) -> a.describe().compareTo(b.describe())).toList(),
                started, Instant.now());
    }

    private StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(options.parallelism());
        if (options.mode() == ReviewOptions.Mode.STREAMING) {
            env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
            env.enableCheckpointing(5_000);
        } else {
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        }
        return env;
    }
}
