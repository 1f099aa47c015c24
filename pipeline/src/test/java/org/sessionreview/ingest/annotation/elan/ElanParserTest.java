package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.lineOf;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.model.Reject;

class ElanParserTest {
    private final ElanParser parser = new ElanParser();

    private static RawAnnotation at(ParseResult<RawAnnotation> r, byte[] file, String annotationId) {
        long line = lineOf(file, "ANNOTATION_ID=\"" + annotationId + "\"");
        return r.records().stream()
                .filter(a -> a.line() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record for " + annotationId + " at line " + line));
    }

    @Test
    void shouldReadBothParticipantTiersWhenParsingPympiFto() {
        byte[] file = AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "pympi_fto.eaf", "s1");

        // tier a: a1 a2 a3; tier b: a4 a7 a5 a6; tier "default" is empty
        assertBalanced(r, 7, 0);
        RawAnnotation first = r.records().get(0);
        assertEquals(0.0, first.startS(), EPS);
        assertEquals(1.629, first.endS(), EPS);
        assertEquals("a", first.label());
        assertEquals("a", first.actorHint(), "participant 'a' is no role name: the tier id is the hint");
        assertEquals("pympi_fto.eaf", first.sourceFile());
        assertEquals(lineOf(file, "ANNOTATION_ID=\"a1\""), first.line());
        // document order: tier b's a7 (ts8-ts9) comes before a5 although its id is larger
        RawAnnotation a7 = r.records().get(4);
        assertEquals(4.690, a7.startS(), EPS);
        assertEquals(5.050, a7.endS(), EPS);
        assertEquals("b", a7.actorHint());
        RawAnnotation last = r.records().get(6);
        assertEquals(7.990, last.startS(), EPS);
        assertEquals(9.550, last.endS(), EPS);
        assertTrue(r.records().stream().allMatch(a -> a.modifiers().isEmpty() && a.note() == null));
    }

    @Test
    void shouldRejectEmptyValuesWhenParsingBlabpyFile() {
        byte[] file = AnnotationFixtures.shared("annotations/elan/blabpy_test_eaf.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "blabpy_test_eaf.eaf", "s1");

        // 10 alignable annotations; a2, a7 (tier code) and a5, a10 (tier context) are empty
        assertBalanced(r, 6, 4);
        for (String id : List.of("a2", "a7", "a5", "a10")) {
            Reject rej = rejectAt(r, lineOf(file, "ANNOTATION_ID=\"" + id + "\""));
            assertEquals("empty annotation value", rej.reason);
            assertEquals("s1", rej.sessionId);
            assertNull(rej.raw, "no raw text: ids, tier names and values can carry names");
        }
        RawAnnotation codeNum = at(r, file, "a3");
        assertEquals("1", codeNum.label());
        assertEquals(353.0, codeNum.startS(), EPS);
        assertEquals(473.0, codeNum.endS(), EPS);
        assertEquals("code_num", codeNum.actorHint(), "a tier without participant hints its id");
        RawAnnotation onOff = at(r, file, "a9");
        assertEquals("1200000_1320000", onOff.label());
        assertEquals(1200.0, onOff.startS(), EPS);
        assertEquals(1320.0, onOff.endS(), EPS);
        assertEquals("sampling_type", at(r, file, "a11").actorHint());
        // external CV (ecv) is not fetched: no alternative labels
        assertTrue(r.records().stream().allMatch(a -> a.altLabels().isEmpty()));
    }

    @Test
    void shouldApplyTimeOriginOfMasterMediaWhenFixtureHasTwoDescriptors() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "fixture_v30.eaf", "s1");

        RawAnnotation a1 = at(r, file, "a1");
        // slots 1000-4000 ms plus the master TIME_ORIGIN 2000 ms (the extracted audio's 9999 is ignored)
        assertEquals(3.0, a1.startS(), EPS);
        assertEquals(6.0, a1.endS(), EPS);
    }

    @Test
    void shouldCountEveryAnnotationWhenFixtureHasModifierNoteAndOrphans() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "fixture_v30.eaf", "s1");

        // records: CL-codes a1 a2 a3, TH-turns a6, TH-steps a8 a7 a9, TH-included a10,
        // TH-words a11 a13 a12, TH-gloss a14, orphan modifier a15; a3 empty, a15 orphan
        assertBalanced(r, 11, 2);
        assertEquals("empty annotation value", rejectAt(r, lineOf(file, "ANNOTATION_ID=\"a3\"")).reason);
        assertEquals(
                "modifier annotation: its ANNOTATION_REF leads to no annotation on a coded tier",
                rejectAt(r, lineOf(file, "ANNOTATION_ID=\"a15\"")).reason);
        List<Long> lines = r.records().stream().map(RawAnnotation::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "document order");
    }

    @Test
    void shouldAttachSignificanceAndNoteWhenDependentTiersNameThem() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "fixture_v30.eaf", "s1");

        RawAnnotation a1 = at(r, file, "a1");
        assertEquals(Map.of("significance", "3"), a1.modifiers());
        assertEquals("PRIVATE NOTE mentions Maria", a1.note());
        assertEquals("CL-codes", a1.actorHint(), "participant 'Pat' is a person's name, no role word");
        assertEquals(Map.of("significance", "4"), at(r, file, "a2").modifiers());
        assertNull(at(r, file, "a2").note());
        assertFalse(
                r.records().stream()
                        .anyMatch(a -> a.label().equals("3") || a.label().contains("PRIVATE")),
                "modifier and note annotations are not records");
    }

    @Test
    void shouldDropAModifierThatTwoTiersGiveOneAnnotationWithDifferentValues() {
        String fixture = new String(AnnotationFixtures.resource("fixture_v30.eaf"), StandardCharsets.UTF_8);
        String second =
                "    <TIER LINGUISTIC_TYPE_REF=\"sig-lt\" PARENT_REF=\"CL-codes\" TIER_ID=\"significance-2@CL-codes\">\n"
                        + "        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"a90\" ANNOTATION_REF=\"a1\">"
                        + "<ANNOTATION_VALUE>5</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n"
                        + "        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"a91\" ANNOTATION_REF=\"a2\">"
                        + "<ANNOTATION_VALUE>4</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n"
                        + "    </TIER>\n";
        String eaf = fixture.replace(
                "    <TIER LINGUISTIC_TYPE_REF=\"sig-lt\" PARENT_REF=\"CL-codes\" TIER_ID=\"comment@CL-codes\">",
                second
                        + "    <TIER LINGUISTIC_TYPE_REF=\"sig-lt\" PARENT_REF=\"CL-codes\" TIER_ID=\"comment@CL-codes\">");
        byte[] file = eaf.getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> r = parser.parse(file, "two.eaf", "s1");

        // before: the later tier's 5 silently replaced the 3
        assertEquals(Map.of(), at(r, file, "a1").modifiers());
        assertEquals(Map.of("significance", "4"), at(r, file, "a2").modifiers(), "the same value twice is one");
        assertBalanced(r, 11, 3);
        assertEquals(
                "modifier annotation: a second significance for one annotation, with another value (which is meant is"
                        + " unknown); the annotation is kept without it",
                rejectAt(r, lineOf(file, "ANNOTATION_ID=\"a90\"")).reason);
    }

    @Test
    void shouldOfferOtherLanguageValuesWhenCvEntryIsMultilingual() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "fixture_v30.eaf", "s1");

        RawAnnotation a1 = at(r, file, "a1"); // CVE_REF="cve_sigh", value in German
        assertEquals("Seufzer", a1.label());
        assertEquals(List.of("ANX_STR_SIGH", "cve_sigh"), a1.altLabels());
        RawAnnotation a2 = at(r, file, "a2"); // no CVE_REF, value matches entry cve_min
        assertEquals(List.of("RUP_W_MINIMAL", "cve_min"), a2.altLabels());
    }

    @Test
    void shouldMakePointEventWhenAnnotationIsShorterThan100Ms() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        RawAnnotation a2 = at(parser.parse(file, "f.eaf", "s1"), file, "a2"); // 10000-10050 ms
        assertEquals(12.0, a2.startS(), EPS);
        assertNull(a2.endS());
        assertTrue(a2.isPoint());
    }

    @Test
    void shouldInterpolateUnalignedSlotsEvenlyWhenTierSubdividesItsParent() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "f.eaf", "s1");

        // parent a6 30000-36000 ms; chain ts9 - ts10 - ts11 - ts12 with ts10, ts11 unaligned
        double origin = 2.0;
        double third = (36.0 - 30.0) / 3;
        RawAnnotation a7 = at(r, file, "a7");
        RawAnnotation a8 = at(r, file, "a8");
        RawAnnotation a9 = at(r, file, "a9");
        assertEquals(30.0 + origin, a7.startS(), EPS);
        assertEquals(30.0 + third + origin, a7.endS(), EPS);
        assertEquals(30.0 + third + origin, a8.startS(), EPS);
        assertEquals(30.0 + 2 * third + origin, a8.endS(), EPS);
        assertEquals(30.0 + 2 * third + origin, a9.startS(), EPS);
        assertEquals(36.0 + origin, a9.endS(), EPS);
        assertEquals("TH-steps", a7.actorHint());
    }

    @Test
    void shouldTakeParentBeginWhenIncludedAnnotationStartsUnaligned() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        RawAnnotation a10 = at(parser.parse(file, "f.eaf", "s1"), file, "a10"); // ts13 unaligned - ts14 31000
        assertEquals(32.0, a10.startS(), EPS);
        assertEquals(33.0, a10.endS(), EPS);
    }

    @Test
    void shouldSplitParentInPreviousAnnotationOrderWhenTierIsSymbolicSubdivision() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "f.eaf", "s1");

        // document order a11, a13, a12; PREVIOUS_ANNOTATION order a11 -> a12 -> a13
        assertEquals(32.0, at(r, file, "a11").startS(), EPS);
        assertEquals(34.0, at(r, file, "a11").endS(), EPS);
        assertEquals(34.0, at(r, file, "a12").startS(), EPS);
        assertEquals(36.0, at(r, file, "a12").endS(), EPS);
        assertEquals(36.0, at(r, file, "a13").startS(), EPS);
        assertEquals(38.0, at(r, file, "a13").endS(), EPS);
    }

    @Test
    void shouldFollowReferenceChainWhenAssociationRefersToSubdivision() {
        byte[] file = AnnotationFixtures.resource("fixture_v30.eaf");
        ParseResult<RawAnnotation> r = parser.parse(file, "f.eaf", "s1");

        RawAnnotation a14 = at(r, file, "a14"); // -> a12 (symbolic subdivision) -> a6
        assertEquals("INT_REASSURANCE", a14.label());
        assertEquals(34.0, a14.startS(), EPS);
        assertEquals(36.0, a14.endS(), EPS);
        assertEquals("Therapist", at(r, file, "a6").actorHint(), "a role-name participant is the hint");
    }

    @Test
    void shouldRejectWholeFileWhenXmlIsMalformed() {
        byte[] file = AnnotationFixtures.utf8("<ANNOTATION_DOCUMENT>\n<TIER TIER_ID=\"x\">\n</ANNOTATION_DOCUMENT>\n");
        ParseResult<RawAnnotation> r = parser.parse(file, "bad.eaf", "s1");
        assertBalanced(r, 0, 1);
        assertTrue(
                r.rejects().get(0).reason.startsWith("malformed XML"),
                r.rejects().get(0).reason);
        assertEquals(3, r.rejects().get(0).line);
    }

    @Test
    void shouldRejectAnnotationWhenSlotIsUndefinedOrUnanchored() {
        String eaf = """
                <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="500"/></TIME_ORDER>
                <TIER LINGUISTIC_TYPE_REF="t" TIER_ID="CL">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts9"><ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t" TIME_ALIGNABLE="true"/>
                </ANNOTATION_DOCUMENT>
                """;
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(eaf), "slots.eaf", "s1");
        assertBalanced(r, 0, 2);
        assertTrue(
                rejectAt(r, 5).reason.startsWith("the TIME_SLOT of TIME_SLOT_REF1 has no TIME_VALUE"),
                rejectAt(r, 5).reason);
        assertEquals("TIME_SLOT_REF2 is not defined in TIME_ORDER", rejectAt(r, 6).reason);
    }

    @Test
    void shouldNotResolveExternalEntitiesWhenDocumentDeclaresThem() {
        String eaf = """
                <?xml version="1.0"?>
                <!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
                <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="900"/></TIME_ORDER>
                <TIER TIER_ID="client" LINGUISTIC_TYPE_REF="t"><ANNOTATION>
                <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>&xxe;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
                </ANNOTATION_DOCUMENT>
                """;
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(eaf), "xxe.eaf", "s1");
        assertBalanced(r, 0, 1);
        assertTrue(
                r.rejects().get(0).reason.startsWith("malformed XML"),
                r.rejects().get(0).reason);
        assertFalse(r.rejects().get(0).reason.contains("xxe"), "the parser's message (it quotes names) is not used");
        assertTrue(r.rejects().get(0).reason.contains("at line 7"), r.rejects().get(0).reason);
    }
    // damaged bytes and encodings of an .eaf: ElanEncodingTest
}
