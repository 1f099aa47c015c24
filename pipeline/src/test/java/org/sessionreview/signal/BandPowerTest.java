package org.sessionreview.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandPowerTest {
    private static final double FS = 32;

    private static double[] sine(double amplitude, double hz, double offset, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset + amplitude * Math.sin(2 * Math.PI * hz * i / FS + 0.3);
        }
        return x;
    }

    @Test
    void shouldGiveHalfTheSquaredAmplitudeWhenASineLiesInTheBand() {
        BandPower.Result r = BandPower.mean(sine(0.1, 4.0, 1.0, 960), FS, 128, 2, 6);
        assertEquals(0.1 * 0.1 / 2, r.power(), 0.02 * 0.005);
        assertEquals(14, r.frames(), "30 s of 4 s frames with 50 % overlap");
    }

    @Test
    void shouldGiveAlmostNothingWhenTheSineLiesOutsideTheBand() {
        double slow = BandPower.mean(sine(0.3, 0.5, 1.0, 960), FS, 128, 2, 6).power();
        double fast = BandPower.mean(sine(0.3, 10.0, 1.0, 960), FS, 128, 2, 6).power();
        assertTrue(slow < 1e-6 * 0.045, "0.5 Hz leaks " + slow);
        assertTrue(fast < 1e-6 * 0.045, "10 Hz leaks " + fast);
    }

    @Test
    void shouldMatchTheBandShareOfWhiteNoiseVarianceWhenGivenNoise() {
        Random random = new Random(7);
        double[] x = new double[32 * 600];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        // White noise spreads variance 1 evenly over 0-16 Hz: the 2-6 Hz bins (17 of 64
        // one-sided bins of 0.25 Hz) carry about 17 / 64 of it.
        double power = BandPower.mean(x, FS, 128, 2, 6).power();
        assertEquals(17.0 / 64, power, 0.02);
    }

    @Test
    void shouldSkipFramesWithMissingSamplesWhenSomeAreNaN() {
        double[] x = sine(0.1, 4.0, 1.0, 960);
        x[100] = Double.NaN;
        BandPower.Result r = BandPower.mean(x, FS, 128, 2, 6);
        assertEquals(14 - 2, r.frames(), "sample 100 lies in frames starting at 0 and 64");
        assertEquals(0.005, r.power(), 1e-4);
        assertTrue(Double.isNaN(BandPower.mean(new double[100], FS, 128, 2, 6).power()), "no whole frame");
    }

    @Test
    void shouldZeroPadWhenTheFrameIsNotAPowerOfTwo() {
        // 3 s frames at 32 Hz = 96 samples, padded to 128.
        BandPower.Result r = BandPower.mean(sine(0.2, 4.0, 0, 960), FS, 96, 2, 6);
        assertEquals(0.02, r.power(), 0.02 * 0.02);
    }
}
