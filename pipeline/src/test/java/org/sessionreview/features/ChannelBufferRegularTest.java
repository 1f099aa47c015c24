package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.SampleBlock;

/**
 * {@link ChannelBuffer#regular} (runs copied whole, rounding skipped where a sample continues its
 * run) against the sample-by-sample placement it replaces ({@link #reference}): equal, bit for
 * bit, on streams of blocks with gaps, blocks that start off the grid (jittered by a few ms or by
 * fractions of a sample), repeated and overlapping blocks, NaN values, rates of 1 to 64 Hz and
 * widths 1 and 3 (the grid keys of samples on the channel's grid and the rounding of those off
 * it; spans asked between appends, after evictions and after a restore), for spans that start in gaps, before the data and end past it; and written
 * into a kept array ({@link GridScratch}) that held another grid or garbage, the same grid.
 */
class ChannelBufferRegularTest {
    private static final double T0 = 1_700_000_000_123.0;

    @Test
    void shouldPlaceSamplesAsTheSampleBySampleGridDoes() {
        double[] rates = {32, 4, 64, 1, 20, 7.3};
        int spans = 0;
        for (int seed = 0; seed < 60; seed++) {
            Random rng = new Random(seed);
            double rate = rates[seed % rates.length];
            int width = seed % 2 == 0 ? 3 : 1;
            ChannelBuffer buffer = new ChannelBuffer(width, false);
            GridScratch scratch = new GridScratch();
            double[] times = new double[0];
            double[] values = new double[0];
            long start = (long) T0;
            for (int block = 0; block < 30; block++) {
                SampleBlock b = block(rng, start, rate, width);
                buffer.append(b, 1000, Double.NEGATIVE_INFINITY);
                // what the buffer keeps: samples after the last one kept
                for (int i = 0; i < b.sampleCount(); i++) {
                    double t = b.sampleMillis(i);
                    if (times.length == 0 || t > times[times.length - 1]) {
                        times = Arrays.copyOf(times, times.length + 1);
                        times[times.length - 1] = t;
                        values = Arrays.copyOf(values, values.length + width);
                        System.arraycopy(b.values, i * width, values, values.length - width, width);
                    }
                }
                start = nextStart(rng, b, rate);
                // spans asked while blocks still come (the grid keys then follow the appends), after
                // evictions (the kept samples move to the front) and after a restore (keys rebuilt)
                if (block % 4 == 3) {
                    double cutoff = times[0] + rng.nextDouble() * (times[times.length - 1] - times[0]) / 2;
                    buffer.evictBefore(cutoff);
                    int keep = 0;
                    while (keep < times.length && times[keep] < cutoff) {
                        keep++;
                    }
                    times = Arrays.copyOfRange(times, keep, times.length);
                    values = Arrays.copyOfRange(values, keep * width, values.length);
                }
                if (block % 7 == 6) {
                    buffer = restored(buffer);
                }
                if (times.length > 0) {
                    double from = times[0] + rng.nextDouble() * (times[times.length - 1] - times[0]);
                    double to = from + rng.nextDouble() * 40_000;
                    assertArrayEquals(
                            bits(reference(times, values, width, rate, from, to).values()),
                            bits(buffer.regular(from, to).values()),
                            "seed " + seed + ", block " + block);
                }
            }
            double first = times[0];
            double last = times[times.length - 1];
            for (int k = 0; k < 40; k++) {
                double from = first - 2000 + rng.nextDouble() * (last - first + 4000);
                double to = from + (k % 3 == 0 ? rng.nextDouble() * 5000 : 10_000 + rng.nextDouble() * 60_000);
                if (k % 5 == 0) {
                    from = Math.round(from); // whole milliseconds, as window starts are
                }
                RegularSeries expected = reference(times, values, width, rate, from, to);
                RegularSeries actual = buffer.regular(from, to);
                String what = "seed " + seed + ", span " + (from - T0) + ".." + (to - T0);
                assertEquals(expected.t0Millis(), actual.t0Millis(), what);
                assertEquals(expected.length(), actual.length(), what);
                assertArrayEquals(bits(expected.values()), bits(actual.values()), what);
                // into a kept array holding another span's grid or garbage: the same grid
                double[] kept = scratch.array(actual.values().length);
                Arrays.fill(kept, k % 2 == 0 ? Double.NaN : rng.nextDouble());
                RegularSeries reused = buffer.regular(from, to, scratch);
                assertEquals(expected.t0Millis(), reused.t0Millis(), what);
                assertArrayEquals(bits(expected.values()), bits(reused.values()), what);
                if (k % 8 == 0) { // a longer span: a new array, then kept
                    RegularSeries longer = buffer.regular(from, to + 1000, scratch);
                    assertArrayEquals(
                            bits(reference(times, values, width, rate, from, to + 1000)
                                    .values()),
                            bits(longer.values()),
                            what);
                }
                spans++;
            }
        }
        System.out.println("[ChannelBufferRegularTest] " + spans + " spans equal to the sample-by-sample grid");
    }

    /** {@code buffer} after Java serialization (what is not state is lost). */
    private static ChannelBuffer restored(ChannelBuffer buffer) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(buffer);
            }
            try (java.io.ObjectInputStream in =
                    new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (ChannelBuffer) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** A block of 1 to 40 s of random values with NaN runs. */
    private static SampleBlock block(Random rng, long start, double rate, int width) {
        int n = (int) Math.max(1, rate * (1 + rng.nextInt(40)));
        SampleBlock b = new SampleBlock();
        b.channel = width == 3 ? "ACC" : "EDA";
        b.startMillis = start;
        b.rateHz = rate;
        b.width = width;
        b.values = new double[n * width];
        boolean nan = false;
        for (int i = 0; i < b.values.length; i++) {
            if (i % width == 0 && rng.nextInt(50) == 0) {
                nan = !nan;
            }
            b.values[i] = nan ? Double.NaN : Math.round(64 * Math.sin(i * 0.01) + 5 * rng.nextGaussian());
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

    /** The grid as ChannelBuffer.regular built it before runs: every sample placed by rounding its own offset. */
    static RegularSeries reference(
            double[] times, double[] values, int width, double rateHz, double fromMillis, double toMillis) {
        int first = 0;
        while (first < times.length && times[first] < fromMillis) {
            first++;
        }
        int end = first;
        while (end < times.length && times[end] < toMillis) {
            end++;
        }
        if (first >= end) {
            return RegularSeries.empty(rateHz, width);
        }
        double t0 = times[first];
        double dt = 1000.0 / rateHz;
        int length = (int) Math.ceil((toMillis - t0) / dt - 1e-9);
        double[] grid = new double[length * width];
        Arrays.fill(grid, Double.NaN);
        for (int i = first; i < end; i++) {
            int j = (int) Math.round((times[i] - t0) / dt);
            if (j >= 0 && j < length) {
                System.arraycopy(values, i * width, grid, j * width, width);
            }
        }
        return new RegularSeries(t0, rateHz, width, grid);
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }
}
