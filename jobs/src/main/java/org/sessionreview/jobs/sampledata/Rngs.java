package org.sessionreview.jobs.sampledata;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Independent, reproducible random streams: one {@link Well19937c} per (seed, key), so that
 * changing one channel's synthesis never shifts the random numbers of another.
 */
final class Rngs {
    private Rngs() {}

    /** A generator for {@code key} (e.g. {@code "S1/client/EDA"}) under the cohort seed. */
    static RandomGenerator stream(long seed, String key) {
        long h = seed;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = splitMix(h ^ (b & 0xff));
        }
        return new Well19937c(splitMix(h));
    }

    /** Uniform in [lo, hi). */
    static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static long splitMix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
