package org.sessionreview.features;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.sessionreview.config.FeatureConfig;

/**
 * {@link TemperatureFeatures#compute} as it was before the valid range was read once per window
 * (commit 265aab9: two configuration lookups per sample) and before its least-squares slope was
 * dropped (2026-12-06: the windows used only whether it was null), kept as the reference it must
 * match bit for bit: the same quality, and a slope exactly when {@code slopeDue}.
 */
final class TemperatureFeaturesReference {
    private TemperatureFeaturesReference() {}

    /**
     * @param quality valid fraction, 0..1
     * @param slopeCPerMin the window's own slope, degrees C per minute; null below quality
     */
    record Result(double quality, Double slopeCPerMin) {}

    static Result compute(RegularSeries temp, double startMillis, double endMillis, FeatureConfig config) {
        if (temp.length() == 0) {
            return new Result(0, null);
        }
        int from = temp.indexAtOrAfter(startMillis);
        int to = temp.indexAtOrAfter(endMillis);
        SimpleRegression regression = new SimpleRegression();
        for (int i = from; i < to; i++) {
            double v = temp.values()[i];
            if (v >= config.tempValidMinC() && v <= config.tempValidMaxC()) {
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
