package org.sessionreview.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sessionreview.ingest.e4.E4CsvParser;
import org.sessionreview.ingest.e4.E4Limits;
import org.sessionreview.model.Channel;

/**
 * Reading one 50-minute E4 channel file ({@link E4CsvParser#parse}) from its UTF-8 bytes in
 * memory, as {@code E4Reader} reads a plain file: ACC (32 Hz, three whole numbers per line,
 * 96,000 lines, about 1.1 MB) and BVP (64 Hz, one number with two decimals per line, 192,000
 * lines, about 1.1 MB), written the way the E4 writes them. {@link #decodeOnly} reads the same
 * bytes through the same UTF-8 reader without parsing: the floor for a parser that works on
 * characters. Milliseconds per file.
 */
@State(Scope.Benchmark)
public class E4ParseBenchmark extends KernelBenchmark {
    /** Fifty minutes, seconds. */
    static final double FIFTY_MINUTES_S = 3000;

    @Param({"ACC", "BVP"})
    public Channel channel;

    byte[] file;

    @Setup
    public void setUp() {
        file = csv(channel, new Random(SEED), FIFTY_MINUTES_S).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public E4CsvParser.Result parse() {
        return E4CsvParser.parse(channel, reader(), "bench", channel.fileName(), E4Limits.defaults());
    }

    @Benchmark
    public long decodeOnly() throws IOException {
        char[] buf = new char[1 << 16];
        long sum = 0;
        try (Reader in = reader()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                sum += n + buf[0];
            }
        }
        return sum;
    }

    private Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8);
    }

    /** The text of an ACC or BVP file {@code seconds} long, as the E4 writes it. */
    static String csv(Channel channel, Random random, double seconds) {
        double startS = SyntheticE4.START_MILLIS / 1000.0;
        StringBuilder text = new StringBuilder(1 << 21);
        if (channel == Channel.ACC) {
            String start = String.format(Locale.ROOT, "%.6f", startS);
            String rate = String.format(Locale.ROOT, "%.6f", SyntheticE4.ACC_HZ);
            text.append(start)
                    .append(", ")
                    .append(start)
                    .append(", ")
                    .append(start)
                    .append('\n');
            text.append(rate)
                    .append(", ")
                    .append(rate)
                    .append(", ")
                    .append(rate)
                    .append('\n');
            double[] xyz = SyntheticE4.acc(random, seconds);
            for (int i = 0; i < xyz.length; i += 3) {
                text.append((long) xyz[i])
                        .append(',')
                        .append((long) xyz[i + 1])
                        .append(',')
                        .append((long) xyz[i + 2])
                        .append('\n');
            }
        } else if (channel == Channel.BVP) {
            text.append(String.format(Locale.ROOT, "%.2f", startS)).append('\n');
            text.append(String.format(Locale.ROOT, "%.6f", SyntheticE4.BVP_HZ)).append('\n');
            for (double v : SyntheticE4.pulse(random, seconds).samples()) {
                text.append(String.format(Locale.ROOT, "%.2f", v)).append('\n');
            }
        } else {
            throw new IllegalArgumentException("ACC or BVP, not " + channel);
        }
        return text.toString();
    }
}
