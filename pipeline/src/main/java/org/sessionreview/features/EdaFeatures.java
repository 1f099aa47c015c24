package org.sessionreview.features;

import java.util.List;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.eda.EdaQuality;
import org.sessionreview.signal.eda.EdaTonic;
import org.sessionreview.signal.eda.EdaTonicMethod;
import org.sessionreview.signal.eda.ScrDetector;

/**
 * EDA features of one window: quality, skin conductance level and SCR rate.
 *
 * <p>Steps, on the samples from {@code contextSeconds} before the window to its end: {@link
 * EdaQuality} (floor {@code edaMinUs}, ceiling {@code edaMaxUs}, jumps over {@code edaMaxJumpUsPerS}), {@link EdaTonic}
 * (Butterworth low-pass, {@code edaTonicCutoffHz}, a tonic variant), phasic = EDA - tonic,
 * {@link ScrDetector} ({@code scrMinAmplitudeUs}, rise {@code scrMinRiseSeconds..scrMaxRiseSeconds}).
 * No sample after the window end is used, so the result does not depend on what has arrived
 * beyond it.
 *
 * <ul>
 *   <li>quality = valid samples in the window / samples the window should hold (capped at 1);
 *   <li>SCL = mean tonic over the valid samples in the window, microsiemens;
 *   <li>SCR rate = responses whose peak lies in the window, per minute of window.
 * </ul>
 * Both features are null when quality is below {@code minQuality}.
 *
 * <p>References: Boucsein (2012), <i>Electrodermal Activity</i> (2nd ed.), Springer; Makowski et
 * al. (2021), NeuroKit2, Behav. Res. Methods 53, 1689-1696.
 */
public final class EdaFeatures {
    private EdaFeatures() {}

    /**
     * @param quality valid fraction in the window, 0..1
     * @param sclUs skin conductance level, microsiemens; null below quality
     * @param scrPerMin responses per minute; null below quality
     * @param scrCount responses with a peak in the window (0 when null)
     */
    public record Result(double quality, Double sclUs, Double scrPerMin, int scrCount) {}

    /**
     * Only the window's EDA quality (valid fraction 0..1, 0 without data), as {@link #compute}
     * reports it, without the tonic filter and SCR detection (the pipeline takes level and
     * responses from its per-core event stage).
     */
    public static double quality(RegularSeries eda, double startMillis, double endMillis, FeatureConfig config) {
        if (eda.length() == 0) {
            return 0;
        }
        boolean[] valid = EdaQuality.validMask(
                eda.values(), eda.rateHz(), config.edaMinUs(), config.edaMaxUs(), config.edaMaxJumpUsPerS());
        return quality(
                eda, valid, eda.indexAtOrAfter(startMillis), eda.indexAtOrAfter(endMillis), startMillis, endMillis);
    }

    private static double quality(
            RegularSeries eda, boolean[] valid, int from, int to, double startMillis, double endMillis) {
        return Math.min(1.0, EdaQuality.count(valid, from, to) / eda.expectedSamples(endMillis - startMillis));
    }

    /**
     * Computes the window's EDA features.
     *
     * @param eda EDA in microsiemens from {@code contextSeconds} before the window start up to the
     *     window end (may be empty)
     * @param startMillis window start, epoch ms
     * @param endMillis window end (exclusive), epoch ms
     */
    public static Result compute(RegularSeries eda, double startMillis, double endMillis, FeatureConfig config) {
        return compute(eda, startMillis, endMillis, config, EdaTonicMethod.CAUSAL_BUTTERWORTH);
    }

    /**
     * As {@link #compute(RegularSeries, double, double, FeatureConfig)} with another tonic
     * variant. The pipeline does not run this per-window method (it uses the per-core streaming
     * decomposition, {@code eda.*}), so the variant is an argument, not an option.
     */
    public static Result compute(
            RegularSeries eda, double startMillis, double endMillis, FeatureConfig config, EdaTonicMethod method) {
        if (eda.length() == 0) {
            return new Result(0, null, null, 0);
        }
        double[] x = eda.values();
        boolean[] valid =
                EdaQuality.validMask(x, eda.rateHz(), config.edaMinUs(), config.edaMaxUs(), config.edaMaxJumpUsPerS());
        int from = eda.indexAtOrAfter(startMillis);
        int to = eda.indexAtOrAfter(endMillis);
        double quality = quality(eda, valid, from, to, startMillis, endMillis);
        if (quality < config.minQuality()) {
            return new Result(quality, null, null, 0);
        }
        double[] tonic = EdaTonic.tonic(x, valid, eda.rateHz(), config.edaTonicCutoffHz(), method);
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (valid[i]) {
                sum += tonic[i];
                n++;
            }
        }
        List<ScrDetector.Scr> scrs = ScrDetector.detect(
                EdaTonic.phasic(x, tonic),
                valid,
                eda.rateHz(),
                config.scrMinAmplitudeUs(),
                config.scrMinRiseSeconds(),
                config.scrMaxRiseSeconds());
        int count = 0;
        for (ScrDetector.Scr scr : scrs) {
            if (scr.peakIndex() >= from && scr.peakIndex() < to) {
                count++;
            }
        }
        double minutes = (endMillis - startMillis) / 60_000.0;
        return new Result(quality, sum / n, count / minutes, count);
    }
}
