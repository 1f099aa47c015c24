package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.EdaOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.eda.EdaTonicMethod;

class EdaFeaturesTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double T0 = 1_700_000_000_000.0;
    private static final double S = T0 + 60_000; // window [60, 90) s; context from 0 s
    private static final double E = S + 30_000;

    /** 90 s of EDA at 4 Hz: 3 uS with slight noise, plus the given SCRs {onsetS, amplitude}. */
    private static RegularSeries eda(double[][] scrs) {
        Random random = new Random(11);
        double[] x = new double[360];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3.0 + 0.001 * random.nextGaussian();
        }
        for (double[] s : scrs) {
            SyntheticWearer.plantScr(x, 4, s[0], s[1]);
        }
        return new RegularSeries(T0, 4, 1, x);
    }

    @Test
    void shouldCountResponsesPeakingInsideTheWindowWhenAboveThreshold() {
        double[][] scrs = {
            {50, 0.4}, // peaks at ~51.5 s: in the context, not counted
            {64, 0.2},
            {72, 0.3},
            {78, 0.03}, // below 0.05 uS
            {82, 0.15},
            {89.5, 0.3}, // peaks after the window end
        };
        RegularSeries x = eda(scrs);
        EdaFeatures.Result r = EdaFeatures.compute(x, S, E, CONFIG);
        assertEquals(3, r.scrCount());
        assertEquals(6.0, r.scrPerMin(), 1e-12, "3 responses in half a minute");
        assertEquals(1.0, r.quality());
        // The responses' area raises the window's mean conductance (~3.14 uS); the low-pass
        // passes that mean, so SCL follows it, not the 3 uS baseline.
        double rawMean = Arrays.stream(x.values(), 240, 360).average().orElseThrow();
        assertEquals(rawMean, r.sclUs(), 0.03);
        assertTrue(r.sclUs() > 3.05);
    }

    /**
     * A 0.1 uS/min drift without responses. References from scipy 1.17.1: mean over samples
     * 240..359 of {@code lfilter(b, a, x, zi=lfilter_zi(b, a) * x[0])} and of {@code filtfilt(b,
     * a, x)} with {@code b, a = butter(2, 0.05, fs=4)}: the causal tonic lags a ramp by the DC
     * group delay, 4.499 s.
     */
    @Test
    void shouldEqualTheFilteredLevelWhenEdaDriftsWithoutResponses() {
        double[] x = new double[360];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 + 0.1 * i / 240.0;
        }
        RegularSeries ramp = new RegularSeries(T0, 4, 1, x);
        EdaFeatures.Result causal = EdaFeatures.compute(ramp, S, E, CONFIG);
        EdaFeatures.Result zero = EdaFeatures.compute(ramp, S, E, CONFIG, EdaTonicMethod.ZERO_PHASE_BUTTERWORTH);

        assertEquals(2.117292887813507, causal.sclUs(), 1e-9);
        assertEquals(2.1247916666666664 - 4.49926734 * 0.1 / 60, causal.sclUs(), 1e-6);
        assertEquals(2.124639323884751, zero.sclUs(), 1e-9);
        assertEquals(0, causal.scrCount());
    }

    @Test
    void shouldFindTheSameResponsesWhenTheTonicIsZeroPhase() {
        double[][] scrs = {{64, 0.2}, {72, 0.3}, {82, 0.15}};
        EdaFeatures.Result r = EdaFeatures.compute(eda(scrs), S, E, CONFIG, EdaTonicMethod.ZERO_PHASE_BUTTERWORTH);
        assertEquals(3, r.scrCount());
    }

    @Test
    void shouldCountSmallResponsesWhenTheThresholdIsSensitive() {
        double[][] scrs = {{64, 0.2}, {72, 0.03}, {82, 0.02}};
        FeatureConfig sensitive =
                CONFIG.toBuilder().set(EdaOptions.SCR_MIN_AMPLITUDE_US, 0.01).build();
        assertEquals(1, EdaFeatures.compute(eda(scrs), S, E, CONFIG).scrCount());
        assertEquals(3, EdaFeatures.compute(eda(scrs), S, E, sensitive).scrCount());
    }

    @Test
    void shouldGiveQualityNearZeroAndNullFeaturesWhenContactIsLost() {
        RegularSeries x = eda(new double[][] {{70, 0.3}});
        double[] v = x.values();
        for (int i = 240; i < 360; i++) {
            v[i] = i % 40 == 0 ? 0.06 : 0.0; // zeros, with a stray reading above the floor
        }
        EdaFeatures.Result r = EdaFeatures.compute(x, S, E, CONFIG);
        assertTrue(r.quality() < 0.05, "quality " + r.quality());
        assertNull(r.sclUs());
        assertNull(r.scrPerMin());
    }

    @Test
    void shouldKeepFeaturesWhenOnlyPartOfTheWindowIsLost() {
        RegularSeries x = eda(new double[][] {{64, 0.3}});
        double[] v = x.values();
        for (int i = 320; i < 356; i++) {
            v[i] = 0.0; // last 9 s
        }
        EdaFeatures.Result r = EdaFeatures.compute(x, S, E, CONFIG);
        assertEquals(82 / 120.0, r.quality(), 1e-12, "36 zeros plus the sample on each side of the two jumps");
        assertEquals(1, r.scrCount());
        assertEquals(3.0, r.sclUs(), 0.1, "the dropout does not pull the level down");
    }
}
