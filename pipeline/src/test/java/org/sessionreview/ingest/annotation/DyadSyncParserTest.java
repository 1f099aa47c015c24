package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

class DyadSyncParserTest {
    private final DyadSyncParser parser = new DyadSyncParser();

    @Test
    void shouldReadMmSsTimesAndKeepNoteOutOfModifiersWhenFileHasNoteColumn() {
        byte[] file = AnnotationFixtures.shared("annotations/dyadsync/minutaggi_IM_CC_seduta_01.csv");
        ParseResult<RawAnnotation> r = parser.parse(file, "im01.csv", "s1");

        long rows = RecordFields.utf8(file)
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .count();
        assertBalanced(r, rows, 0);
        RawAnnotation first = r.records().get(0);
        assertEquals(9 * 60 + 40, first.startS(), EPS);
        assertEquals(9 * 60 + 56, first.endS(), EPS);
        assertEquals("reflection", first.label());
        assertEquals(Map.of("livello", "1", "grado", "1", "parole", "27"), first.modifiers());
        assertNull(first.note());
        assertNull(first.actorHint());
        RawAnnotation named = r.records().get(3); // 29:38;29:55;1;action;1;44;Marta
        assertEquals(5, named.line());
        assertEquals(29 * 60 + 38, named.startS(), EPS);
        assertEquals("Marta", named.note());
        assertEquals(Map.of("livello", "1", "grado", "1", "parole", "44"), named.modifiers());
    }

    @Test
    void shouldReadFileWithoutNoteColumnWhenColumnSetsDiffer() {
        byte[] file = AnnotationFixtures.shared("annotations/dyadsync/minutaggi_IM_CC_seduta_03.csv");
        ParseResult<RawAnnotation> r = parser.parse(file, "im03.csv", "s1");
        assertBalanced(r, 18, 0);
        RawAnnotation protest = r.records().get(3); // 22:39;24:46;1;protest;1;306
        assertEquals("protest", protest.label());
        assertEquals(22 * 60 + 39, protest.startS(), EPS);
        assertEquals(24 * 60 + 46, protest.endS(), EPS);
        RawAnnotation last = r.records().get(17);
        assertEquals(46 * 60 + 20, last.startS(), EPS);
        assertEquals(
                Optional.of(AnnotationFormat.DYADSYNC), AnnotationFormat.detect("im03.csv", RecordFields.utf8(file)));
    }

    @Test
    void shouldRejectRowWhenTimeIsNotMmSsOrEndPrecedesStart() {
        String csv =
                "start;end;tipo;note\n09:40;09:30;action;\n9.40;10:00;action;\n10:00;10:75;action;\n11:00;11:05;;x\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "im.csv", "s1");
        assertBalanced(r, 0, 4);
        assertEquals("end 570.0 is before start 580.0", rejectAt(r, 2).reason);
        assertEquals(
                "field start '9.40' is ambiguous (mm.ss or seconds?): write mm:ss or whole seconds",
                rejectAt(r, 3).reason);
        assertEquals("field end has minutes or seconds of 60 or more", rejectAt(r, 4).reason);
        assertEquals("missing required field 'tipo'", rejectAt(r, 5).reason);
    }

    @Test
    void shouldRejectARowWithMoreCellsThanTheHeader() {
        // before: the 2 under no column name was dropped without a word
        String csv = "start;end;tipo\n00:10;00:20;reflection;2\n00:30;00:40;reflection\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "im.csv", "s1");
        assertBalanced(r, 1, 1);
        assertEquals("row has 4 cells but the header has 3", rejectAt(r, 2).reason);
    }

    @Test
    void shouldReadADotAsAThousandsMarkWhenTheTableWritesDecimalCommas() {
        String csv = "start;end;tipo\n465;470,5;reflection\n1.300;1.302,5;action\n09.40;10:00;protest\n"
                + "13.5;14;action\n1.400;1.410,5;action\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "im.csv", "s1");
        // three numbers with a decimal comma, two with a dot that can only be a decimal point
        assertBalanced(r, 3, 2);
        assertEquals(1300, r.records().get(1).startS(), EPS);
        assertEquals(1302.5, r.records().get(1).endS(), EPS);
        assertTrue(rejectAt(r, 4).reason.contains("is ambiguous (mm.ss or seconds?)"), rejectAt(r, 4).reason);
        assertTrue(rejectAt(r, 5).reason.startsWith("field start is ambiguous: this file writes decimal commas"));
    }

    @Test
    void shouldReadSecondsAndTheActorColumnAsDyadSyncsOwnReaderDoes() {
        String csv = "start;end;tipo;actor;significance\n465;470,5;ANX_STR_SIGH;therapist;\n"
                + "07:50;07:55;RUP_W_DENIAL;client;3\n480;485;AFF_CUE;;\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "codes.csv", "s1");
        // before: plain seconds rejected every row; the actor column became a dropped modifier
        assertBalanced(r, 3, 0);
        assertEquals(465, r.records().get(0).startS(), EPS);
        assertEquals(470.5, r.records().get(0).endS(), EPS, "a decimal comma in a ';' table");
        assertEquals("therapist", r.records().get(0).actorHint());
        assertEquals(Map.of(), r.records().get(0).modifiers());
        assertEquals("client", r.records().get(1).actorHint());
        assertEquals(Map.of("significance", "3"), r.records().get(1).modifiers());
        assertNull(r.records().get(2).actorHint(), "empty: the code's default actor");
        // another name for the actor column, as a native table takes it
        ParseResult<RawAnnotation> speaker = parser.parse(
                AnnotationFixtures.utf8("start;end;tipo;speaker\n00:10;00:20;reflection;client\n"), "im.csv", "s1");
        assertEquals("client", speaker.records().get(0).actorHint());
    }
}
