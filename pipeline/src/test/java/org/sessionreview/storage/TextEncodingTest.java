package org.sessionreview.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.NativeAnnotationParser;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;

/** Which encoding an annotation file is decoded in ({@link TextEncoding}). */
class TextEncodingTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void shouldReadLegacyEightBitTextWhenNoByteFormsUtf8() {
        String text = "start;code;note\n1;Hände ringen;Jörg weinte – sehr\n";
        byte[] cp1252 = text.getBytes(CP1252);
        assertTrue(TextEncoding.legacyText(cp1252));
        assertEquals(text, RecordFields.utf8(cp1252));
        byte[] latin1 = "1\tÜbertragung\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("1\tÜbertragung\n", RecordFields.utf8(latin1));
    }

    @Test
    void shouldKeepUtf8WhenAnySequenceIsUtf8EvenIfTheFileIsDamaged() {
        byte[] utf8 = "start;code\n1;Hände ringen\n".getBytes(StandardCharsets.UTF_8);
        assertFalse(TextEncoding.legacyText(utf8));
        assertEquals("start;code\n1;Hände ringen\n", RecordFields.utf8(utf8));
        // a UTF-8 file ending in a cut letter: the rest stays UTF-8, the cut letter is U+FFFD
        byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 1);
        byte[] damaged = new byte[cut.length + 2];
        System.arraycopy(cut, 0, damaged, 0, cut.length);
        damaged[cut.length] = 'x';
        damaged[cut.length + 1] = (byte) 0xC3;
        assertEquals("start;code\n1;Hände ringenx\uFFFD", RecordFields.utf8(damaged));
        assertFalse(TextEncoding.legacyText("plain ascii".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(StandardCharsets.UTF_8, TextEncoding.of(new byte[0]));
    }

    @Test
    void shouldStillTakeUtf16AfterItsByteOrderMark() {
        byte[] b = "\uFEFFstart\tcode\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(StandardCharsets.UTF_16LE, TextEncoding.of(b));
        assertEquals("start\tcode\n", RecordFields.utf8(b));
    }

    @Test
    void shouldTakeUtf16WithoutAByteOrderMarkFromItsZeroBytes() {
        String text = "start,code,actor\r\n100.5,ANX_STR_SIGH,client\r\n";
        byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] be = text.getBytes(StandardCharsets.UTF_16BE);
        assertEquals(StandardCharsets.UTF_16LE, TextEncoding.of(le));
        assertEquals(StandardCharsets.UTF_16BE, TextEncoding.of(be));
        assertEquals(text, RecordFields.utf8(le));
        assertEquals(text, RecordFields.utf8(be));
        // UTF-8, a zeroed block (a damaged file) and a single character are not UTF-16
        assertEquals(StandardCharsets.UTF_8, TextEncoding.of(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, TextEncoding.of(new byte[64]));
        assertEquals(StandardCharsets.UTF_8, TextEncoding.of(new byte[] {'a', 0}));
        // a few letters outside Latin-1 (both bytes set) keep it UTF-16
        String mixed = "start,code,label\n1,ANX_STR_SIGH,\u0432\u0437\u0434\u043e\u0445 sigh and more text here\n";
        assertEquals(StandardCharsets.UTF_16LE, TextEncoding.of(mixed.getBytes(StandardCharsets.UTF_16LE)));
        ParseResult<RawAnnotation> r =
                new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV).parse(le, "extra.csv", "s1");
        assertEquals(1, r.records().size(), r.rejects().toString());
        assertEquals(100.5, r.records().get(0).startS(), 1e-9);
    }

    @Test
    void shouldGiveTheLabelAsWrittenWhenAnExcelCsvIsWindows1252() {
        byte[] csv = "start;end;code;actor;note\r\n100,5;112;Hände ringen;client;Jörg weinte\r\n".getBytes(CP1252);
        ParseResult<RawAnnotation> r =
                new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV).parse(csv, "extra.csv", "s1");
        assertEquals(1, r.records().size(), r.rejects().toString());
        assertEquals("Hände ringen", r.records().get(0).label());
        assertEquals(100.5, r.records().get(0).startS(), 1e-9);
        assertEquals("Jörg weinte", r.records().get(0).note());
    }
}
