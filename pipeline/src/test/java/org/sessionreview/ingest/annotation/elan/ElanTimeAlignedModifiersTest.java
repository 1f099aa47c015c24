package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** Modifier tiers that ELAN aligns in time (Included_In, Time_Subdivision) instead of by reference. */
class ElanTimeAlignedModifiersTest {
    private static String eaf(String constraint, String childBegin, String childEnd) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                    <TIME_ORDER>
                        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="110000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="%s"/>
                        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="%s"/>
                        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="200000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts6" TIME_VALUE="230000"/>
                    </TIME_ORDER>
                    <TIER LINGUISTIC_TYPE_REF="default" PARTICIPANT="client" TIER_ID="Client anxiety">
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                            <ANNOTATION_VALUE>ANX_STR_HANDS</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts5" TIME_SLOT_REF2="ts6">
                            <ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                    </TIER>
                    <TIER LINGUISTIC_TYPE_REF="sub" PARENT_REF="Client anxiety" PARTICIPANT="client" TIER_ID="intensity">
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                            <ANNOTATION_VALUE>3</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                    </TIER>
                    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
                    <LINGUISTIC_TYPE CONSTRAINTS="%s" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="sub" TIME_ALIGNABLE="true"/>
                    <CONSTRAINT DESCRIPTION="x" STEREOTYPE="%s"/>
                </ANNOTATION_DOCUMENT>
                """.formatted(childBegin, childEnd, constraint, constraint);
    }

    private static ParseResult<RawAnnotation> parse(String text) {
        return new ElanParser().parse(text.getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
    }

    @Test
    void shouldAttachAnIncludedInIntensityToTheAnnotationContainingIt() {
        ParseResult<RawAnnotation> r = parse(eaf("Included_In", "101000", "105000"));
        // before: "3" was a record of its own whose label mapped to no code, the hands cue had no intensity
        assertBalanced(r, 2, 0);
        assertEquals(Map.of("intensity", "3"), r.records().get(0).modifiers());
        assertEquals(Map.of(), r.records().get(1).modifiers());
    }

    @Test
    void shouldAttachATimeSubdivisionValueSpanningItsWholeParent() {
        ParseResult<RawAnnotation> r = parse(eaf("Time_Subdivision", "200000", "230000"));
        assertBalanced(r, 2, 0);
        assertEquals(Map.of(), r.records().get(0).modifiers());
        assertEquals(Map.of("intensity", "3"), r.records().get(1).modifiers());
    }

    @Test
    void shouldKeepCodesOnATimeAlignedTierNamedWithAnotherModifierWord() {
        // "channel" names a modifier only on a Symbolic_Association tier: an Included_In "anxiety channel"
        // tier holding ANX_* codes keeps them as records
        String text = eaf("Included_In", "101000", "105000")
                .replace("TIER_ID=\"intensity\"", "TIER_ID=\"anxiety channel\"")
                .replace("<ANNOTATION_VALUE>3</ANNOTATION_VALUE>", "<ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE>");
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 3, 0);
        assertEquals(Map.of(), r.records().get(0).modifiers());
    }

    @Test
    void shouldRejectAValueThatNoCodedAnnotationContains() {
        String text = eaf("Included_In", "150000", "160000");
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 2, 1);
        long line =
                text.lines().takeWhile(l -> !l.contains("ANNOTATION_ID=\"a2\"")).count() + 1;
        assertEquals(
                "modifier annotation: no one annotation of the coded parent tier contains it",
                rejectAt(r, line).reason);
    }
}
