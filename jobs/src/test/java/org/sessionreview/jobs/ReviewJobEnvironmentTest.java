package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.io.OutputDirectory;

/** What {@link ReviewJob#environment()} configures when the user does and does not. */
class ReviewJobEnvironmentTest {
    @TempDir
    Path tmp;

    private ReadableConfig environment(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--sessions", tmp.toString(), "--out", tmp.resolve("out").toString(), "--allow-demo-key"));
        args.addAll(List.of(extra));
        ReviewOptions options = ReviewOptions.parse(args.toArray(String[]::new), k -> null);
        OutputDirectory.Staging staging =
                OutputDirectory.open(options.out(), OutputDirectory.Kind.REVIEW, List.of("sessions"));
        ReviewJob job = new ReviewJob(
                options, options.config(), (review, trends, annotations, rejects) -> {}, staging, List.of(), Map.of());
        return job.environment().getConfiguration();
    }

    @Test
    void shouldRestartWithExponentialDelayWhenNoStrategyIsConfigured() throws Exception {
        ReadableConfig c = environment();
        assertEquals("exponential-delay", c.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(
                ReviewJob.DEFAULT_RESTART_ATTEMPTS,
                c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS));
        assertEquals(
                Duration.ofSeconds(10), c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF));
        assertEquals(RuntimeExecutionMode.BATCH, c.get(ExecutionOptions.RUNTIME_MODE));
    }

    @Test
    void shouldKeepTheConfiguredStrategy() throws Exception {
        ReadableConfig c = environment(
                "--flink", "restart-strategy.type=fixed-delay", "--flink", "restart-strategy.fixed-delay.attempts=7");
        assertEquals("fixed-delay", c.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(7, c.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS));
    }

    @Test
    void shouldCheckpointAStreamingRunIntoItsStagingFolderUnlessConfigured() throws Exception {
        ReadableConfig c = environment("--mode", "streaming");
        assertEquals(RuntimeExecutionMode.STREAMING, c.get(ExecutionOptions.RUNTIME_MODE));
        assertEquals(ReviewJob.DEFAULT_CHECKPOINT_INTERVAL, c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        String dir = c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        assertEquals(true, dir.contains(".session-review-staging-") && dir.endsWith(".checkpoints"), dir);

        ReadableConfig given = environment(
                "--mode",
                "streaming",
                "--flink",
                "execution.checkpointing.interval=1s",
                "--flink",
                "execution.checkpointing.dir=file:///tmp/cp");
        assertEquals(Duration.ofSeconds(1), given.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals("file:///tmp/cp", given.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    }

    @Test
    void shouldNotCompressTheShuffleOfAnEmbeddedRunUnlessConfigured() throws Exception {
        assertEquals(
                org.apache.flink.configuration.NettyShuffleEnvironmentOptions.CompressionCodec.NONE,
                environment()
                        .get(org.apache.flink.configuration.NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC));
        assertEquals(
                org.apache.flink.configuration.NettyShuffleEnvironmentOptions.CompressionCodec.ZSTD,
                environment("--flink", "taskmanager.network.compression.codec=ZSTD")
                        .get(org.apache.flink.configuration.NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC));
    }
}
