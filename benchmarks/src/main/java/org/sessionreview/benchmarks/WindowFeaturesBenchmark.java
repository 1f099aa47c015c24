package org.sessionreview.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.features.WearerEvents;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

/**
 * One wearer's feature windows over ten minutes of every E4 channel: the blocks a live stream
 * would deliver ({@link BlockSplitter#stream}, made once) fed to a new {@link WearerWindower} with
 * the pipeline's default settings, then its SCR, beat and artifact rows drained. This is the work
 * of the Flink operator {@code WearerWindowFunction} for one key, without Flink (no state
 * serialization).
 */
@State(Scope.Benchmark)
public class WindowFeaturesBenchmark extends KernelBenchmark {
    /** The wearer's video starts 5 s after the recording. */
    static final long MEDIA_START_MILLIS = SyntheticE4.START_MILLIS + 5_000;

    FeatureConfig config;
    List<SampleBlock> blocks;

    @Setup
    public void setUp() {
        config = PipelineConfig.defaults().features();
        blocks = new BlockSplitter(config)
                .stream(SyntheticE4.recording(SEED, TEN_MINUTES_S), Role.CLIENT, MEDIA_START_MILLIS);
    }

    /** Windows and event rows of one run. */
    public record Output(List<WindowFeatures> windows, WearerEvents events) {}

    @Benchmark
    public Output windowOneWearer() {
        WearerWindower windower = new WearerWindower(config, "bench", Role.CLIENT, MEDIA_START_MILLIS);
        List<WindowFeatures> windows = new ArrayList<>();
        WearerEvents events = new WearerEvents();
        for (SampleBlock block : blocks) {
            windows.addAll(windower.add(block));
            windower.drainEvents(events);
        }
        return new Output(windows, events);
    }
}
