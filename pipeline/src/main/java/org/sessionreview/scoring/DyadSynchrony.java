package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.report.SynchronyRow;
import org.sessionreview.signal.synchrony.DyadResampler;
import org.sessionreview.signal.synchrony.DyadSeries;
import org.sessionreview.signal.synchrony.SessionSynchrony;
import org.sessionreview.signal.synchrony.SessionSynchronyIndex;
import org.sessionreview.signal.synchrony.SynchronyRows;
import org.sessionreview.signal.synchrony.SynchronyWindow;
import org.sessionreview.signal.synchrony.WindowedCrossCorrelation;

/**
 * Client-therapist EDA (and heart-rate) synchrony of one session (DOMAIN.md 4.3): assembles each wearer's signal
 * chunks into one series (gaps NaN), aligns both on their common span at 4 Hz, and computes the
 * windowed lagged cross-correlation (window rows) and the session index with surrogates.
 * Supporting evidence only, never a rupture detector (Deres-Cohen et al. 2021).
 */
public final class DyadSynchrony {
    /** The result: window rows and the session index; {@code session} null without both wearers. */
    public record Result(List<SynchronyRow> windows, List<SynchronyWindow> raw, SessionSynchrony session) {}

    private DyadSynchrony() {}

    /**
     * EDA synchrony (window rows and the session index) plus heart-rate window rows where both wearers have HR. The
     * heart-rate session index is not computed: only its window rows are kept (the index, its surrogate pairings and
     * shuffles, cost more than the windows).
     */
    public static Result compute(
            String sessionId, long mediaStartMillis, List<SignalChunk> chunks, SynchronyConfig cfg) {
        Result eda = compute(sessionId, mediaStartMillis, chunks, "eda", true, cfg);
        Result hr = compute(sessionId, mediaStartMillis, chunks, "hr", false, cfg);
        List<SynchronyRow> rows = new ArrayList<>(eda.windows());
        rows.addAll(hr.windows());
        return new Result(rows, eda.raw(), eda.session());
    }

    /** One signal's windows, and its session index when {@code withIndex} (null otherwise). */
    private static Result compute(
            String sessionId,
            long mediaStartMillis,
            List<SignalChunk> chunks,
            String signal,
            boolean withIndex,
            SynchronyConfig cfg) {
        double[][] client = assemble(chunks, "client", signal, mediaStartMillis);
        double[][] therapist = assemble(chunks, "therapist", signal, mediaStartMillis);
        if (client == null || therapist == null) {
            return new Result(List.of(), List.of(), null);
        }
        DyadSeries series = DyadResampler.align(
                client[1], client[0][1], client[0][0], therapist[1], therapist[0][1], therapist[0][0], cfg);
        if (series.length() == 0) {
            return new Result(List.of(), List.of(), null);
        }
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(series, cfg);
        SessionSynchrony session = withIndex ? SessionSynchronyIndex.compute(series, windows, cfg) : null;
        return new Result(new ArrayList<>(SynchronyRows.of(sessionId, signal, windows)), windows, session);
    }

    /** {@code {{startS (from media start), rateHz}, samples}} of one wearer's EDA chunks; null when none. */
    static double[][] assemble(List<SignalChunk> chunks, String role, String signal, long mediaStartMillis) {
        List<SignalChunk> own = chunks.stream()
                .filter(c -> role.equals(c.role) && signal.equals(c.signal))
                .sorted(Comparator.comparingDouble(c -> c.startMillis))
                .toList();
        if (own.isEmpty()) {
            return null;
        }
        double rate = own.get(0).rateHz;
        double start = own.get(0).startMillis;
        SignalChunk last = own.get(own.size() - 1);
        int length = (int) Math.round((last.startMillis - start) * rate / 1000.0) + last.values.length;
        double[] x = new double[length];
        Arrays.fill(x, Double.NaN);
        for (SignalChunk c : own) {
            int at = (int) Math.round((c.startMillis - start) * rate / 1000.0);
            for (int i = 0; i < c.values.length && at + i < length; i++) {
                if (at + i >= 0) {
                    x[at + i] = c.values[i];
                }
            }
        }
        return new double[][] {{(start - mediaStartMillis) / 1000.0, rate}, x};
    }
}
