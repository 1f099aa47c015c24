package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.signal.motion.AccMagnitude;
import org.sessionreview.signal.motion.FidgetFrameCache;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactKind;

/**
 * {@code |a|} kept per ACC sample in {@link ChannelBuffer} and placed on the grid with the samples
 * ({@link ChannelBuffer#regular(double, double, GridScratch, GridScratch)}) against the code it
 * replaces: {@link AccMagnitude#magnitudeG} of each grid's values, computed again for every grid.
 * Equal bit for bit (raw bits, NaN included) on streams of blocks with gaps, blocks off the grid
 * (jittered by a few ms or half a sample), repeated and overlapping blocks, whole and partial NaN
 * samples, at 32, 64, 7.3 and 4 Hz; spans asked between appends, after evictions and after a
 * Java-serialization restore (the magnitudes are not state: rebuilt), and written into kept arrays
 * holding garbage. Then the windows' motion features with these magnitudes (masked where the band
 * was not worn, as {@link WindowComputer} does) against those computed from the masked grid.
 */
class AccMagnitudeGridReferenceTest {
    private static final double T0 = 1_700_000_000_123.0;
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void shouldPlaceTheMagnitudesTheGridsValuesGiveBitForBit() {
        double[] rates = {32, 64, 7.3, 4};
        int spans = 0;
        int nanPoints = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            double rate = rates[seed % rates.length];
            ChannelBuffer buffer = new ChannelBuffer(3, false);
            GridScratch grid = new GridScratch();
            GridScratch magnitudes = new GridScratch();
            long start = (long) T0;
            for (int block = 0; block < 30; block++) {
                SampleBlock b = block(rng, start, rate);
                buffer.append(b, 1000, Double.NEGATIVE_INFINITY);
                start = nextStart(rng, b, rate);
                if (block % 4 == 3) {
                    double[] held = buffer.held()[0];
                    buffer.evictBefore(held[0] + rng.nextDouble() * (held[held.length - 1] - held[0]) / 2);
                }
                if (block % 7 == 6) {
                    buffer = ChannelBufferRestore.restored(buffer);
                }
                if (block % 3 == 0) {
                    continue; // magnitudes first asked after several appends, then kept up to date
                }
                double[] held = buffer.held()[0];
                for (int k = 0; k < 6; k++) {
                    double from = held[0] - 2000 + rng.nextDouble() * (held[held.length - 1] - held[0] + 4000);
                    double to = from + (k % 3 == 0 ? rng.nextDouble() * 5000 : 10_000 + rng.nextDouble() * 60_000);
                    if (k % 2 == 0) {
                        from = Math.round(from); // whole milliseconds, as window starts are
                    }
                    String what = "seed " + seed + ", block " + block + ", span " + (from - T0) + ".." + (to - T0);
                    RegularSeries expected = buffer.regular(from, to);
                    spoil(grid, magnitudes, rng, expected.length());
                    RegularSeries actual = buffer.regular(from, to, grid, magnitudes);
                    assertEquals(expected.t0Millis(), actual.t0Millis(), what);
                    assertArrayEquals(bits(expected.values()), bits(actual.values()), what);
                    double[] m = magnitudes.array(actual.length());
                    assertArrayEquals(
                            bits(AccMagnitude.magnitudeG(expected.values(), AccMagnitude.E4_COUNTS_PER_G)),
                            bits(m),
                            what);
                    for (double v : m) {
                        nanPoints += Double.isNaN(v) ? 1 : 0;
                    }
                    spans++;
                }
            }
        }
        System.out.println("[AccMagnitudeGridReferenceTest] " + spans + " spans, " + nanPoints + " NaN magnitudes");
        assertTrue(nanPoints > 1000, "gaps and NaN samples exercised: " + nanPoints);
    }

    @Test
    void shouldGiveTheWindowsMotionFeaturesOfTheMagnitudesComputedPerWindow() {
        int windows = 0;
        int masked = 0;
        for (int seed = 0; seed < 8; seed++) {
            Random rng = new Random(100 + seed);
            ChannelBuffer buffer = new ChannelBuffer(3, false);
            long start = (long) T0;
            for (int block = 0; block < 12; block++) {
                SampleBlock b = block(rng, start, 32);
                buffer.append(b, 1000, Double.NEGATIVE_INFINITY);
                start = rng.nextInt(4) == 0 ? nextStart(rng, b, 32) : b.endMillis();
            }
            double end = buffer.dataEndMillis();
            List<Artifact> notWorn = new ArrayList<>();
            for (double t = T0 + rng.nextInt(60_000); t < end; t += 20_000 + rng.nextInt(90_000)) {
                notWorn.add(new Artifact(ArtifactKind.NOT_WORN, t, t + 500 + rng.nextInt(20_000)));
            }
            FidgetFrameCache before = new FidgetFrameCache();
            FidgetFrameCache after = new FidgetFrameCache();
            GridScratch grid = new GridScratch();
            GridScratch magnitudes = new GridScratch();
            for (double s = Math.floor(T0 / 1000) * 1000; s + 30_000 < end; s += 5_000) {
                double e = s + 30_000;
                List<Artifact> offBand = NotWornStretches.clip(notWorn, s, e);
                // the replaced code: |a| of the masked grid, in the window
                RegularSeries acc = NotWornStretches.mask(buffer.regular(s, e), offBand);
                MotionFeatures.Result expected = MotionFeatures.compute(acc, s, e, CONFIG, before);
                // now: |a| placed by the buffer, masked as the samples are
                RegularSeries accGrid = buffer.regular(s, e, grid, magnitudes);
                double[] m = magnitudes.array(accGrid.length());
                NotWornStretches.maskMagnitudes(m, accGrid, offBand);
                MotionFeatures.Result actual =
                        MotionFeatures.compute(NotWornStretches.mask(accGrid, offBand), m, s, e, CONFIG, after);
                assertEquals(expected, actual, "seed " + seed + ", window at " + (s - T0) + " ms");
                windows++;
                masked += offBand.isEmpty() ? 0 : 1;
            }
        }
        System.out.println("[AccMagnitudeGridReferenceTest] " + windows + " windows, " + masked + " partly not worn");
        assertTrue(masked > 20, "not-worn masks exercised: " + masked);
    }

    /** Fills the kept arrays (sized for {@code n} samples or not) with garbage. */
    private static void spoil(GridScratch grid, GridScratch magnitudes, Random rng, int n) {
        int length = rng.nextBoolean() ? n : n + 1;
        double garbage = rng.nextBoolean() ? Double.NaN : rng.nextGaussian();
        Arrays.fill(grid.array(3 * length), garbage);
        Arrays.fill(magnitudes.array(length), garbage);
    }

    /** A block of 1 to 40 s of E4-like counts with NaN runs of whole samples and single NaN axes. */
    private static SampleBlock block(Random rng, long start, double rate) {
        int n = (int) Math.max(1, rate * (1 + rng.nextInt(40)));
        SampleBlock b = new SampleBlock();
        b.channel = "ACC";
        b.startMillis = start;
        b.rateHz = rate;
        b.width = 3;
        b.values = new double[n * 3];
        boolean nan = false;
        for (int i = 0; i < b.values.length; i++) {
            if (i % 3 == 0 && rng.nextInt(80) == 0) {
                nan = !nan;
            }
            boolean oneAxis = rng.nextInt(500) == 0;
            double tap = rng.nextInt(10) == 0 ? 20 * Math.sin(i * 0.7) : 0;
            b.values[i] =
                    nan || oneAxis ? Double.NaN : Math.round(64 * Math.sin(i * 0.01) + tap + 3 * rng.nextGaussian());
        }
        return b;
    }

    /** Where the next block starts: right after this one, after a gap, off the grid, or overlapping it. */
    private static long nextStart(Random rng, SampleBlock b, double rate) {
        long end = b.endMillis();
        return switch (rng.nextInt(6)) {
            case 0 -> end + 1000 + rng.nextInt(20_000); // a gap
            case 1 -> end + rng.nextInt(7) - 3; // a few ms off
            case 2 -> end - (long) (rng.nextInt(3) * 1000 / rate); // overlapping (repeated samples are ignored)
            case 3 -> end + (long) (0.5 * 1000 / rate); // half a sample off
            default -> b.startMillis + Math.round(b.sampleCount() * 1000.0 / rate); // contiguous
        };
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }
}
