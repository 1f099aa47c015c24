package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EdaCoreState#meanTonic(List, double, double)} (each chunk's span found by bisection)
 * against the scan of every held sample it replaced ({@link #reference}): the same bits on chunks
 * of several rates, starts off the millisecond grid, NaN runs and gaps between chunks, for spans
 * that start and end on sample times, between them, before and after the data, and empty ones.
 */
class EdaMeanTonicReferenceTest {

    /** The code before 2026-12-06: every sample's time tested. */
    static double reference(List<double[]> tonic, double from, double to) {
        double sum = 0;
        int n = 0;
        for (double[] c : tonic) {
            double dt = 1000.0 / c[1];
            for (int i = 2; i < c.length; i++) {
                double t = c[0] + (i - 2) * dt;
                if (t >= from && t < to && !Double.isNaN(c[i])) {
                    sum += c[i];
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Test
    void shouldGiveTheScansMeanBitForBit() {
        double[] rates = {4, 3.7, 1, 64, 7.5};
        int spans = 0;
        int empty = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            double rate = rates[seed % rates.length];
            double dt = 1000.0 / rate;
            List<double[]> chunks = new ArrayList<>();
            double start = 1_767_607_205_000.0 + (seed % 3 == 0 ? rng.nextDouble() * 1000 : rng.nextInt(1000));
            for (int k = 0; k < 6; k++) {
                int n = 1 + rng.nextInt((int) (60 * rate) + 1);
                double[] c = new double[2 + n];
                c[0] = start;
                c[1] = rate;
                boolean nan = false;
                for (int i = 2; i < c.length; i++) {
                    if (rng.nextInt(40) == 0) {
                        nan = !nan;
                    }
                    c[i] = nan ? Double.NaN : 2 + rng.nextGaussian();
                }
                chunks.add(c);
                start += n * dt + (rng.nextBoolean() ? 0 : rng.nextDouble() * 20_000);
            }
            double first = chunks.get(0)[0];
            for (int s = 0; s < 200; s++) {
                double from;
                double to;
                if (s % 3 == 0) { // on sample times
                    double[] c = chunks.get(rng.nextInt(chunks.size()));
                    from = c[0] + rng.nextInt(c.length - 2) * dt;
                    to = from + rng.nextInt(200) * dt;
                } else {
                    from = first - 5_000 + rng.nextDouble() * (start - first + 10_000);
                    to = from + (s % 7 == 0 ? -rng.nextDouble() * 1000 : rng.nextDouble() * 90_000);
                }
                double expected = reference(chunks, from, to);
                double actual = EdaCoreState.meanTonic(chunks, from, to);
                assertEquals(
                        Double.doubleToRawLongBits(expected),
                        Double.doubleToRawLongBits(actual),
                        "seed " + seed + ", span " + from + ".." + to);
                spans++;
                empty += Double.isNaN(expected) ? 1 : 0;
            }
        }
        assertTrue(empty > 100 && spans - empty > 4000, spans + " spans, " + empty + " empty");
    }
}
