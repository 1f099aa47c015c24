package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationNormalizer;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.Codebook;

/**
 * Modifier tiers whose values come from a multilingual controlled vocabulary: ELAN writes the value
 * in the language the coder chose, with a {@code CVE_REF} to the entry that holds the others.
 */
class ElanCvModifiersTest {
    private static String eaf(String lang1, String value1, String value2) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                    <TIME_ORDER>
                        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="110000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="200000"/>
                        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="230000"/>
                    </TIME_ORDER>
                    <TIER LINGUISTIC_TYPE_REF="default" PARTICIPANT="client" TIER_ID="Client anxiety">
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                            <ANNOTATION_VALUE>ANX_STR_HANDS</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                            <ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                    </TIER>
                    <TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Client anxiety" PARTICIPANT="client" TIER_ID="intensity">
                        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1" CVE_REF="cve_int_2">
                            <ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a2" CVE_REF="cve_int_3">
                            <ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                    </TIER>
                    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
                    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" CONTROLLED_VOCABULARY_REF="int"
                        GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false"/>
                    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138580-001" LANG_ID="deu" LANG_LABEL="German (deu)"/>
                    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>
                    <CONSTRAINT DESCRIPTION="x" STEREOTYPE="Symbolic_Association"/>
                    <CONTROLLED_VOCABULARY CV_ID="int">
                        <DESCRIPTION LANG_REF="%s"/>
                        <CV_ENTRY_ML CVE_ID="cve_int_2"><CVE_VALUE LANG_REF="deu">mittel</CVE_VALUE><CVE_VALUE LANG_REF="eng">medium</CVE_VALUE></CV_ENTRY_ML>
                        <CV_ENTRY_ML CVE_ID="cve_int_3"><CVE_VALUE LANG_REF="deu">stark</CVE_VALUE><CVE_VALUE LANG_REF="eng">high</CVE_VALUE></CV_ENTRY_ML>
                    </CONTROLLED_VOCABULARY>
                </ANNOTATION_DOCUMENT>
                """.formatted(value1, value2, lang1);
    }

    private static List<Annotation> read(String text) {
        ParseResult<RawAnnotation> r =
                new ElanParser().parse(text.getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
        assertBalanced(r, 2, 0);
        ParseResult<Annotation> n = new AnnotationNormalizer(Codebook.canonicalOnly()).normalizeAll(r, "s1");
        assertEquals(0, n.rejects().size(), n.rejects().toString());
        return n.records();
    }

    @Test
    void shouldReadAModifierWrittenInAnotherLanguageOfItsVocabularyAsTheEnglishOne() {
        List<Annotation> english = read(eaf("eng", "medium", "high"));
        assertEquals(2, english.get(0).significance);
        assertEquals(3, english.get(1).significance);
        // before: "mittel" and "stark" were outside the allow-list, dropped with a note, the cues
        // counted as of unknown intensity
        List<Annotation> german = read(eaf("deu", "mittel", "stark"));
        assertEquals(2, german.get(0).significance);
        assertEquals(3, german.get(1).significance);
        // an empty value takes its entry's (as a code's does)
        List<Annotation> empty = read(eaf("deu", "", "stark"));
        assertEquals(2, empty.get(0).significance);
    }

    @Test
    void shouldCarryTheEntrysOtherValuesAndIdAsAlternativesOfTheModifier() {
        ParseResult<RawAnnotation> r = new ElanParser()
                .parse(eaf("deu", "mittel", "stark").getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
        assertEquals(Map.of("intensity", "mittel"), r.records().get(0).modifiers());
        assertEquals(
                Map.of("intensity", List.of("medium", "cve_int_2")),
                r.records().get(0).altModifierValues());
        assertNull(r.records().get(0).note());
    }
}
