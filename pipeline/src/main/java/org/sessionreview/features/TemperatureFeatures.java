package org.sessionreview.features;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.sessionreview.config.FeatureConfig;

/**
 * Skin-temperature trend of one window: the least-squares slope in degrees C per minute.
 * Peripheral temperature falls under stress (vasoconstriction).
 *
 * <p>A sample is valid when it lies in {@code tempValidMinC..tempValidMaxC} (default 25-40 C): a
 * sensor off the wrist reads room temperature. quality = valid samples / samples the window
 * should hold; the slope (over valid samples only, time in minutes from the window start) is
 * null when quality is below {@code minQuality}.
 *
 * <p>Reference: Vinkers et al. (2013), The effect of stress on core and peripheral body
 * temperature in humans, Stress 16(5), 520-530.
 */
public final class TemperatureFeatures {
    private TemperatureFeatures() {}

    /**
     * @param quality valid fraction, 0..1
     * @param slopeCPerMin temperature slope, degrees C per minute; null below quality
     */
    public record Result(double quality, Double slopeCPerMin) {}

    /**
     * Computes the window's temperature slope.
     *
     * @param temp skin temperature, degrees C, inside the window (may be empty)
     * @param startMillis window start, epoch ms
     * @param endMillis window end (exclusive), epoch ms
     */
    public static Result compute(RegularSeries temp, double startMillis, double endMillis, FeatureConfig config) {
        if (temp.length() == 0) {
            return new Result(0, null);
        }
        int from = temp.indexAtOrAfter(startMillis);
        int to = temp.indexAtOrAfter(endMillis);
        // the valid range read once, not per sample (a configuration lookup each)
        double minC = config.tempValidMinC();
        double maxC = config.tempValidMaxC();
        SimpleRegression regression = new SimpleRegression();
        for (int i = from; i < to; i++) {
            double v = temp.values()[i];
            if (v >= minC && v <= maxC) {
                regression.addData((temp.timeMillis(i) - startMillis) / 60_000.0, v);
            }
        }
        double quality = Math.min(1.0, regression.getN() / temp.expectedSamples(endMillis - startMillis));
        if (regression.getN() < 2 || quality < config.minQuality()) {
            return new Result(quality, null);
        }
        return new Result(quality, regression.getSlope());
    }
}
