package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.lineOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** EAF variants written by tools other than ELAN, generated from the real pympi_fto.eaf. */
class ElanEafVariantsTest {
    private static String fto() {
        return new String(AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"), StandardCharsets.UTF_8);
    }

    private static ParseResult<RawAnnotation> parse(String eaf) {
        return new ElanParser().parse(eaf.getBytes(StandardCharsets.UTF_8), "f.eaf", "s1");
    }

    @Test
    void shouldReadAFileReSavedAsUtf16KeepingItsUtf8Declaration() {
        ParseResult<RawAnnotation> plain = parse(fto());
        // Notepad's "Unicode" (UTF-16LE with a byte-order mark, CRLF) and "Unicode big endian",
        // the declaration still saying encoding="UTF-8"
        String crlf = "\uFEFF" + fto().replace("\n", "\r\n");
        for (java.nio.charset.Charset cs : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            ParseResult<RawAnnotation> r = new ElanParser().parse(crlf.getBytes(cs), "f.eaf", "s1");
            // before: the parser followed the declaration and rejected the file as malformed XML
            assertBalanced(r, plain.records().size(), plain.rejects().size());
            for (int i = 0; i < plain.records().size(); i++) {
                assertEquals(plain.records().get(i).label(), r.records().get(i).label());
                assertEquals(plain.records().get(i).startS(), r.records().get(i).startS(), 1e-9);
                assertEquals(plain.records().get(i).line(), r.records().get(i).line());
            }
        }
    }

    @Test
    void shouldRejectAnAnnotationWhoseTimeSlotIsDeclaredTwiceWithTwoTimes() {
        ParseResult<RawAnnotation> plain = parse(fto());
        String twice = fto().replace(
                        "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1629\"/>",
                        "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1629\"/><TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"9000\"/>");
        ParseResult<RawAnnotation> r = parse(twice);
        // before: the first declaration was taken without a word
        assertBalanced(r, plain.records().size() - 1, plain.rejects().size() + 1);
        assertEquals(
                "the TIME_SLOT of TIME_SLOT_REF2 is declared twice in TIME_ORDER with different TIME_VALUEs: which is"
                        + " meant is unknown",
                r.rejects().get(0).reason);
        // the same slot declared twice with one time is no ambiguity
        String same = fto().replace(
                        "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1629\"/>",
                        "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1629\"/><TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1629\"/>");
        assertBalanced(parse(same), plain.records().size(), plain.rejects().size());
    }

    @Test
    void shouldRoundTimeValuesWhenConverterWritesThemWithFraction() {
        ParseResult<RawAnnotation> plain = parse(fto());
        String decimals = fto().replaceAll("TIME_VALUE=\"(\\d+)\"", "TIME_VALUE=\"$1.0\"")
                .replace("TIME_VALUE=\"1629.0\"", "TIME_VALUE=\"1629.4\"");
        ParseResult<RawAnnotation> r = parse(decimals);
        assertBalanced(r, 7, 0);
        for (int i = 0; i < 7; i++) {
            assertEquals(plain.records().get(i).startS(), r.records().get(i).startS(), 1e-9);
            assertEquals(plain.records().get(i).endS(), r.records().get(i).endS(), 1e-9);
        }
        assertEquals(1.629, r.records().get(0).endS(), 1e-9, "1629.4 ms rounds to 1629 ms");
    }

    @Test
    void shouldTakeCvEntryValueWhenAnnotationValueIsEmptyButCveRefIsSet() {
        String eaf = fto().replace(
                        "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">\n"
                                + "                <ANNOTATION_VALUE>a</ANNOTATION_VALUE>",
                        "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\""
                                + " CVE_REF=\"cveid0\">\n                <ANNOTATION_VALUE></ANNOTATION_VALUE>")
                .replace(
                        "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\"",
                        "<ALIGNABLE_ANNOTATION CVE_REF=\"nowhere\" ANNOTATION_ID=\"a2\"")
                .replace(
                        "<ANNOTATION_VALUE>a</ANNOTATION_VALUE>\n            </ALIGNABLE_ANNOTATION>\n        </ANNOTATION>\n"
                                + "        <ANNOTATION>\n            <ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\"",
                        "<ANNOTATION_VALUE/>\n            </ALIGNABLE_ANNOTATION>\n        </ANNOTATION>\n"
                                + "        <ANNOTATION>\n            <ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\"")
                .replace(
                        "LINGUISTIC_TYPE_ID=\"default-lt\" TIME_ALIGNABLE=\"true\"/>",
                        "LINGUISTIC_TYPE_ID=\"default-lt\" TIME_ALIGNABLE=\"true\" CONTROLLED_VOCABULARY_REF=\"codes\"/>\n"
                                + "    <CONTROLLED_VOCABULARY CV_ID=\"codes\"><CV_ENTRY_ML CVE_ID=\"cveid0\">"
                                + "<CVE_VALUE LANG_REF=\"eng\">ANX_STR_SIGH</CVE_VALUE></CV_ENTRY_ML></CONTROLLED_VOCABULARY>");
        ParseResult<RawAnnotation> r = parse(eaf);
        // a1: empty value, CVE_REF in the file; a2: empty value, CVE_REF to no entry in the file
        assertBalanced(r, 6, 1);
        RawAnnotation a1 = r.records().get(0);
        assertEquals("ANX_STR_SIGH", a1.label());
        assertEquals("the CV entry of CVE_REF", a1.labelSource());
        assertEquals(1.629, a1.endS(), 1e-9);
        assertEquals(
                lineOf(eaf.getBytes(StandardCharsets.UTF_8), "ANNOTATION_ID=\"a2\""),
                r.rejects().get(0).line);
        assertEquals("empty annotation value", r.rejects().get(0).reason);
    }
}
