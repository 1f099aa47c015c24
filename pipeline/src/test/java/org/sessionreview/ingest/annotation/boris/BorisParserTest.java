package org.sessionreview.ingest.annotation.boris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.lineOf;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationReader;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.RawAnnotation;

class BorisParserTest {
    private static final String DIR = "annotations/boris/";
    private final BorisParser parser = new BorisParser();

    private ParseResult<RawAnnotation> parseShared(String name) {
        return parser.parse(AnnotationFixtures.shared(DIR + name), name, "s1");
    }

    /** A shared file read alone, its session not known: every observation is read. */
    private ParseResult<RawAnnotation> parseAlone(String name) {
        return parser.parse(AnnotationFixtures.shared(DIR + name), name, null);
    }

    @Test
    void shouldReadTheRowsWhenAModifierColumnNumberIsDamaged() {
        String tsv = "Observation id\tObservation date\tSubject\tBehavior\tModifier #99999999999\tBehavior type"
                + "\tTime\tComment\n"
                + "obs\t2026-03-26 09:00:00\tclient\tsigh\t\tPOINT\t12.500\t\n";
        ParseResult<RawAnnotation> r = parser.parse(tsv.getBytes(StandardCharsets.UTF_8), "damaged.tsv", "s1");
        // the column past an int's digits is no modifier column (it was a NumberFormatException
        // that lost the whole file)
        assertBalanced(r, 1, 0);
        assertEquals(12.5, r.records().get(0).startS(), EPS);
        assertEquals(Map.of(), r.records().get(0).modifiers());
    }

    @Test
    void shouldRejectTheLastRowWhenTheExportWasCutInsideItsTime() {
        // seventh audit: a copy that stopped inside the last row's Time (59 left of 590.000), the
        // cells after it gone and no line end; it was read as a POINT at 59 s
        String head = "Observation id\tObservation date\tSubject\tBehavior\tBehavior type\tTime\tMedia file name"
                + "\tImage index\tImage file path\tComment\n";
        String tsv = head + "obs\t2026-03-26 09:00:00\tclient\tsigh\tPOINT\t200.000\ts.mp4\tNA\tNA\t\n"
                + "obs\t2026-03-26 09:00:00\ttherapist\tprobe\tPOINT\t59";
        ParseResult<RawAnnotation> r = parser.parse(tsv.getBytes(StandardCharsets.UTF_8), "cut.tsv", "s1");

        assertBalanced(r, 1, 1);
        assertEquals(200.0, r.records().get(0).startS(), EPS);
        assertTrue(rejectAt(r, 3).reason.contains("cut short"), rejectAt(r, 3).reason);
        // the same row with its line end (a short row a tool wrote) is read as before
        ParseResult<RawAnnotation> whole =
                parser.parse((tsv + "\n").getBytes(StandardCharsets.UTF_8), "short.tsv", "s1");
        assertBalanced(whole, 2, 0);
    }

    @Test
    void shouldPairStartAndStopIntoOneBoutWhenTabularExportHasModifiers() {
        byte[] file = AnnotationFixtures.shared(DIR + "boris9_tabular_modifiers.tsv");
        ParseResult<RawAnnotation> r = parser.parse(file, "tab.tsv", "s1");

        // 3 POINT rows of q + START/STOP r m1 + START/STOP r None: 5 records
        assertBalanced(r, 5, 0);
        RawAnnotation bout = r.records().get(3);
        assertEquals("r", bout.label());
        assertEquals(19.175, bout.startS(), EPS);
        assertEquals(27.950, bout.endS(), EPS);
        assertEquals(Map.of("modifier_1", "m1"), bout.modifiers());
        assertEquals(lineOf(file, "\tSTART\t19.175"), bout.line());
        assertNull(bout.actorHint(), "empty Subject = no focal subject");
        RawAnnotation none = r.records().get(4);
        assertEquals(30.425, none.startS(), EPS);
        assertEquals(40.825, none.endS(), EPS);
        assertEquals(Map.of(), none.modifiers(), "'None' = no modifier chosen");
        RawAnnotation q = r.records().get(0);
        assertEquals("q", q.label());
        assertEquals(8.475, q.startS(), EPS);
        assertNull(q.endS());
        assertEquals(Map.of("modifier_1", "m1"), q.modifiers());
        assertEquals(
                List.of("m1", "m2", "m3"),
                r.records().subList(0, 3).stream()
                        .map(a -> a.modifiers().get("modifier_1"))
                        .toList());
        assertEquals(
                Optional.of(BorisLayout.TABULAR_EVENTS),
                BorisParser.detectLayout(new String(file, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadStateAndPointRowsWhenExportIsAggregated() {
        byte[] file = AnnotationFixtures.shared(DIR + "boris9_aggregated_observation2.tsv");
        ParseResult<RawAnnotation> r = parser.parse(file, "agg.tsv", "s1");

        long dataRows = new String(file, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("observation #2"))
                .count();
        assertEquals(18, dataRows);
        assertBalanced(r, dataRows, 0);
        RawAnnotation first = r.records().get(0);
        assertEquals("s", first.label());
        assertEquals(1.800, first.startS(), EPS);
        assertEquals(8.125, first.endS(), EPS);
        assertNull(first.actorHint(), "'No focal subject' is no actor");
        assertEquals(2, first.line());
        RawAnnotation point = r.records().get(3);
        assertEquals("p", point.label());
        assertEquals(32.825, point.startS(), EPS);
        assertNull(point.endS(), "POINT rows (Duration NA) are points");
        RawAnnotation subject1 = r.records().get(8);
        assertEquals("subject1", subject1.actorHint());
        assertEquals(266.165, subject1.startS(), EPS);
        assertEquals(276.690, subject1.endS(), EPS);
        assertTrue(r.records().stream().allMatch(a -> a.modifiers().isEmpty()), "one observation: no tag");
        assertEquals(
                Optional.of(BorisLayout.AGGREGATED_EVENTS),
                BorisParser.detectLayout(new String(file, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldFindTableBelowKeyValueBlockWhenExportIsLegacy() {
        byte[] file = AnnotationFixtures.shared(DIR + "legacy_pre-v8_test_export_events_tabular.tsv");
        ParseResult<RawAnnotation> r = parser.parse(file, "legacy.tsv", "s1");

        assertBalanced(r, 4, 0);
        RawAnnotation first = r.records().get(0);
        assertEquals("subject1", first.actorHint());
        assertEquals("s", first.label());
        assertEquals(3.300, first.startS(), EPS);
        assertEquals(7.750, first.endS(), EPS);
        assertEquals(lineOf(file, "3.300\t"), first.line());
        RawAnnotation last = r.records().get(3);
        assertEquals("subject2", last.actorHint());
        assertEquals(38.425, last.startS(), EPS);
        assertEquals(46.100, last.endS(), EPS);
        assertEquals(
                Optional.of(BorisLayout.LEGACY_TABULAR_EVENTS),
                BorisParser.detectLayout(new String(file, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadEveryObservationWhenParsingProjectOfNoKnownSession() {
        byte[] file = AnnotationFixtures.shared(DIR + "boris_test.boris");
        ParseResult<RawAnnotation> r = parser.parse(file, "test.boris", null);

        // per observation (hand-counted from the JSON): offset positif 2, offset neg 4,
        // observation #1 4, observation #2 18, live not paired 8 (+1 unpaired START), live 9,
        // modifiers 5, 2 video 1, live export behavioral sequences 22, observation #2 (copy) 18
        assertBalanced(r, 91, 1);
        assertTrue(r.records().stream().allMatch(a -> a.modifiers().containsKey("observation")));
        // observations are numbered in file order: live not paired is the 5th, live export... the 10th
        assertEquals(8, count(r, "5"));
        assertEquals(22, count(r, "10"));
        var reject = r.rejects().get(0);
        assertEquals(lineOf(file, "26.862") - 1, reject.line, "the line of the event's array");
        assertEquals(
                "START without STOP for no focal subject and behaviour in observation 5" + " (START at 26.862 s)",
                reject.reason);
        assertEquals(
                Optional.of(BorisLayout.PROJECT), BorisParser.detectLayout(new String(file, StandardCharsets.UTF_8)));
    }

    private static long count(ParseResult<RawAnnotation> r, String observation) {
        return r.records().stream()
                .filter(a -> observation.equals(a.modifiers().get("observation")))
                .count();
    }

    /** The same coding read from the project and from the export made of it must agree. */
    @Test
    void shouldMatchExportsWhenProjectObservationIsReadAlone() {
        ParseResult<RawAnnotation> project = parseAlone("boris_test.boris");
        // observations by index in file order: observation #2 is the 4th, #1 the 3rd, modifiers the 7th
        assertSameBouts(parseShared("boris9_aggregated_observation2.tsv").records(), project, "4");
        assertSameBouts(
                parseShared("legacy_pre-v8_test_export_events_tabular.tsv").records(), project, "3");
        List<RawAnnotation> modifiers = project.records().stream()
                .filter(a -> "7".equals(a.modifiers().get("observation")))
                .toList();
        assertEquals(
                Map.of("modif #1", "m1", "observation", "7"),
                modifiers.get(3).modifiers(),
                "project modifier keys are the modifier sets' names");
        assertEquals(
                parseShared("boris9_tabular_modifiers.tsv").records().stream()
                        .map(BorisParserTest::bout)
                        .toList(),
                modifiers.stream().map(BorisParserTest::bout).toList());
    }

    private static void assertSameBouts(List<RawAnnotation> export, ParseResult<RawAnnotation> project, String obs) {
        List<String> fromProject = project.records().stream()
                .filter(a -> obs.equals(a.modifiers().get("observation")))
                .map(BorisParserTest::bout)
                .sorted()
                .toList();
        assertEquals(export.stream().map(BorisParserTest::bout).sorted().toList(), fromProject, obs);
    }

    private static String bout(RawAnnotation a) {
        return String.format(
                "%09.3f %s %s %s",
                a.startS(), a.endS() == null ? "-" : String.format("%.3f", a.endS()), a.label(), a.actorHint());
    }

    /** A study's project holds every session: only the session's own observation is read. */
    @Test
    void shouldReadOnlyTheSessionsObservationWhenProjectHoldsSeveral() {
        String json = """
                {"behaviors_conf": {"0": {"type": "State event", "code": "w", "modifiers": {}},
                                    "1": {"type": "Point event", "code": "v", "modifiers": {}}},
                 "observations": {
                   "P01 Session-3": {"events": [[10.0, "client", "w", "", ""], [20.0, "client", "w", "", ""],
                                                [25.0, "therapist", "v", "", ""]]},
                   "P02 session 1": {"events": [[300.0, "client", "v", "", ""], [310.0, "client", "v", "", ""]]},
                   "P01 Session-3 (copy)": {"events": [[12.0, "client", "w", "", ""], [19.0, "client", "w", "", ""]]}
                 }}
                """;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> r = parser.parse(bytes, "study.boris", "p01_session_3");
        // before: all three observations read (5 records, two sessions and a second coder merged)
        assertBalanced(r, 2, 2);
        assertEquals(
                List.of(10.0, 25.0),
                r.records().stream().map(RawAnnotation::startS).toList());
        assertEquals(20.0, r.records().get(0).endS(), EPS);
        assertTrue(r.records().stream().allMatch(a -> a.modifiers().isEmpty()), "one observation read: no tag");
        assertEquals(
                "observation 2 of 3 (2 events) not read: another observation of the file has this session's id"
                        + " (a file with several observations is read for the one named after session_id)",
                rejectAt(r, 6).reason);
        assertTrue(rejectAt(r, 7).reason.startsWith("observation 3 of 3 (2 events) not read: "));
        assertTrue(r.rejects().stream().noneMatch(j -> j.reason.contains("P0")), "ids are never quoted");

        // separators are kept: P1-12 and P11-2 are different sessions (before: both p112, both read)
        String twoIds = json.replace("P02 session 1", "P1-12").replace("P01 Session-3 (copy)", "P11-2");
        ParseResult<RawAnnotation> p112 = parser.parse(twoIds.getBytes(StandardCharsets.UTF_8), "study.boris", "p1_12");
        assertBalanced(p112, 2, 2);
        assertEquals(
                List.of(300.0, 310.0),
                p112.records().stream().map(RawAnnotation::startS).toList());

        ParseResult<RawAnnotation> none = parser.parse(bytes, "study.boris", "P03-S1");
        assertBalanced(none, 0, 3);
        assertEquals(
                "observation 1 of 3 (3 events) not read: the file holds several observations and none has this"
                        + " session's id (name the session's observation after session_id, or export it alone)",
                rejectAt(none, 4).reason);
    }

    @Test
    void shouldReadOnlyTheSessionsObservationWhenExportHoldsSeveral() {
        String head = "Observation id\tObservation date\tSubject\tBehavior\tModifiers\tBehavior type\t";
        String events = String.join(
                "\n",
                head + "Time",
                "S-7\t2024-01-01\tclient\tw\t\tSTART\t10.0",
                "other\t2024-01-02\tclient\tv\t\tPOINT\t300.0",
                "S-7\t2024-01-01\tclient\tw\t\tSTOP\t20.0",
                "other\t2024-01-02\tclient\tv\t\tPOINT\t310.0",
                "other\t2024-01-02\tclient\tv\t\tPOINT\t320.0",
                "");
        ParseResult<RawAnnotation> r = parser.parse(events.getBytes(StandardCharsets.UTF_8), "e.tsv", "s_7");
        // before: both observations read, the other session's three points placed in this one
        assertBalanced(r, 1, 1);
        assertEquals(10.0, r.records().get(0).startS(), EPS);
        assertEquals(20.0, r.records().get(0).endS(), EPS);
        assertTrue(rejectAt(r, 3).reason.startsWith("observation 2 of 2 (3 events) not read: another observation"));

        String aggregated = String.join(
                "\n",
                head + "Start (s)\tStop (s)",
                "other\t2024-01-02\tclient\tv\t\tPOINT\t300.0\t300.0",
                "s 7\t2024-01-01\tclient\tw\t\tSTATE\t10.0\t20.0",
                "");
        ParseResult<RawAnnotation> a = parser.parse(aggregated.getBytes(StandardCharsets.UTF_8), "a.tsv", "S-7");
        assertBalanced(a, 1, 1);
        assertEquals(3, a.records().get(0).line());
        assertTrue(rejectAt(a, 2).reason.startsWith("observation 1 of 2 (1 event) not read: another observation"));
    }

    @Test
    void shouldReadTheOneObservationWhenALineIsBrokenInTwo() {
        // one observation, not named after the session (read whatever its id), and one row broken
        // in two by a stray line break inside its Description cell
        String head = "Observation id\tObservation date\tDescription\tSubject\tBehavior\tModifier #1\tBehavior type\t";
        String events = String.join(
                "\r\n",
                head + "Time\tComment",
                "obs-1\t2024-01-01\tsession five\tclient\tsigh\t\tPOINT\t12.5\t",
                "obs-1\t2024-01-01\tsession\r\nfive\tclient\tfidget\t2\tSTART\t20.0\t",
                "obs-1\t2024-01-01\tsession five\tclient\tfidget\t2\tSTOP\t30.0\t",
                "obs-1\t2024-01-01\tsession five\ttherapist\tvalidation\t\tPOINT\t40.0\t",
                "");
        ParseResult<RawAnnotation> r = parser.parse(events.getBytes(StandardCharsets.UTF_8), "e.tsv", "s1");
        // before: the second piece made a second "observation", and with two, none named s1, none
        // was read (every event lost, each observation one reject saying it is another session's)
        // now: the two points are read; the broken START's pieces are rows rejected as such, and
        // its STOP is a STOP without START
        assertBalanced(r, 2, 3);
        assertEquals(12.5, r.records().get(0).startS(), EPS);
        assertEquals(40.0, r.records().get(1).startS(), EPS);
        assertEquals(
                "the row has 3 of the header's 9 cells and no POINT, START, STOP in column Behavior type"
                        + " (a line broken in two?)",
                rejectAt(r, 3).reason);
        assertTrue(rejectAt(r, 4).reason.startsWith("the row has 7 of the header's 9 cells"), rejectAt(r, 4).reason);
        assertTrue(rejectAt(r, 5).reason.startsWith("STOP without START"), rejectAt(r, 5).reason);

        String aggregated = String.join(
                "\n",
                head.replace("\tModifier #1", "") + "Start (s)\tStop (s)",
                "obs-1\t2024-01-01\tsession five\tclient\tsigh\tPOINT\t12.5\t12.5",
                "obs-1\t2024-01-01\tsession\nfive\tclient\tfidget\tSTATE\t20.0\t30.0",
                "obs-1\t2024-01-01\tsession five\ttherapist\tvalidation\tPOINT\t40.0\t40.0",
                "");
        ParseResult<RawAnnotation> a = parser.parse(aggregated.getBytes(StandardCharsets.UTF_8), "a.tsv", "s1");
        assertBalanced(a, 2, 2);
        assertEquals(
                List.of(2L, 5L), a.records().stream().map(RawAnnotation::line).toList());
        assertTrue(rejectAt(a, 3).reason.startsWith("the row has 3 of the header's 8 cells"), rejectAt(a, 3).reason);
        assertTrue(rejectAt(a, 4).reason.startsWith("the row has 6 of the header's 8 cells"), rejectAt(a, 4).reason);
    }

    @Test
    void shouldRejectUnpairedRowsAndUnknownTypesWhenTabularCsvHasCrlf() {
        String csv = String.join(
                "\r\n",
                "Observation id,Observation date,Description,Observation duration,Observation type,Source,"
                        + "Time offset (s),Media duration (s),FPS,Subject,Behavior,Behavioral category,Modifier #1,"
                        + "Behavior type,Time,Media file name,Image index,Image file path,Comment",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,sigh,,3,POINT,6.500,a.mp4,NA,NA,"
                        + "\"said her sister's name, cried\"",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,tension,,,STOP,7.000,a.mp4,NA,NA,",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,tension,,,START,8.000,a.mp4,NA,NA,",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,tension,,,STOP,12.000,a.mp4,NA,NA,",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,tension,,,FOO,13.000,a.mp4,NA,NA,",
                "obs1,2024-01-01,,60,Media file(s),player #1:a.mp4,5.0,60,25,Pat,tension,,,START,abc,a.mp4,NA,NA,",
                "obs2,2024-01-02,,60,Media file(s),player #1:b.mp4,0.0,60,25,,silence,,,START,20.000,b.mp4,NA,NA,",
                "");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> r = parser.parse(bytes, "crlf.csv", null);

        // records: point sigh, orphan STOP, bout tension, FOO row, bad time, open START of obs2
        assertBalanced(r, 2, 4);
        RawAnnotation sigh = r.records().get(0);
        assertEquals(6.5, sigh.startS(), EPS, "Time already includes the 5.0 s offset");
        assertEquals("Pat", sigh.actorHint());
        assertEquals("said her sister's name, cried", sigh.note());
        assertEquals(
                Map.of("modifier_1", "3", "observation", "1"),
                sigh.modifiers(),
                "the observation's index, never its id");
        RawAnnotation tension = r.records().get(1);
        assertEquals(8.0, tension.startS(), EPS);
        assertEquals(12.0, tension.endS(), EPS);
        assertEquals(4, tension.line());
        assertEquals(
                "STOP without START for the same subject and behaviour in observation 1 (STOP at 7.0 s)",
                rejectAt(r, 3).reason);
        assertEquals("unknown value in column Behavior type; expected START, STOP or POINT", rejectAt(r, 6).reason);
        assertEquals("field Time is not a number", rejectAt(r, 7).reason);
        assertEquals(
                "START without STOP for no focal subject and behaviour in observation 2" + " (START at 20.0 s)",
                rejectAt(r, 8).reason);
    }

    @Test
    void shouldRejectRowWhenAggregatedStopIsBeforeStartOrMissing() {
        String tsv = String.join(
                "\r\n",
                "Observation id\tObservation date\tSubject\tBehavior\tModifiers\tBehavior type\tStart (s)\tStop (s)"
                        + "\tDuration (s)\tComment start\tComment stop",
                "o\td\tNo focal subject\tsigh\tm1|None\tPOINT\t4.000\t4.000\tNA\t\t",
                "o\td\tTH\tvalidate\t\tSTATE\t15.000\t12.000\t-3\t\t",
                "o\td\tTH\tvalidate\t\tSTATE\t20.000\tNA\tNA\t\t",
                "o\td\tTH\tvalidate\t\tFOO\t20.000\t21.000\t1\t\t",
                "");
        ParseResult<RawAnnotation> r = parser.parse(tsv.getBytes(StandardCharsets.UTF_8), "agg.tsv", "s1");
        assertBalanced(r, 1, 3);
        assertEquals(Map.of("modifier_1", "m1"), r.records().get(0).modifiers(), "pipe-joined legacy modifiers");
        assertEquals("end 12.0 is before start 15.0", rejectAt(r, 3).reason);
        assertEquals("missing required field 'Stop (s)'", rejectAt(r, 4).reason);
        assertEquals("unknown value in column Behavior type; expected STATE or POINT", rejectAt(r, 5).reason);
    }

    @Test
    void shouldRejectWholeFileWhenTableIsNotBoris() {
        ParseResult<RawAnnotation> r =
                parser.parse("start,code\n1,AFF_CUE\n".getBytes(StandardCharsets.UTF_8), "x.csv", "s1");
        assertBalanced(r, 0, 1);
        assertTrue(r.rejects().get(0).reason.startsWith("not a BORIS export"));
        assertEquals(Optional.empty(), BorisParser.detectLayout("start,code\n1,AFF_CUE\n"));
    }

    @Test
    void shouldRejectEventWhenProjectCodeIsNotConfigured() {
        String json = """
                {"behaviors_conf": {"0": {"type": "State event", "code": "s", "modifiers": {}}},
                 "observations": {"o1": {"type": "LIVE", "time offset": 0.0, "events": [
                   [1.0, "", "s", "", "note one"],
                   [2.0, "", "zz", "", ""],
                   [3.0, "", "s", "", "note two"],
                   ["x", "", "s", "", ""]
                 ]}}}
                """;
        ParseResult<RawAnnotation> r = parser.parse(json.getBytes(StandardCharsets.UTF_8), "p.boris", "s1");
        assertBalanced(r, 1, 2);
        RawAnnotation bout = r.records().get(0);
        assertEquals(1.0, bout.startS(), EPS);
        assertEquals(3.0, bout.endS(), EPS);
        assertEquals("note one | note two", bout.note());
        assertEquals(Map.of(), bout.modifiers(), "a single observation is not tagged");
        assertEquals("event code (element 3 of the event) is not defined in behaviors_conf", rejectAt(r, 4).reason);
        assertEquals("event time (element 1 of the event) is not a number", rejectAt(r, 6).reason);
    }

    @Test
    void shouldRejectEachUnpairedEventOfAProjectWrittenOnOneLine() {
        // BORIS writes a project on one line (json.dumps without indent): every event is on line 1
        String json = "{\"behaviors_conf\": {\"0\": {\"type\": \"State event\", \"code\": \"w\", \"modifiers\": {}},"
                + " \"1\": {\"type\": \"State event\", \"code\": \"a\", \"modifiers\": {}},"
                + " \"2\": {\"type\": \"Point event\", \"code\": \"v\", \"modifiers\": {}}},"
                + " \"observations\": {\"o1\": {\"events\": [[10.0, \"client\", \"w\", \"\", \"\"],"
                + " [20.0, \"client\", \"a\", \"\", \"\"], [30.0, \"therapist\", \"v\", \"\", \"\"],"
                + " [-5.0, \"therapist\", \"v\", \"\", \"\"]]}}}";
        ParseResult<RawAnnotation> r = parser.parse(json.getBytes(StandardCharsets.UTF_8), "p.boris", "s1");
        // before: read 2, one reject: the second START and the negative time shared line 1 with the first
        assertBalanced(r, 1, 3);
        assertEquals(
                List.of(
                        "START without STOP for the same subject and behaviour (START at 10.0 s)",
                        "START without STOP for the same subject and behaviour (START at 20.0 s)",
                        "start -5.0 is negative (before media start)"),
                r.rejects().stream().map(x -> x.reason).sorted().toList());
        assertTrue(r.rejects().stream().allMatch(x -> x.line == 1));
    }

    @Test
    void shouldPairPerModifierWhenBoutsOfOneBehaviourOverlap() {
        String tsv = String.join(
                "\n",
                "Observation id\tObservation date\tSubject\tBehavior\tModifier #1\tBehavior type\tTime\tComment",
                "o\td\tCL\ttension\thands\tSTART\t1.000\t",
                "o\td\tCL\ttension\tneck\tSTART\t2.000\t",
                "o\td\tCL\ttension\thands\tSTOP\t3.000\t",
                "o\td\tCL\ttension\tneck\tSTOP\t4.000\t",
                "o\td\tTH\tsilence\t\tSTART\t5.000\t",
                "o\td\tTH\tsilence\t\tSTART\t6.000\t",
                "o\td\tTH\tsilence\t\tSTOP\t7.000\t",
                "");
        ParseResult<RawAnnotation> r = parser.parse(tsv.getBytes(StandardCharsets.UTF_8), "overlap.tsv", "s1");
        assertBalanced(r, 3, 1);
        assertEquals(
                List.of("1.0-3.0 hands", "2.0-4.0 neck", "6.0-7.0 null"),
                r.records().stream()
                        .map(a -> a.startS() + "-" + a.endS() + " "
                                + a.modifiers().get("modifier_1"))
                        .toList());
        assertEquals(
                "START without STOP for the same subject and behaviour (START at 5.0 s; another START follows"
                        + " at 6.0 s)",
                rejectAt(r, 6).reason);
    }

    /** The records' times, labels, subjects and modifiers, for comparing two readings of one export. */
    private static List<String> summary(ParseResult<RawAnnotation> r) {
        return r.records().stream()
                .map(a -> a.line() + " " + a.startS() + "-" + a.endS() + " " + a.label() + " " + a.actorHint() + " "
                        + a.modifiers())
                .toList();
    }

    /**
     * The export as a spreadsheet in a German locale saves it: cells joined by {@code separator},
     * every decimal point of a number a comma, cells holding the separator quoted, CRLF.
     */
    private static String resaved(byte[] export, char separator) {
        StringBuilder out = new StringBuilder();
        for (DelimitedTable.Row row :
                DelimitedTable.read(new String(export, StandardCharsets.UTF_8)).rows()) {
            List<String> cells = row.cells().stream()
                    .map(c -> c.matches("-?\\d+\\.\\d+") ? c.replace('.', ',') : c)
                    .map(c -> c.indexOf(separator) >= 0 ? "\"" + c + "\"" : c)
                    .toList();
            out.append(String.join(String.valueOf(separator), cells)).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void shouldReadDecimalCommasWhenExportIsResavedWithSemicolonsOrTabs() {
        for (String name : List.of("boris9_tabular_modifiers.tsv", "boris9_aggregated_observation2.tsv")) {
            byte[] file = AnnotationFixtures.shared(DIR + name);
            List<String> expected = summary(parser.parse(file, name, "s1"));
            for (char sep : new char[] {';', '\t'}) {
                String resaved = resaved(file, sep);
                assertTrue(
                        java.util.regex.Pattern.compile("\\d,\\d{3}")
                                .matcher(resaved)
                                .find(),
                        "the copy has decimal commas");
                ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(resaved), name, "s1");
                assertEquals(0, r.rejects().size(), () -> name + " " + r.rejects());
                assertEquals(expected, summary(r), name + " separated by " + (int) sep);
            }
        }
    }

    @Test
    void shouldReadADotAsAThousandsMarkWhenTheExportWritesDecimalCommas() {
        // the audit's BDE1 and BDE2: an export re-saved by a German spreadsheet; 1.300 was 1.3 s
        String head = "Observation id;Observation date;Media duration (s);FPS;Subject;Behavior;Behavior type;Time\r\n";
        for (String frac : List.of("", ",000")) {
            String csv = head
                    + "o;d;1.800,000;25,000;client;sigh;POINT;62,500\r\n"
                    + "o;d;1.800,000;25,000;client;sigh;START;1.300" + frac + "\r\n"
                    + "o;d;1.800,000;25,000;client;sigh;STOP;1.360" + frac + "\r\n"
                    + "o;d;1.800,000;25,000;therapist;sigh;POINT;1.305" + frac + "\r\n"
                    + "o;d;1.800,000;25,000;therapist;sigh;POINT;13.5\r\n";
            ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "e.csv", "s1");
            assertBalanced(r, 3, 1);
            assertEquals(
                    List.of("62.5-null", "1300.0-1360.0", "1305.0-null"),
                    r.records().stream().map(a -> a.startS() + "-" + a.endS()).toList(),
                    frac);
            assertTrue(rejectAt(r, 6).reason.startsWith("field Time is ambiguous"), rejectAt(r, 6).reason);
        }
        // decimal points in a ';' export: unchanged
        ParseResult<RawAnnotation> points = parser.parse(
                AnnotationFixtures.utf8(head + "o;d;1800.000;25.000;client;sigh;POINT;1.300\r\n"), "e.csv", "s1");
        assertBalanced(points, 1, 0);
        assertEquals(1.3, points.records().get(0).startS(), EPS);
    }

    @Test
    void shouldRejectQuotedCommaTimeWhenExportIsCommaSeparated() {
        String csv = "Observation id,Observation date,Subject,Behavior,Behavior type,Time\r\n"
                + "o,d,CL,sigh,POINT,\"1,500\"\r\n"
                + "o,d,CL,sigh,POINT,2.500\r\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "c.csv", "s1");
        assertBalanced(r, 1, 1);
        assertEquals("field Time is not a number", rejectAt(r, 2).reason, "a comma in a CSV may be a thousands mark");
        assertEquals(2.5, r.records().get(0).startS(), EPS);
    }

    @Test
    void shouldRejectOnlyTheRowWhoseCommentQuoteIsNeverClosed() {
        String csv = "Observation id,Observation date,Subject,Behavior,Behavior type,Time,Comment\r\n"
                + "o,d,CL,sigh,POINT,1.500,\"she left\r\n"
                + "o,d,CL,sigh,POINT,2.500,\r\n"
                + "o,d,CL,sigh,POINT,3.500,\"a, b\"\r\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(csv), "c.csv", "s1");
        // before: one reject at line 2 and the two events after it lost
        assertBalanced(r, 2, 1);
        assertTrue(rejectAt(r, 2).reason.endsWith("reading goes on at line 3"), rejectAt(r, 2).reason);
        assertEquals(2.5, r.records().get(0).startS(), EPS);
        assertEquals(3.5, r.records().get(1).startS(), EPS);
    }

    @Test
    void shouldReadExportWhenSavedAsUtf16UnicodeText() throws Exception {
        for (String name : List.of("boris9_tabular_modifiers.tsv", "boris9_aggregated_observation2.tsv")) {
            byte[] file = AnnotationFixtures.shared(DIR + name);
            List<String> expected = summary(parser.parse(file, name, "s1"));
            String text = "\uFEFF"
                    + new String(file, StandardCharsets.UTF_8)
                            .replace("\r\n", "\n")
                            .replace("\n", "\r\n");
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                byte[] utf16 = text.getBytes(cs);
                ParseResult<RawAnnotation> r =
                        AnnotationReader.read(new java.io.ByteArrayInputStream(utf16), "codes.txt", "codes.txt", "s1");
                assertEquals(0, r.rejects().size(), () -> name + " " + cs + " " + r.rejects());
                assertEquals(expected, summary(r), name + " in " + cs);
            }
        }
    }
}
