package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
        assertTrue(Double.isNaN(HrvTimeDomain.rmssd(new double[1], new double[1], new boolean[] {true}).rmssdMs()));
    }
}
