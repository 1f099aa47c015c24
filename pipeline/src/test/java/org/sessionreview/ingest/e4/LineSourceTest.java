package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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
    void shouldDropAByteOrderMarkOnlyWhenItStartsTheText() throws IOException {
        assertEquals(List.of("1", "\uFEFF2"), lines("\uFEFF1\n\uFEFF2", 10));
        assertEquals(List.of(), lines("\uFEFF", 10));
        LineSource in = new LineSource(new StringReader("1"), 10);
        in.next();
        assertSame(null, in.next());
    }
}
