package org.sessionreview.features;

import org.sessionreview.config.FeatureConfig;

/**
 * Skin-temperature quality of one window, and whether its slope is due.
 *
 * <p>A sample is valid when it is present and lies in {@code tempValidMinC..tempValidMaxC}
 * (default 25-40 C): a sensor off the wrist reads room temperature. The caller sets to NaN the
 * samples of a {@code temp_off_wrist} stretch of {@code artifacts/} (range and fall rules, {@link
 * KeptStretches}) and those where the band was not worn, so since 2026-12-07 (nineteenth
 * audit) the samples of a fall are no valid samples either; before, every sample in range counted.
 * quality = valid samples / samples the window should hold. The slope a window reports is {@code
 * TemperatureSlope}'s over the trailing {@code temperature.slope_span_s} of the same samples; it
 * is computed only when this window has at least 2 valid samples and a quality of at least
 * {@code minQuality}. No regression is fit here: until 2026-12-06 a least-squares slope over the
 * window's own samples was fit and only whether it was null was used ({@code
 * TemperatureFeaturesReference} in test scope keeps it; {@code TemperatureFeaturesReferenceTest}
 * checks the quality and the gate against it).
 */
public final class TemperatureFeatures {
    private TemperatureFeatures() {}

    /**
     * @param quality valid fraction, 0..1
     * @param slopeDue true when the window has at least 2 valid samples and a quality of at least
     *     {@code minQuality}
     */
    public record Result(double quality, boolean slopeDue) {}

    /**
     * Counts the window's valid temperature samples.
     *
     * @param temp skin temperature, degrees C, inside the window (may be empty)
     * @param startMillis window start, epoch ms
     * @param endMillis window end (exclusive), epoch ms
     */
    public static Result compute(RegularSeries temp, double startMillis, double endMillis, FeatureConfig config) {
        if (temp.length() == 0) {
            return new Result(0, false);
        }
        int from = temp.indexAtOrAfter(startMillis);
        int to = temp.indexAtOrAfter(endMillis);
        // the valid range read once, not per sample (a configuration lookup each)
        double minC = config.tempValidMinC();
        double maxC = config.tempValidMaxC();
        double[] values = temp.values();
        long valid = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (v >= minC && v <= maxC) {
                valid++;
            }
        }
        double quality = Math.min(1.0, valid / temp.expectedSamples(endMillis - startMillis));
        return new Result(quality, valid >= 2 && quality >= config.minQuality());
    }
}
