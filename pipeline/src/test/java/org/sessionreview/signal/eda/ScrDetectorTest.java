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

    private static List<Integer> peaks(List<ScrDetector.Scr> scrs) {
        return scrs.stream().map(ScrDetector.Scr::peakIndex).toList();
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

    /**
     * scipy's rules, applied by hand: local maxima at 3, 6 (middle of the flat top 5-7), 9 (flat
     * top 9-10, rounded down) and 12; prominences 0.7, 0.1, 2.0 and 0.05; local minima at 1, 4, 8
     * and 11. Relative to the largest (2.0), 0.1 keeps 3 and 9; onsets are the minima before.
     */
    @Test
    void shouldKeepPeaksByRelativeProminenceWhenNeurokit() {
        double[] x = {0.3, 0.0, 0.2, 1.0, 0.3, 0.5, 0.5, 0.5, 0.4, 2.0, 2.0, 0.1, 0.15, 0.12, 0.0};
        EdaConfig cfg = EdaConfig.neurokit();

        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, 1, cfg);

        assertEquals(
                List.of(new ScrDetector.Scr(1, 3, 1, 3, 1.0, 2, 1.0), new ScrDetector.Scr(8, 9, 8, 9, 1.6, 1, 2.0)),
                scrs);
        EdaConfig stricter = new EdaConfig(
                cfg.cleanMethod(),
                cfg.phasicMethod(),
                cfg.tonicCutoffHz(),
                ScrMethod.NEUROKIT,
                0.4,
                cfg.minAmplitudeUs(),
                cfg.minRiseSeconds(),
                cfg.maxRiseSeconds(),
                cfg.supportSeconds(),
                cfg.contextSeconds(),
                cfg.lookAheadSeconds());
        assertEquals(List.of(9), peaks(ScrDetector.detect(x, 1, stricter)));
    }

    @Test
    void shouldNotLetAPeakOrItsBaseCrossAMaskedSampleWhenNeurokit() {
        double[] x = {0.3, 0.0, 0.2, 1.0, 0.3, 0.5, 0.5, 0.5, 0.4, 2.0, 2.0, 0.1, 0.15, 0.12, 0.0};
        x[8] = Double.NaN; // the minimum before the largest peak

        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, 1, EdaConfig.neurokit());

        // runs 0-7 and 9-14: the flat top 5-7 now ends its run and 9-10 starts one, so neither is
        // a local maximum; 3 (prominence 0.7, its right base now 0.3 at 4) is the largest, and
        // 12 (0.05) falls below 0.1 x 0.7
        assertEquals(List.of(3), peaks(scrs));
    }

    @Test
    void shouldMeasureTheHalfRecoveryOfABatemanResponse() {
        double fs = 100;
        double[] x = new double[(int) (40 * fs)];
        EdaSignals.plant(x, fs, 10, 0.5);

        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, fs, EdaConfig.defaults());

        assertEquals(1, scrs.size(), scrs.toString());
        assertEquals(0.5, scrs.get(0).amplitudeUs(), 1e-3);
        assertEquals(EdaSignals.halfRecoveryS(), scrs.get(0).halfRecoveryS(), 0.02);
        assertEquals(EdaSignals.timeToPeakS(), scrs.get(0).riseTimeS(), 0.1);
    }

    @Test
    void shouldGiveNoHalfRecoveryWhenTheNextResponseStartsFirstOrSamplesAreMasked() {
        double fs = 100;
        double[] x = new double[(int) (60 * fs)];
        EdaSignals.plant(x, fs, 10, 0.5);
        EdaSignals.plant(x, fs, 10 + EdaSignals.timeToPeakS() + 1.0, 0.5);
        EdaSignals.plant(x, fs, 40, 0.5);
        int peak3 = (int) Math.round((40 + EdaSignals.timeToPeakS()) * fs);
        Arrays.fill(x, peak3 + 50, peak3 + 80, Double.NaN);

        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, fs, EdaConfig.defaults());

        assertEquals(3, scrs.size(), scrs.toString());
        assertEquals(null, scrs.get(0).halfRecoveryS(), "the second starts 1 s after the peak");
        assertTrue(scrs.get(1).halfRecoveryS() != null);
        assertEquals(null, scrs.get(2).halfRecoveryS(), "masked 0.5 s after the peak");
    }

    @Test
    void shouldBreakARiseAtANaNWhenDetectingByConfig() {
        double[] x = noise(240, 0.001, 3);
        plant(x, 10, 0.3);
        plant(x, 35, 0.3);
        x[(int) (35.8 * FS)] = Double.NaN;
        EdaConfig cfg = EdaConfig.defaults().withMinAmplitudeUs(0.05);
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, FS, cfg);
        assertEquals(1, scrs.size(), scrs.toString());
        assertEquals(11.55, scrs.get(0).peakSeconds(), 0.3);
    }

    @Test
    void shouldNotCountARiseAlreadyUnderWayAtTheFirstValidSample() {
        // the E4's start-up ramp: 0 uS (masked as contact loss), then 1.2, 2.6, 3.8 uS, settling;
        // and the same after a masked stretch mid-recording (an electrode regaining contact)
        double[] x = new double[400];
        Arrays.fill(x, 4.0);
        double[] ramp = {1.2, 2.6, 3.8, 4.3, 4.1};
        System.arraycopy(ramp, 0, x, 1, ramp.length);
        System.arraycopy(ramp, 0, x, 201, ramp.length);
        boolean[] valid = allValid(x.length);
        valid[0] = false;
        Arrays.fill(valid, 150, 201, false);
        plant(x, 60, 0.4); // a real response, its foot observed
        List<ScrDetector.Scr> scrs = ScrDetector.detect(x, valid, FS, 0.05, 0.5, 5);
        assertEquals(1, scrs.size(), scrs.toString());
        assertEquals(60.0, scrs.get(0).onsetSeconds(), 0.5);
        // before: each ramp was a response of about 3 uS
        valid[0] = true;
        x[0] = 1.1; // data before the ramp: its foot is observed and it counts
        assertEquals(2, ScrDetector.detect(x, valid, FS, 0.05, 0.5, 5).size());
    }
}
