package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.RecordFields.Decimals.COMMA;
import static org.sessionreview.ingest.annotation.RecordFields.Decimals.POINT;
import static org.sessionreview.ingest.annotation.RecordFields.Decimals.POINT_OR_COMMA;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {

    @Test
    void shouldRecogniseFreeTextWhenAnyWordOfTheNameIsANoteWord() {
        for (String name : new String[] {"note", "Comment start", "comment@CL", "NOTES", "free_text", "transcript"}) {
            assertTrue(RecordFields.isFreeText(name), name);
        }
        for (String name : new String[] {"significance", "notebook", "context", "channel", null}) {
            assertFalse(RecordFields.isFreeText(name), String.valueOf(name));
        }
    }

    @Test
    void shouldConvertClockTimesToSecondsWhenMinutesOrHoursAreGiven() throws InvalidRecordException {
        assertEquals(580.0, RecordFields.parseClock("start", "09:40"), 1e-12);
        assertEquals(1.629, RecordFields.parseClock("start", "00:00:01.629"), 1e-12);
        assertEquals(3723.5, RecordFields.parseClock("start", "1:02:03.5"), 1e-12);
        // without hours the minutes may pass 59: sessions run past an hour
        assertEquals(4335.0, RecordFields.parseClock("start", "72:15"), 1e-12);
        assertEquals(7200.5, RecordFields.parseClock("start", "120:00.5"), 1e-12);
        assertEquals(
                "field start has minutes or seconds of 60 or more",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseClock("start", "1:72:15"))
                        .getMessage());
        assertThrows(InvalidRecordException.class, () -> RecordFields.parseClock("start", "72:60"));
        assertEquals(
                "field start is not a time (mm:ss or hh:mm:ss[.fff])",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseClock("start", "61:00:00:00"))
                        .getMessage());
        // hours past an int (a damaged cell) are no time, not a NumberFormatException losing the file
        assertEquals(
                "field start is not a time (mm:ss or hh:mm:ss[.fff])",
                assertThrows(
                                InvalidRecordException.class,
                                () -> RecordFields.parseClock("start", "99999999999999999999:00:00"))
                        .getMessage());
    }

    @Test
    void shouldRejectNonFiniteAndMissingSecondsWhenParsing() {
        // not-a-number is how scripts write a missing number (NativeNotANumberTest)
        assertEquals(
                "missing required field 'start'",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("start", "NaN"))
                        .getMessage());
        assertEquals(
                "field start is not a finite number",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("start", "-Infinity"))
                        .getMessage());
        assertEquals(
                "missing required field 'Stop (s)'",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("Stop (s)", "NA"))
                        .getMessage());
    }

    @Test
    void shouldDropByteOrderMarkWhenDecoding() {
        assertEquals(
                "start",
                RecordFields.utf8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 's', 't', 'a', 'r', 't'}));
    }

    @Test
    void shouldReadDecimalCommaOnlyWhenAllowed() throws InvalidRecordException {
        for (RecordFields.Decimals d : List.of(COMMA, POINT_OR_COMMA)) {
            assertEquals(100.25, RecordFields.parseSeconds("Time", "100,250", d), 1e-12);
            assertEquals(-0.5, RecordFields.parseSeconds("Time", " -0,5 ", d), 1e-12);
        }
        assertEquals(7.125, RecordFields.parseSeconds("Time", "7.125", POINT_OR_COMMA), 1e-12);
        assertEquals(1.3, RecordFields.parseSeconds("Time", "1.300", POINT_OR_COMMA), 1e-12);
        // a file writing decimal commas groups thousands with dots: 1.300 is no 1.3
        assertEquals(1300, RecordFields.parseSeconds("Time", "1.300", COMMA), 1e-12);
        assertEquals(1302.5, RecordFields.parseSeconds("Time", "1.302,5", COMMA), 1e-12);
        assertEquals(1302, RecordFields.parseSeconds("Time", "1.302,", COMMA), 1e-12);
        assertEquals(1234567.25, RecordFields.parseSeconds("Time", "1.234.567,25", COMMA), 1e-9);
        assertEquals(1.3, RecordFields.parseSeconds("Time", "1.300", POINT), 1e-12, "decimal points: unchanged");
        assertEquals(7125, RecordFields.parseSeconds("Time", "7.125", COMMA), 1e-12);
        // 0.500 and 09.400: no locale groups thousands with a leading zero (before: 0.500 read 500 s)
        for (String dotted :
                List.of("13.5", "1.30", "1.3000", "1234.500", "1.300.5", ".5", "0.500", "09.400", "-0.250")) {
            assertEquals(
                    "field Time is ambiguous: this file writes decimal commas, so a dot may only group thousands"
                            + " (1.300 or 1.302,5)",
                    assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("Time", dotted, COMMA))
                            .getMessage(),
                    dotted);
        }
        assertEquals(
                "field Time is not a number",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("Time", "100,250"))
                        .getMessage());
        assertEquals(
                "field Time is not a number",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("Time", "1,000,5", COMMA))
                        .getMessage());
        assertEquals(
                "field Time is not a number",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("Time", ",5", COMMA))
                        .getMessage());
    }

    @Test
    void shouldTellAFileWritingDecimalCommasByMostOfItsNumbers() {
        assertEquals(COMMA, RecordFields.decimals(';', List.of("1.300", "62,5")));
        assertEquals(COMMA, RecordFields.decimals('\t', List.of("", "1.302,5", "note 1.5")));
        assertEquals(COMMA, RecordFields.decimals(';', List.of(" -0,5 ", "1,5", "13.5")), "more commas than points");
        assertEquals(POINT_OR_COMMA, RecordFields.decimals(';', List.of("1.300", "07:50", "00:01:02,500")));
        assertEquals(POINT_OR_COMMA, RecordFields.decimals(';', List.of("62,5", "0.0")), "a tie: points");
        assertEquals(
                POINT_OR_COMMA,
                RecordFields.decimals('\t', List.of("850.000", "1,5", "1300.000", "1500.000")),
                "one stray comma in a BORIS export writing points");
        assertEquals(POINT, RecordFields.decimals(',', List.of("62,5")), "in a comma table a comma is no decimal");
        assertEquals(POINT_OR_COMMA, RecordFields.decimals(';', List.of("1,000,5", "a,b")));
    }

    @Test
    void shouldDecodeUtf16WhenContentStartsWithItsByteOrderMark() {
        String text = "\uFEFFstart\tcode \u00e9";
        assertEquals("start\tcode \u00e9", RecordFields.utf8(text.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("start\tcode \u00e9", RecordFields.utf8(text.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(
                "\u00fe\u00ffstart",
                RecordFields.utf8("\u00fe\u00ffstart".getBytes(StandardCharsets.UTF_8)),
                "the characters \u00fe\u00ff in UTF-8 are no UTF-16 mark");
    }

    @Test
    void shouldRefuseATimeWithNulBytesOrInAFormNoToolWrites() throws Exception {
        // before: trim() and parseDouble dropped the NULs of a zeroed block, "3\0\0" (a damaged 30) read 3 s
        for (String text : List.of("3\0\0", "\0\03", "3\u0001")) {
            InvalidRecordException e = assertThrows(
                    InvalidRecordException.class, () -> RecordFields.parseSeconds("start", text, POINT), text);
            assertTrue(e.getMessage().startsWith("field start holds "), e.getMessage());
        }
        assertThrows(InvalidRecordException.class, () -> RecordFields.parseTime("start", "01:02\0", POINT));
        // Double.parseDouble reads these as 8, 12 and 12: no coding tool writes a time so
        for (String text : List.of("0x1p3", "12d", "12F")) {
            InvalidRecordException e = assertThrows(
                    InvalidRecordException.class, () -> RecordFields.parseSeconds("start", text, POINT), text);
            assertEquals("field start is not a number", e.getMessage());
        }
        assertEquals(
                "field start is not a finite number",
                assertThrows(InvalidRecordException.class, () -> RecordFields.parseSeconds("start", "-Infinity", POINT))
                        .getMessage());
        for (String[] ok :
                new String[][] {{" 12.5\t", "12.5"}, {"+5", "5"}, {".5", "0.5"}, {"5.", "5"}, {"1e2", "100"}}) {
            assertEquals(Double.parseDouble(ok[1]), RecordFields.parseSeconds("start", ok[0], POINT), ok[0]);
        }
        byte[] csv = "start,end,code,actor\n10,20,ANX_STR_SIGH,client\n3\0\0,40,AFF_CUE,client\n"
                .getBytes(StandardCharsets.UTF_8);
        var r = AnnotationReader.read(new java.io.ByteArrayInputStream(csv), "codes.csv", "codes.csv", "s");
        assertEquals(1, r.records().size());
        assertEquals(3, r.rejects().get(0).line);
        assertTrue(r.rejects().get(0).reason.contains("NUL bytes"), r.rejects().get(0).reason);
    }
}
