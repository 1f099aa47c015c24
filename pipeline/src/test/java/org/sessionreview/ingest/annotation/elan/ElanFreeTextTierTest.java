package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** Independent tiers named as free text are not codes, and say so once per file. */
class ElanFreeTextTierTest {
    private static final String EAF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                <TIME_ORDER>
                    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100000"/>
                    <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="110000"/>
                </TIME_ORDER>
                <TIER LINGUISTIC_TYPE_REF="default" PARTICIPANT="client" TIER_ID="Client anxiety">
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                        <ANNOTATION_VALUE>ANX_STR_HANDS</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                %s
                <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
            </ANNOTATION_DOCUMENT>
            """;

    private static String tier(String id, String... values) {
        StringBuilder b = new StringBuilder("<TIER LINGUISTIC_TYPE_REF=\"default\" TIER_ID=\"" + id + "\">");
        int i = 0;
        for (String v : values) {
            b.append("<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"t")
                    .append(id.hashCode() & 0xffff)
                    .append('_')
                    .append(i++)
                    .append("\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\"><ANNOTATION_VALUE>")
                    .append(v)
                    .append("</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>");
        }
        return b.append("</TIER>").toString();
    }

    private static ParseResult<RawAnnotation> parse(String tiers) {
        return new ElanParser().parse(EAF.formatted(tiers).getBytes(StandardCharsets.UTF_8), "coding.eaf", "s1");
    }

    @Test
    void shouldCountTheAnnotationsOfFreeTextTiersInOneNoteWithoutNamingThem() {
        ParseResult<RawAnnotation> r =
                parse(tier("Client text codes", "ANX_STR_SIGH", "AFF_CUE") + tier("Transcript Maria", "Hallo", ""));
        assertBalanced(r, 1, 1);
        String note = rejectAt(r, 0).reason;
        assertEquals(
                "3 annotations on 2 tiers named as free text (note, comment, text, transcript, ...) were not read as"
                        + " codes (2 of them canonical codes); a tier of codes needs a name without those words",
                note);
        assertFalse(note.contains("Maria"));
    }

    @Test
    void shouldAddNoNoteWhenFreeTextTiersAreEmpty() {
        assertBalanced(parse(tier("notes", "")), 1, 0);
        assertBalanced(parse(""), 1, 0);
    }

    @Test
    void shouldCountATabExportsFreeTextTierInOneNoteAsItsEafDoes() {
        // twenty-first audit: the tab export's "comment" tier was read as codes, each row a reject
        // "label ... maps to no canonical code", while the .eaf counted it in one line-0 note
        ParseResult<RawAnnotation> eaf =
                parse(tier("Client text codes", "ANX_STR_SIGH", "AFF_CUE") + tier("Transcript Maria", "Hallo", ""));
        String tab = String.join(
                "\n",
                "Client anxiety\tclient\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tANX_STR_HANDS",
                "Client text codes\t\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tANX_STR_SIGH",
                "Client text codes\t\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tAFF_CUE",
                "Transcript Maria\t\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tHallo",
                "Transcript Maria\t\t00:01:40.000\t100.0\t00:01:50.000\t110.0\t",
                "");
        ParseResult<RawAnnotation> r =
                new ElanTabParser().parse(tab.getBytes(StandardCharsets.UTF_8), "coding.txt", "s1");
        // the empty transcript row is no record, as the .eaf's empty annotation
        assertBalanced(r, 1, 1);
        assertEquals(rejectAt(eaf, 0).reason, rejectAt(r, 0).reason);
        assertEquals("ANX_STR_HANDS", r.records().get(0).label());
        assertFalse(rejectAt(r, 0).reason.contains("Maria"));
        assertEquals(null, rejectAt(r, 0).raw);
        // without a tier column nothing changes: the value is read as a code
        ParseResult<RawAnnotation> noTier = new ElanTabParser()
                .parse("00:01:40.000\t00:01:50.000\tcomment\n".getBytes(StandardCharsets.UTF_8), "c.txt", "s1");
        assertBalanced(noTier, 1, 0);
        assertEquals("comment", noTier.records().get(0).label());
    }

    @Test
    void shouldCountTheCellsOfAFreeTextTierColumnInOneNoteInTheColumnPerTierExport() {
        // "Separate column for each tier": a comment column's cells were read as codes too
        String text = "Begin Time - hh:mm:ss.ms\tEnd Time - hh:mm:ss.ms\tClient anxiety\tcomment Maria\n"
                + "00:01:40.000\t00:01:50.000\tANX_STR_HANDS\tHallo\n"
                + "00:01:50.000\t00:02:00.000\t\tHallo\n"
                + "00:02:10.000\t00:02:20.000\t\twie geht's\n";
        ParseResult<RawAnnotation> r =
                new ElanTabParser().parse(text.getBytes(StandardCharsets.UTF_8), "coding.txt", "s1");
        assertBalanced(r, 1, 1);
        assertEquals("ANX_STR_HANDS", r.records().get(0).label());
        // two annotations (the touching equal cells are one, as ELAN splits one annotation so)
        assertEquals(
                "2 annotations on 1 tier named as free text (note, comment, text, transcript, ...) were not read as"
                        + " codes; a tier of codes needs a name without those words",
                rejectAt(r, 0).reason);
    }

    @Test
    void shouldKeepADamagedRowOfAFreeTextTierAsARejectAndSayWhenItsValuesAreCodes() {
        // review of 2026-12-07: a row of a comment tier with two cells was neither accepted nor
        // rejected; a tier of codes named with a free-text word lost its codes with a bare count
        String tab = String.join(
                "\n",
                "Client anxiety\tclient\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tANX_STR_HANDS",
                "comment\t00:02:20.000",
                "Notes on anxiety\t\t00:01:40.000\t100.0\t00:01:50.000\t110.0\tANX_STR_SIGH",
                "");
        ParseResult<RawAnnotation> r =
                new ElanTabParser().parse(tab.getBytes(StandardCharsets.UTF_8), "coding.txt", "s1");
        assertBalanced(r, 1, 2);
        assertTrue(rejectAt(r, 2).reason.contains("cells"), rejectAt(r, 2).reason);
        assertEquals(
                "1 annotation on 1 tier named as free text (note, comment, text, transcript, ...) was not read as"
                        + " codes (a canonical code); a tier of codes needs a name without those words",
                rejectAt(r, 0).reason);
    }
}
