package org.sessionreview.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.scoring.DyadSynchrony;
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
 *       segment shuffles) from windows computed once in the setup, as the pipeline calls it;
 *   <li>{@link #dyadSynchrony}: all of a session's synchrony as the per-session operator calls
 *       it ({@link DyadSynchrony#compute}): the EDA windows and index and the heart-rate windows,
 *       from one chunk per wearer and signal. The heart rate (1 Hz) is made from the same dyad's
 *       EDA, every fourth sample scaled to beats per minute, gaps included; the pipeline aligns
 *       it to 4 Hz.
 * </ul>
 */
@State(Scope.Benchmark)
public class SynchronyBenchmark extends KernelBenchmark {
    static final double SESSION_MINUTES = 50;

    SynchronyConfig config;
    DyadSeries dyad;
    List<SynchronyWindow> windows;
    List<SignalChunk> chunks;

    @Setup
    public void setUp() {
        config = PipelineConfig.defaults().synchrony();
        dyad = SyntheticE4.dyad(SEED, SESSION_MINUTES);
        windows = WindowedCrossCorrelation.compute(dyad, config);
        chunks = new ArrayList<>();
        chunks.add(chunk("client", "eda", SyntheticE4.EDA_HZ, dyad.client()));
        chunks.add(chunk("therapist", "eda", SyntheticE4.EDA_HZ, dyad.therapist()));
        chunks.add(chunk("client", "hr", 1, heartRate(dyad.client())));
        chunks.add(chunk("therapist", "hr", 1, heartRate(dyad.therapist())));
    }

    @Benchmark
    public List<SynchronyWindow> laggedCrossCorrelation() {
        return WindowedCrossCorrelation.compute(dyad, config);
    }

    @Benchmark
    public SessionSynchrony sessionIndexWithSurrogates() {
        return SessionSynchronyIndex.compute(dyad, windows, config);
    }

    @Benchmark
    public DyadSynchrony.Result dyadSynchrony() {
        return DyadSynchrony.compute("bench", SyntheticE4.START_MILLIS, chunks, config);
    }

    private static SignalChunk chunk(String role, String signal, double rateHz, double[] values) {
        SignalChunk c = new SignalChunk();
        c.sessionId = "bench";
        c.role = role;
        c.signal = signal;
        c.startMillis = SyntheticE4.START_MILLIS;
        c.rateHz = rateHz;
        c.values = values;
        return c;
    }

    /** Every fourth EDA sample (1 Hz), as beats per minute: 60 + 10 x microsiemens. */
    private static double[] heartRate(double[] eda) {
        double[] hr = new double[eda.length / 4];
        for (int i = 0; i < hr.length; i++) {
            hr[i] = 60 + 10 * eda[4 * i];
        }
        return hr;
    }
}
