package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.motion.FidgetFrameCache;

/**
 * {@link MotionFeatures} with the FFT frames shared between overlapping windows through a {@link
 * FidgetFrameCache}, against the code before (each window's frames transformed afresh, kept in
 * {@link MotionFeaturesReference}): equal, bit for bit, on 30 s windows stepped by 5 s over
 * streams of random wrist movement, tapping sines, gross movement and gaps, with windows that
 * start in a gap (their frame grid moves) and partial windows at the end.
 */
class MotionFeaturesReferenceTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double RATE_HZ = 32;
    private static final double T0 = 1_700_000_000_000.0;

    @Test
    void shouldGiveTheReferenceResultBitForBitWhenFramesAreShared() {
        long hits = 0;
        long lookups = 0;
        int windows = 0;
        int withFidget = 0;
        long measureHits = 0;
        long measureLookups = 0;
        int withGross = 0;
        for (int seed = 0; seed < 12; seed++) {
            Random rng = new Random(seed);
            double[] xyz = stream(rng, 600 + rng.nextInt(300));
            double offsetMillis = rng.nextInt(1000); // the stream does not start on a window boundary
            FidgetFrameCache cache = new FidgetFrameCache();
            for (double s = T0 + 5_000; s < T0 + offsetMillis + xyz.length / 3 / RATE_HZ * 1000; s += 5_000) {
                double e = s + 30_000;
                RegularSeries acc = window(xyz, T0 + offsetMillis, s, e);
                MotionFeatures.Result expected = MotionFeaturesReference.compute(acc, s, e, CONFIG);
                MotionFeatures.Result actual = MotionFeatures.compute(acc, s, e, CONFIG, cache);
                assertEquals(expected, actual, "seed " + seed + ", window at " + (s - T0) + " ms");
                windows++;
                withFidget += actual.fidgetPower() == null ? 0 : 1;
                withGross += actual.grossMovementS() > 0 ? 1 : 0;
            }
            hits += cache.hits();
            lookups += cache.lookups();
            measureHits += cache.measures().hits() + cache.segmentMeasures().hits();
            measureLookups +=
                    cache.measures().lookups() + cache.segmentMeasures().lookups();
            assertTrue(cache.size() <= 40, "the cache keeps about one window: " + cache.size());
        }
        System.out.println("[MotionFeaturesReferenceTest] " + windows + " windows, " + withFidget
                + " with a fidget power; frames taken from the cache: " + hits + " of " + lookups);
        assertTrue(withFidget > windows / 2, withFidget + " of " + windows + " windows with a fidget power");
        assertTrue(hits > lookups / 3, "frames shared: " + hits + " of " + lookups);
        System.out.println("[MotionFeaturesReferenceTest] " + withGross + " windows with gross movement; 1 s segment"
                + " measures taken from the cache: " + measureHits + " of " + measureLookups);
        assertTrue(withGross > windows / 4, withGross + " of " + windows + " windows with gross movement");
        assertTrue(
                measureHits > measureLookups / 2, "segment measures shared: " + measureHits + " of " + measureLookups);
    }

    @Test
    void shouldTransformAFrameAgainWhenItsValuesDifferFromTheCachedOnes() {
        Random rng = new Random(42);
        double[] first = stream(rng, 120);
        double[] second = stream(rng, 120);
        FidgetFrameCache cache = new FidgetFrameCache();
        double s = T0;
        double e = s + 30_000;
        // the same times, other values (as a replayed or corrected stream would bring): no frame may be taken over
        MotionFeatures.compute(window(first, T0, s, e), s, e, CONFIG, cache);
        RegularSeries acc = window(second, T0, s, e);
        MotionFeatures.Result actual = MotionFeatures.compute(acc, s, e, CONFIG, cache);
        assertEquals(MotionFeaturesReference.compute(acc, s, e, CONFIG), actual);
        assertNotNull(actual.fidgetPower());
        assertEquals(0, cache.hits());
        assertEquals(0, cache.measures().hits() + cache.segmentMeasures().hits());
    }

    /**
     * {@code seconds} of E4 ACC counts: gravity turning slowly between the axes, noise, tapping
     * bursts (2-6 Hz), gross movements and gaps (NaN rows, as ChannelBuffer's grid has them).
     */
    private static double[] stream(Random rng, int seconds) {
        int n = (int) (seconds * RATE_HZ);
        double[] xyz = new double[3 * n];
        double tapHz = 0;
        double tapG = 0;
        boolean gap = false;
        boolean gross = false;
        for (int i = 0; i < n; i++) {
            if (i % 32 == 0) { // a new state each second
                double u = rng.nextDouble();
                tapHz = u < 0.3 ? 2 + 4 * rng.nextDouble() : tapHz;
                tapG = u < 0.3 ? 0.02 + 0.2 * rng.nextDouble() : u < 0.5 ? 0 : tapG;
                gap = rng.nextDouble() < (gap ? 0.6 : 0.03);
                gross = rng.nextDouble() < (gross ? 0.5 : 0.05);
            }
            double t = i / RATE_HZ;
            double tilt = 0.3 * Math.sin(2 * Math.PI * t / 90);
            double tap = tapG * Math.sin(2 * Math.PI * tapHz * t);
            double swing = gross ? 0.5 * Math.sin(2 * Math.PI * 0.7 * t) : 0;
            xyz[3 * i] = gap ? Double.NaN : Math.round(64 * (Math.sin(tilt) + swing + 0.01 * rng.nextGaussian()));
            xyz[3 * i + 1] = gap ? Double.NaN : Math.round(64 * (0.1 + 0.01 * rng.nextGaussian()));
            xyz[3 * i + 2] = gap ? Double.NaN : Math.round(64 * (Math.cos(tilt) + tap + 0.01 * rng.nextGaussian()));
        }
        return xyz;
    }

    /**
     * The window {@code [s, e)} of a stream whose sample 0 is at {@code t0} as {@code
     * ChannelBuffer.regular} gives it: a grid from the first sample present at or after {@code s}
     * (a window starting in a gap starts later), ending at the window end or the data's end.
     */
    private static RegularSeries window(double[] xyz, double t0, double s, double e) {
        int n = xyz.length / 3;
        double dt = 1000 / RATE_HZ;
        int first = (int) Math.max(0, Math.ceil((s - t0) / dt - 1e-9));
        while (first < n && Double.isNaN(xyz[3 * first])) {
            first++;
        }
        int end = (int) Math.min(n, Math.ceil((e - t0) / dt - 1e-9));
        if (first >= end) {
            return RegularSeries.empty(RATE_HZ, 3);
        }
        double start = t0 + first * dt;
        int length = (int) Math.ceil((e - start) / dt - 1e-9);
        double[] grid = new double[3 * length];
        Arrays.fill(grid, Double.NaN);
        System.arraycopy(xyz, 3 * first, grid, 0, 3 * (end - first));
        return new RegularSeries(start, RATE_HZ, 3, grid);
    }
}
