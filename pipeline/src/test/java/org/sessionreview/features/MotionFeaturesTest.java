package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;

class MotionFeaturesTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double S = 1_700_000_000_000.0;
    private static final double E = S + 30_000;

    /** 30 s of E4 ACC (integer 1/64 g) with gravity on z plus {@code zG(t)} along z. */
    private static RegularSeries acc(DoubleUnaryOperator zG) {
        double[] xyz = new double[3 * 960];
        for (int i = 0; i < 960; i++) {
            double t = i / 32.0;
            xyz[3 * i + 2] = Math.round(64 * (1 + zG.applyAsDouble(t)));
        }
        return new RegularSeries(S, 32, 3, xyz);
    }

    @Test
    void shouldShowFidgetPowerWhenTheWristTapsAtFourHertz() {
        MotionFeatures.Result tapping =
                MotionFeatures.compute(acc(t -> 0.1 * Math.sin(2 * Math.PI * 4 * t)), S, E, CONFIG);
        MotionFeatures.Result rest = MotionFeatures.compute(acc(t -> 0), S, E, CONFIG);

        assertEquals(0.1 * 0.1 / 2, tapping.fidgetPower(), 0.05 * 0.005, "A^2/2 for amplitude 0.1 g");
        assertEquals(2 * 0.1 / Math.PI, tapping.motionMagG(), 0.05 * 0.0637, "mean |A sin| = 2A/pi");
        assertEquals(0.0, rest.fidgetPower(), 1e-12);
        assertEquals(0.0, rest.motionMagG(), 1e-12);
        assertEquals(1.0, tapping.quality());
    }

    @Test
    void shouldLeaveFidgetPowerEmptyButKeepMotionWhenTheAccelerometerIsTooSlowForTheBand() {
        // 12 Hz: the 2-6 Hz band reaches the Nyquist frequency. Before: IllegalArgumentException,
        // and the whole wearer (every channel) was dropped from the review
        for (double rate : new double[] {8, 12}) {
            int n = (int) (30 * rate);
            double[] xyz = new double[3 * n];
            for (int i = 0; i < n; i++) {
                xyz[3 * i + 2] = Math.round(64 * (1 + 0.3 * Math.sin(2 * Math.PI * 0.5 * i / rate)));
            }
            MotionFeatures.Result r = MotionFeatures.compute(new RegularSeries(S, rate, 3, xyz), S, E, CONFIG);
            assertEquals(1.0, r.quality(), 1e-12);
            assertTrue(r.motionMagG() > 0.1, "slow sway of 0.3 g: " + r.motionMagG());
            assertNull(r.fidgetPower());
            assertNull(r.fidgetFreqHz());
        }
        // 13 Hz: the band fits, the spectrum runs
        int n = 30 * 13;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i + 2] = 64;
        }
        assertEquals(
                0.0,
                MotionFeatures.compute(new RegularSeries(S, 13, 3, xyz), S, E, CONFIG)
                        .fidgetPower(),
                1e-12);
    }

    @Test
    void shouldNotShowFidgetPowerWhenTheMovementIsSlow() {
        MotionFeatures.Result slow =
                MotionFeatures.compute(acc(t -> 0.3 * Math.sin(2 * Math.PI * 0.5 * t)), S, E, CONFIG);
        MotionFeatures.Result tapping =
                MotionFeatures.compute(acc(t -> 0.1 * Math.sin(2 * Math.PI * 4 * t)), S, E, CONFIG);

        assertTrue(slow.motionMagG() > tapping.motionMagG(), "slow sway is the larger gross movement");
        assertTrue(
                slow.fidgetPower() < 0.02 * tapping.fidgetPower(),
                "slow " + slow.fidgetPower() + " vs tapping " + tapping.fidgetPower());
    }

    @Test
    void shouldMaskMotionWhenMostSamplesAreMissing() {
        RegularSeries a = acc(t -> 0.1 * Math.sin(2 * Math.PI * 4 * t));
        double[] v = a.values();
        Arrays.fill(v, 0, 3 * 500, Double.NaN);
        MotionFeatures.Result r = MotionFeatures.compute(a, S, E, CONFIG);
        assertEquals(460 / 960.0, r.quality(), 1e-12);
        assertNull(r.motionMagG());
        assertNull(r.fidgetPower());

        RegularSeries b = acc(t -> 0.1 * Math.sin(2 * Math.PI * 4 * t));
        for (int i = 0; i < 400; i++) {
            b.values()[3 * i + 2] = Double.NaN; // z missing for 12.5 s
        }
        MotionFeatures.Result partial = MotionFeatures.compute(b, S, E, CONFIG);
        assertEquals(560 / 960.0, partial.quality(), 1e-12);
        assertEquals(0.005, partial.fidgetPower(), 0.05 * 0.005, "only whole frames after the gap");
    }
}
