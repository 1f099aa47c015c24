package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScrDetectorTest {
    static final double FS = 4;

    /**
     * Adds a Bateman-shaped response (rise tau 0.75 s, decay tau 4 s) with the given peak
     * amplitude, onset at {@code onsetS}; its peak comes ~1.55 s after onset.
     */
    static void plant(double[] x, double onsetS, double amplitudeUs) {
        double tauRise = 0.75;
        double tauDecay = 4.0;
        double tPeak = Math.log(tauDecay / tauRise) * tauRise * tauDecay / (tauDecay - tauRise);
        double norm = Math.exp(-tPeak / tauDecay) - Math.exp(-tPeak / tauRise);
        for (int i = 0; i < x.length; i++) {
            double t = i / FS - onsetS;
            if (t > 0) {
                x[i] += amplitudeUs * (Math.exp(-t / tauDecay) - Math.exp(-t / tauRise)) / norm;
            }
        }
    }

    static double[] noise(int n, double sd, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sd * r.nextGaussian();
        }
        return x;
    }

    private static boolean[] allValid(int n) {
        boolean[] v = new boolean[n];
        Arrays.fill(v, true);
        return v;
    }

    @Test
    void shouldFindEachPlantedResponseWithItsAmplitudeWhenAboveThreshold() {
        double[] x = noise(240, 0.001, 1);
        double[] onsets = {5, 20, 34, 48};
        double[] amplitudes = {0.3, 0.08, 0.5, 0.12};
        for (int i = 0; i < onsets.length; i++) {
            plant(x, onsets[i], amplitudes[i]);
        }
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, allValid(x.length), FS, 0.05, 0.5, 5);

        assertEquals(4, scrs.size(), scrs.toString());
        for (int i = 0; i < onsets.length; i++) {
            ScrDetector.Scr s = scrs.get(i);
            assertEquals(onsets[i] + 1.55, s.peakIndex() / FS, 0.3, "peak time " + i);
            assertEquals(onsets[i], s.onsetIndex() / FS, 0.5, "onset time " + i);
            // Earlier responses' tails are still decaying, so the amplitude is a little lower.
            assertEquals(amplitudes[i], s.amplitudeUs(), 0.15 * amplitudes[i] + 0.005, "amplitude " + i);
            assertTrue(s.riseTimeS() >= 0.5 && s.riseTimeS() <= 5);
        }
    }

    @Test
    void shouldIgnoreResponsesBelowTheAmplitudeThreshold() {
        double[] x = noise(240, 0.001, 2);
        plant(x, 10, 0.02);
        plant(x, 30, 0.04);
        plant(x, 45, 0.06);
        List<ScrDetector.Scr> conservative = ScrDetector.detect(x, allValid(x.length), FS, 0.05, 0.5, 5);
        List<ScrDetector.Scr> sensitive = ScrDetector.detect(x, allValid(x.length), FS, 0.01, 0.5, 5);
        assertEquals(1, conservative.size());
        assertEquals(3, sensitive.size());
    }

    @Test
    void shouldRejectRisesThatAreTooSlowOrTooFast() {
        double[] x = new double[240];
        for (int i = 40; i < 80; i++) {
            x[i] = (i - 40) * 0.01; // 10 s ramp of 0.4 uS: tonic drift, not an SCR
        }
        for (int i = 80; i < 100; i++) {
            x[i] = 0.4 - (i - 80) * 0.02;
        }
        x[150] = 0.3; // one-sample spike: rise 0.25 s
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, allValid(x.length), FS, 0.05, 0.5, 5);
        assertEquals(List.of(), scrs);
    }

    @Test
    void shouldNotCountAResponseThatSpansInvalidSamples() {
        double[] x = noise(240, 0.001, 3);
        plant(x, 10, 0.3);
        plant(x, 35, 0.3);
        boolean[] valid = allValid(x.length);
        valid[(int) (35.8 * FS)] = false; // on the second response's rising flank
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, valid, FS, 0.05, 0.5, 5);
        assertEquals(1, scrs.size());
        assertEquals(11.55, scrs.get(0).peakIndex() / FS, 0.3);
    }

    @Test
    void shouldNotInflateTheRiseTimeWhenTheBaselineBeforeIsLongAndNoisy() {
        double[] x = noise(400, 0.0015, 4);
        plant(x, 80, 0.2);
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, allValid(x.length), FS, 0.05, 0.5, 5);
        assertEquals(1, scrs.size());
        assertTrue(scrs.get(0).riseTimeS() < 2.5, "rise " + scrs.get(0).riseTimeS());
    }
    @Test
    void shouldKeepAResponseThatRidesOnASlowRecoveryWhenTheTroughIsLongBefore() {
        // A causal high-pass leaves an undershoot after a large response; the next response
        // starts while the phasic signal is still recovering slowly (0.06 uS over 8 s).
        double[] x = noise(200, 0.001, 5);
        for (int i = 0; i < 64; i++) {
            x[i] += -0.14 + 0.06 * i / 64.0;
        }
        for (int i = 64; i < x.length; i++) {
            x[i] += -0.08;
        }
        plant(x, 16, 0.2);
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, allValid(x.length), FS, 0.05, 0.5, 5);
        assertEquals(1, scrs.size(), scrs.toString());
        assertEquals(16.0, scrs.get(0).onsetIndex() / FS, 0.5);
        assertTrue(scrs.get(0).riseTimeS() < 2.5, "rise " + scrs.get(0).riseTimeS());
    }
}
