package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IbiCleanerTest {

    @Test
    void shouldRejectOutOfRangeAndLocallyDeviantIntervals() {
        double[] ibi = {0.80, 0.82, 0.79, 0.81, 1.60, 0.80, 0.40, 0.83, 2.50, 0.80, 0.81, 0.97, 0.80};
        boolean[] ok = IbiCleaner.accept(ibi, 0.3, 2.0, 0.2);
        // 1.60 (missed beat) and 0.40 (extra beat) deviate > 20 % from the ~0.8 s median;
        // 2.50 is out of range; 0.97 deviates 0.97/0.805 - 1 = 20.5 %.
        assertArrayEquals(
                new boolean[] {true, true, true, true, false, true, false, true, false, true, true, false, true}, ok);
    }

    @Test
    void shouldFallBackToTheRangeCheckWhenABeatHasTooFewNeighbours() {
        assertArrayEquals(new boolean[] {true}, IbiCleaner.accept(new double[] {1.9}, 0.3, 2.0, 0.2));
        assertArrayEquals(new boolean[] {true, true}, IbiCleaner.accept(new double[] {0.5, 1.5}, 0.3, 2.0, 0.2));
        assertArrayEquals(
                new boolean[] {false, true, true}, IbiCleaner.accept(new double[] {0.2, 0.5, 1.5}, 0.3, 2.0, 0.2));
    }

    @Test
    void shouldFollowASlowTrendWhenHeartRateDriftsSmoothly() {
        double[] ibi = new double[60];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = 0.6 + 0.01 * i; // 100 -> 42 bpm, 1.7 % per beat
        }
        boolean[] ok = IbiCleaner.accept(ibi, 0.3, 2.0, 0.2);
        for (boolean b : ok) {
            org.junit.jupiter.api.Assertions.assertTrue(b);
        }
    }

    @Test
    void shouldGiveAReasonPerRejectedBeatWhenCleaningDeviceIntervals() {
        double[] ibiS = {0.80, 0.82, 0.79, 0.81, 1.60, 0.80, 0.40, 0.83, 2.50, 0.80, 0.81, 0.97, 0.80};
        double[] offsetsS = new double[ibiS.length];
        double t = 100;
        for (int i = 0; i < ibiS.length; i++) {
            t += ibiS[i];
            offsetsS[i] = t;
        }
        List<Beat> beats = IbiCleaner.fromDevice(1.6e12, offsetsS, ibiS, IbiCleaner.Config.DEFAULT);
        RejectReason[] expected = new RejectReason[ibiS.length];
        expected[4] = RejectReason.DEVIATES_FROM_LOCAL_MEDIAN;
        expected[6] = RejectReason.DEVIATES_FROM_LOCAL_MEDIAN;
        expected[8] = RejectReason.OUT_OF_RANGE;
        expected[11] = RejectReason.DEVIATES_FROM_LOCAL_MEDIAN;
        for (int i = 0; i < ibiS.length; i++) {
            Beat b = beats.get(i);
            assertEquals(expected[i], b.rejectReason(), "beat " + i);
            assertEquals(expected[i] == null, b.accepted());
            assertEquals(Beat.Source.DEVICE, b.source());
            assertEquals(1.6e12 + offsetsS[i] * 1000, b.tMillis(), 1e-3);
            assertEquals(ibiS[i] * 1000, b.ibiMs(), 1e-9);
        }
        assertEquals("deviates_from_local_median", beats.get(4).rejectReason().code());
    }

    @Test
    void shouldIgnoreFarNeighboursWhenTheyLieBeyondTheNeighbourWindow() {
        // 5 beats at 0.6 s, a 60 s device gap, then 5 beats at 1.0 s: by position the first
        // 1.0 s beat has mostly 0.6 s neighbours; within 15 s it only sees 1.0 s ones.
        List<Beat> beats = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < 10; i++) {
            double ibi = i < 5 ? 600 : 1000;
            t += ibi + (i == 5 ? 60_000 : 0);
            beats.add(Beat.accepted(t, ibi, Beat.Source.DEVICE));
        }
        List<Beat> windowed = IbiCleaner.clean(beats, IbiCleaner.Config.DEFAULT);
        assertTrue(windowed.stream().allMatch(Beat::accepted), "each side judged by its own neighbours");
        IbiCleaner.Config byPosition = new IbiCleaner.Config(0.3, 2.0, 0.2, 5, Double.POSITIVE_INFINITY);
        assertEquals(
                RejectReason.DEVIATES_FROM_LOCAL_MEDIAN,
                IbiCleaner.clean(beats, byPosition).get(5).rejectReason());
    }

    @Test
    void shouldKeepEarlierReasonsAndNotUseThoseBeatsAsNeighboursWhenCleaningAgain() {
        List<Beat> beats = new ArrayList<>();
        double t = 0;
        double[] ibi = {800, 410, 390, 400, 800, 810};
        for (int i = 0; i < ibi.length; i++) {
            t += ibi[i];
            Beat b = Beat.accepted(t, ibi[i], Beat.Source.BVP);
            beats.add(i >= 1 && i <= 3 ? b.reject(RejectReason.MOTION) : b);
        }
        beats.add(0, Beat.accepted(0, Double.NaN, Beat.Source.BVP));
        List<Beat> cleaned = IbiCleaner.clean(beats, IbiCleaner.Config.DEFAULT);
        assertEquals(RejectReason.NO_PREVIOUS_BEAT, cleaned.get(0).rejectReason());
        for (int i = 2; i <= 4; i++) {
            assertEquals(RejectReason.MOTION, cleaned.get(i).rejectReason(), "kept");
        }
        // the ~0.4 s motion intervals would have dragged the median down; they are not neighbours
        assertNull(cleaned.get(1).rejectReason());
        assertNull(cleaned.get(5).rejectReason());
        assertNull(cleaned.get(6).rejectReason());
    }
}
