package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The EDA pipeline: bridge masked samples for the filters ({@link EdaGaps}), {@link EdaClean},
 * {@link EdaPhasic}, mask the outputs again, {@link ScrDetector}. Two entry points:
 *
 * <ul>
 *   <li>{@link #whole}: one recording at once; with {@link EdaConfig#neurokit()} it is NeuroKit2
 *       0.2.9's {@code eda_process(method="neurokit")} (on a signal without NaN: {@code EDA_Tonic},
 *       {@code EDA_Phasic} and the SCR peaks agree with NeuroKit2);
 *   <li>{@link #segment}: bounded pieces of a stream, for the windowing operator. The caller cuts
 *       the stream into consecutive, non-overlapping cores and passes each core with {@link
 *       EdaConfig#contextSamples} samples before it and {@link EdaConfig#lookAheadSamples} after it
 *       (fewer only at the start and end of the recording). Each SCR is reported by the call whose
 *       core holds its peak, so exactly once.
 * </ul>
 *
 * <p>Masking is the caller's: pass NaN for samples that {@link EdaQuality} rejects. Masked samples
 * are NaN in the tonic and phasic output and never part of an SCR.
 *
 * <p>Reference: Makowski, D. et al. (2021). NeuroKit2, Behavior Research Methods 53, 1689-1696
 * ({@code eda_process}).
 */
public final class EdaProcess {
    private EdaProcess() {}

    /**
     * Output of one call.
     *
     * @param tonicUs tonic level, microsiemens (NaN where masked); for {@link #segment} only the
     *     core's samples
     * @param phasicUs phasic part, microsiemens (NaN where masked), same span
     * @param scrs responses in time order; for {@link #segment} those peaking in the core. Their
     *     indices count from the first sample of the array passed in
     */
    public record Result(double[] tonicUs, double[] phasicUs, List<ScrDetector.Scr> scrs) {}

    /**
     * Processes a whole recording with the configured methods.
     *
     * @param edaUs skin conductance, microsiemens, uniformly sampled; NaN = masked
     * @param rateHz sampling rate, Hz (> 2 x {@code cfg.tonicCutoffHz()})
     * @param cfg methods and thresholds ({@link EdaConfig#neurokit()} for NeuroKit2's pipeline)
     * @throws IllegalArgumentException for {@link EdaPhasicMethod#NEUROKIT_HIGHPASS} on too short a
     *     signal (16 samples above 6 Hz, 10 at or below), as NeuroKit2 would fail
     */
    public static Result whole(double[] edaUs, double rateHz, EdaConfig cfg) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive and finite, got " + rateHz);
        }
        double[] bridged = EdaGaps.bridge(edaUs);
        if (bridged == null) {
            double[] nan = new double[edaUs.length];
            Arrays.fill(nan, Double.NaN);
            return new Result(nan, nan.clone(), List.of());
        }
        boolean bounded = cfg.phasicMethod() == EdaPhasicMethod.STREAMING;
        double[] clean = bounded
                ? EdaClean.cleanBounded(bridged, rateHz, cfg.cleanMethod())
                : EdaClean.clean(bridged, rateHz, cfg.cleanMethod());
        EdaPhasic.Components parts = EdaPhasic.decompose(clean, rateHz, cfg);
        double[] tonic = parts.tonicUs();
        double[] phasic = parts.phasicUs();
        if (EdaGaps.hasGaps(edaUs)) {
            tonic = EdaGaps.maskLike(tonic, edaUs);
            phasic = EdaGaps.maskLike(phasic, edaUs);
        }
        return new Result(tonic, phasic, ScrDetector.detect(phasic, rateHz, cfg));
    }

    /**
     * Processes one core of a stream. {@code edaUs[coreFrom, coreTo)} is the core; the samples
     * before are context and those after are look-ahead. Deterministic and bounded: the output
     * depends only on the array passed in. With at least {@link #requiredMarginSamples} of context
     * and look-ahead (the defaults of 30 s and 20 s give that), the tonic and phasic of the core
     * are bit-identical to {@link #whole} with the same configuration on the full recording, so
     * SCRs agree too, except when a masked stretch crosses the array's edge (it is then bridged
     * differently) or when the SCR detector's hysteresis has seen no turning point within the
     * context (a flat stretch longer than the context); then an SCR near the core's edge can
     * differ.
     *
     * <p>Latency: an SCR is reported {@code lookAheadSeconds} (default 20 s) after the end of the
     * core holding its peak.
     *
     * @param edaUs context, core and look-ahead, microsiemens; NaN = masked
     * @param rateHz sampling rate, Hz
     * @param coreFrom first core sample, inclusive
     * @param coreTo end of the core, exclusive; {@code 0 <= coreFrom <= coreTo <= edaUs.length}
     * @param cfg needs {@link EdaPhasicMethod#STREAMING} and {@link ScrMethod#ABSOLUTE}
     * @throws IllegalArgumentException for a batch-only method or core bounds outside the array
     */
    public static Result segment(double[] edaUs, double rateHz, int coreFrom, int coreTo, EdaConfig cfg) {
        if (cfg.phasicMethod() != EdaPhasicMethod.STREAMING || cfg.scrMethod() != ScrMethod.ABSOLUTE) {
            throw new IllegalArgumentException("segment needs the bounded methods STREAMING and ABSOLUTE, got "
                    + cfg.phasicMethod()
                    + " and "
                    + cfg.scrMethod()
                    + "; use whole() for the batch methods");
        }
        if (coreFrom < 0 || coreFrom > coreTo || coreTo > edaUs.length) {
            throw new IllegalArgumentException(
                    "core [" + coreFrom + ", " + coreTo + ") must lie within [0, " + edaUs.length + "]");
        }
        Result all = whole(edaUs, rateHz, cfg);
        List<ScrDetector.Scr> inCore = new ArrayList<>();
        for (ScrDetector.Scr scr : all.scrs()) {
            if (scr.peakIndex() >= coreFrom && scr.peakIndex() < coreTo) {
                inCore.add(scr);
            }
        }
        return new Result(
                Arrays.copyOfRange(all.tonicUs(), coreFrom, coreTo),
                Arrays.copyOfRange(all.phasicUs(), coreFrom, coreTo),
                inCore);
    }

    /**
     * Samples of context (and of look-ahead) that make a core's tonic and phasic exact: the
     * cleaning filter's and the tonic kernel's half-widths added (at 4 Hz: 60; at 100 Hz: about
     * 1790, i.e. 17.9 s).
     */
    public static int requiredMarginSamples(double rateHz, EdaConfig cfg) {
        return EdaClean.boundedHalfWidth(rateHz, cfg.cleanMethod()) + EdaPhasic.supportSamples(rateHz, cfg);
    }
}
