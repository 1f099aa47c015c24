package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

class NativeAnnotationParserTest {
    private final NativeAnnotationParser jsonl = new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL);
    private final NativeAnnotationParser csv = new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV);

    @Test
    void shouldSayWhenAColumnWithoutANameHoldsValues() {
        // the header cell of the end column cleared in a spreadsheet
        String file =
                "start,,code,actor\n100,105.5,ANX_STR_TENSION,client\n120,,ANX_STR_SIGH,client\n130,140,INT_VALIDATION,therapist\n";
        ParseResult<RawAnnotation> r = csv.parse(file.getBytes(StandardCharsets.UTF_8), "codes.csv", "s7");
        // before: both events read as points, the two end times lost without a reject
        assertBalanced(r, 3, 1);
        assertEquals(null, r.records().get(0).endS());
        assertEquals(
                "column 2 has no name in the header: 2 values there not read (name the column, e.g. end, or"
                        + " delete it)",
                rejectAt(r, 1).reason);
        assertEquals(null, rejectAt(r, 1).raw);

        // a trailing comma on every row (an empty last header cell, no values under it) says nothing
        String trailing = "start,code,actor,\n100,ANX_STR_SIGH,client,\n";
        assertBalanced(csv.parse(trailing.getBytes(StandardCharsets.UTF_8), "t.csv", "s7"), 1, 0);
    }

    @Test
    void shouldReadAShortLastRowWithoutLineEndWhereRowsLeaveOutEmptyCellsButNotWhereEveryRowIsWhole() {
        // a script that leaves out an empty trailing note and does not end its last line
        String varying = "start,end,code,actor,note\n100,110,ANX_STR_SIGH,client\n"
                + "150,160,ANX_STR_TENSION,client,shoulders\n200,,INT_VALIDATION,therapist";
        ParseResult<RawAnnotation> r = csv.parse(varying.getBytes(StandardCharsets.UTF_8), "c.csv", "s7");
        assertBalanced(r, 3, 0);
        assertEquals(200.0, r.records().get(2).startS(), EPS);

        // every row whole but the last, which stops inside its start time: a copy that stopped
        String whole = "code,start,end,actor,note\nANX_STR_SIGH,100,110,client,\n"
                + "ANX_STR_TENSION,150,160,client,shoulders\nINT_VALIDATION,59";
        ParseResult<RawAnnotation> c = csv.parse(whole.getBytes(StandardCharsets.UTF_8), "c.csv", "s7");
        assertBalanced(c, 2, 1);
        assertTrue(rejectAt(c, 4).reason.contains("cut short"), rejectAt(c, 4).reason);
        assertTrue(rejectAt(c, 4).reason.contains("end the file with a line end"), rejectAt(c, 4).reason);
    }

    @Test
    void shouldReadJsonlLinesEndingWithACommaOrOpeningWithAByteOrderMark() {
        // before: each such line was "not valid JSON" (array elements pasted as JSON Lines; files joined by cat)
        String file = "{\"start\": 10, \"code\": \"AFF_CUE\", \"actor\": \"client\"},\n"
                + "\uFEFF{\"start\": 20, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"} , \n"
                + "{\"start\": 30, \"code\": \"AFF_CUE\", \"actor\": \"client\"},,\n"
                + "{\"start\": 40, \"code\": \"AFF_CUE\", \"actor\": \"client\"}, {\"start\": 41}\n"
                + "[1],\n";
        ParseResult<RawAnnotation> r = jsonl.parse(file.getBytes(StandardCharsets.UTF_8), "codes.jsonl", "s7");

        assertBalanced(r, 2, 3);
        assertEquals(10.0, r.records().get(0).startS(), EPS);
        assertEquals("ANX_STR_SIGH", r.records().get(1).label());
        assertEquals(20.0, r.records().get(1).startS(), EPS);
        assertEquals("not valid JSON at line 3, column 52", rejectAt(r, 3).reason);
        assertTrue(rejectAt(r, 4).reason.startsWith("not valid JSON at line 4"), rejectAt(r, 4).reason);
        assertEquals("not valid JSON at line 5, column 4", rejectAt(r, 5).reason);
    }

    @Test
    void shouldAcceptGoodLinesAndRejectEachBadLineWhenJsonlIsMixed() {
        byte[] file = AnnotationFixtures.resource("native_mixed.jsonl");
        ParseResult<RawAnnotation> r = jsonl.parse(file, "codes.jsonl", "s7");

        // 13 lines: 2 blank (3, 12) are not records; 3 good, 8 bad
        assertBalanced(r, 3, 8);
        RawAnnotation first = r.records().get(0);
        assertEquals(12.5, first.startS(), EPS);
        assertEquals(15.0, first.endS(), EPS);
        assertEquals("RUP_W_MINIMAL", first.label());
        assertEquals("client", first.actorHint());
        assertEquals(Map.of("significance", "3"), first.modifiers());
        assertEquals("client mentioned her brother Tom", first.note());
        assertEquals(1, first.line());
        assertEquals("codes.jsonl", first.sourceFile());

        RawAnnotation second = r.records().get(1);
        assertEquals(20.0, second.startS(), EPS, "numeric text is a number");
        assertNull(second.endS());
        assertEquals("CL", second.actorHint());
        assertEquals(Map.of("intensity", "2", "channel", "breath"), second.modifiers());

        assertEquals("end 12.0 is before start 15.0", rejectAt(r, 4).reason);
        assertEquals("field start is not a number", rejectAt(r, 5).reason);
        assertEquals("start -1.5 is negative (before media start)", rejectAt(r, 6).reason);
        assertEquals("missing required field 'start'", rejectAt(r, 7).reason);
        assertEquals("missing required field 'code'", rejectAt(r, 8).reason);
        assertEquals(
                "field number 3 of the object (its name is none of the format's, so not quoted) holds a JSON array;"
                        + " expected a number or text",
                rejectAt(r, 9).reason);
        assertTrue(rejectAt(r, 10).reason.startsWith("not valid JSON at line 10, column "), rejectAt(r, 10).reason);
        assertEquals("line is not a JSON object", rejectAt(r, 11).reason);
        assertEquals("s7", rejectAt(r, 11).sessionId);
        assertEquals(RejectRaw.WITHHELD, rejectAt(r, 11).raw, "only JSON objects keep a (redacted) raw text");
    }

    @Test
    void shouldReadTheMembersOfAModifiersObjectAsModifiers() {
        // the audit's MOD1: the shape of the annotations table's own modifiers column, re-fed
        String file = String.join(
                "\n",
                "{\"start\":200,\"end\":260,\"code\":\"RUP_W_MINIMAL\",\"actor\":\"client\",\"modifiers\":{\"significance\":4}}",
                "{\"start\":300,\"code\":\"ANX_STR_SIGH\",\"modifiers\":{\"intensity\":3,\"channel\":\"striated\","
                        + "\"livello\":\"alto\",\"stage\":null}}",
                "{\"start\":400,\"code\":\"ANX_STR_SIGH\",\"intensity\":3,\"modifiers\":{}}",
                "");
        ParseResult<RawAnnotation> r = jsonl.parse(AnnotationFixtures.utf8(file), "codes.jsonl", "s7");
        // before: each record with a modifiers object was rejected ("field number 5 of the object
        // holds a JSON object")
        assertBalanced(r, 3, 0);
        assertEquals(Map.of("significance", "4"), r.records().get(0).modifiers());
        assertEquals(
                Map.of("intensity", "3", "channel", "striated", "livello", "alto"),
                r.records().get(1).modifiers(),
                "an off-list key reaches the allow-list as a flat one does");
        assertEquals(Map.of("intensity", "3"), r.records().get(2).modifiers());
    }

    @Test
    void shouldRejectARecordGivingModifiersTwice() {
        String file = String.join(
                "\n",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"significance\":3},\"modifiers\":{\"intensity\":2}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":\"significance=3\",\"modifiers\":{\"intensity\":2}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"intensity\":2},\"Modifiers\":\"x\"}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"intensity\":2}}",
                "");
        ParseResult<RawAnnotation> r = jsonl.parse(AnnotationFixtures.utf8(file), "codes.jsonl", "s7");
        // before: the two objects merged into significance 3 and intensity 2, as if one coder gave both
        assertBalanced(r, 1, 3);
        for (long line = 1; line <= 3; line++) {
            assertEquals(
                    "field modifiers is given twice (which value is meant is unknown)",
                    rejectAt(r, line).reason,
                    "line " + line);
        }
        assertEquals(Map.of("intensity", "2"), r.records().get(0).modifiers());
    }

    @Test
    void shouldRejectARecordWhoseModifiersObjectHoldsFieldsOrNestedValues() {
        String file = String.join(
                "\n",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"significance\":2,\"modifiers\":{\"significance\":3}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"start\":3}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"Jane Roe\":{\"x\":1}}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"note\":\"Jane Roe cried\"}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"actor\":{\"name\":\"Jane Roe\"}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"Jane Roe\":{\"x\":1}}",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":[3]}",
                "");
        ParseResult<RawAnnotation> r = jsonl.parse(AnnotationFixtures.utf8(file), "codes.jsonl", "s7");
        assertBalanced(r, 0, 7);
        assertEquals(
                "member significance of field modifiers is given twice (which value is meant is unknown)",
                rejectAt(r, 1).reason);
        assertEquals(
                "member start of field modifiers is a field of the record, not a modifier: give it beside modifiers",
                rejectAt(r, 2).reason);
        assertEquals(
                "member number 1 of field modifiers holds a JSON object; expected a number or text",
                rejectAt(r, 3).reason);
        assertEquals(
                "member note of field modifiers is a field of the record, not a modifier: give it beside modifiers",
                rejectAt(r, 4).reason);
        assertEquals("field actor holds a JSON object; expected a number or text", rejectAt(r, 5).reason);
        assertEquals(
                "field number 3 of the object (its name is none of the format's, so not quoted) holds a JSON object;"
                        + " expected a number or text",
                rejectAt(r, 6).reason);
        assertEquals("field modifiers holds a JSON array; expected a number or text", rejectAt(r, 7).reason);
        for (org.sessionreview.model.Reject x : r.rejects()) {
            assertTrue(!x.reason.contains("Jane") && !x.raw.contains("Jane"), x.toString());
        }

        // a name in another script beside a field's name: normalised, "Анна onset" would read as onset
        String cyrillic = String.join(
                "\n",
                "{\"start\":1,\"code\":\"AFF_CUE\",\"modifiers\":{\"Анна onset\":3}}",
                "{\"start\":2,\"code\":\"AFF_CUE\",\"Мария label\":{\"x\":1}}",
                "");
        ParseResult<RawAnnotation> c = jsonl.parse(AnnotationFixtures.utf8(cyrillic), "codes.jsonl", "s7");
        assertBalanced(c, 0, 2);
        for (org.sessionreview.model.Reject x : c.rejects()) {
            // before: "member анна onset of field modifiers ...", "field мария label holds ..."
            String all = (x.reason + " " + x.raw).toLowerCase(java.util.Locale.ROOT);
            assertTrue(!all.contains("анна") && !all.contains("мария"), x.toString());
        }
    }

    @Test
    void shouldReadFieldNamesInAnyCaseAndKeepCommentsOutOfModifiersWhenJsonlLineIsValid() {
        ParseResult<RawAnnotation> r = jsonl.parse(AnnotationFixtures.resource("native_mixed.jsonl"), "c.jsonl", "s7");
        RawAnnotation last = r.records().get(2);
        assertEquals(13, last.line());
        assertEquals(30.25, last.startS(), EPS);
        assertEquals("RES_RATIONALE", last.label());
        assertEquals(Map.of("immediacy", "no"), last.modifiers(), "null values are dropped, comments are notes");
        assertEquals("free text that must stay out", last.note());
    }

    @Test
    void shouldParseQuotedNotesAndRejectBadRowsWhenCsvHasCrlf() {
        byte[] file = AnnotationFixtures.resource("native_mixed.csv");
        ParseResult<RawAnnotation> r = csv.parse(file, "codes.csv", "s7");

        assertBalanced(r, 2, 4);
        RawAnnotation hands = r.records().get(0);
        assertEquals(2, hands.line());
        assertEquals(1.5, hands.startS(), EPS);
        assertEquals(4.0, hands.endS(), EPS);
        assertEquals("ANX_STR_HANDS", hands.label());
        assertEquals("grips the chair, knuckles white", hands.note());
        assertEquals(Map.of("channel", "striated"), hands.modifiers(), "empty significance is dropped");
        RawAnnotation panic = r.records().get(1);
        assertEquals(4, panic.line(), "the blank line 3 is skipped but still counts for line numbers");
        assertNull(panic.actorHint());
        assertNull(panic.endS());
        assertEquals(Map.of("significance", "2"), panic.modifiers());
        assertEquals("end 8.0 is before start 9.0", rejectAt(r, 5).reason);
        assertEquals("field start is not a number", rejectAt(r, 6).reason);
        assertEquals("missing required field 'code'", rejectAt(r, 7).reason);
        assertEquals("row has 8 cells but the header has 7", rejectAt(r, 8).reason);
    }

    @Test
    void shouldRejectOnlyTheRowWhoseQuoteIsNeverClosedAndReadTheRowsAfterIt() {
        // the audit's M01: a note opened with a quote and never closed lost every later row
        String file = "start,end,code,actor,note\n10,,ANX_STR_SIGH,client,\"she left\n20,40,RUP_W_MINIMAL,client,x\n"
                + "25,,INT_VALIDATION,therapist,y\n30,,AFF_CUE,client,z\n";
        ParseResult<RawAnnotation> r = csv.parse(AnnotationFixtures.utf8(file), "c.csv", "s7");
        assertBalanced(r, 3, 1);
        assertEquals(
                "a quote opened in the row starting at line 2 is never closed: that row is not read; reading goes on"
                        + " at line 3",
                rejectAt(r, 2).reason);
        assertNull(rejectAt(r, 2).raw, "the note is quoted nowhere");
        assertEquals(
                java.util.List.of(3L, 4L, 5L),
                r.records().stream().map(RawAnnotation::line).toList());
        assertEquals("AFF_CUE", r.records().get(2).label());
        // a note with a line break, its quote closed, is one record
        ParseResult<RawAnnotation> closed = csv.parse(
                AnnotationFixtures.utf8("start,code,note\n10,ANX_STR_SIGH,\"she\nleft\"\n20,AFF_CUE,x\n"),
                "c.csv",
                "s7");
        assertBalanced(closed, 2, 0);
        assertEquals("she\nleft", closed.records().get(0).note());
        assertEquals(4, closed.records().get(1).line());
    }

    @Test
    void shouldRejectFileWhenCsvHeaderLacksStartOrCode() {
        // begin;label is read since other names for the fields are (NativeFieldNamesTest)
        ParseResult<RawAnnotation> r = csv.parse(AnnotationFixtures.utf8("from;what\n1;AFF_CUE\n"), "x.csv", "s7");
        assertBalanced(r, 0, 1);
        assertEquals(
                "native CSV header must name the columns 'start' and 'code' (or another name for them, e.g."
                        + " 'onset' and 'label'); found 2 columns without them",
                r.rejects().get(0).reason);
    }

    @Test
    void shouldTakeAnNaModifierCellAsNotCodedRatherThanAsAValueToDrop() {
        String file =
                "start,code,actor,significance,intensity\n100,RUP_W_DENIAL,client,NA,\n110,ANX_STR_SIGH,client,NA,2\n";
        ParseResult<RawAnnotation> r = new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV)
                .parse(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "codes.csv", "s1");
        assertEquals(2, r.records().size());
        // before: significance=NA, dropped by the allow-list with a note counted as a reject
        assertEquals(java.util.Map.of(), r.records().get(0).modifiers());
        assertEquals(java.util.Map.of("intensity", "2"), r.records().get(1).modifiers());
    }

    @Test
    void shouldReadDecimalCommaWhenCsvIsSemicolonSeparated() {
        ParseResult<RawAnnotation> r = csv.parse(
                AnnotationFixtures.utf8("Start;End;Code\n1,5;2;AFF_CUE\n3;4;AFF_CONCERN\n1.234,5;1.240;AFF_CUE\n"),
                "semi.csv",
                "s7");
        // a ';' table is what a German or French spreadsheet saves: there the comma is the decimal
        // mark and a dot groups thousands (before: 1.234,5 rejected, and 1.240 read as 1.24 s)
        assertBalanced(r, 3, 0);
        assertEquals(1.5, r.records().get(0).startS(), EPS);
        assertEquals(2.0, r.records().get(0).endS(), EPS);
        assertEquals(3.0, r.records().get(1).startS(), EPS);
        assertEquals(1234.5, r.records().get(2).startS(), EPS);
        assertEquals(1240.0, r.records().get(2).endS(), EPS);
    }

    @Test
    void shouldReadADotAsAThousandsMarkWhenTheFileWritesDecimalCommas() {
        // the audit's DE1: 1.300 was read as 1.3 s beside 62,5 read as 62.5 s
        String file = "start;end;code;actor\r\n62,5;;AFF_CUE;client\r\n1.300;;AFF_CONCERN;client\r\n"
                + "1.302,5;;AFF_CUE;client\r\n1.500;1.560;RUP_W_MINIMAL;client\r\n13.5;;AFF_CUE;client\r\n"
                + "00:01:02.5;;AFF_CUE;client\r\n";
        ParseResult<RawAnnotation> r = csv.parse(AnnotationFixtures.utf8(file), "kodierung.csv", "s7");
        assertBalanced(r, 5, 1);
        assertEquals(
                java.util.List.of(62.5, 1300.0, 1302.5, 1500.0, 62.5),
                r.records().stream().map(RawAnnotation::startS).toList());
        assertEquals(1560.0, r.records().get(3).endS(), EPS);
        assertEquals(
                "field start is ambiguous: this file writes decimal commas, so a dot may only group thousands (1.300"
                        + " or 1.302,5)",
                rejectAt(r, 6).reason);
        // a ';' file writing decimal points is read as before
        ParseResult<RawAnnotation> points =
                csv.parse(AnnotationFixtures.utf8("start;end;code\n1.300;2.5;AFF_CUE\n62.5;;AFF_CUE\n"), "p.csv", "s7");
        assertBalanced(points, 2, 0);
        assertEquals(1.3, points.records().get(0).startS(), EPS);
        assertEquals(62.5, points.records().get(1).startS(), EPS);
    }

    @Test
    void shouldRejectDecimalCommaWhenCsvIsCommaSeparated() {
        ParseResult<RawAnnotation> r =
                csv.parse(AnnotationFixtures.utf8("start,end,code\n\"1,5\",2,AFF_CUE\n"), "comma.csv", "s7");
        assertBalanced(r, 0, 1);
        assertEquals("field start is not a number", rejectAt(r, 2).reason, "in a comma table a comma is no decimal");
    }

    @Test
    void shouldReadClockTimesWhenStartAndEndAreWrittenHhMmSs() {
        ParseResult<RawAnnotation> r = csv.parse(
                AnnotationFixtures.utf8(
                        "start;end;code\n00:01:02.500;00:01:05,25;AFF_CUE\n01:02;1:00:00;AFF_CUE\n00:61:00;;AFF_CUE\n"),
                "clock.csv",
                "s7");
        assertBalanced(r, 2, 1);
        assertEquals(62.5, r.records().get(0).startS(), EPS);
        assertEquals(65.25, r.records().get(0).endS(), EPS);
        assertEquals(62.0, r.records().get(1).startS(), EPS);
        assertEquals(3600.0, r.records().get(1).endS(), EPS);
        assertEquals("field start has minutes or seconds of 60 or more", rejectAt(r, 4).reason);
        ParseResult<RawAnnotation> j = jsonl.parse(
                AnnotationFixtures.utf8("{\"start\": \"00:00:10.5\", \"end\": 12, \"code\": \"AFF_CUE\"}\n"),
                "clock.jsonl",
                "s7");
        assertBalanced(j, 1, 0);
        assertEquals(10.5, j.records().get(0).startS(), EPS);
    }
}
