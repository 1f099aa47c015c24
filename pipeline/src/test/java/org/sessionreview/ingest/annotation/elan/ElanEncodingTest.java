package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.lineOf;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** Encodings of an .eaf and bytes that are not text in them ({@link EafReader#text}). */
class ElanEncodingTest {
    private static final String DAMAGED = "a damaged byte: not text in the file's encoding";
    private final ElanParser parser = new ElanParser();

    /** fixture_v30.eaf with "ä" in its comment: a UTF-8 file holding a valid multi-byte sequence. */
    private static String fixture() {
        return new String(AnnotationFixtures.resource("fixture_v30.eaf"), StandardCharsets.UTF_8)
                .replace("Hand-made", "Hand-mäde");
    }

    /** The UTF-8 bytes of {@code text} with the byte at {@code offset} of {@code needle} set to 0xFF. */
    private static byte[] damage(String text, String needle, int offset) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf(needle);
        assertTrue(at >= 0, needle);
        b[at + offset] = (byte) 0xff; // no UTF-8 byte
        return b;
    }

    private static RawAnnotation at(ParseResult<RawAnnotation> r, byte[] file, String id) {
        long line = lineOf(file, "ANNOTATION_ID=\"" + id + "\"");
        return r.records().stream()
                .filter(a -> a.line() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record for " + id + " in " + r.rejects()));
    }

    private static String rejectOf(ParseResult<RawAnnotation> r, byte[] file, String id) {
        return rejectAt(r, lineOf(file, "ANNOTATION_ID=\"" + id + "\"")).reason;
    }

    @Test
    void shouldRejectTheAnnotationAndPrintNothingWhenItsLabelHoldsADamagedByte() {
        byte[] damaged = damage(fixture(), ">minimal<", 3); // the n of "minimal", a2's value
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        ParseResult<RawAnnotation> r;
        try {
            System.setErr(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
            r = parser.parse(damaged, "fixture_v30.eaf", "s1");
        } finally {
            System.setErr(err);
        }
        // before 2026-12-06 the XML parser refused the file and printed "[Fatal Error] ... Invalid byte"
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        // undamaged: 11 records, 2 rejects (a3 empty, a15 orphan modifier); a2 is the third reject
        assertBalanced(r, 10, 3);
        assertEquals(DAMAGED, rejectOf(r, damaged, "a2"));
        assertEquals(3.0, at(r, damaged, "a1").startS(), EPS);
    }

    @Test
    void shouldRejectTheAnnotationWhoseModifierValueHoldsADamagedByte() {
        byte[] damaged = damage(fixture(), ">3<", 1); // a4: significance 3 of a1
        ParseResult<RawAnnotation> r = parser.parse(damaged, "f.eaf", "s1");
        assertBalanced(r, 10, 3);
        assertEquals(DAMAGED, rejectOf(r, damaged, "a1"));
        assertEquals("4", at(r, damaged, "a2").modifiers().get("significance"));
    }

    @Test
    void shouldRejectEveryAnnotationOfATierWhoseParticipantHoldsADamagedByte() {
        byte[] damaged = damage(fixture(), "PARTICIPANT=\"Pat\"", 14); // the a of Pat
        ParseResult<RawAnnotation> r = parser.parse(damaged, "f.eaf", "s1");
        assertEquals(DAMAGED, rejectOf(r, damaged, "a1"));
        assertEquals(DAMAGED, rejectOf(r, damaged, "a2"));
        assertEquals("empty annotation value", rejectOf(r, damaged, "a3"));
        assertBalanced(r, 9, 4);
        assertEquals("TURN_TH", at(r, damaged, "a6").label());
        byte[] tierId = damage(fixture(), "TIER_ID=\"TH-turns\"", 10); // the H of TH
        r = parser.parse(tierId, "f.eaf", "s1");
        assertEquals(DAMAGED, rejectOf(r, tierId, "a6"));
        assertEquals("Seufzer", at(r, tierId, "a1").label());
    }

    @Test
    void shouldKeepTheAnnotationWhoseNoteHoldsADamagedByte() {
        byte[] damaged = damage(fixture(), "PRIVATE NOTE", 2); // a16, a note of a1
        ParseResult<RawAnnotation> r = parser.parse(damaged, "f.eaf", "s1");
        assertBalanced(r, 11, 2);
        assertEquals("Seufzer", at(r, damaged, "a1").label());
    }

    @Test
    void shouldReadWindows1252TextThatDeclaresUtf8AsTheOtherTextFormatsDo() {
        String text = new String(AnnotationFixtures.resource("fixture_v30.eaf"), StandardCharsets.UTF_8)
                .replace(">minimal<", ">Hände<")
                .replace("PARTICIPANT=\"Pat\"", "PARTICIPANT=\"Bär\"");
        for (String declaration : List.of("encoding=\"UTF-8\"", "")) {
            byte[] cp1252 = text.replace("encoding=\"UTF-8\"", declaration).getBytes(Charset.forName("windows-1252"));
            ParseResult<RawAnnotation> r = parser.parse(cp1252, "f.eaf", "s1");
            // before: "H\uFFFDnde" from a file the XML parser had refused whole
            assertBalanced(r, 11, 2);
            assertEquals("Hände", at(r, cp1252, "a2").label(), declaration);
            assertEquals("CL-codes", at(r, cp1252, "a2").actorHint());
            assertTrue(at(r, cp1252, "a2").altActorHints().contains("Bär"));
        }
        // an encoding the declaration names is followed
        byte[] latin1 =
                text.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                "Hände", at(parser.parse(latin1, "f.eaf", "s1"), latin1, "a2").label());
    }

    @Test
    void shouldRejectTheFileNamingAnEncodingTheReaderDoesNotKnow() {
        byte[] file = fixture()
                .replace("encoding=\"UTF-8\"", "encoding=\"x-klingon-8\"")
                .getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> r = parser.parse(file, "f.eaf", "s1");
        assertBalanced(r, 0, 1);
        assertEquals(1, r.rejects().get(0).line);
        assertTrue(
                r.rejects().get(0).reason.contains("names the encoding x-klingon-8"),
                r.rejects().get(0).reason);
    }

    @Test
    void shouldReadUtf16WithoutAByteOrderMarkFromTheBytesOfItsDeclaration() {
        String text = fixture().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            ParseResult<RawAnnotation> r = parser.parse(text.getBytes(utf16), "f.eaf", "s1");
            // before: the bytes were read as UTF-8 and the file was malformed XML at line 1
            assertBalanced(r, 11, 2);
            assertEquals("minimal", at(r, utf8, "a2").label(), utf16.name());
            assertEquals(3.0, at(r, utf8, "a1").startS(), EPS);
        }
    }

    @Test
    void shouldKeepAReplacementCharacterWrittenInAnUndamagedFile() {
        byte[] file = fixture().replace(">minimal<", ">mi\uFFFDimal<").getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> r = parser.parse(file, "f.eaf", "s1");
        assertBalanced(r, 11, 2);
        assertEquals("mi\uFFFDimal", at(r, file, "a2").label());
    }
}
