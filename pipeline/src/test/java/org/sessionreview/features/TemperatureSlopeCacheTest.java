package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactKind;
import org.sessionreview.signal.temperature.ReferenceTemperatureSlope;
import org.sessionreview.signal.temperature.TemperatureSlope;

/**
 * {@link TemperatureSlopeCache} (the guard's fall question answered from the buffer's samples,
 * kept per stream) against {@link ReferenceTemperatureSlope} on each window's grid, as {@code
 * WindowComputer} builds it: the same result, bit for bit, for windows asked while blocks still
 * come and past the data, with gaps, blocks off the grid, repeated samples, NaN runs, out-of-range
 * readings, bands taken off and put on again, not-worn stretches set to NaN, grids written into
 * kept arrays, evictions, a buffer restored from Java serialization (the cache kept or new), and
 * windows asked out of order.
 */
class TemperatureSlopeCacheTest {
    private static final double T0 = 1_700_000_000_000.0;
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void shouldGiveTheReferenceSlopeForEveryWindow() {
        TemperatureSlope slope = FeatureSteps.temperatureSlope(CONFIG);
        long context = CONFIG.contextMillis();
        long window = CONFIG.windowMillis();
        long hop = CONFIG.hopMillis();
        int windows = 0;
        int rangeRule = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            double rate = seed % 9 == 8 ? 1 : 4;
            ChannelBuffer buffer = new ChannelBuffer(1, false);
            TemperatureSlopeCache cache = new TemperatureSlopeCache(slope);
            GridScratch scratch = new GridScratch();
            Signal signal = new Signal(rng);
            long start = (long) T0;
            long nextWindow = (long) T0;
            for (int block = 0; block < 80; block++) {
                SampleBlock b = block(rng, signal, start, rate);
                buffer.append(b, 1000, Double.NEGATIVE_INFINITY);
                start = nextStart(rng, b, rate);
                // the windows that have data, sometimes one past it (a channel behind the others)
                long until = b.endMillis() + (rng.nextInt(5) == 0 ? 20_000 : 0);
                for (; nextWindow + window <= until; nextWindow += hop) {
                    rangeRule += check(buffer, cache, scratch, slope, rng, nextWindow - context, nextWindow + window);
                    windows++;
                }
                if (block % 10 == 9) {
                    buffer.evictBefore(nextWindow - context - rng.nextInt(30_000));
                }
                if (block % 13 == 12) {
                    buffer = restored(buffer);
                    if (rng.nextBoolean()) {
                        cache = new TemperatureSlopeCache(slope); // lost with the operator's other caches
                    }
                }
                if (block % 17 == 16) {
                    // a window out of order: an earlier one again
                    long earlier = nextWindow - hop * (1 + rng.nextInt(6));
                    rangeRule += check(buffer, cache, scratch, slope, rng, earlier - context, earlier + window);
                    windows++;
                }
            }
        }
        System.out.println("[TemperatureSlopeCacheTest] " + windows + " windows, " + rangeRule + " by the range rule");
        assertTrue(rangeRule > windows / 3 && rangeRule < windows - 500, rangeRule + " of " + windows);
    }

    @Test
    void shouldLookAtTheWholeContextAgainWhenAnEarlierWindowIsAsked() {
        TemperatureSlope slope = FeatureSteps.temperatureSlope(CONFIG);
        ChannelBuffer buffer = new ChannelBuffer(1, false);
        SampleBlock b = new SampleBlock();
        b.channel = "TEMP";
        b.startMillis = (long) T0;
        b.rateHz = 4;
        b.width = 1;
        b.values = new double[4 * 600];
        for (int i = 0; i < b.values.length; i++) {
            b.values[i] = i < 4 * 200 ? 33 : 30; // the band taken off at 200 s: a fall of 3 degC
        }
        buffer.append(b, 1000, Double.NEGATIVE_INFINITY);
        TemperatureSlopeCache cache = new TemperatureSlopeCache(slope);
        GridScratch scratch = new GridScratch();
        Random rng = new Random(1);
        // a window long after the fall (its context all at 30 degC), then one whose context holds it
        assertEquals(1, check(buffer, cache, scratch, slope, rng, T0 + 400_000, T0 + 490_000));
        assertEquals(0, check(buffer, cache, scratch, slope, rng, T0 + 150_000, T0 + 240_000));
        assertEquals(1, check(buffer, cache, scratch, slope, rng, T0 + 300_000, T0 + 390_000));
    }

    /** One window's slope by the cache against the reference; 1 when the cache took the range rule. */
    private static int check(
            ChannelBuffer buffer,
            TemperatureSlopeCache cache,
            GridScratch scratch,
            TemperatureSlope slope,
            Random rng,
            double from,
            double end) {
        double[] kept = scratch.array(rng.nextInt(400));
        Arrays.fill(kept, rng.nextBoolean() ? Double.NaN : 33.3); // garbage in the kept array
        boolean notWornHere = rng.nextInt(4) == 0;
        RegularSeries grid = buffer.regular(from, end, scratch);
        List<Artifact> notWorn = new ArrayList<>();
        if (notWornHere && end - from > 60_000) {
            double s = from + rng.nextDouble() * (end - from);
            notWorn.add(new Artifact(ArtifactKind.NOT_WORN, s, s + rng.nextDouble() * 40_000));
        }
        RegularSeries t = NotWornStretches.mask(grid, notWorn);
        TemperatureSlope.Result expected =
                ReferenceTemperatureSlope.at(slope, t.values().clone(), t.rateHz(), t.t0Millis(), end);
        int before = cache.rangeRuleWindows();
        assertEquals(expected, cache.at(buffer, t, from, end), "window ending " + (end - T0));
        return cache.rangeRuleWindows() - before;
    }

    /** Skin temperature: worn with a slow drift, now and then taken off (a fall to the room) and put on again. */
    private static final class Signal {
        private final Random rng;
        private double level;
        private boolean off;
        private boolean nan;

        Signal(Random rng) {
            this.rng = rng;
            this.level = 31 + rng.nextDouble() * 4;
        }

        double next(double rate) {
            double u = rng.nextDouble();
            if (u < 0.002 / rate * 4) {
                off = !off; // taken off or put on again
            }
            double target = off ? 22 + rng.nextDouble() : 33;
            level += (target - level) * (off ? 0.02 : 0.005) + (rng.nextDouble() - 0.5) * 0.01;
            if (rng.nextDouble() < 0.005) {
                nan = !nan;
            }
            if (rng.nextDouble() < 0.001) {
                return rng.nextBoolean() ? 15 : 45;
            }
            return nan ? Double.NaN : Math.round((level + rng.nextGaussian() * 0.02) * 50) / 50.0;
        }
    }

    private static SampleBlock block(Random rng, Signal signal, long start, double rate) {
        int n = (int) Math.max(1, rate * (1 + rng.nextInt(40)));
        SampleBlock b = new SampleBlock();
        b.channel = "TEMP";
        b.startMillis = start;
        b.rateHz = rate;
        b.width = 1;
        b.values = new double[n];
        for (int i = 0; i < n; i++) {
            b.values[i] = signal.next(rate);
        }
        return b;
    }

    /** Where the next block starts: right after this one, after a gap, off the grid, or overlapping it. */
    private static long nextStart(Random rng, SampleBlock b, double rate) {
        long end = b.endMillis();
        return switch (rng.nextInt(8)) {
            case 0 -> end + 1000 + rng.nextInt(20_000); // a gap
            case 1 -> end + rng.nextInt(7) - 3; // a few ms off
            case 2 -> end - (long) (rng.nextInt(3) * 1000 / rate); // overlapping (repeated samples are ignored)
            case 3 -> end + (long) (0.5 * 1000 / rate); // half a sample off
            default -> b.startMillis + Math.round(b.sampleCount() * 1000.0 / rate); // contiguous
        };
    }

    private static ChannelBuffer restored(ChannelBuffer buffer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(buffer);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (ChannelBuffer) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
