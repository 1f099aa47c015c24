package org.sessionreview.signal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.signal.motion.SyntheticAcc.RATE_HZ;
import static org.sessionreview.signal.motion.SyntheticAcc.START_MILLIS;
import static org.sessionreview.signal.motion.SyntheticAcc.burst;
import static org.sessionreview.signal.motion.SyntheticAcc.onGravity;
import static org.sessionreview.signal.motion.SyntheticAcc.plus;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.signal.BandPower;

class FidgetSpectrumTest {
    private static final FidgetSpectrum DEFAULTS = FidgetSpectrum.defaults();
    private static final double TAP_G = 0.05;

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 4.0, 5.5})
    void shouldFindTheTappingRateWithinAQuarterHertzWhenTheWristTapsInABurst(double hz) {
        // 60 s at rest with a 20 s tapping burst in the middle, on gravity along z
        double[] xyz = onGravity(60, burst(TAP_G, hz, 20, 40));
        FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);

        assertNotNull(r.dominantHz());
        assertEquals(hz, r.dominantHz(), 0.25);
        assertEquals(29, r.framesUsed(), "(60 - 4) / 2 + 1 frames of 4 s, hop 2 s");
        assertEquals(0, r.framesExcluded(), "tapping of 0.05 g is no gross movement");
        for (FidgetSpectrum.Frame f : r.frames()) {
            double fromS = (f.startMillis() - START_MILLIS) / 1000;
            if (fromS >= 20 && fromS + 4 <= 40) {
                // RMS A / sqrt 2, give or take the rounding to whole counts (at most 1/128 g)
                assertEquals(TAP_G / Math.sqrt(2), Math.sqrt(f.bandPowerG2()), 0.5 / 64, "A^2/2 inside");
                assertEquals(hz, f.dominantHz(), 0.25, "each frame inside the burst");
            } else if (fromS + 4 <= 20 || fromS >= 40) {
                assertEquals(0.0, f.bandPowerG2(), 1e-12, "exactly 1 g at rest");
                assertNull(f.dominantHz(), "no peak at rest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.1, 3.37, 4.13, 5.8})
    void shouldRefineBelowTheBinWidthWhenTheRateFallsBetweenBins(double hz) {
        double[] xyz = onGravity(40, burst(0.08, hz, 0, 40));
        FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);
        // bins are 0.25 Hz apart; the log-parabola lands within a tenth of a bin
        assertEquals(hz, r.dominantHz(), 0.025, "dominant " + r.dominantHz());
    }

    @Test
    void shouldEqualWelchBandPowerWhenNoFrameIsExcluded() {
        double[] xyz = onGravity(45, plus(burst(0.06, 3.1, 0, 45), burst(0.03, 0.7, 5, 30)));
        FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);
        BandPower.Result welch =
                BandPower.mean(AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G), RATE_HZ, 128, 2, 6);
        assertEquals(welch.frames(), r.framesUsed());
        assertEquals(welch.power(), r.bandPowerG2(), 1e-15);
    }

    @Test
    void shouldGiveLittleFidgetPowerWhenTheArmMovesSlowly() {
        FidgetSpectrum.Result slow = DEFAULTS.analyse(onGravity(60, burst(0.08, 0.5, 0, 60)), RATE_HZ, START_MILLIS);
        FidgetSpectrum.Result tapping = DEFAULTS.analyse(onGravity(60, burst(0.08, 4, 0, 60)), RATE_HZ, START_MILLIS);

        assertEquals(0, slow.framesExcluded(), "a slow sway of 0.08 g is no gross movement");
        assertTrue(
                slow.bandPowerG2() < 0.02 * tapping.bandPowerG2(),
                "slow " + slow.bandPowerG2() + " vs tapping " + tapping.bandPowerG2());
        assertNull(slow.dominantHz(), "below the power floor: no fidget rhythm to report");
    }

    @Test
    void shouldExcludeFramesWithGrossMovementWhenTheArmShakesBetweenTaps() {
        // tapping at 4 Hz for 0-20 s and 44-60 s; the arm shakes at 3 Hz with 0.4 g for 30-40 s
        double[] xyz =
                onGravity(60, plus(plus(burst(TAP_G, 4, 0, 20), burst(TAP_G, 4, 44, 60)), burst(0.4, 3, 30, 40)));

        List<GrossMovement.Interval> moving = GrossMovement.defaults().detect(xyz, RATE_HZ, START_MILLIS);
        assertEquals(List.of(new GrossMovement.Interval(START_MILLIS + 30_000, START_MILLIS + 40_000)), moving);

        FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);
        // frames [s, s + 4) with s = 28, 30, ..., 38 overlap [30, 40)
        assertEquals(6, r.framesExcluded());
        assertEquals(23, r.framesUsed());
        assertEquals(4.0, r.dominantHz(), 0.25, "the shaking does not count as fidgeting");
        assertTrue(r.frames().stream()
                .filter(FidgetSpectrum.Frame::grossMovement)
                .allMatch(f -> f.startMillis() < START_MILLIS + 40_000 && f.endMillis() > START_MILLIS + 30_000));

        FidgetSpectrum noExclusion = new FidgetSpectrum(4, 2, 6, 1e-4, 64, null);
        FidgetSpectrum.Result all = noExclusion.analyse(xyz, RATE_HZ, START_MILLIS);
        assertEquals(0, all.framesExcluded());
        assertEquals(3.0, all.dominantHz(), 0.25, "without the exclusion the shaking dominates");
    }

    @Test
    void shouldExcludeTheSameFramesWhenTheRecordingStartsOffTheWholeSecond() {
        // as above; the recording starts a fraction of a second after an epoch second: the gross
        // movement segments follow the samples, so the same frames are left out
        double[] xyz =
                onGravity(60, plus(plus(burst(TAP_G, 4, 0, 20), burst(TAP_G, 4, 44, 60)), burst(0.4, 3, 30, 40)));
        FidgetSpectrum.Result onSecond = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);
        for (double shift : new double[] {250, 500, 968.75}) {
            double start = START_MILLIS + shift;
            assertEquals(
                    List.of(new GrossMovement.Interval(start + 30_000, start + 40_000)),
                    GrossMovement.defaults().detect(xyz, RATE_HZ, start));
            FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, start);
            assertEquals(6, r.framesExcluded(), "frames [28, 32) .. [38, 42) overlap [30, 40), shift " + shift);
            assertEquals(23, r.framesUsed());
            assertEquals(onSecond.dominantHz(), r.dominantHz());
            assertEquals(onSecond.bandPowerG2(), r.bandPowerG2());
        }
    }

    @Test
    void shouldSkipFramesWithMissingSamplesWhenTheAccHasAGap() {
        double[] xyz = onGravity(20, burst(TAP_G, 4, 0, 20));
        for (int i = 100; i < 110; i++) {
            xyz[3 * i] = Double.NaN;
        }
        FidgetSpectrum.Result r = DEFAULTS.analyse(xyz, RATE_HZ, START_MILLIS);
        // frames start every 64 samples; those covering samples 100..109 start at 0 and 64
        assertEquals(9 - 2, r.framesUsed());
        assertEquals(4.0, r.dominantHz(), 0.25);
        assertTrue(
                Double.isNaN(DEFAULTS.analyse(new double[3 * 100], RATE_HZ, START_MILLIS)
                        .bandPowerG2()),
                "shorter than a frame: no power");
    }
}
