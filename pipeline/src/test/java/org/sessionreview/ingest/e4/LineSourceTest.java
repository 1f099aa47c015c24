package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    private static List<String> lines(String text, int max) throws IOException {
        LineSource in = new LineSource(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        for (String line; (line = in.next()) != null; ) {
            out.add(line == LineSource.TOO_LONG ? "<TOO_LONG>" : line);
        }
        return out;
    }

    /** BufferedReader.readLine is the oracle for text without long lines. */
    private static List<String> oracle(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }

    @Test
    void shouldSplitLikeReadLineWhenLinesEndInLfCrLfOrCr() throws IOException {
        for (String text : new String[] {"", "\n", "a", "a\n", "a\r\nb\rc\n\nd", "\r\n\r\n", "x\r"}) {
            assertEquals(
                    oracle(text),
                    lines(text, 10),
                    "text " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void shouldSplitLikeReadLineWhenLinesCrossTheBuffer() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * (1 << 16); i++) {
            text.append(i % 7 == 0 ? "\r\n" : i % 5 == 0 ? "\r" : "\n").append("x".repeat(i % 61));
        }
        assertEquals(oracle(text.toString()), lines(text.toString(), 100));
    }

    @Test
    void shouldReturnTooLongWhenALineIsOneCharacterOverTheLimit() throws IOException {
        String ok = "1".repeat(E4Limits.MAX_LINE_CHARS);
        String text = ok + "\n" + ok + "2\n" + "3".repeat(200_000) + "\r\n4";

        assertEquals(List.of(ok, "<TOO_LONG>", "<TOO_LONG>", "4"), lines(text, E4Limits.MAX_LINE_CHARS));
        assertEquals(List.of("<TOO_LONG>"), lines("5".repeat(70_000), E4Limits.MAX_LINE_CHARS));
    }

    @Test
    void shouldDropAByteOrderMarkThatOpensALine() throws IOException {
        // at the start of the text, and at the start of a later line (files each saved with a mark
        // and joined); one inside a line stays
        assertEquals(List.of("1", "2", "3\uFEFF", ""), lines("\uFEFF1\n\uFEFF2\r\n3\uFEFF\n\uFEFF\n", 10));
        assertEquals(List.of(), lines("\uFEFF", 10));
        LineSource in = new LineSource(new StringReader("1"), 10);
        in.next();
        assertSame(null, in.next());
    }

    /**
     * The one-pass row parser ({@link LineSource#advanceRow}) against the two-pass path it saves
     * ({@link LineSource#advance} then {@link E4Row#parse}): on random lines of number-like text,
     * a row it takes is one the two-pass path accepts, as the same line (number, text) and with
     * bit-identical values; a row it leaves is then read by {@link LineSource#advance} as if it
     * had not been tried. Small read chunks put lines across the end of the buffer.
     */
    @Test
    void shouldTakeOnlyRowsTheTwoPassPathAcceptsWithTheSameValuesWhenGivenRandomLines() throws IOException {
        Random random = new Random(20261205L);
        String[] parts = {"-", "+", ".", ",", " ", "\t", "e", "E", "0", "00", "7", "12345", "999999999", "x"};
        String[] ends = {"\n", "\r\n", "\r"};
        int taken = 0;
        int left = 0;
        for (int file = 0; file < 300; file++) {
            int width = random.nextBoolean() ? 1 : random.nextBoolean() ? 2 : 3;
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 400; line++) {
                int kind = random.nextInt(4);
                for (int f = 0; f < width; f++) {
                    if (f > 0) {
                        text.append(',');
                    }
                    if (kind == 0) { // any mix of number characters
                        for (int k = random.nextInt(5); k > 0; k--) {
                            text.append(parts[random.nextInt(parts.length)]);
                        }
                    } else { // what the E4 writes, sometimes with more digits than a double holds
                        text.append(random.nextInt(3) == 0 ? "-" : "")
                                .append(random.nextInt(kind == 1 ? 1_000_000 : 300))
                                .append(
                                        random.nextBoolean()
                                                ? "." + "0123456789".substring(0, random.nextInt(11))
                                                : "");
                        if (random.nextInt(50) == 0) {
                            text.append("1234567890123");
                        }
                    }
                }
                text.append(ends[random.nextInt(random.nextInt(5) == 0 ? 3 : 1)]);
            }
            int chunk = random.nextBoolean() ? 1 + random.nextInt(50) : Integer.MAX_VALUE;
            LineSource fast = new LineSource(new ChunkedReader(text.toString(), chunk), 40);
            LineSource plain = new LineSource(new ChunkedReader(text.toString(), chunk), 40);
            E4Row row = new E4Row(width);
            double[] got = new double[width];
            while (true) {
                boolean took = fast.advanceRow(got);
                if (!took && !fast.advance()) {
                    assertTrue(!plain.advance(), "the row parser ended early in file " + file);
                    break;
                }
                assertTrue(plain.advance(), "the row parser read past the end in file " + file);
                assertEquals(plain.lineCount(), fast.lineCount());
                assertEquals(plain.text(), fast.text());
                if (took) {
                    taken++;
                    String line = plain.text();
                    assertSame(null, row.dataProblem(plain, width), line);
                    assertArrayEquals(row.values, got, line);
                    for (int c = 0; c < width; c++) {
                        assertEquals(
                                Double.doubleToRawLongBits(row.values[c]),
                                Double.doubleToRawLongBits(got[c]),
                                line); // -0.0 too
                    }
                } else {
                    left++;
                }
            }
        }
        assertTrue(taken > 50_000 && left > 20_000, taken + " rows taken, " + left + " left");
    }

    /** Gives its text at most {@code chunk} characters per read. */
    private static final class ChunkedReader extends java.io.Reader {
        private final String text;
        private final int chunk;
        private int pos;

        ChunkedReader(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
