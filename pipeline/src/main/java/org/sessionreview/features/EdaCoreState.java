package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.report.ScrRow;
import org.sessionreview.signal.eda.EdaConfig;
import org.sessionreview.signal.eda.EdaProcess;
import org.sessionreview.signal.eda.EdaQuality;
import org.sessionreview.signal.eda.ScrDetector;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactIntervals;
import org.sessionreview.signal.quality.EdaMotionDetector;

/**
 * The EDA part of the per-core event stage: masks invalid samples ({@link EdaQuality}), runs
 * {@link EdaProcess#segment} (streaming tonic/phasic split and absolute-threshold SCRs) on the
 * core with its context and look-ahead, queues one {@code scr/} row per response, and keeps the
 * core's tonic level and recent responses for the window features (SCL, SCR rate, amplitude sum).
 *
 * <p>A response's {@code quality} is the valid share ({@link EdaQuality} mask, EDA motion
 * artifacts removed, missing samples invalid) of the EDA samples from {@value
 * #SCR_QUALITY_MARGIN_S} s before its onset to {@value #SCR_QUALITY_MARGIN_S} s after its peak,
 * both ends included, clipped to the recording: the baseline the rise starts from, the rise, and
 * the start of the recovery. It depends on the response alone, not on where the core grid falls,
 * as long as the span lies inside what a core sees: {@code eda.context_s >= eda.scr_max_rise_s +}
 * {@value #SCR_QUALITY_MARGIN_S} and {@code eda.look_ahead_s >=} {@value #SCR_QUALITY_MARGIN_S}
 * (defaults 30, 5 and 20 s). With {@code eda.method} NEUROKIT the recording is processed whole, so
 * no core cuts the span.
 */
final class EdaCoreState implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Seconds before a response's onset and after its peak over which its quality is taken. */
    static final double SCR_QUALITY_MARGIN_S = 5;

    private final FeatureConfig config;
    private final EdaConfig eda;
    private final String sessionId;
    private final String role;
    private final long mediaStartMillis;
    /** Tonic per processed core: {start epoch ms, rate Hz, values...} (NaN where masked). */
    private final ArrayList<double[]> tonic = new ArrayList<>();
    /**
     * Per processed core with EDA motion artifacts: {start epoch ms, rate Hz, 1 where the motion
     * rule cleared a sample the quality rules had left valid, else 0...}.
     */
    private final ArrayList<double[]> motionCleared = new ArrayList<>();
    /** Recent responses: {peak epoch ms, amplitude uS}. */
    private final ArrayList<double[]> scrs = new ArrayList<>();

    EdaCoreState(FeatureConfig config, String sessionId, String role, long mediaStartMillis) {
        this.config = config;
        this.eda = config.edaConfig();
        this.sessionId = sessionId;
        this.role = role;
        this.mediaStartMillis = mediaStartMillis;
    }

    /** Context and look-ahead the segment method needs, ms. */
    double marginMillis() {
        return Math.max(eda.contextSeconds(), eda.lookAheadSeconds()) * 1000;
    }

    /**
     * Processes one core with the streaming method.
     *
     * @param acc the wearer's accelerometer buffer, or null: EDA motion artifacts (a steep change
     *     with an ACC jerk, {@link EdaMotionDetector}) are masked before the decomposition, so
     *     they never feed the features
     * @param grids where the core's EDA and ACC grids go; null allocates them
     */
    void process(ChannelBuffer buffer, ChannelBuffer acc, long from, double to, WearerEvents out, CoreGrids grids) {
        RegularSeries s = buffer.regular(
                from - eda.contextSeconds() * 1000,
                to + eda.lookAheadSeconds() * 1000,
                grids == null ? null : grids.edaCoreEda);
        run(
                s,
                acc,
                from,
                to,
                false,
                buffer.dataEndMillis(),
                out,
                grids == null ? null : grids.edaCoreAcc,
                grids == null ? new GridScratch() : grids.edaCoreAccMagnitude);
    }

    /** Processes the whole recording at once (the batch NeuroKit2-compatible method). */
    void processWhole(ChannelBuffer buffer, ChannelBuffer acc, double endMillis, WearerEvents out) {
        double dataEnd = Math.min(endMillis, buffer.dataEndMillis());
        RegularSeries s = buffer.regular(Double.NEGATIVE_INFINITY, dataEnd + 1);
        run(s, acc, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, dataEnd, out, null, new GridScratch());
    }

    /**
     * @param dataEndMillis end of the EDA data: grid points at or after it are past the recording, not missing
     * @param accGrid where the ACC grid goes; null allocates it
     * @param accMagnitudeG where the ACC grid's {@code |a|} goes, g (kept per sample by the buffer)
     */
    private void run(
            RegularSeries s,
            ChannelBuffer acc,
            double from,
            double to,
            boolean whole,
            double dataEndMillis,
            WearerEvents out,
            GridScratch accGrid,
            GridScratch accMagnitudeG) {
        if (s.length() == 0) {
            return;
        }
        double spanTo = s.timeMillis(s.length() - 1) + 1000.0 / s.rateHz();
        double[] x = s.values().clone();
        boolean[] valid =
                EdaQuality.validMask(x, s.rateHz(), config.edaMinUs(), config.edaMaxUs(), config.edaMaxJumpUsPerS());
        boolean[] beforeMotion = null;
        if (acc != null) {
            RegularSeries a = acc.regular(s.t0Millis() - 1000, spanTo + 1000, accGrid, accMagnitudeG);
            if (a.length() > 0) {
                List<Artifact> motion = FeatureSteps.edaMotionOnBuffer(
                        config,
                        s.values(),
                        s.rateHz(),
                        s.t0Millis(),
                        a,
                        accMagnitudeG.array(a.length()),
                        s.t0Millis(),
                        spanTo);
                beforeMotion = valid.clone();
                clearWhere(valid, ArtifactIntervals.toMask(motion, x.length, s.rateHz(), s.t0Millis()));
            }
        }
        maskInvalid(x, valid);
        int coreFrom = whole ? 0 : s.indexAtOrAfter(from);
        int coreTo = whole ? x.length : s.indexAtOrAfter(to);
        if (coreFrom >= coreTo) {
            return;
        }
        SignalChunk chunk0 = new SignalChunk();
        chunk0.sessionId = sessionId;
        chunk0.role = role;
        chunk0.signal = "eda";
        chunk0.startMillis = s.timeMillis(coreFrom);
        chunk0.rateHz = s.rateHz();
        chunk0.values = java.util.Arrays.copyOfRange(x, coreFrom, coreTo);
        out.chunks.add(chunk0);
        EdaProcess.Result r =
                whole ? EdaProcess.whole(x, s.rateHz(), eda) : EdaProcess.segment(x, s.rateHz(), coreFrom, coreTo, eda);
        double[] chunk = new double[2 + r.tonicUs().length];
        chunk[0] = s.timeMillis(coreFrom);
        chunk[1] = s.rateHz();
        System.arraycopy(r.tonicUs(), 0, chunk, 2, r.tonicUs().length);
        tonic.add(chunk);
        keepMotionCleared(beforeMotion, valid, coreFrom, coreTo, s);
        int margin = (int) Math.round(SCR_QUALITY_MARGIN_S * s.rateHz());
        int dataTo = s.indexAtOrAfter(dataEndMillis);
        for (ScrDetector.Scr scr : r.scrs()) {
            double peakMillis = s.timeMillis(scr.peakIndex());
            scrs.add(new double[] {peakMillis, scr.amplitudeUs()});
            ScrRow row = new ScrRow();
            row.sessionId = sessionId;
            row.role = role;
            row.onsetS = (s.timeMillis(scr.onsetIndex()) - mediaStartMillis) / 1000.0;
            row.peakS = (peakMillis - mediaStartMillis) / 1000.0;
            row.amplitudeUs = scr.amplitudeUs();
            row.riseS = scr.riseTimeS();
            row.halfRecoveryS = scr.halfRecoveryS();
            row.quality = spanQuality(valid, scr.onsetIndex() - margin, scr.peakIndex() + margin + 1, dataTo);
            out.scrs.add(row);
        }
    }

    /*
     * The per-sample loops of run() are methods of their own so that the JIT compiles them alone:
     * each loop inside run() made HotSpot compile run() on stack (OSR) with the whole EDA chain
     * inlined, before compiling it once more normally (docs/performance-history.md, 2026-12-06).
     */

    /** {@code valid[i] &= !moved[i]} for every sample of {@code valid}. */
    private static void clearWhere(boolean[] valid, boolean[] moved) {
        for (int i = 0; i < valid.length; i++) {
            valid[i] &= !moved[i];
        }
    }

    /** NaN into {@code x} wherever {@code valid} is false. */
    private static void maskInvalid(double[] x, boolean[] valid) {
        for (int i = 0; i < x.length; i++) {
            if (!valid[i]) {
                x[i] = Double.NaN;
            }
        }
    }

    /** Valid share of samples {@code [from, to)} clipped to {@code [0, dataTo)}, 0..1 (0 when nothing is left). */
    private static double spanQuality(boolean[] valid, int from, int to, int dataTo) {
        int a = Math.max(0, from);
        int b = Math.min(dataTo, to);
        return b > a ? EdaQuality.count(valid, a, b) / (double) (b - a) : 0;
    }

    /** Keeps the core's samples the motion rule cleared ({@link #motionClearedSamples}), if any. */
    private void keepMotionCleared(boolean[] beforeMotion, boolean[] valid, int coreFrom, int coreTo, RegularSeries s) {
        if (beforeMotion == null) {
            return;
        }
        double[] chunk = new double[2 + coreTo - coreFrom];
        boolean any = false;
        for (int i = coreFrom; i < coreTo; i++) {
            if (beforeMotion[i] && !valid[i]) {
                chunk[2 + i - coreFrom] = 1;
                any = true;
            }
        }
        if (any) {
            chunk[0] = s.timeMillis(coreFrom);
            chunk[1] = s.rateHz();
            motionCleared.add(chunk);
        }
    }

    /**
     * How many samples with time in {@code [from, to)} the EDA motion rule masked that the
     * contact-loss, range and jump rules had left valid: the window's EDA quality leaves them out
     * too, as the level and the responses do (nineteenth audit: counted as valid before 2026-12-07).
     */
    double motionClearedSamples(double from, double to) {
        double n = 0;
        for (double[] c : motionCleared) {
            double dt = 1000.0 / c[1];
            int end = firstAtOrAfter(c, dt, to);
            for (int i = firstAtOrAfter(c, dt, from); i < end; i++) {
                n += c[i];
            }
        }
        return n;
    }

    /** Mean tonic level over valid samples in {@code [from, to)}, uS; NaN when none. */
    double meanTonic(double from, double to) {
        return meanTonic(tonic, from, to);
    }

    /**
     * Mean of the non-NaN values of {@code chunks} ({start ms, rate Hz, values...}, in time order)
     * whose time {@code start + (i - 2) * 1000 / rate} lies in {@code [from, to)}, NaN when none.
     * Each chunk's samples in the span are found by bisection (the time grows with the index, as
     * its rounding does), and summed in the order a scan of every held sample would sum them.
     */
    static double meanTonic(List<double[]> chunks, double from, double to) {
        double sum = 0;
        int n = 0;
        for (double[] c : chunks) {
            double dt = 1000.0 / c[1];
            int end = firstAtOrAfter(c, dt, to);
            for (int i = firstAtOrAfter(c, dt, from); i < end; i++) {
                if (!Double.isNaN(c[i])) {
                    sum += c[i];
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The first index {@code i >= 2} of chunk {@code c} whose time is {@code >= millis} ({@code c.length} when none). */
    private static int firstAtOrAfter(double[] c, double dt, double millis) {
        int lo = 2;
        int hi = c.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[0] + (mid - 2) * dt >= millis) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Responses peaking in {@code [from, to)}: {count, amplitude sum uS}. */
    double[] responses(double from, double to) {
        int n = 0;
        double amplitude = 0;
        for (double[] s : scrs) {
            if (s[0] >= from && s[0] < to) {
                n++;
                amplitude += s[1];
            }
        }
        return new double[] {n, amplitude};
    }

    void evictBefore(double millis) {
        scrs.removeIf(s -> s[0] < millis);
        tonic.removeIf(c -> c[0] + (c.length - 2) * 1000.0 / c[1] < millis);
        motionCleared.removeIf(c -> c[0] + (c.length - 2) * 1000.0 / c[1] < millis);
    }

    /** For tests and sizing: responses held. */
    List<double[]> recentResponses() {
        return scrs;
    }
}
