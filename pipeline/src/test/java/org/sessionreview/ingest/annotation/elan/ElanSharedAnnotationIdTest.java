package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.RawAnnotation;

/**
 * Two annotations sharing one ANNOTATION_ID (files merged by hand; ELAN never writes it): a
 * reference to that id could mean either, so it is a reject saying so, never attached to the
 * first without a word (twelfth audit: an intensity so referring went to the first annotation).
 */
class ElanSharedAnnotationIdTest {
    private static final String EAF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                <TIME_ORDER>
                    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="110000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="200000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="230000"/>
                </TIME_ORDER>
                <TIER LINGUISTIC_TYPE_REF="default" PARTICIPANT="client" TIER_ID="client">
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                        <ANNOTATION_VALUE>ANX_STR_HANDS</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                        <ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="client" PARTICIPANT="client" TIER_ID="intensity">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1">
                        <ANNOTATION_VALUE>3</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="client" PARTICIPANT="client" TIER_ID="client codes">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a1">
                        <ANNOTATION_VALUE>AFF_TEARS</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
                <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false"
                    LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false"/>
                <CONSTRAINT DESCRIPTION="x" STEREOTYPE="Symbolic_Association"/>
            </ANNOTATION_DOCUMENT>
            """;

    @Test
    void shouldRejectAReferenceToAnIdTwoAnnotationsShare() {
        ParseResult<RawAnnotation> r = new ElanParser().parse(EAF.getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
        // both annotations sharing the id are read (their own times and codes are whole)
        assertEquals(2, r.records().size(), r.records().toString());
        for (RawAnnotation a : r.records()) {
            assertTrue(a.modifiers() == null || a.modifiers().isEmpty(), "no intensity attached: " + a.modifiers());
        }
        // the intensity and the dependent code referring to it: one reject each, saying why
        assertEquals(2, r.rejects().size(), r.rejects().toString());
        for (var x : r.rejects()) {
            assertTrue(x.reason.contains("two annotations share"), x.reason);
        }
        assertEquals(
                List.of(17L, 21L),
                r.rejects().stream().map(x -> x.line).sorted().toList());
    }

    /**
     * A chain of dependent tiers, as ELAN projects build them ({@code vcm@CHI} -> {@code lex@CHI}
     * -> {@code mwu@CHI} in the ACLEW template): a significance tier on the coded tier, an
     * intensity and a comment tier on the significance tier. When the coded annotations share the
     * id the significance refers to, the intensity (two steps away) must not go to the first of
     * them either: before, only the first step of the chain was checked.
     */
    private static final String CHAIN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                <TIME_ORDER>
                    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="190000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="215000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="420000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="428000"/>
                </TIME_ORDER>
                <TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="client" TIER_ID="CL">
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                        <ANNOTATION_VALUE>RUP_W_DENIAL</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                        <ANNOTATION_VALUE>RUP_C_COMPLAINT_THERAPIST</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="CL" PARTICIPANT="client" TIER_ID="significance@CL">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1">
                        <ANNOTATION_VALUE>3</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="significance@CL" PARTICIPANT="client"
                    TIER_ID="intensity@significance">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a3">
                        <ANNOTATION_VALUE>2</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="CL" PARTICIPANT="client" TIER_ID="CL codes">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a5" ANNOTATION_REF="a1">
                        <ANNOTATION_VALUE>AFF_TEARS</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="CL codes" PARTICIPANT="client" TIER_ID="CL subcodes">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a6" ANNOTATION_REF="a5">
                        <ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>
                <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false"
                    LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false"/>
                <CONSTRAINT DESCRIPTION="x" STEREOTYPE="Symbolic_Association"/>
            </ANNOTATION_DOCUMENT>
            """;

    @Test
    void shouldRejectEveryStepOfAChainOfReferencesThatReachesASharedId() {
        ParseResult<RawAnnotation> r =
                new ElanParser().parse(CHAIN.getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
        assertEquals(2, r.records().size(), r.records().toString());
        for (RawAnnotation a : r.records()) {
            // before: intensity 2 went to RUP_W_DENIAL, the first annotation sharing the id
            assertTrue(a.modifiers() == null || a.modifiers().isEmpty(), "no modifier attached: " + a.modifiers());
        }
        // significance (line 17), intensity (22), the dependent code (26) and its own child (30)
        assertEquals(
                List.of(17L, 22L, 26L, 30L),
                r.rejects().stream().map(x -> x.line).sorted().toList(),
                r.rejects().toString());
        for (var x : r.rejects()) {
            assertTrue(x.reason.contains("two annotations share"), x.reason);
        }
        // the steps after the first say the shared id lies further up the chain
        assertTrue(
                r.rejects().stream()
                        .filter(x -> x.line == 22L || x.line == 30L)
                        .allMatch(x -> x.reason.contains("through")),
                r.rejects().toString());
    }
}
