package org.sessionreview.signal.temperature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.signal.temperature.SyntheticTemp.RATE_HZ;
import static org.sessionreview.signal.temperature.SyntheticTemp.of;
import static org.sessionreview.signal.temperature.SyntheticTemp.takenOff;

import org.junit.jupiter.api.Test;

class OffWristGuardTest {
    private static final OffWristGuard GUARD = OffWristGuard.defaults();

    private static int count(boolean[] mask, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += mask[i] ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldMaskTheWholeFallWhenTheBandIsTakenOffInAWarmRoom() {
        // off at 300 s; the room is 27 degC, inside the worn range, so only the fall rule sees it
        double[] t = of(600, takenOff(33.5, 300, 27, 30));
        boolean[] mask = GUARD.mask(t, RATE_HZ);
        int off = (int) (300 * RATE_HZ); // sample 1200 is the last at 33.5 degC

        assertEquals(0, count(mask, 0, off + 1), "worn samples, the last one included");
        assertEquals(
                (int) (120 * RATE_HZ),
                count(mask, off + 1, off + 1 + (int) (120 * RATE_HZ)),
                "every sample of the first 2 min after removal");
        // 5 min later the sensor sits at room temperature: the documented limitation
        assertFalse(mask[mask.length - 1]);
    }

    @Test
    void shouldMaskAGradualFallFromItsStartWhenItKeepsGoingFasterThanTheLimit() {
        // 1.3 degC/min for 3 min from 300 s, then level at 29.6 degC
        double[] t = of(600, s -> s < 300 ? 33.5 : Math.max(29.6, 33.5 - 1.3 * (s - 300) / 60));
        boolean[] mask = GUARD.mask(t, RATE_HZ);
        assertEquals(0, count(mask, 0, (int) (300 * RATE_HZ) + 1));
        // 0.1 degC below the worn level after 4.6 s: masked from there to the end of the fall
        int from = (int) (305 * RATE_HZ);
        int to = (int) (480 * RATE_HZ);
        assertEquals(to - from, count(mask, from, to));
        assertTrue(count(mask, (int) (300 * RATE_HZ), from) >= 1, "the first seconds too, once 0.1 degC down");
    }

    @Test
    void shouldMaskEverythingAfterRemovalWhenTheRoomIsBelowTheRange() {
        double[] t = of(600, takenOff(33.5, 300, 21, 30));
        boolean[] mask = GUARD.mask(t, RATE_HZ);
        int off = (int) (300 * RATE_HZ);
        assertEquals(0, count(mask, 0, off + 1));
        assertEquals(t.length - off - 1, count(mask, off + 1, t.length));
    }

    @Test
    void shouldKeepSlowStressCoolingAndSmallStepsWhenTheyStayUnderTheFallRule() {
        // vasoconstriction: -0.4 degC/min for 5 min; a 0.8 degC contact shift at 400 s
        double[] t = of(600, s -> 34 - 0.4 * Math.min(s, 300) / 60 - (s >= 400 ? 0.8 : 0));
        assertEquals(0, count(GUARD.mask(t, RATE_HZ), 0, t.length));

        // a step of 1.26 degC is masked while it is a fall faster than 1 degC/min: for 1.26 min
        double[] step = of(600, s -> s >= 400 ? 32.74 : 34);
        boolean[] mask = GUARD.mask(step, RATE_HZ);
        int first = (int) (400 * RATE_HZ);
        int expected = (int) Math.floor(1.26 / OffWristGuard.DEFAULT_MAX_FALL_C_PER_MIN * 60 * RATE_HZ);
        assertEquals(302, expected);
        assertEquals(0, count(mask, 0, first));
        assertEquals(expected, count(mask, first, t.length));
        assertTrue(mask[first] && mask[first + expected - 1] && !mask[first + expected]);
    }

    @Test
    void shouldMaskOutOfRangeSamplesButNotMissingOnesWhenReadingSingleSamples() {
        double[] t = of(60, s -> 32);
        t[10] = 24.9;
        t[20] = 40.1;
        t[30] = Double.NaN;
        boolean[] mask = GUARD.mask(t, RATE_HZ);
        assertTrue(mask[10] && mask[20]);
        assertFalse(mask[30], "missing, not off the wrist");
        assertEquals(2, count(mask, 0, t.length));
        assertTrue(GUARD.inRange(25) && GUARD.inRange(40) && !GUARD.inRange(Double.NaN));
    }
}
