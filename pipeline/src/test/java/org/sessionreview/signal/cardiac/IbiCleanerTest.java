package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class IbiCleanerTest {

    @Test
    void shouldRejectOutOfRangeAndLocallyDeviantIntervals() {
        double[] ibi = {0.80, 0.82, 0.79, 0.81, 1.60, 0.80, 0.40, 0.83, 2.50, 0.80, 0.81, 0.97, 0.80};
        boolean[] ok = IbiCleaner.accept(ibi, 0.3, 2.0, 0.2);
        // 1.60 (missed beat) and 0.40 (extra beat) deviate > 20 % from the ~0.8 s median;
        // 2.50 is out of range; 0.97 deviates 0.97/0.805 - 1 = 20.5 %.
        assertArrayEquals(new boolean[] {true, true, true, true, false, true, false, true, false,
            true, true, false, true}, ok);
    }

    @Test
    void shouldFallBackToTheRangeCheckWhenABeatHasTooFewNeighbours() {
        assertArrayEquals(new boolean[] {true}, IbiCleaner.accept(new double[] {1.9}, 0.3, 2.0, 0.2));
        assertArrayEquals(new boolean[] {true, true}, IbiCleaner.accept(new double[] {0.5, 1.5}, 0.3, 2.0, 0.2));
        assertArrayEquals(new boolean[] {false, true, true},
                IbiCleaner.accept(new double[] {0.2, 0.5, 1.5}, 0.3, 2.0, 0.2));
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
}
