package org.sessionreview.signal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.SelectMedian;

/**
 * {@link MedianBlocks} against {@link SelectMedian} (Commons Math's median) over the whole window,
 * bit for bit: sliding windows of six blocks over generated streams with NaN runs, ties
 * (whole numbers), odd and even counts, empty blocks and a short last block.
 */
class MedianBlocksTest {
    @Test
    void shouldGiveSelectMediansResultBitForBit() {
        SelectMedian reference = new SelectMedian();
        int windows = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            int blockLength = 1 + rng.nextInt(200);
            double[] x = new double[blockLength * 40 + rng.nextInt(blockLength)];
            for (int i = 0; i < x.length; i++) {
                x[i] = seed % 3 == 0 ? rng.nextInt(5) : 1 + 0.05 * rng.nextGaussian();
                if (rng.nextDouble() < 0.02) {
                    int run = rng.nextInt(3 * blockLength);
                    for (int k = i; k < Math.min(x.length, i + run); k++) {
                        x[k] = Double.NaN;
                    }
                    i += run;
                }
            }
            MedianBlocks blocks = new MedianBlocks();
            for (int first = 0; first * blockLength < x.length; first++) {
                int m = 6;
                int[] bounds = new int[m + 1];
                long[] keys = new long[m];
                for (int b = 0; b <= m; b++) {
                    bounds[b] = Math.min(x.length, (first + b) * blockLength);
                    if (b < m) {
                        keys[b] = first + b;
                    }
                }
                double[] window = java.util.Arrays.copyOfRange(x, bounds[0], bounds[m]);
                double expected = reference.of(window);
                if (window.length == 1) {
                    continue; // SelectMedian returns a lone value as it is, even NaN
                }
                double actual = blocks.median(x, bounds, keys);
                assertEquals(
                        Double.doubleToLongBits(expected),
                        Double.doubleToLongBits(actual),
                        "seed " + seed + " window " + first + ": " + expected + " vs " + actual);
                assertEquals(
                        Double.doubleToLongBits(expected),
                        Double.doubleToLongBits(new MedianBlocks().median(x, bounds, keys)),
                        "fresh cache");
                windows++;
            }
            assertTrue(blocks.hits() >= 0.75 * blocks.lookups(), blocks.hits() + " of " + blocks.lookups());
            assertTrue(blocks.size() <= 6 + 1);
        }
        assertTrue(windows > 1000, "windows " + windows);
    }

    @Test
    void shouldNotReuseABlockWhoseValuesChanged() {
        double[] x = {5, 1, 4, 2, 3, 9};
        MedianBlocks blocks = new MedianBlocks();
        assertEquals(3.5, blocks.median(x, new int[] {0, 3, 6}, new long[] {0, 1}));
        x[1] = 8;
        assertEquals(4.5, blocks.median(x, new int[] {0, 3, 6}, new long[] {0, 1}));
        assertEquals(1, blocks.hits());
        assertEquals(
                Double.NaN,
                blocks.median(new double[] {Double.NaN, Double.NaN}, new int[] {0, 1, 2}, new long[] {5, 6}));
        assertEquals(7.0, blocks.median(new double[] {Double.NaN, 7}, new int[] {0, 1, 2}, new long[] {7, 8}));
        assertThrows(IllegalArgumentException.class, () -> blocks.median(x, new int[] {0, 6}, new long[] {0, 1}));
    }

    @Test
    void shouldGiveSelectMediansResultWhenBlocksDifferInLevelOrHoldInfinitiesAndSignedZeros() {
        SelectMedian reference = new SelectMedian();
        int windows = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random rng = new Random(5000 + seed);
            int m = 1 + rng.nextInt(8);
            int[] bounds = new int[m + 1];
            long[] keys = new long[m];
            for (int b = 0; b < m; b++) {
                bounds[b + 1] = bounds[b] + rng.nextInt(seed % 5 == 0 ? 4 : 200);
                keys[b] = b;
            }
            double[] x = new double[bounds[m]];
            for (int b = 0; b < m; b++) {
                // blocks at different levels (a movement in one block of the window), or skewed
                double level = rng.nextInt(3) == 0 ? 10 * rng.nextGaussian() : 0;
                for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                    double u = rng.nextDouble();
                    x[i] = switch (seed % 4) {
                        case 0 -> level + rng.nextGaussian();
                        case 1 ->
                            u < 0.1
                                    ? Double.POSITIVE_INFINITY
                                    : u < 0.2
                                            ? Double.NEGATIVE_INFINITY
                                            : u < 0.3 ? Double.NaN : level + Math.exp(3 * rng.nextGaussian());
                        case 2 -> u < 0.5 ? (rng.nextBoolean() ? 0.0 : -0.0) : rng.nextInt(3) - 1;
                        default -> level + rng.nextInt(3);
                    };
                }
            }
            double[] window = java.util.Arrays.copyOfRange(x, 0, x.length);
            if (window.length == 1) {
                continue; // SelectMedian returns a lone value as it is, even NaN
            }
            double expected = reference.of(window);
            assertEquals(
                    Double.doubleToLongBits(expected),
                    Double.doubleToLongBits(new MedianBlocks().median(x, bounds, keys)),
                    "seed " + seed + ": " + java.util.Arrays.toString(window));
            windows++;
        }
        assertTrue(windows > 250, "windows " + windows);
    }
}
