package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.report.SynchronyRow;
import org.sessionreview.signal.synchrony.DyadResampler;
import org.sessionreview.signal.synchrony.DyadSeries;
import org.sessionreview.signal.synchrony.SessionSynchronyIndex;
import org.sessionreview.signal.synchrony.SynchronyRows;
import org.sessionreview.signal.synchrony.SynchronyWindow;
import org.sessionreview.signal.synchrony.WindowedCrossCorrelation;

/**
 * {@link DyadSynchrony} on a generated 12-minute dyad with EDA (4 Hz) and HR (1 Hz) for both
 * wearers, in two chunks each: the session index is the EDA one, and the rows are the EDA windows
 * followed by the HR windows, each as the synchrony steps compute them on the aligned series.
 */
class DyadSynchronyTest {
    private static final long MEDIA_START = 1_700_000_000_000L;
    private static final double MINUTES = 12;

    @Test
    void edaIndexAndBothSignalsWindows() {
        SynchronyConfig cfg = SynchronyConfig.defaults();
        RandomGenerator rng = new Well19937c(7);
        List<SignalChunk> chunks = new ArrayList<>();
        chunks.addAll(chunks("client", "eda", 4, 2.0, 0.2, rng));
        chunks.addAll(chunks("therapist", "eda", 4, 3.0, 0.3, rng));
        chunks.addAll(chunks("client", "hr", 1, 75, 5, rng));
        chunks.addAll(chunks("therapist", "hr", 1, 68, 4, rng));

        DyadSynchrony.Result r = DyadSynchrony.compute("s1", MEDIA_START, chunks, cfg);

        DyadSeries eda = aligned(chunks, "eda", cfg);
        DyadSeries hr = aligned(chunks, "hr", cfg);
        List<SynchronyWindow> edaWindows = WindowedCrossCorrelation.compute(eda, cfg);
        List<SynchronyWindow> hrWindows = WindowedCrossCorrelation.compute(hr, cfg);
        assertEquals(edaWindows, r.raw());
        assertEquals(SessionSynchronyIndex.compute(eda, edaWindows, cfg), r.session());
        assertEquals("ok", r.session().status());
        List<SynchronyRow> expected = new ArrayList<>(SynchronyRows.of("s1", "eda", edaWindows));
        expected.addAll(SynchronyRows.of("s1", "hr", hrWindows));
        assertTrue(hrWindows.size() > 100);
        assertEquals(expected.toString(), r.windows().toString());
    }

    @Test
    void noSessionWithoutBothWearers() {
        SynchronyConfig cfg = SynchronyConfig.defaults();
        RandomGenerator rng = new Well19937c(8);
        List<SignalChunk> chunks = new ArrayList<>(chunks("client", "eda", 4, 2.0, 0.2, rng));
        chunks.addAll(chunks("client", "hr", 1, 75, 5, rng));
        chunks.addAll(chunks("therapist", "hr", 1, 68, 4, rng));

        DyadSynchrony.Result r = DyadSynchrony.compute("s1", MEDIA_START, chunks, cfg);

        assertNull(r.session());
        assertTrue(r.raw().isEmpty());
        assertEquals(
                WindowedCrossCorrelation.compute(aligned(chunks, "hr", cfg), cfg)
                        .size(),
                r.windows().size());
        assertTrue(r.windows().stream().allMatch(w -> "hr".equals(w.signal)));
    }

    private static DyadSeries aligned(List<SignalChunk> chunks, String signal, SynchronyConfig cfg) {
        double[][] c = DyadSynchrony.assemble(chunks, "client", signal, MEDIA_START);
        double[][] h = DyadSynchrony.assemble(chunks, "therapist", signal, MEDIA_START);
        return DyadResampler.align(c[1], c[0][1], c[0][0], h[1], h[0][1], h[0][0], cfg);
    }

    /** Two consecutive chunks of a smooth random signal (level + sd x unit-scale noise). */
    private static List<SignalChunk> chunks(
            String role, String signal, double rateHz, double level, double sd, RandomGenerator rng) {
        int n = (int) (MINUTES * 60 * rateHz);
        double[] x = new double[n];
        double s = 0;
        for (int t = 0; t < n; t++) {
            s = 0.9 * s + rng.nextGaussian();
            x[t] = level + sd * s;
        }
        int half = n / 2;
        return List.of(
                chunk(role, signal, rateHz, 0, Arrays.copyOfRange(x, 0, half)),
                chunk(role, signal, rateHz, half / rateHz * 1000, Arrays.copyOfRange(x, half, n)));
    }

    private static SignalChunk chunk(String role, String signal, double rateHz, double offsetMs, double[] values) {
        SignalChunk c = new SignalChunk();
        c.sessionId = "s1";
        c.role = role;
        c.signal = signal;
        c.rateHz = rateHz;
        c.startMillis = MEDIA_START + 500 + offsetMs;
        c.values = values;
        return c;
    }
}
