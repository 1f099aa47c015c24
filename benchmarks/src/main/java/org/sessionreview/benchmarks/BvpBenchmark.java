package org.sessionreview.benchmarks;

import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.BvpBeats;

/**
 * Beat detection in the blood-volume pulse ({@link BvpBeats#detect}: clean, Elgendi peaks,
 * amplitude and interval rules) over ten minutes of 64 Hz BVP as one core, with the defaults the
 * pipeline uses ({@link BvpBeats.Config#DEFAULT}).
 */
@State(Scope.Benchmark)
public class BvpBenchmark extends KernelBenchmark {
    double[] bvp;

    @Setup
    public void setUp() {
        bvp = SyntheticE4.pulse(new Random(SEED), TEN_MINUTES_S).samples();
    }

    @Benchmark
    public List<Beat> detectBeats() {
        return BvpBeats.detect(bvp, SyntheticE4.BVP_HZ, 0, bvp.length, BvpBeats.Config.DEFAULT);
    }
}
