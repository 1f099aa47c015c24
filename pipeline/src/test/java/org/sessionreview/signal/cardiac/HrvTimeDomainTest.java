package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HrvTimeDomainTest {

    /** Beat times from intervals, with the beats at the given indices dropped (device gaps). */
    static double[] times(double[] ibi) {
        double[] t = new double[ibi.length];
        double now = 10;
        for (int i = 0; i < ibi.length; i++) {
            now += ibi[i];
            t[i] = now;
        }
        return t;
    }

    @Test
    void shouldGiveTheExactRmssdWhenAllBeatsAreAdjacent() {
        double[] ibi = {0.80, 0.85, 0.80, 0.85, 0.80, 0.86};
        boolean[] use = new boolean[ibi.length];
        Arrays.fill(use, true);
        HrvTimeDomain.Rmssd r = HrvTimeDomain.rmssd(times(ibi), ibi, use);
        // differences 50, -50, 50, -50, 60 ms
        assertEquals(Math.sqrt((4 * 2500.0 + 3600.0) / 5), r.rmssdMs(), 1e-9);
        assertEquals(5, r.pairs());
    }

    @Test
    void shouldSkipDifferencesAcrossAGapWhenBeatsWereDropped() {
        double[] ibi = {0.80, 0.85, 0.80, 1.00, 1.05, 1.00};
        double[] t = times(ibi);
        for (int i = 3; i < t.length; i++) {
            t[i] += 5.0; // 5 s of beats the device did not report before beat 3
        }
        boolean[] use = new boolean[ibi.length];
        Arrays.fill(use, true);
        HrvTimeDomain.Rmssd r = HrvTimeDomain.rmssd(t, ibi, use);
        assertEquals(4, r.pairs(), "the 0.80 -> 1.00 step spans the gap");
        assertEquals(50.0, r.rmssdMs(), 1e-9);
        assertFalse(HrvTimeDomain.adjacent(t[2], t[3], ibi[3]));
        assertTrue(HrvTimeDomain.adjacent(t[3], t[4], ibi[4]));
    }

    @Test
    void shouldSkipPairsWithAnUnusedBeat() {
        double[] ibi = {0.80, 0.85, 0.80, 0.85};
        boolean[] use = {true, false, true, true};
        HrvTimeDomain.Rmssd r = HrvTimeDomain.rmssd(times(ibi), ibi, use);
        assertEquals(1, r.pairs());
        assertEquals(50.0, r.rmssdMs(), 1e-9);
        assertTrue(Double.isNaN(HrvTimeDomain.rmssd(new double[1], new double[1], new boolean[] {true})
                .rmssdMs()));
    }

    @Test
    void shouldGiveTheAnalyticRmssdAndSdnnWhenHeartRateFollowsRespiration() {
        for (double f : new double[] {0.1, 0.25, 0.33}) {
            double mean = 800;
            double amplitude = 40;
            List<Beat> beats = RsaSeries.beats(mean, amplitude, f, 300);
            HrvTimeDomain.Result r = HrvTimeDomain.compute(beats, 0, 300_000);
            double rmssd = RsaSeries.expectedRmssdMs(mean, amplitude, f);
            double sdnn = amplitude / Math.sqrt(2);
            System.out.printf(
                    "RSA f=%.2f Hz: RMSSD %.2f ms (analytic %.2f), SDNN %.2f (%.2f)%n",
                    f, r.rmssdMs(), rmssd, r.sdnnMs(), sdnn);
            assertEquals(rmssd, r.rmssdMs(), 0.05 * rmssd, "RMSSD at " + f + " Hz");
            assertEquals(sdnn, r.sdnnMs(), 0.05 * sdnn, "SDNN at " + f + " Hz");
            assertEquals(60000 / mean, r.meanHrBpm(), 0.01 * 60000 / mean);
            assertEquals(beats.size() - 1, r.pairs());
            assertEquals(1.0, r.coverage(), 0.01);
        }
    }

    @Test
    void shouldCountOnlyPairedIntervalsAndClippedCoverageWhenTheSeriesHasAGap() {
        List<Beat> beats = new ArrayList<>();
        double[] ibi = {800, 900, 800, 1000, 1060, 1000};
        double t = 0;
        for (int i = 0; i < ibi.length; i++) {
            t += ibi[i] + (i == 3 ? 20_000 : 0); // 20 s the device did not report before beat 3
            beats.add(Beat.accepted(t, ibi[i], Beat.Source.DEVICE));
        }
        beats.add(Beat.rejected(t + 300, 300, Beat.Source.DEVICE, RejectReason.DEVIATES_FROM_LOCAL_MEDIAN));
        HrvTimeDomain.Result r = HrvTimeDomain.compute(beats, 0, 30_000);
        assertEquals(6, r.beats());
        assertEquals(4, r.pairs(), "2 pairs on each side of the gap");
        // differences 100, -100 | 60, -60 ms: all four exceed 50 ms
        assertEquals(Math.sqrt((2 * 10000.0 + 2 * 3600.0) / 4), r.rmssdMs(), 1e-9);
        assertEquals(100.0 * 4 / 6, r.pnn50Percent(), 1e-9, "NN50 over the 6 paired intervals");
        double mean = Arrays.stream(ibi).average().orElseThrow();
        assertEquals(mean, r.meanNnMs(), 1e-9);
        assertEquals(60000 / mean, r.meanHrBpm(), 1e-9);
        double ss = Arrays.stream(ibi).map(v -> (v - mean) * (v - mean)).sum();
        assertEquals(Math.sqrt(ss / 5), r.sdnnMs(), 1e-9, "n - 1");
        assertEquals(Arrays.stream(ibi).sum() / 30_000, r.coverage(), 1e-9);

        HrvTimeDomain.Result clipped = HrvTimeDomain.compute(beats, 1000, 2500);
        assertEquals(1, clipped.beats(), "only the beat at 1700 ms lies in [1000, 2500)");
        assertEquals((1700 - 1000) / 1500.0, clipped.coverage(), 1e-9, "interval clipped at 1000");
        assertTrue(Double.isNaN(clipped.rmssdMs()) && Double.isNaN(clipped.sdnnMs()));
    }

    @Test
    void shouldGiveNaNStatisticsAndZeroCoverageWhenTheSpanHasNoAcceptedBeat() {
        HrvTimeDomain.Result r = HrvTimeDomain.compute(List.of(), 0, 60_000);
        assertEquals(0, r.beats());
        assertEquals(0.0, r.coverage());
        assertTrue(Double.isNaN(r.meanHrBpm()) && Double.isNaN(r.pnn50Percent()));
    }
}
