package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.SelectMedian;

/**
 * {@link LombScargle#medianSpacing}, which sorts only times that are out of order, against the
 * code it replaced (commit 265aab9: a sorted copy always), bit for bit.
 */
class MedianSpacingReferenceTest {
    /** The replaced code. */
    private static double reference(double[] t) {
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        double[] spacing = new double[sorted.length - 1];
        for (int i = 1; i < sorted.length; i++) {
            spacing[i - 1] = sorted[i] - sorted[i - 1];
        }
        double dt = new SelectMedian().of(spacing);
        if (!(dt > 0)) {
            throw new IllegalArgumentException("sample times must mostly differ");
        }
        return dt;
    }

    @Test
    void shouldGiveTheReferenceSpacingBitForBitWhenTimesAreInOrderOrNot() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 2 + random.nextInt(300);
            double[] t = new double[n];
            double time = random.nextDouble() * 10 - 5;
            for (int i = 0; i < n; i++) {
                time += random.nextInt(8) == 0 ? 0 : 0.3 + random.nextDouble(); // some repeated times
                t[i] = time;
            }
            if (trial % 3 == 1) {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                double x = t[i];
                t[i] = t[j];
                t[j] = x; // out of order
            }
            if (trial % 7 == 2) {
                t[random.nextInt(n)] = Double.NaN;
            }
            double[] before = t.clone();
            assertSame(t);
            assertEquals(Arrays.toString(before), Arrays.toString(t), "the times are left as they are");
        }
    }

    @Test
    void shouldGiveTheReferenceSpacingWhenSignedZerosAndEqualTimesMeet() {
        assertSame(new double[] {-1, -0.0, 0.0, 0.5, 1.5});
        assertSame(new double[] {-1, 0.0, -0.0, 0.5, 1.5});
        assertSame(new double[] {3, 2, 1, 0});
        assertThrows(IllegalArgumentException.class, () -> LombScargle.medianSpacing(new double[] {1, 1, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> reference(new double[] {1, 1, 1, 2}));
    }

    private static void assertSame(double[] t) {
        double expected;
        try {
            expected = reference(t);
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> LombScargle.medianSpacing(t));
            return;
        }
        assertEquals(
                Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(LombScargle.medianSpacing(t)),
                Arrays.toString(t));
    }
}
