package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LatencyStats} against known values and against a straightforward percentile written here. */
class LatencyStatsTest {

    /** The percentile as Commons Math's default estimation defines it: position p (n + 1) / 100, clamped. */
    private static double slowPercentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = p * (v.length + 1) / 100;
        if (pos < 1) {
            return v[0];
        }
        if (pos >= v.length) {
            return v[v.length - 1];
        }
        int lower = (int) Math.floor(pos);
        return v[lower - 1] + (pos - lower) * (v[lower] - v[lower - 1]);
    }

    @Test
    void shouldGiveTheKnownPercentilesOfOneToAHundredInAnyOrder() {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            values.add(i);
        }
        Collections.shuffle(values, new Random(3));
        LatencyStats s = LatencyStats.of(values);
        assertEquals(100, s.count());
        assertEquals(50.5, s.p50(), 1e-12);
        assertEquals(95.95, s.p95(), 1e-12);
        assertEquals(99.99, s.p99(), 1e-12);
        assertEquals(100, s.max(), 0);
    }

    @Test
    void shouldAgreeWithTheStraightforwardPercentileOnRandomSamples() {
        Random rnd = new Random(11);
        for (int n : new int[] {1, 2, 3, 7, 20, 99, 100, 101, 1000, 4321}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.exp(rnd.nextGaussian() * 2) * 100; // latency-like: skewed, a long tail
            }
            LatencyStats s = LatencyStats.of(v);
            assertEquals(n, s.count());
            assertEquals(slowPercentile(v, 50), s.p50(), 1e-9 * s.max(), "p50, n=" + n);
            assertEquals(slowPercentile(v, 95), s.p95(), 1e-9 * s.max(), "p95, n=" + n);
            assertEquals(slowPercentile(v, 99), s.p99(), 1e-9 * s.max(), "p99, n=" + n);
            assertEquals(Arrays.stream(v).max().orElseThrow(), s.max(), 0, "max, n=" + n);
            assertTrue(s.p50() <= s.p95() && s.p95() <= s.p99() && s.p99() <= s.max());
        }
    }

    @Test
    void shouldGiveCountZeroAndNaNWhenTheSampleIsEmpty() {
        LatencyStats s = LatencyStats.of(new double[0]);
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.p50()) && Double.isNaN(s.p95()) && Double.isNaN(s.p99()) && Double.isNaN(s.max()));
        assertEquals(LatencyStats.EMPTY, LatencyStats.of(List.<Long>of()));
    }
}
