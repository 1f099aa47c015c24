package org.sessionreview.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;

/**
 * {@link SelectMedian} against Commons Math's {@code Median} (the code it replaces): equal bit for
 * bit (compared as raw bits, so {@code -0.0} and {@code 0.0} differ) on random values, quantised
 * values with many ties (accelerometer magnitudes), NaN, signed zeros, infinities, sorted and
 * reversed runs, sub-ranges, and every length from 0 to 300 plus a few large ones; and against
 * {@link SelectMedianBySelection} (two selections) on large inputs.
 */
class SelectMedianTest {
    @Test
    void shouldEqualCommonsMathBitForBit() {
        SelectMedian fast = new SelectMedian();
        Median reference = new Median();
        int cases = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            for (int n : lengths(rng)) {
                double[] x = values(rng, n, seed % 8);
                int begin = n == 0 ? 0 : rng.nextInt(Math.max(1, n / 4));
                int length = n - begin - (n - begin == 0 ? 0 : rng.nextInt(Math.max(1, (n - begin) / 4)));
                double expected = reference.evaluate(x.clone(), begin, length);
                double actual = fast.of(x, begin, length);
                assertEquals(
                        Double.doubleToRawLongBits(expected),
                        Double.doubleToRawLongBits(actual),
                        "seed " + seed + ", kind " + seed % 8 + ", n " + n + ": " + expected + " vs " + actual);
                assertEquals(
                        Double.doubleToRawLongBits(reference.evaluate(x.clone())),
                        Double.doubleToRawLongBits(fast.of(x)),
                        "whole array, seed " + seed + ", n " + n);
                cases++;
            }
        }
        System.out.println("[SelectMedianTest] " + cases + " arrays equal to Commons Math");
    }

    @Test
    void shouldHandleTheSmallAndSpecialCasesAsCommonsMath() {
        double[][] cases = {
            {},
            {Double.NaN},
            {Double.NaN, Double.NaN},
            {-0.0},
            {0.0, -0.0},
            {-0.0, -0.0},
            {-0.0, 0.0, -0.0},
            {1, 2, Double.POSITIVE_INFINITY},
            {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
            {1, Double.NaN},
            {Double.NaN, 3, 1},
            {5, 5, 5, 5},
            {Double.MIN_VALUE, -0.0},
            {-0.0, Double.MIN_VALUE, 0.0, 0.0},
        };
        SelectMedian fast = new SelectMedian();
        for (double[] x : cases) {
            double expected = new Median().evaluate(x.clone());
            assertEquals(
                    Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(fast.of(x)),
                    java.util.Arrays.toString(x));
        }
    }

    @Test
    void shouldEqualTheSelectionForEverySmallLengthWhenSortingByInsertion() {
        SelectMedian fast = new SelectMedian();
        SelectMedianBySelection selection = new SelectMedianBySelection();
        Median reference = new Median();
        int cases = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random rng = new Random(1000 + seed);
            for (int n = 0; n <= SelectMedian.SMALL + 4; n++) {
                double[] x = values(rng, n + 3, seed % 8);
                long expected = Double.doubleToRawLongBits(selection.of(x, 1, n));
                assertEquals(expected, Double.doubleToRawLongBits(fast.of(x, 1, n)), "seed " + seed + ", n " + n);
                assertEquals(
                        expected,
                        Double.doubleToRawLongBits(reference.evaluate(x.clone(), 1, n)),
                        "seed " + seed + ", n " + n);
                cases++;
            }
        }
        System.out.println("[SelectMedianTest] " + cases + " small arrays equal to the selection");
    }

    @Test
    void shouldEqualTwoSelectionsWhenTheUpperMiddleValueIsFoundByOnePass() {
        // since 2026-12-06 the upper middle value of a large input is the least value above the
        // selected lower one (or the lower one again), not a second selection
        SelectMedian fast = new SelectMedian();
        SelectMedianBySelection selection = new SelectMedianBySelection();
        int cases = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random rng = new Random(7000 + seed);
            int n = SelectMedian.SMALL + 1 + rng.nextInt(seed % 10 == 0 ? 5000 : 400);
            double[] x = values(rng, n, seed % 8);
            if (seed % 5 == 0) {
                for (int i = 0; i < n; i++) {
                    x[i] = Math.round(x[i] * 2) / 2.0; // many ties around the middle
                }
            }
            assertEquals(
                    Double.doubleToRawLongBits(selection.of(x)),
                    Double.doubleToRawLongBits(fast.of(x)),
                    "seed " + seed + ", kind " + seed % 8 + ", n " + n);
            cases++;
        }
        System.out.println("[SelectMedianTest] " + cases + " large arrays equal to two selections");
    }

    private static int[] lengths(Random rng) {
        int[] n = new int[40];
        for (int i = 0; i < n.length; i++) {
            n[i] = i < 30 ? rng.nextInt(301) : 300 + rng.nextInt(3000);
        }
        n[0] = 0;
        n[1] = 1;
        n[2] = 2;
        return n;
    }

    /** Kinds: 0 gaussian, 1 quantised |a|-like with ties, 2 NaN-riddled, 3 signed zeros, 4 infinities, 5 sorted, 6 reversed, 7 few distinct. */
    private static double[] values(Random rng, int n, int kind) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            x[i] = switch (kind) {
                case 0 -> 800 + 120 * g;
                case 1 ->
                    Math.sqrt(Math.pow(Math.round(64 + 3 * g), 2) + Math.pow(Math.round(5 * rng.nextGaussian()), 2))
                            / 64;
                case 2 -> rng.nextDouble() < 0.3 ? Double.NaN : g;
                case 3 -> rng.nextDouble() < 0.4 ? (rng.nextBoolean() ? 0.0 : -0.0) : g;
                case 4 ->
                    rng.nextDouble() < 0.1
                            ? (rng.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                            : g;
                case 5 -> i + 0.5 * rng.nextInt(3);
                case 6 -> n - i;
                default -> rng.nextInt(4);
            };
        }
        return x;
    }
}
