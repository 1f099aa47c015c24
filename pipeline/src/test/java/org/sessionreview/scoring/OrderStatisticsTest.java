package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link OrderStatistics} against {@code Arrays.sort}: the same double at every index, bit for bit. */
class OrderStatisticsTest {

    @Test
    void shouldSelectWhatSortingPutsAtEachIndexWithTiesSignedZerosAndNaN() {
        Random rnd = new Random(7);
        double[] pool = {0.0, -0.0, 1, -1, 2.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int trial = 0; trial < 3000; trial++) {
            int m = 1 + rnd.nextInt(trial < 1500 ? 12 : 200);
            double[] v = new double[m + rnd.nextInt(3)]; // values past m must be ignored
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(3) == 0 ? pool[rnd.nextInt(pool.length)] : Math.round(rnd.nextGaussian() * 4) / 2.0;
            }
            double[] sorted = Arrays.copyOf(v, m);
            Arrays.sort(sorted);
            int k = rnd.nextInt(m);
            double[] work = v.clone();
            double kth = OrderStatistics.select(work, m, k);
            assertEquals(
                    Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(kth), "k-th, trial " + trial);
            if (k + 1 < m) {
                assertEquals(
                        Double.doubleToRawLongBits(sorted[k + 1]),
                        Double.doubleToRawLongBits(OrderStatistics.minAbove(work, m, k)),
                        "(k+1)-th, trial " + trial);
            }
            double[] selected = Arrays.copyOf(work, m);
            Arrays.sort(selected);
            assertEquals(Arrays.toString(sorted), Arrays.toString(selected), "a permutation of the values");
        }
    }

    @Test
    void shouldRefuseAnIndexOutsideTheValues() {
        assertThrows(IllegalArgumentException.class, () -> OrderStatistics.select(new double[3], 3, 3));
        assertThrows(IllegalArgumentException.class, () -> OrderStatistics.select(new double[3], 0, 0));
    }
}
