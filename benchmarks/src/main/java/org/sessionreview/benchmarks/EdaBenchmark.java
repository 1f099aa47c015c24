package org.sessionreview.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.EdaOptions;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.signal.eda.EdaConfig;
import org.sessionreview.signal.eda.EdaProcess;

/**
 * EDA decomposition and SCR detection ({@link EdaProcess#whole}: bridge, clean, tonic/phasic
 * split, SCRs) over ten minutes of 4 Hz EDA, with the pipeline's default settings for either
 * {@code eda.method}: STREAMING (the default) and NEUROKIT. In microseconds: 2400 samples take
 * well under a millisecond.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EdaBenchmark extends KernelBenchmark {
    @Param({"STREAMING", "NEUROKIT"})
    public EdaMethod method;

    double[] edaUs;
    EdaConfig config;

    @Setup
    public void setUp() {
        edaUs = SyntheticE4.eda(new Random(SEED), TEN_MINUTES_S);
        config = PipelineConfig.defaults().features().toBuilder()
                .set(EdaOptions.METHOD, method)
                .build()
                .edaConfig();
    }

    @Benchmark
    public EdaProcess.Result decomposeAndDetectScrs() {
        return EdaProcess.whole(edaUs, SyntheticE4.EDA_HZ, config);
    }
}
