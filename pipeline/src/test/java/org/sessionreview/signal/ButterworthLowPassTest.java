package org.sessionreview.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scipy 1.17.1 / numpy 2.4.6: {@code b, a = butter(2, 0.05, fs=4.0)};
 * {@code lfilter(b, a, x, zi=lfilter_zi(b, a) * x[0])}; {@code filtfilt(b, a, x)}, with x = 10
 * ones then 30 twos.
 */
class ButterworthLowPassTest {
    private static final double[] STEP = new double[40];

    static {
        for (int i = 0; i < STEP.length; i++) {
            STEP[i] = i < 10 ? 1.0 : 2.0;
        }
    }

    @Test
    void shouldEqualScipyButterCoefficientsWhenDesignedForTheEdaTonic() {
        ButterworthLowPass lp = ButterworthLowPass.secondOrder(0.05, 4.0);
        assertArrayEquals(new double[] {0.0014603163055277345, 0.002920632611055469, 0.0014603163055277345},
                lp.b(), 1e-15);
        assertArrayEquals(new double[] {1.0, -1.8890330793945245, 0.8948743446166354}, lp.a(), 1e-15);
    }

    @Test
    void shouldEqualScipyLfilterFromSteadyStateWhenFilteringCausally() {
        double[] y = ButterworthLowPass.secondOrder(0.05, 4.0).filter(STEP);
        assertEquals(1.0000000000000155, y[0], 1e-12);
        assertEquals(1.001460316305541, y[10], 1e-12);
        assertEquals(1.0180212828906008, y[12], 1e-12);
        assertEquals(1.2267769201751593, y[20], 1e-12);
        assertEquals(1.8194331851984489, y[39], 1e-12);
    }

    @Test
    void shouldEqualScipyFiltfiltWhenFilteringWithZeroPhase() {
        double[] y = ButterworthLowPass.secondOrder(0.05, 4.0).filterZeroPhase(STEP);
        assertEquals(1.2575403749951768, y[0], 1e-12);
        assertEquals(1.5129370891044422, y[10], 1e-12);
        assertEquals(1.7563289139592637, y[20], 1e-12);
        assertEquals(1.9562238498623958, y[39], 1e-12);
    }

    @Test
    void shouldFollowTheButterworthMagnitudeResponseWhenFilteringSines() {
        double fs = 32;
        double fc = 1;
        ButterworthLowPass lp = ButterworthLowPass.secondOrder(fc, fs);
        for (double f : new double[] {0.25, 1.0, 4.0, 10.0}) {
            double[] x = new double[(int) (200 * fs)];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(2 * Math.PI * f * i / fs);
            }
            double[] y = lp.filter(x);
            // Amplitude from the RMS over the second half (a whole number of periods).
            double sumSq = 0;
            for (int i = x.length / 2; i < x.length; i++) {
                sumSq += y[i] * y[i];
            }
            double peak = Math.sqrt(2 * sumSq / (x.length / 2));
            double ratio = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * fc / fs);
            double expected = 1 / Math.sqrt(1 + Math.pow(ratio, 4));
            assertEquals(expected, peak, 0.01 * expected + 1e-4, "gain at " + f + " Hz");
        }
    }

    @Test
    void shouldRefuseACutoffAtOrAboveNyquistWhenDesigning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ButterworthLowPass.secondOrder(2.0, 4.0));
        assertEquals("cutoffHz must be within (0, rateHz / 2) = (0, 2.0), got 2.0", e.getMessage());
    }
}
