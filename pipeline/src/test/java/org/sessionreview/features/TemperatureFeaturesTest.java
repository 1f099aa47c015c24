package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;

class TemperatureFeaturesTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double S = 1_700_000_000_000.0;
    private static final double E = S + 30_000;

    private static RegularSeries ramp(double startC, double slopePerMin) {
        double[] x = new double[120];
        for (int i = 0; i < x.length; i++) {
            x[i] = startC + slopePerMin * (i / 4.0) / 60.0;
        }
        return new RegularSeries(S, 4, 1, x);
    }

    @Test
    void shouldAskForTheSlopeWhenEveryTemperatureSampleIsValid() {
        TemperatureFeatures.Result r = TemperatureFeatures.compute(ramp(33.0, -0.12), S, E, CONFIG);
        assertTrue(r.slopeDue());
        assertEquals(1.0, r.quality());
    }

    @Test
    void shouldAskForNoSlopeWhenTheSensorIsOffTheWrist() {
        TemperatureFeatures.Result r = TemperatureFeatures.compute(ramp(22.0, 0.5), S, E, CONFIG);
        assertEquals(0.0, r.quality());
        assertFalse(r.slopeDue());
    }

    @Test
    void shouldCountOnlyValidSamplesWhenPartOfTheWindowIsOffWrist() {
        RegularSeries t = ramp(33.0, 0.3);
        double[] x = t.values();
        for (int i = 0; i < 48; i++) {
            x[i] = 21.0; // 12 s off the wrist
        }
        TemperatureFeatures.Result r = TemperatureFeatures.compute(t, S, E, CONFIG);
        assertEquals(72 / 120.0, r.quality(), 1e-12);
        assertTrue(r.slopeDue());

        for (int i = 48; i < 64; i++) {
            x[i] = 21.0;
        }
        assertFalse(TemperatureFeatures.compute(t, S, E, CONFIG).slopeDue(), "56 / 120 < 0.5");
    }
}
