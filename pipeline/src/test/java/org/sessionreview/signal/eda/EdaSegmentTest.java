package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EdaProcess#segment} over consecutive cores: each SCR exactly once, and the same SCRs
 * whatever the core length (documented: identical to {@link EdaProcess#whole} with the same
 * streaming configuration, given the default context and look-ahead).
 */
class EdaSegmentTest {
    private static final double[] CORE_SECONDS = {60, 30, 97.3, 300};

    /** Responses every 4-20 s at random, so many fall on or near core boundaries. */
    private static double[] busySignal(double rateHz, long seed) {
        Random r = new Random(seed);
        double[] x = EdaSignals.driftingTonic((int) (900 * rateHz), rateHz, 0.001, seed);
        for (double t = 5; t < 890; t += 4 + 16 * r.nextDouble()) {
            EdaSignals.plant(x, rateHz, t, 0.02 + 0.5 * r.nextDouble() * r.nextDouble());
        }
        return x;
    }

    private static void assertStrictlyIncreasingPeaks(List<ScrDetector.Scr> scrs, String label) {
        for (int i = 1; i < scrs.size(); i++) {
            assertTrue(
                    scrs.get(i).peakIndex() > scrs.get(i - 1).peakIndex(),
                    label + ": duplicate or out of order at " + scrs.get(i).peakSeconds() + " s");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 100})
    void shouldReportEachScrOnceAndAsTheWholeRecordingWhenCoresHaveAnyLength(double rateHz) {
        double[] x = busySignal(rateHz, 5);
        List<ScrDetector.Scr> whole =
                EdaProcess.whole(x, rateHz, EdaConfig.defaults()).scrs();
        assertTrue(whole.size() > 50, "responses planted: " + whole.size());

        for (double core : CORE_SECONDS) {
            List<ScrDetector.Scr> segments = EdaSignals.bySegments(x, rateHz, core, EdaConfig.defaults());
            assertStrictlyIncreasingPeaks(segments, core + " s cores");
            assertEquals(whole, segments, core + " s cores at " + rateHz + " Hz");
        }
    }

    @Test
    void shouldGiveTheWholeRecordingsTonicAndPhasicInEachCore() {
        double rateHz = 100;
        double[] x = busySignal(rateHz, 6);
        Arrays.fill(x, 40_000, 40_500, Double.NaN);
        EdaConfig cfg = EdaConfig.defaults();
        EdaProcess.Result whole = EdaProcess.whole(x, rateHz, cfg);
        assertTrue(EdaProcess.requiredMarginSamples(rateHz, cfg) <= cfg.lookAheadSamples(rateHz));
        assertTrue(EdaProcess.requiredMarginSamples(rateHz, cfg) <= cfg.contextSamples(rateHz));

        int from = 36_000;
        int to = 42_000;
        int start = from - cfg.contextSamples(rateHz);
        double[] piece = Arrays.copyOfRange(x, start, to + cfg.lookAheadSamples(rateHz));
        EdaProcess.Result core = EdaProcess.segment(piece, rateHz, from - start, to - start, cfg);

        assertArrayEquals(Arrays.copyOfRange(whole.tonicUs(), from, to), core.tonicUs(), 0.0);
        assertArrayEquals(Arrays.copyOfRange(whole.phasicUs(), from, to), core.phasicUs(), 0.0);
    }

    /**
     * Real data with masked samples: the documented exceptions (a masked stretch crossing a piece's
     * edge is bridged differently) may move an SCR near a core edge; allow 1 %.
     */
    @ParameterizedTest
    @ValueSource(strings = {"e4/stress-predict-S04", "e4/msr2023"})
    void shouldAgreeWithTheWholeRecordingWhenCoresCutARealSession(String folder) throws IOException {
        double[] x = EdaE4StreamingVsBatchTest.maskedEda(folder);
        List<ScrDetector.Scr> whole =
                EdaProcess.whole(x, 4, EdaConfig.defaults()).scrs();
        Set<Integer> wholePeaks = new HashSet<>();
        whole.forEach(s -> wholePeaks.add(s.peakIndex()));

        for (double core : CORE_SECONDS) {
            List<ScrDetector.Scr> segments = EdaSignals.bySegments(x, 4, core, EdaConfig.defaults());
            assertStrictlyIncreasingPeaks(segments, folder + ", " + core + " s cores");
            List<ScrDetector.Scr> differing = new ArrayList<>(segments);
            differing.removeIf(whole::contains);
            System.out.printf(
                    "%s, %.1f s cores: %d SCRs, whole %d, not identical %d%n",
                    folder, core, segments.size(), whole.size(), differing.size());
            assertTrue(differing.size() <= 0.01 * whole.size(), differing.toString());
            assertEquals(whole.size(), segments.size(), 0.01 * whole.size());
        }
    }
}
