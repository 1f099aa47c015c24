package org.sessionreview.signal.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AccMagnitudeTest {

    @Test
    void shouldGiveOneGAtRestInAnyOrientationAndNaNWhenAnAxisIsMissing() {
        double[] xyz = {0, 0, 64, -64, 0, 0, 0, 38.4, 51.2, 3, Double.NaN, 1};
        double[] m = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
        assertEquals(4, m.length);
        assertArrayEquals(new double[] {1, 1, 1}, new double[] {m[0], m[1], m[2]}, 1e-12);
        assertTrue(Double.isNaN(m[3]));
    }

    @Test
    void shouldEqualTheDivisionBitForBitWhenMultiplyingByThePowerOfTwoInverse() {
        double[] scales = {AccMagnitude.E4_COUNTS_PER_G, 1, 2, 0.125, 1024, Math.scalb(1.0, 900), 100, 3, 0.1};
        Random rng = new Random(42);
        int values = 0;
        for (double countsPerG : scales) {
            for (int kind = 0; kind < 4; kind++) {
                double[] xyz = new double[3 * 4000];
                for (int i = 0; i < xyz.length; i++) {
                    double u = rng.nextDouble();
                    xyz[i] = switch (kind) {
                        case 0 -> Math.round(64 * rng.nextGaussian()); // E4 counts
                        case 1 -> 64 * rng.nextGaussian();
                        case 2 ->
                            u < 0.05
                                    ? Double.NaN
                                    : u < 0.1
                                            ? Double.POSITIVE_INFINITY
                                            : u < 0.15
                                                    ? -0.0
                                                    : u < 0.2 ? Double.MIN_VALUE : rng.nextGaussian() * 1e-160;
                        default -> rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(1000) - 500);
                    };
                }
                double[] fast = AccMagnitude.magnitudeG(xyz, countsPerG);
                double[] reference = byDivision(xyz, countsPerG);
                for (int i = 0; i < fast.length; i++) {
                    assertEquals(
                            Double.doubleToLongBits(reference[i]),
                            Double.doubleToLongBits(fast[i]),
                            "counts per g " + countsPerG + ", kind " + kind + ", sample " + i);
                }
                values += fast.length;
            }
        }
        assertTrue(AccMagnitude.isExactInverse(64, 1.0 / 64));
        assertTrue(!AccMagnitude.isExactInverse(100, 1.0 / 100));
        System.out.println("[AccMagnitudeTest] " + values + " magnitudes equal to the division");
    }

    /** {@link AccMagnitude#magnitudeG} as it was: one division per sample. */
    private static double[] byDivision(double[] xyz, double countsPerG) {
        double[] m = new double[xyz.length / 3];
        for (int i = 0; i < m.length; i++) {
            double x = xyz[3 * i];
            double y = xyz[3 * i + 1];
            double z = xyz[3 * i + 2];
            m[i] = Math.sqrt(x * x + y * y + z * z) / countsPerG;
        }
        return m;
    }

    @Test
    void shouldOverwriteAKeptArrayWithTheFreshMagnitudes() {
        Random rng = new Random(7);
        double[] kept = new double[500];
        for (int round = 0; round < 20; round++) {
            double[] xyz = new double[3 * kept.length];
            for (int i = 0; i < xyz.length; i++) {
                xyz[i] = rng.nextInt(30) == 0 ? Double.NaN : rng.nextInt(257) - 128;
            }
            java.util.Arrays.fill(kept, round % 2 == 0 ? Double.NaN : rng.nextDouble());
            double[] expected = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
            double[] actual = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G, kept);
            assertTrue(actual == kept);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]));
            }
        }
    }
}
