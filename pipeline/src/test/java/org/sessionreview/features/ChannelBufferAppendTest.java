package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.SampleBlock;

/**
 * {@link ChannelBuffer#append}, which makes room for a block once and writes the kept samples in
 * place, against the sample-by-sample push it replaced (commit 265aab9, {@link Reference}): the
 * same samples held, bit for bit, and the same progress, through dropped samples, repeated and
 * overlapping blocks, evictions that empty the buffer, widths 1 and 3 and beat blocks.
 */
class ChannelBufferAppendTest {
    private static final long T0 = 1_700_000_000_000L;

    /** The replaced append, push and eviction (with the same sample rule). */
    private static final class Reference {
        final int width;
        final boolean beats;
        double[] times = new double[64];
        double[] values;
        int head;
        int size;
        double progressMillis = Double.NEGATIVE_INFINITY;
        double dataEndMillis = Double.NEGATIVE_INFINITY;

        Reference(int width, boolean beats) {
            this.width = width;
            this.beats = beats;
            this.values = new double[64 * width];
        }

        double append(SampleBlock b, long blockMillis, double dropBeforeMillis) {
            int n = b.sampleCount();
            double last = size == 0 ? Double.NEGATIVE_INFINITY : times[head + size - 1];
            for (int i = 0; i < n; i++) {
                double t = b.sampleMillis(i);
                if (t >= dropBeforeMillis && t > last) {
                    push(t, b.values, i * width);
                    last = t;
                }
            }
            double end =
                    beats ? (n == 0 ? b.startMillis : b.sampleMillis(n - 1)) : b.startMillis + n * 1000.0 / b.rateHz;
            if (n > 0 || !beats) {
                dataEndMillis = Math.max(dataEndMillis, end);
            }
            progressMillis = Math.max(progressMillis, beats ? Math.max(end, b.startMillis + blockMillis) : end);
            return n == 0 ? Double.POSITIVE_INFINITY : b.sampleMillis(0);
        }

        void evictBefore(double millis) {
            while (size > 0 && times[head] < millis) {
                head++;
                size--;
            }
            if (size == 0) {
                head = 0;
            }
        }

        private void push(double t, double[] src, int offset) {
            if (head + size == times.length) {
                if (head >= times.length / 2) {
                    System.arraycopy(times, head, times, 0, size);
                    System.arraycopy(values, head * width, values, 0, size * width);
                    head = 0;
                } else {
                    times = Arrays.copyOf(times, times.length * 2);
                    values = Arrays.copyOf(values, values.length * 2);
                }
            }
            times[head + size] = t;
            System.arraycopy(src, offset, values, (head + size) * width, width);
            size++;
        }

        double[][] held() {
            return new double[][] {
                Arrays.copyOfRange(times, head, head + size),
                Arrays.copyOfRange(values, head * width, (head + size) * width)
            };
        }
    }

    @Test
    void shouldHoldWhatTheSampleBySamplePushHeldWhenBlocksRepeatDropAndAreEvicted() {
        for (int seed = 0; seed < 40; seed++) {
            Random rng = new Random(seed);
            boolean beats = seed % 4 == 3;
            int width = beats || seed % 2 == 1 ? 1 : 3;
            double rate = beats ? 1 : new double[] {32, 4, 64, 1}[seed % 4];
            ChannelBuffer buffer = new ChannelBuffer(width, beats);
            Reference reference = new Reference(width, beats);
            long start = T0;
            double cutoff = Double.NEGATIVE_INFINITY;
            for (int block = 0; block < 120; block++) {
                SampleBlock b = beats ? beatBlock(rng, start) : block(rng, start, rate, width);
                if (rng.nextInt(6) == 0) {
                    cutoff = start + rng.nextInt(20_000) - 5_000; // drops some or all of the block
                }
                String what = "seed " + seed + ", block " + block;
                assertEquals(reference.append(b, 30_000, cutoff), buffer.append(b, 30_000, cutoff), what);
                if (rng.nextInt(3) == 0) {
                    double evict = start - rng.nextInt(90_000) + (rng.nextInt(20) == 0 ? 1e9 : 0);
                    reference.evictBefore(evict);
                    buffer.evictBefore(evict);
                }
                double[][] expected = reference.held();
                double[][] actual = buffer.held();
                assertArrayEquals(bits(expected[0]), bits(actual[0]), what + " times");
                assertArrayEquals(bits(expected[1]), bits(actual[1]), what + " values");
                assertEquals(reference.progressMillis, buffer.progressMillis(), what);
                assertEquals(reference.dataEndMillis, buffer.dataEndMillis(), what);
                // mostly onwards, sometimes the same or an overlapping block again
                start += rng.nextInt(5) == 0 ? -rng.nextInt(20_000) : 30_000 + rng.nextInt(3) * 1000;
            }
        }
    }

    private static SampleBlock block(Random rng, long start, double rate, int width) {
        int n = rng.nextInt(10) == 0 ? 0 : (int) (rate * 30) - rng.nextInt(3);
        double[] v = new double[n * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(15) == 0 ? Double.NaN : rng.nextGaussian() * 10;
        }
        SampleBlock b = new SampleBlock();
        b.channel = width == 3 ? "ACC" : "EDA";
        b.startMillis = start;
        b.rateHz = rate;
        b.width = width;
        b.values = v;
        return b;
    }

    private static SampleBlock beatBlock(Random rng, long start) {
        int n = rng.nextInt(40);
        double[] offsets = new double[n];
        double[] ibi = new double[n];
        double t = rng.nextDouble();
        for (int i = 0; i < n; i++) {
            t += 0.4 + rng.nextDouble() * 0.6;
            offsets[i] = t;
            ibi[i] = 0.4 + rng.nextDouble();
        }
        SampleBlock b = new SampleBlock();
        b.channel = "IBI";
        b.startMillis = start;
        b.width = 1;
        b.values = ibi;
        b.offsetsS = offsets;
        return b;
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
