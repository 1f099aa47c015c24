package org.sessionreview.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.signal.synchrony.DyadSeries;
import org.sessionreview.signal.synchrony.SessionSynchrony;
import org.sessionreview.signal.synchrony.SessionSynchronyIndex;
import org.sessionreview.signal.synchrony.SynchronyWindow;
import org.sessionreview.signal.synchrony.WindowedCrossCorrelation;

/**
 * Dyadic synchrony of a 50-minute session's EDA at the 4 Hz the pipeline aligns both wearers to,
 * with the default settings (30 s windows every 5 s, lags up to +-5 s; 30 s segments, up to 500
 * surrogate pairings and 1000 shuffles), through the public entry points only:
 *
 * <ul>
 *   <li>{@link #laggedCrossCorrelation}: the windowed lagged cross-correlation;
 *   <li>{@link #sessionIndexWithSurrogates}: the session index (SUSY ES, surrogate pairings and
 *       segment shuffles) from windows computed once in the setup, as the pipeline calls it.
 * </ul>
 */
@State(Scope.Benchmark)
public class SynchronyBenchmark extends KernelBenchmark {
    static final double SESSION_MINUTES = 50;

    SynchronyConfig config;
    DyadSeries dyad;
    List<SynchronyWindow> windows;

    @Setup
    public void setUp() {
        config = PipelineConfig.defaults().synchrony();
        dyad = SyntheticE4.dyad(SEED, SESSION_MINUTES);
        windows = WindowedCrossCorrelation.compute(dyad, config);
    }

    @Benchmark
    public List<SynchronyWindow> laggedCrossCorrelation() {
        return WindowedCrossCorrelation.compute(dyad, config);
    }

    @Benchmark
    public SessionSynchrony sessionIndexWithSurrogates() {
        return SessionSynchronyIndex.compute(dyad, windows, config);
    }
}
