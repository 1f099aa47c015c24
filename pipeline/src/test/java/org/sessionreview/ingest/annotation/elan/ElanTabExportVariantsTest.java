package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationFormat;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** ELAN tab-delimited exports as other sites write them: export options and content the first reader got wrong. */
class ElanTabExportVariantsTest {
    private final ElanTabParser parser = new ElanTabParser();

    private ParseResult<RawAnnotation> parse(String text) {
        assertEquals(Optional.of(AnnotationFormat.ELAN_TAB), AnnotationFormat.detect("export.txt", text));
        return parser.parse(AnnotationFixtures.utf8(text), "export.txt", "s1");
    }

    @Test
    void shouldReadEveryRowWhenATranscriptCellStartsWithAQuotationMark() {
        String text = "Client transcript\t00:12:30.000\t00:12:33.000\t\"Nein\" sagte ich\n"
                + "Therapist codes\t00:12:34.500\t00:12:40.000\tINT_VALIDATION\n"
                + "Client codes\t00:13:00.000\t00:13:05.000\tANX_STR_HANDS\n";
        ParseResult<RawAnnotation> r = parse(text);
        // read with quoting, the first cell's quote swallowed the rest of the file; the transcript
        // tier is no codes (since 2026-12-07 counted in one line-0 note, as in the .eaf)
        assertBalanced(r, 2, 1);
        assertEquals("INT_VALIDATION", r.records().get(0).label());
        assertEquals(780.0, r.records().get(1).startS(), EPS);
        assertEquals("ANX_STR_HANDS", r.records().get(1).label());
        assertTrue(rejectAt(r, 0).reason.startsWith("1 annotation on 1 tier named as free text"));
    }

    @Test
    void shouldReadTheTabExportWhenTheFirstValueHoldsMoreCommasThanTheRowHasTabs() {
        String text = "Client transcript\t00:12:30.000\t00:12:33.000\tja, ja, also, ich, weiss nicht\n"
                + "Client codes\t00:13:00.000\t00:13:05.000\tANX_STR_HANDS\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 1, 1);
        assertEquals("ANX_STR_HANDS", r.records().get(0).label());
        assertEquals(785.0, r.records().get(0).endS(), EPS);
    }

    @Test
    void shouldSkipTheMediaHeaderBlockWhenSniffingTheSeparator() {
        String text = "#file:///C:/v/s.mp4 -- offset: 5000\n\n"
                + "Client\t00:12:34.500\t754.5\t00:12:40.000\t760.0\tANX_STR_SIGH\n"
                + "Therapist\t00:13:00.000\t780.0\t00:13:05.000\t785.0\tINT_VALIDATION\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 2, 0);
        assertEquals(754.5, r.records().get(0).startS(), EPS);
        assertEquals(785.0, r.records().get(1).endS(), EPS);
    }

    @Test
    void shouldAddTheDurationToTheBeginWhenTheExportHasNoEndColumn() {
        String text = "Client\t00:12:34.500\t00:00:05.500\tANX_STR_SIGH\n"
                + "Client\t00:00:01.000\t00:00:02.000\tAFF_CUE\n"
                + "Client\t00:20:00.000\t00:00:00.000\tANX_STR_SIGH\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 3, 0);
        assertEquals(754.5, r.records().get(0).startS(), EPS);
        assertEquals(760.0, r.records().get(0).endS(), EPS);
        assertEquals(3.0, r.records().get(1).endS(), EPS, "its duration exceeds its begin: still a duration");
        assertNull(r.records().get(2).endS(), "duration 0: a point");
    }

    @Test
    void shouldReadAMsecExportWithOnlyTheBeginTicked() {
        // before: refused whole, "unrecognised annotation format" (hh:mm:ss.ms and ss.msec begins were read)
        String text = "therapist\t30000\tINT_STRUCTURE_AGENDA_HOMEWORK\n"
                + "client\t240000\tAFF_POSITIVE\n"
                + "client\t582000\tANX_STR_SIGH\n"
                + "therapist\t600500\tINT_VALIDATION\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 4, 0);
        assertEquals(582.0, r.records().get(2).startS(), EPS);
        assertNull(r.records().get(2).endS(), "a begin only: a point");
        assertEquals("therapist", r.records().get(3).actorHint());
        // without a tier column, from four rows (as for a begin and a duration)
        assertEquals(
                600.5,
                parse("30000\tAFF_CUE\n240000\tAFF_CUE\n582000\tTURN_TH\n600500\tANX_STR_SIGH\n")
                        .records()
                        .get(3)
                        .startS(),
                EPS);
    }

    @Test
    void shouldNotTakeNumberedLinesOrAHeaderlessNativeTableForABeginOnlyExport() {
        // review of 2026-12-07: both were read as begins at 1, 2, 3 ms and 12, 30, 45, 61 ms
        assertEquals(
                Optional.empty(), AnnotationFormat.detect("list.txt", "1\tapple\n2\tpear\n3\tplum\n4\tfig\n5\tlime\n"));
        String headerless = "12\tANX_STR_SIGH\tclient\n30\tINT_VALIDATION\ttherapist\n"
                + "45\tANX_STR_SIGH\tclient\n61\tAFF_POSITIVE\tclient\n";
        assertEquals(Optional.empty(), AnnotationFormat.detect("codes.txt", headerless));
        // ... nor a headerless table of start seconds and codes of a 50-minute session (a check of
        // that fix: read as begins at 0.012 to 3.0 s)
        assertEquals(
                Optional.empty(),
                AnnotationFormat.detect(
                        "codes.txt",
                        "12\tANX_STR_SIGH\n340\tANX_FIDGET\n1500\tAFF_CUE\n2400\tANX_STR_SIGH\n3000\tAFF_CUE\n"));
        assertTrue(AnnotationFormat.headerlessNativeProblem(headerless).startsWith("no header row"));
        String seconds = "1250\tANX_STR_SIGH\tclient\n1300\tINT_VALIDATION\ttherapist\n"
                + "1450\tANX_STR_SIGH\tclient\n1610\tAFF_POSITIVE\tclient\n";
        assertTrue(AnnotationFormat.headerlessNativeProblem(seconds).contains("names the actor 'client' in column 3"));
    }

    @Test
    void shouldReadBeginsOnlyWhenOneReachesTheFirstMinutesEnd() {
        String under = "Client\t5000\tAFF_CUE\nClient\t42000\tANX_STR_SIGH\nClient\t59999\tAFF_CUE\n";
        assertEquals(Optional.empty(), AnnotationFormat.detect("short.txt", under));
        assertBalanced(parse(under.replace("59999", "60000")), 3, 0);
    }

    @Test
    void shouldNotTakeATableOfNamesCountsAndWordsForABeginOnlyExport() {
        // a number that goes back within a name is no begin ELAN writes: not an ELAN export
        String text = "client\t12\tsessions attended\nclient\t3\tsessions missed\ntherapist\t7\tcases\n";
        assertEquals(
                Optional.empty(),
                AnnotationFormat.detect("counts.txt", text).filter(f -> f == AnnotationFormat.ELAN_TAB));
    }

    @Test
    void shouldReadBeginAndEndWhenNoRowEndsBeforeItBegins() {
        ParseResult<RawAnnotation> r = parse("Client\t00:00:01.000\t00:00:02.000\tAFF_CUE\n");
        assertEquals(2.0, r.records().get(0).endS(), EPS);
    }

    @Test
    void shouldTakeANumericParticipantForAParticipantNotForATime() {
        String text = "Client\t101\t00:12:34.500\t00:12:40.000\tANX_STR_SIGH\n"
                + "Therapist\t102\t00:13:00.000\t00:13:05.000\tINT_VALIDATION\n";
        assertEquals(
                Optional.of(new ElanTabLayout(2, List.of(ElanTabLayout.TimeFormat.CLOCK), 2)),
                ElanTabLayout.sniff(
                        List.of(text.lines().findFirst().orElseThrow().split("\t"))));
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 2, 0);
        assertEquals(754.5, r.records().get(0).startS(), EPS);
        assertEquals("Client", r.records().get(0).actorHint());
        // msec only: begin, end and a duration that agrees are preferred to a participant read as a time
        String msec = "Client\t101\t754500\t760000\t5500\tANX_STR_SIGH\n";
        assertEquals(
                Optional.of(new ElanTabLayout(2, List.of(ElanTabLayout.TimeFormat.MILLIS), 3)),
                ElanTabLayout.sniff(List.of(msec.trim().split("\t"))));
        assertEquals(760.0, parse(msec).records().get(0).endS(), EPS);
    }

    @Test
    void shouldReadAMillisecondExportWithBeginAndDurationAndNoEnd() {
        // thirteenth audit: "msec" with Begin Time and Duration ticked was refused as an unrecognised
        // format (its first row read as tier, numeric participant 190000, begin 25 s)
        String withTier = "Client\t190000\t25000\tRUP_W_DENIAL\n"
                + "Client\t300000\t40\tAFF_CUE\n"
                + "significance\t190000\t25000\t3\n"
                + "therapist-codes\t230000\t20000\tTURN_TH\n"
                + "therapist-codes\t230000\t10000\tRES_INVITE_DISCUSS_RELATIONSHIP\n";
        ParseResult<RawAnnotation> r = parse(withTier);
        assertBalanced(r, 4, 0);
        assertEquals(190.0, r.records().get(0).startS(), EPS);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
        assertEquals("Client", r.records().get(0).actorHint());
        assertEquals("3", r.records().get(0).modifiers().get("significance"));
        assertEquals(240.0, r.records().get(3).endS(), EPS);
        // without tier or participant columns
        String bare = "190000\t25000\tRUP_W_DENIAL\n300000\t40\tAFF_CUE\n"
                + "420000\t8000\tRUP_C_COMPLAINT_THERAPIST\n560000\t40\tANX_STR_SIGH\n";
        ParseResult<RawAnnotation> b = parse(bare);
        assertBalanced(b, 4, 0);
        assertEquals(428.0, b.records().get(2).endS(), EPS);
        assertEquals("ANX_STR_SIGH", b.records().get(3).label());
        // a numeric participant that stays the same within its tier is still a participant
        String participant = "Client\t101\t754500\t760000\tANX_STR_SIGH\n" + "Client\t101\t780000\t785000\tAFF_CUE\n";
        assertEquals(754.5, parse(participant).records().get(0).startS(), EPS);
        // ... also before msec begin and duration (read on the first row as begin 101 ms)
        String withParticipant = "Client\t101\t190000\t25000\tRUP_W_DENIAL\n"
                + "Client\t101\t300000\t40\tAFF_CUE\n"
                + "Therapist\t102\t230000\t10000\tRES_INVITE_DISCUSS_RELATIONSHIP\n";
        ParseResult<RawAnnotation> p = parse(withParticipant);
        assertBalanced(p, 3, 0);
        assertEquals(215.0, p.records().get(0).endS(), EPS);
        assertEquals(240.0, p.records().get(2).endS(), EPS);
        assertEquals("Therapist", p.records().get(2).actorHint());
    }

    @Test
    void shouldReadANumericParticipantBeforeMillisecondBeginAndDurationWhenEachTierHasOneRow() {
        // ELAN's export with "include participant", msec, Begin Time and Duration ticked, of a file
        // whose tiers hold one annotation each (a short excerpt, one code per tier): no tier shows
        // its participant keeping its value, so the rows read as begin 101 ms, end 190 s and a
        // duration 25 s that disagrees: every row a reject "duration ... does not match"
        String text = "Client\t101\t190000\t25000\tRUP_W_DENIAL\n"
                + "Therapist\t102\t230000\t10000\tRES_INVITE_DISCUSS_RELATIONSHIP\n"
                + "Client anxiety\t101\t560000\t40\tANX_STR_SIGH\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 3, 0);
        assertEquals(190.0, r.records().get(0).startS(), EPS);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
        assertEquals(240.0, r.records().get(1).endS(), EPS);
        assertEquals("Therapist", r.records().get(1).actorHint());
        assertEquals(560.0, r.records().get(2).startS(), EPS);
        assertNull(r.records().get(2).endS(), "40 ms: a point");
        // one row alone reads the same way
        ParseResult<RawAnnotation> one = parse("Client\t101\t190000\t25000\tRUP_W_DENIAL\n");
        assertBalanced(one, 1, 0);
        assertEquals(215.0, one.records().get(0).endS(), EPS);
        // begin, end and a duration that agree on some row stay begin, end and duration (one odd
        // row is that row's reject)
        String threeGroups = "Client\t190000\t215000\t25000\tRUP_W_DENIAL\n"
                + "Therapist\t230000\t240000\t9000\tRES_INVITE_DISCUSS_RELATIONSHIP\n";
        ParseResult<RawAnnotation> t = parse(threeGroups);
        assertBalanced(t, 1, 1);
        assertEquals(215.0, t.records().get(0).endS(), EPS);
    }

    @Test
    void shouldReadAShortMillisecondExportWithBeginAndDurationAndNoNameColumnThatRepeats() {
        // msec, Begin Time and Duration ticked, under four rows (an excerpt, a short session):
        // without a tier column the begin was taken for a numeric tier name and the duration for a
        // begin, and a tier with one row each kept its begin as a participant: a msec export of
        // begins only, which is not recognised, so the file was one reject "unrecognised format"
        String bare = "190000\t25000\tRUP_W_DENIAL\n300000\t40\tAFF_CUE\n";
        ParseResult<RawAnnotation> b = parse(bare);
        assertBalanced(b, 2, 0);
        assertEquals(190.0, b.records().get(0).startS(), EPS);
        assertEquals(215.0, b.records().get(0).endS(), EPS);
        assertEquals("AFF_CUE", b.records().get(1).label());
        assertNull(b.records().get(1).endS(), "40 ms: a point");
        ParseResult<RawAnnotation> one = parse("420000\t8000\tRUP_C_COMPLAINT_THERAPIST\n");
        assertBalanced(one, 1, 0);
        assertEquals(428.0, one.records().get(0).endS(), EPS);
        String perTier =
                "Client\t190000\t25000\tRUP_W_DENIAL\n" + "Therapist\t230000\t10000\tRES_INVITE_DISCUSS_RELATIONSHIP\n";
        ParseResult<RawAnnotation> t = parse(perTier);
        assertBalanced(t, 2, 0);
        assertEquals("Client", t.records().get(0).actorHint());
        assertEquals(215.0, t.records().get(0).endS(), EPS);
        assertEquals(240.0, t.records().get(1).endS(), EPS);
        // numeric tier names before msec begin and end stay tier names
        ParseResult<RawAnnotation> numeric = parse("1\t190000\t215000\tRUP_W_DENIAL\n2\t230000\t240000\tTURN_TH\n");
        assertBalanced(numeric, 2, 0);
        assertEquals("1", numeric.records().get(0).actorHint());
        assertEquals(215.0, numeric.records().get(0).endS(), EPS);
        // ... also one row each of four or more (their names change on every row, as begins do)
        String four = "1\t190000\t215000\tRUP_W_DENIAL\n2\t230000\t240000\tTURN_TH\n"
                + "3\t300000\t300040\tAFF_CUE\n4\t560000\t560040\tANX_STR_SIGH\n";
        ParseResult<RawAnnotation> f = parse(four);
        assertBalanced(f, 4, 0);
        assertEquals("4", f.records().get(3).actorHint());
        assertEquals(560.0, f.records().get(3).startS(), EPS);
        // a value repeated within a tier is a name's: a numeric participant (9000) with msec begins
        // only, not a begin at 9.0 s (review of 2026-12-07; refused
        // then, read since begin-only exports are) ...
        ParseResult<RawAnnotation> named = parse("T\t9000\t62300\tAFF_CUE\nT\t9000\t65000\tTURN_TH\n");
        assertBalanced(named, 2, 0);
        assertEquals(65.0, named.records().get(1).startS(), EPS);
        assertNull(named.records().get(1).endS());
        // ... while two tiers' annotations starting together are begins (a check of that fix: such
        // a file was refused), with a tier column or without one
        ParseResult<RawAnnotation> together = parse(
                "Client\t190000\t25000\tRUP_W_DENIAL\nTherapist\t190000\t10000\tRES_INVITE_DISCUSS_RELATIONSHIP\n");
        assertBalanced(together, 2, 0);
        assertEquals(215.0, together.records().get(0).endS(), EPS);
        assertEquals(200.0, together.records().get(1).endS(), EPS);
        ParseResult<RawAnnotation> bare2 = parse("190000\t25000\tRUP_W_DENIAL\n190000\t4000\tAFF_CUE\n");
        assertBalanced(bare2, 2, 0);
        assertEquals(194.0, bare2.records().get(1).endS(), EPS);
        // (without a tier column, or with one row a tier, nothing tells the two apart: a repeated
        // first number is read as a begin, 9000 230 / 9000 500 as begins at 9.0 s; README)
        assertEquals(
                9.0,
                parse("9000\t230\tAFF_CUE\n9000\t500\tTURN_TH\n")
                        .records()
                        .get(0)
                        .startS(),
                EPS);
        // the same tier of two files of a multi-file export starting together is no repeat (a
        // check of the fix: the files were not told apart)
        ParseResult<RawAnnotation> files = parse("Client\t190000\t25000\tRUP_W_DENIAL\ts1.eaf\tC:\\c\\s1.eaf\n"
                + "Client\t190000\t8000\tAFF_CUE\ts2.eaf\tC:\\c\\s2.eaf\n");
        assertEquals(1, files.records().size(), files.records().toString());
        assertEquals(215.0, files.records().get(0).endS(), EPS);
    }

    @Test
    void shouldReadOnlyTheSessionsFileOfAMultiFileExport() {
        // thirteenth audit: a multi-file export (file name and path columns after the value) had
        // every file's rows read into the session, another session's events among them
        String text = "Client\t190.0\t215.0\tRUP_W_DENIAL\tp01_session_3.eaf\tC:\\corpus\\p01_session_3.eaf\n"
                + "Therapist\t230.0\t240.0\tRES_INVITE_DISCUSS_RELATIONSHIP\tp01_session_3.eaf\tC:\\corpus\\p01_session_3.eaf\n"
                + "Client\t192.5\t217.5\tRUP_W_DENIAL\tp02_session_1.eaf\tC:\\corpus\\p02_session_1.eaf\n"
                + "Client\t302.5\t303.0\tAFF_CUE\tp02_session_1.eaf\tC:\\corpus\\p02_session_1.eaf\n";
        assertEquals(Optional.of(AnnotationFormat.ELAN_TAB), AnnotationFormat.detect("corpus.txt", text));
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(text), "corpus.txt", "P01 Session-3");
        assertBalanced(r, 2, 1);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
        assertEquals("RES_INVITE_DISCUSS_RELATIONSHIP", r.records().get(1).label());
        String reason = AnnotationFixtures.rejectAt(r, 3).reason;
        assertEquals(true, reason.startsWith("file 2 of 2 of a multi-file ELAN export (2 rows) not read"), reason);
        assertEquals(false, reason.contains("p02"), "file names are never written: " + reason);
        // no file named after the session: none is read
        assertBalanced(parser.parse(AnnotationFixtures.utf8(text), "corpus.txt", "P03"), 0, 2);
        // an export of one file is read whatever its name
        String one = text.lines().limit(2).map(x -> x + "\n").reduce("", String::concat);
        assertBalanced(parser.parse(AnnotationFixtures.utf8(one), "corpus.txt", "P03"), 2, 0);
    }

    @Test
    void shouldTellParticipantsApartWithinEachFileOfAMultiFileExport() {
        // review of 2026-12-07: files made from one template share tier names with a participant
        // of their own; grouped by tier alone the participant column "changed within the tier",
        // was taken for a begin time, and the session's own rows were lost
        String clock = "Client\t101\t00:03:10.000\t00:03:35.000\tRUP_W_DENIAL\tp01.eaf\n"
                + "Client\t102\t00:03:12.500\t00:03:37.500\tRUP_W_DENIAL\tp02.eaf\n";
        ParseResult<RawAnnotation> c = parser.parse(AnnotationFixtures.utf8(clock), "corpus.txt", "p01");
        assertBalanced(c, 1, 1);
        assertEquals(190.0, c.records().get(0).startS(), EPS);
        assertEquals(215.0, c.records().get(0).endS(), EPS);
        String msec = "Client\t101\t190000\t215000\tRUP_W_DENIAL\tp01.eaf\n"
                + "Client\t102\t192500\t217500\tRUP_W_DENIAL\tp02.eaf\n";
        ParseResult<RawAnnotation> m = parser.parse(AnnotationFixtures.utf8(msec), "corpus.txt", "p01");
        assertBalanced(m, 1, 1);
        assertEquals(190.0, m.records().get(0).startS(), EPS);
        assertEquals(215.0, m.records().get(0).endS(), EPS);
        // a one-file export whose values merely end in .eaf: no file column (a check of the fix)
        String values = "Client\t190000\t25000\ta.eaf\nClient\t200000\t25000\tb.eaf\n";
        ParseResult<RawAnnotation> v = parse(values);
        assertBalanced(v, 2, 0);
        assertEquals(215.0, v.records().get(0).endS(), EPS);
        assertEquals(225.0, v.records().get(1).endS(), EPS);
    }

    @Test
    void shouldNotAskForAThirdLeadingColumnWhenABeginKeepsItsValueWithinATier() {
        // review of 2026-12-07: a tier, a participant and a msec begin repeated within a tier
        // made the sniff ask for three leading columns: the whole file was one reject
        // "cannot read the annotation file (IllegalArgumentException)" at line 0
        String text = "Client\tAnna\t190000\t215000\tRUP_W_DENIAL\n"
                + "sub\tAnna\t190000\t215000\tA\n"
                + "sub\tAnna\t190000\t215000\tB\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertEquals(3, r.records().size() + r.rejects().size(), r.rejects().toString());
        assertEquals(190.0, r.records().get(0).startS(), EPS);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
    }

    @Test
    void shouldReadOnlyTheSessionsFileWhenTheMultiFileExportNamesFilesInAColumnOrInARow() {
        // ELAN's multi-file export (Transcription2TabDelimitedText.exportTiersFromFiles) writes the
        // file name, the path, or both after the value, or ("file name in a row") a line "#name"
        // in quotes before each file's rows
        String nameOnly = "Client\t190.0\t215.0\tRUP_W_DENIAL\tp01_session_3.eaf\n"
                + "Client\t192.5\t217.5\tRUP_W_DENIAL\tp02_session_1.eaf\n";
        ParseResult<RawAnnotation> n = parser.parse(AnnotationFixtures.utf8(nameOnly), "corpus.txt", "p01_session_3");
        assertBalanced(n, 1, 1);
        assertEquals(190.0, n.records().get(0).startS(), EPS);
        String inRow = "\"#p02_session_1.eaf\"\n\"#C:\\corpus\\p02_session_1.eaf\"\n"
                + "Client\t192.5\t217.5\tRUP_W_DENIAL\n"
                + "Client\t302.5\t303.0\tAFF_CUE\n\n"
                + "\"#p01_session_3.eaf\"\n\"#C:\\corpus\\p01_session_3.eaf\"\n"
                + "Client\t190.0\t215.0\tRUP_W_DENIAL\n\n";
        assertEquals(Optional.of(AnnotationFormat.ELAN_TAB), AnnotationFormat.detect("corpus.txt", inRow));
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(inRow), "corpus.txt", "p01_session_3");
        assertBalanced(r, 1, 1);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
        assertEquals(
                true,
                AnnotationFixtures.rejectAt(r, 3).reason.startsWith("file 1 of 2"),
                r.rejects().toString());
    }

    @Test
    void shouldReadBeginAndDurationInTheColumnPerTierLayoutWhenItsHeaderSaysDuration() {
        String text = "Begin Time - hh:mm:ss.ms\tDuration - hh:mm:ss.ms\tClient codes\n"
                + "00:12:34.500\t00:00:05.500\tANX_STR_SIGH\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 1, 0);
        assertEquals(760.0, r.records().get(0).endS(), EPS);
    }

    @Test
    void shouldAttachRowsOfASignificanceOrIntensityTierToTheCodedRowContainingThem() {
        String text = "client-rupture\tclient\t00:10:00.000\t00:10:20.000\tRUP_W_DENIAL\n"
                + "client-rupture-significance\tclient\t00:10:00.000\t00:10:20.000\t4\n"
                + "client-anxiety\tclient\t00:12:00.000\t00:12:10.000\tANX_STR_SIGH\n"
                + "client-anxiety-intensity\tclient\t00:12:02.000\t00:12:05.000\t1\n"
                + "client-anxiety-intensity\tclient\t00:30:00.000\t00:30:05.000\t2\n"
                + "anxiety channel\tclient\t00:14:00.000\t00:14:05.000\tANX_STR_HANDS\n";
        ParseResult<RawAnnotation> r = parse(text);
        // before: "4", "1" and "2" were records whose labels mapped to no code, and the codes had none
        assertBalanced(r, 3, 1);
        assertEquals(java.util.Map.of("significance", "4"), r.records().get(0).modifiers());
        assertEquals(java.util.Map.of("intensity", "1"), r.records().get(1).modifiers(), "inside its interval");
        assertEquals("ANX_STR_HANDS", r.records().get(2).label(), "a channel tier keeps its codes");
        assertEquals(
                "modifier row (a tier named intensity): no one coded annotation of the file contains it",
                org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt(r, 5).reason);
    }

    @Test
    void shouldAttachTheCellsOfASignificanceOrIntensityTierColumnInThePerTierLayout() {
        String text = "Begin Time - hh:mm:ss.ms\tEnd Time - hh:mm:ss.ms\tclient-rupture\tclient-rupture-significance"
                + "\tclient-anxiety\tclient-anxiety-intensity\n"
                + "00:11:40.000\t00:11:40.040\tRUP_C_COMPLAINT_PROGRESS\t4\t\t\n"
                + "00:12:00.000\t00:12:02.000\t\t\tANX_STR_SIGH\t\n"
                + "00:12:02.000\t00:12:05.000\t\t\tANX_STR_SIGH\t3\n"
                + "00:12:05.000\t00:12:10.000\t\t\tANX_STR_SIGH\t\n"
                + "00:30:00.000\t00:30:05.000\t\t\t\t2\n";
        ParseResult<RawAnnotation> r = parse(text);
        // before: "4", "3" and "2" were records whose labels mapped to no code, the codes had none
        assertBalanced(r, 2, 1);
        assertEquals("RUP_C_COMPLAINT_PROGRESS", r.records().get(0).label());
        assertEquals(java.util.Map.of("significance", "4"), r.records().get(0).modifiers());
        assertEquals("ANX_STR_SIGH", r.records().get(1).label());
        assertEquals(720.0, r.records().get(1).startS(), EPS);
        assertEquals(730.0, r.records().get(1).endS(), EPS, "the rows split by the intensity cell joined");
        assertEquals(java.util.Map.of("intensity", "3"), r.records().get(1).modifiers(), "inside its interval");
        assertEquals(
                "modifier cell (the column of a tier named intensity): no one coded annotation of the file"
                        + " contains it",
                org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt(r, 6).reason);
    }

    @Test
    void shouldRejectTheOneRowWhoseEndIsBeforeItsBeginInABeginEndExport() {
        String text = "Client\t00:00:10.000\t10.000\t00:00:12.000\t12.000\tRUP_W_DENIAL\n"
                + "Client\t00:01:40.000\t100.000\t00:01:50.000\t110.000\tRUP_W_MINIMAL\n"
                + "Client\t00:00:30.000\t30.000\t00:00:29.000\t29.000\tRUP_W_MINIMAL\n";
        ParseResult<RawAnnotation> r = parse(text);
        // a first reading of begin + duration took one odd row for the whole file's layout
        assertBalanced(r, 2, 1);
        assertEquals(12.0, r.records().get(0).endS(), EPS);
        assertEquals(110.0, r.records().get(1).endS(), EPS);
    }

    @Test
    void shouldKeepTheMillisecondLayoutWhenTheFirstRowsDurationIsOff() {
        String text = "Client\t10000\t12000\t2002\tRUP_W_DENIAL\nClient\t100000\t110000\t10000\tRUP_W_MINIMAL\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 1, 1);
        assertEquals(100.0, r.records().get(0).startS(), EPS);
        assertEquals(110.0, r.records().get(0).endS(), EPS);
    }

    @Test
    void shouldReadATabExportASpreadsheetResavedWithQuotedDecimalCommas() {
        String text = "Client\t\"754,5\"\t\"760,0\"\tANX_STR_SIGH\nClient\t\"780,0\"\t\"785,25\"\tAFF_CUE\n";
        ParseResult<RawAnnotation> r = parse(text);
        assertBalanced(r, 2, 0);
        assertEquals(754.5, r.records().get(0).startS(), EPS);
        assertEquals(785.25, r.records().get(1).endS(), EPS);
    }
}
