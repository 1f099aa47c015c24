package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * {@link DriftFollowingLevel#references} (scratch arrays, values already in order not sorted)
 * against {@link ReferenceDriftFollowingLevel}, the code it replaced: the same doubles, bit for
 * bit, on random sessions with drifts, steps, unusable windows, low EDA quality, end-of-stream
 * markers, windows of unequal length and ties, under several parameter sets.
 */
class DriftFollowingLevelScratchTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    private static List<WindowFeatures> session(Random rnd) {
        List<WindowFeatures> out = new ArrayList<>();
        double lengthS = 600 + rnd.nextInt(4200);
        double rise = rnd.nextDouble() * 5;
        double step = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 2;
        boolean coarse = rnd.nextInt(4) == 0; // values on a 0.1 uS grid: many ties
        for (double s = 0; s + 30 <= lengthS; s += 5) {
            double level = 1 + rise * s / lengthS + (s > lengthS / 2 ? step : 0) + 0.05 * rnd.nextGaussian();
            if (coarse) {
                level = Math.round(level * 10) / 10.0;
            }
            WindowFeatures w = Windows.scl(s, level);
            int kind = rnd.nextInt(40);
            if (kind == 0) {
                w.edaSclUs = null;
            } else if (kind == 1) {
                w.edaQuality = 0.1;
            } else if (kind == 2) {
                w.endS = w.startS + 10 + rnd.nextInt(20); // a shorter window: centres out of order
            }
            out.add(w);
        }
        WindowFeatures end = Windows.window("client", lengthS);
        end.endOfStream = true;
        out.add(end);
        return out;
    }

    @Test
    void shouldEqualTheReferenceBitForBitOnRandomSessions() {
        Random rnd = new Random(20261205);
        DriftFollowingLevel.Params defaults = DriftFollowingLevel.Params.of(CFG);
        List<DriftFollowingLevel.Params> params = List.of(
                defaults,
                new DriftFollowingLevel.Params(300, 3, 0.05, 0.3, 2, true),
                new DriftFollowingLevel.Params(900, 5, 0.5, 0.8, 4, true),
                new DriftFollowingLevel.Params(120, 2, 0.0, 0.0, 2, true),
                new DriftFollowingLevel.Params(600, 4, 1.0, 0.5, 3, true));
        int moved = 0;
        for (int trial = 0; trial < 120; trial++) {
            List<WindowFeatures> windows = session(rnd);
            double fallback = 1 + rnd.nextDouble();
            for (DriftFollowingLevel.Params p : params) {
                double[] expected = ReferenceDriftFollowingLevel.references(windows, fallback, CFG, p);
                double[] actual = DriftFollowingLevel.references(windows, fallback, CFG, p);
                assertArrayEquals(expected, actual, 0.0, "trial " + trial + ", " + p);
                for (double r : actual) {
                    if (r != fallback) {
                        moved++;
                    }
                }
            }
        }
        assertTrue(moved > 10_000, "drift moved the reference in " + moved + " windows");
    }

    @Test
    void shouldGiveThePercentileOfUnsortedAndSortedValuesAlike() {
        double[] work = new double[5];
        assertEquals(2.5, DriftFollowingLevel.percentile(new double[] {4, 1, 3, 2, 9}, 4, 0.5, work), 0.0);
        assertEquals(2.5, DriftFollowingLevel.percentile(new double[] {1, 2, 3, 4, 0}, 4, 0.5, work), 0.0);
        assertEquals(1.3, DriftFollowingLevel.percentile(new double[] {1, 2, 3, 4}, 4, 0.1, work), 1e-15);
        for (double[] v : new double[][] {{0.0, -0.0}, {-0.0, 0.0}, {3, -0.0, 0.0, 1}}) {
            for (double q : new double[] {0, 0.1, 0.5, 1}) {
                assertEquals(
                        Double.doubleToLongBits(ReferenceDriftFollowingLevel.percentile(v, v.length, q)),
                        Double.doubleToLongBits(DriftFollowingLevel.percentile(v, v.length, q, new double[v.length])));
            }
        }
    }
}
