package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.testing.SharedData;

class EdaProcessTest {
    /** Batch zero-phase (NeuroKit2's split) with the absolute SCR criterion. */
    private static final EdaConfig BATCH = EdaConfig.defaults().withPhasicMethod(EdaPhasicMethod.NEUROKIT_HIGHPASS);

    private static final double[] AMPLITUDES = {0.05, 0.2, 1.0, 0.08, 0.5, 0.12, 0.03, 0.3};

    /**
     * bio_eventrelated_100hz.csv, EDA column; NeuroKit2 0.2.9 gives 9 peaks, mean tonic 14.376325
     * uS.
     */
    @Test
    void shouldMatchNeurokitReferenceWhenProcessingItsEventRelatedRecording() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.resolve("reference/neurokit2/bio_eventrelated_100hz.csv"));
        int column = Arrays.asList(lines.get(0).split(",")).indexOf("EDA");
        double[] eda = lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[column]))
                .toArray();

        EdaProcess.Result r = EdaProcess.whole(eda, 100, EdaConfig.neurokit());

        double meanTonic = Arrays.stream(r.tonicUs()).average().orElseThrow();
        System.out.printf(
                "NeuroKit2 reference: %d SCR peaks (NK2: 9), mean tonic %.7f uS (NK2: 14.376325)%n",
                r.scrs().size(), meanTonic);
        r.scrs()
                .forEach(s -> System.out.printf(
                        "  peak %.2f s, onset %.2f s, amplitude %.4f uS%n",
                        s.peakSeconds(), s.onsetSeconds(), s.amplitudeUs()));
        assertEquals(9, r.scrs().size(), 1);
        assertEquals(14.376325, meanTonic, 0.05);
        assertEquals(eda.length, r.tonicUs().length);
    }

    private static double[] planted(double rateHz, double[] onsets, long seed) {
        double[] x = EdaSignals.driftingTonic((int) (600 * rateHz), rateHz, 0.001, seed);
        for (int i = 0; i < onsets.length; i++) {
            EdaSignals.plant(x, rateHz, onsets[i], AMPLITUDES[i % AMPLITUDES.length]);
        }
        return x;
    }

    private static double[] onsetsEvery37s() {
        double[] onsets = new double[15];
        for (int i = 0; i < onsets.length; i++) {
            onsets[i] = 20 + 37 * i + 0.3 * i; // not on the sample grid or the core grid
        }
        return onsets;
    }

    private static void assertFindsEachPlantedOnce(List<ScrDetector.Scr> scrs, double[] onsets, String label) {
        assertEquals(onsets.length, scrs.size(), label + ": " + scrs);
        for (int i = 0; i < onsets.length; i++) {
            ScrDetector.Scr s = scrs.get(i);
            double amplitude = AMPLITUDES[i % AMPLITUDES.length];
            assertEquals(onsets[i], s.onsetSeconds(), 1.0, label + " onset of SCR " + i);
            assertEquals(amplitude, s.amplitudeUs(), 0.10 * amplitude, label + " amplitude of SCR " + i);
            assertEquals(onsets[i] + EdaSignals.timeToPeakS(), s.peakSeconds(), 0.5, label + " peak of SCR " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 100})
    void shouldFindPlantedScrsWithOnsetAndAmplitudeWhenBatchOrSegments(double rateHz) {
        double[] onsets = onsetsEvery37s();
        double[] x = planted(rateHz, onsets, 7);

        assertFindsEachPlantedOnce(EdaProcess.whole(x, rateHz, BATCH).scrs(), onsets, "batch " + rateHz + " Hz");
        assertFindsEachPlantedOnce(
                EdaSignals.bySegments(x, rateHz, 60, EdaConfig.defaults()), onsets, "segments " + rateHz + " Hz");
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 100})
    void shouldFindNoScrWhenTheSignalIsDriftAndNoise(double rateHz) {
        double[] x = EdaSignals.driftingTonic((int) (900 * rateHz), rateHz, 0.001, 11);

        assertEquals(List.of(), EdaProcess.whole(x, rateHz, BATCH).scrs());
        assertEquals(List.of(), EdaSignals.bySegments(x, rateHz, 60, EdaConfig.defaults()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 100})
    void shouldReportNoScrInsideOrAcrossMaskedSamples(double rateHz) {
        double[] onsets = {30, 90, 150, 210};
        double[] x = EdaSignals.driftingTonic((int) (300 * rateHz), rateHz, 0.001, 3);
        for (double onset : onsets) {
            EdaSignals.plant(x, rateHz, onset, 0.3);
        }
        // the whole second response, and the rising flank of the fourth
        Arrays.fill(x, (int) (85 * rateHz), (int) (100 * rateHz), Double.NaN);
        Arrays.fill(x, (int) (210.2 * rateHz), (int) (210.9 * rateHz), Double.NaN);

        for (EdaConfig cfg : new EdaConfig[] {BATCH, EdaConfig.defaults(), EdaConfig.neurokit()}) {
            EdaProcess.Result r = EdaProcess.whole(x, rateHz, cfg);
            for (ScrDetector.Scr s : r.scrs()) {
                for (int i = s.onsetIndex(); i <= s.peakIndex(); i++) {
                    assertFalse(Double.isNaN(x[i]), cfg.phasicMethod() + " SCR across a masked sample: " + s);
                }
                assertFalse(s.peakSeconds() > 85 && s.peakSeconds() < 100, "SCR in the masked stretch: " + s);
                assertFalse(s.onsetSeconds() < 210.2 && s.peakSeconds() > 210.2, "rise not broken: " + s);
            }
            assertTrue(r.scrs().stream().anyMatch(s -> Math.abs(s.onsetSeconds() - 30) < 1), "first found");
            assertTrue(r.scrs().stream().anyMatch(s -> Math.abs(s.onsetSeconds() - 150) < 1), "third found");
            for (int i = (int) (85 * rateHz); i < (int) (100 * rateHz); i++) {
                assertTrue(Double.isNaN(r.phasicUs()[i]) && Double.isNaN(r.tonicUs()[i]), "masked output " + i);
            }
        }
    }

    @Test
    void shouldReturnNaNAndNoScrsWhenEverySampleIsMasked() {
        double[] x = new double[400];
        Arrays.fill(x, Double.NaN);
        EdaProcess.Result r = EdaProcess.whole(x, 4, EdaConfig.defaults());
        assertTrue(Arrays.stream(r.tonicUs()).allMatch(Double::isNaN));
        assertEquals(List.of(), r.scrs());
    }

    @Test
    void shouldRejectBatchOnlyMethodsAndBadCoresWhenSegmenting() {
        double[] x = EdaSignals.driftingTonic(800, 4, 0.001, 1);
        assertThrows(IllegalArgumentException.class, () -> EdaProcess.segment(x, 4, 100, 200, EdaConfig.neurokit()));
        assertThrows(IllegalArgumentException.class, () -> EdaProcess.segment(x, 4, 100, 200, BATCH));
        assertThrows(IllegalArgumentException.class, () -> EdaProcess.segment(x, 4, 300, 200, EdaConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> EdaProcess.segment(x, 4, 0, 801, EdaConfig.defaults()));
        assertEquals(
                100, EdaProcess.segment(x, 4, 100, 200, EdaConfig.defaults()).phasicUs().length);
    }
}
