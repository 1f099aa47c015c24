package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;

/** A zeroed disk block inside a line-based coding file ({@link ZeroedBlocks}; seventh audit). */
class ZeroedBlocksTest {
    /** 40 therapist validations at 100, 105, ... s, one CSV row each (rows of 26-27 bytes). */
    private static byte[] csv() {
        StringBuilder s = new StringBuilder("start,end,code,actor\n");
        for (int i = 0; i < 40; i++) {
            s.append(100 + 5 * i).append(".0,,INT_VALIDATION,therapist\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code b} with {@code n} bytes from {@code at} set to 0. */
    private static byte[] zeroed(byte[] b, int at, int n) {
        byte[] out = b.clone();
        java.util.Arrays.fill(out, at, at + n, (byte) 0);
        return out;
    }

    private static ParseResult<RawAnnotation> read(byte[] b, String name) throws IOException {
        return AnnotationReader.read(new ByteArrayInputStream(b), name, name, "s1");
    }

    @Test
    void shouldRejectTheZeroedLineOnceAndReadTheRestWhenACsvHasANulBlock() throws IOException {
        byte[] clean = csv();
        // 256 bytes from byte 300: from inside line 10 to inside line 18 (rows of 32 bytes)
        byte[] damaged = zeroed(clean, 300, 256);
        int first = 1 + count(clean, 300);
        int last = 1 + count(clean, 556);
        ParseResult<RawAnnotation> r = read(damaged, "codes.csv");

        // the rows wholly before and after the block are read, with their line numbers
        assertBalanced(r, 40 - (last - first + 1), 1);
        Reject z = r.rejects().get(0);
        assertEquals(first, z.line);
        assertEquals(10, first);
        assertEquals(18, last);
        assertTrue(
                z.reason.startsWith("a run of 256 NUL bytes (a zeroed disk block?) where about 9 lines were"),
                z.reason);
        // the block took the line ends of lines 10-17 with it: the damaged file's line 10 is the
        // block, its line 11 the row that was line 19
        assertEquals(first + 1, r.records().get(first - 2).line(), "the first row after the block");
        assertEquals(185.0, r.records().get(first - 2).startS(), 1e-9);
        // before: one reject "label in column code maps to no canonical code" for the 9 rows it held
    }

    @Test
    void shouldSayTheZeroedBlockWhenAJsonLinesFileEndsInOne() throws IOException {
        String jsonl = "{\"start\": 100, \"code\": \"INT_VALIDATION\", \"actor\": \"therapist\"}\n"
                + "{\"start\": 110, \"code\": \"INT_VALIDATION\", \"actor\": \"therapist\"}\n";
        byte[] b = java.util.Arrays.copyOf(jsonl.getBytes(StandardCharsets.UTF_8), jsonl.length() + 4096);
        ParseResult<RawAnnotation> r = read(b, "codes.jsonl");

        assertBalanced(r, 2, 1);
        assertEquals(3, r.rejects().get(0).line);
        assertTrue(
                r.rejects().get(0).reason.contains("4096 NUL bytes"),
                r.rejects().get(0).reason);
    }

    @Test
    void shouldRejectAFileOfZerosOnceAsHoldingNoText() throws IOException {
        ParseResult<RawAnnotation> r = read(new byte[8192], "codes.csv");
        assertBalanced(r, 0, 1);
        assertEquals(0, r.rejects().get(0).line);
        assertTrue(r.rejects().get(0).reason.contains("NUL bytes"), r.rejects().get(0).reason);
    }

    @Test
    void shouldKeepTheFileRejectBesideTheBlockWhenTheBlockTookTheHeader() throws IOException {
        // a disk block zeroed from the file's first byte: the header and the first rows gone
        ParseResult<RawAnnotation> r = read(zeroed(csv(), 0, 512), "codes.csv");
        assertBalanced(r, 0, 2);
        assertTrue(
                r.rejects().stream().anyMatch(x -> x.line == 0 && x.reason.contains("no header row")),
                "the file's own reject stays: " + r.rejects());
        assertTrue(
                r.rejects().stream()
                        .anyMatch(x -> x.line == 1
                                && x.reason.contains("NUL bytes")
                                && x.reason.endsWith("the file is not read (its other reject row says why)")),
                "the block's row: " + r.rejects());
    }

    @Test
    void shouldLeaveTextWithShortZeroRunsAndDocumentsAlone() {
        byte[] utf16 = "start,code\n1,ANX_STR_SIGH\n".getBytes(StandardCharsets.UTF_16LE);
        assertSame(utf16, ZeroedBlocks.blank(utf16).bytes(), "UTF-16: a zero byte in every character");
        byte[] clean = csv();
        assertSame(clean, ZeroedBlocks.blank(clean).bytes());
        assertEquals(List.of(), ZeroedBlocks.blank(clean).blocks());
    }

    @Test
    void shouldKeepLineNumbersWithCarriageReturnLineEnds() {
        byte[] cr = zeroed(("a,b\r" + "1,2\r".repeat(10)).getBytes(StandardCharsets.UTF_8), 6, 16);
        ZeroedBlocks.Result z = ZeroedBlocks.blank(cr);
        assertEquals(1, z.blocks().size());
        assertEquals(2, z.blocks().get(0).line());
    }

    private static int count(byte[] b, int before) {
        int n = 0;
        for (int i = 0; i < before; i++) {
            n += b[i] == '\n' ? 1 : 0;
        }
        return n;
    }
}
