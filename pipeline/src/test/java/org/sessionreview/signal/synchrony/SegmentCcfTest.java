package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SUSY's segment cross-correlation (R's {@code ccf}) against values worked by hand and against
 * {@link ReferenceSegmentCcf}, with and without masked samples.
 */
class SegmentCcfTest {
    private static final double CLAMP = 10;

    @Test
    void shouldGiveRsCcfOnAWorkedExample() {
        // x = 1..5 (mean 3: -2 -1 0 1 2, sum of squares 10), y = 2 4 1 5 3 (mean 3: -1 1 -2 2 0, 10)
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 4, 1, 5, 3};
        double[] z = SegmentCcf.zProfile(Stretch.of(x, 0, 5), Stretch.of(y, 0, 5), 1, 0, CLAMP);
        // lag 0: (2 - 1 + 0 + 2 + 0) / 10 = 0.3; R: ccf(x, y, 1)$acf at lag 0 = 0.3
        assertEquals(LaggedCorrelation.fisherZ(0.3, CLAMP), z[1], 1e-15);
        // lag +1 (therapist follows): x[t] y[t+1] = -2*1 + -1*-2 + 0*2 + 1*0 = 0 -> r 0
        assertEquals(0.0, z[2], 1e-15);
        // lag -1: x[t+1] y[t] = -1*-1 + 0*1 + 1*-2 + 2*2 = 3 -> r 0.3 (divided by n = 5 over the
        // whole segment's variance, not a Pearson r of the 4 overlapping pairs)
        assertEquals(LaggedCorrelation.fisherZ(0.3, CLAMP), z[0], 1e-15);
        double pearsonLagMinus1 = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                .correlation(new double[] {2, 3, 4, 5}, new double[] {2, 4, 1, 5});
        assertTrue(Math.abs(pearsonLagMinus1 - 0.3) > 0.05, "Pearson per lag differs: " + pearsonLagMinus1);
    }

    @Test
    void shouldEqualTheReferenceOnRandomSegmentsWithAndWithoutGaps() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 40 + rnd.nextInt(100);
            int maxLag = rnd.nextInt(12);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = 5 + Math.sin(t / 7.0) + rnd.nextGaussian() * 0.3;
                y[t] = 2 + Math.sin((t - 2) / 7.0) + rnd.nextGaussian() * 0.3;
            }
            if (trial % 2 == 1) {
                for (int g = 0; g < 3; g++) {
                    int at = rnd.nextInt(n - 5);
                    double[] a = rnd.nextBoolean() ? x : y;
                    java.util.Arrays.fill(a, at, at + 1 + rnd.nextInt(5), Double.NaN);
                }
            }
            double[] fast = SegmentCcf.zProfile(Stretch.of(x, 0, n), Stretch.of(y, 0, n), maxLag, 0.5, CLAMP);
            double[] ref = ReferenceSegmentCcf.zProfile(x, y, maxLag, CLAMP);
            for (int k = 0; k < ref.length; k++) {
                assertEquals(ref[k], fast[k], 1e-12 * Math.max(1, Math.abs(ref[k])), "trial " + trial + " lag " + k);
            }
        }
    }

    @Test
    void shouldGiveNoCorrelationForAConstantSegment() {
        double[] x = {3, 3, 3, 3, 3, 3};
        double[] y = {1, 2, 3, 2, 1, 2};
        for (double v : SegmentCcf.zProfile(Stretch.of(x, 0, 6), Stretch.of(y, 0, 6), 2, 0, CLAMP)) {
            assertTrue(Double.isNaN(v));
        }
    }
}
