package org.sessionreview.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark here inherits (JMH reads these annotations through the class
 * hierarchy): average time per call, one fork, two warm-up and three measured iterations of 2 s,
 * so that the whole suite takes a few minutes on two cores. Command-line options ({@code -f},
 * {@code -wi}, {@code -i}, {@code -r}, {@code -tu}) override them for a longer, steadier run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class KernelBenchmark {
    /** Seed of every synthetic input. */
    static final long SEED = 20260105L;
    /** Length of the single-wearer inputs: ten minutes. */
    static final double TEN_MINUTES_S = 600;
}
