package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;

class CompleteLinesTest {
    /** {@code data}, failing with an EOFException once {@code failAt} bytes were read (never when negative). */
    private static InputStream failingAfter(byte[] data, int failAt, int maxChunk, long seed) {
        Random rnd = new Random(seed);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (failAt >= 0 && pos >= failAt) {
                    throw new EOFException("Unexpected end of ZLIB input stream");
                }
                int end = failAt >= 0 ? Math.min(data.length, failAt) : data.length;
                if (pos >= end) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + rnd.nextInt(maxChunk)), end - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static byte[] readAll(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[bufferSize];
        for (int n; (n = in.read(b, 0, b.length)) >= 0; ) {
            assertTrue(n > 0, "read returns at least one byte or the end");
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] lines(int n, boolean finalLineFeed) {
        StringBuilder sb = new StringBuilder("1600000000.000000\n4.000000\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%.6f", 0.1 + i * 1e-4));
            if (i < n - 1 || finalLineFeed) {
                sb.append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldPassEveryByteOnWhenTheStreamEndsCleanly() throws IOException {
        for (boolean lf : new boolean[] {true, false}) {
            byte[] data = lines(5000, lf);
            for (int buffer : new int[] {1, 7, 8192, 100_000}) {
                CompleteLines c = new CompleteLines(failingAfter(data, -1, 3000, buffer));
                assertArrayEquals(data, readAll(c, buffer), "buffer " + buffer + ", final line feed " + lf);
                assertNull(c.failure());
            }
        }
    }

    @Test
    void shouldEndAtTheLastCompleteLineBeforeAFailure() throws IOException {
        byte[] data = lines(5000, true);
        for (int failAt : new int[] {0, 5, 18, 27, 30, 31, 1000, 33_333, data.length - 1}) {
            CompleteLines c = new CompleteLines(failingAfter(data, failAt, 5000, failAt));
            byte[] got = readAll(c, 8192);
            int lastLineFeed = -1;
            for (int i = failAt - 1; i >= 0; i--) {
                if (data[i] == '\n') {
                    lastLineFeed = i;
                    break;
                }
            }
            assertArrayEquals(Arrays.copyOf(data, lastLineFeed + 1), got, "failing at byte " + failAt);
            assertTrue(c.failure() instanceof EOFException, "failing at byte " + failAt);
        }
    }

    @Test
    void shouldPassOnALineLongerThanItHolds() throws IOException {
        byte[] data = ("1600000000\n" + "9".repeat(300_000) + "\n1\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(data, readAll(new CompleteLines(new ByteArrayInputStream(data)), 8192));
    }

    @Test
    void shouldKeepTheSamplesBeforeTheCutOfATruncatedGzip(@TempDir Path tmp) throws IOException {
        // 40 min of 4 Hz EDA: 9,600 lines, about 90 KB of text, more than the decoder's chunk
        byte[] text = lines(9600, true);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() * 9 / 10);
        Files.write(tmp.resolve("EDA.csv.gz"), cut);

        E4Recording r = E4Reader.read(tmp, "s", "w");
        E4FileReport f = r.files().get(Channel.EDA);
        // before: the text decoder's last chunk, up to 64 KB, was lost with the error (here every sample)
        assertTrue(f.recordsAccepted() > 9600 * 0.8, f.toString());
        assertEquals(f.recordsRead(), f.recordsAccepted() + f.recordsRejected());
        assertEquals(1, f.recordsRejected(), "the cut line and the rest: one unread record");
        assertEquals(
                "gzip data truncated or corrupt at line " + (f.recordsAccepted() + 3),
                f.rejects().get(0).reason);
        double[] eda = r.channel(Channel.EDA).orElseThrow().values();
        assertEquals(0.1 + (eda.length - 1) * 1e-4, eda[eda.length - 1], 1e-9, "the last sample read whole");
    }
}
