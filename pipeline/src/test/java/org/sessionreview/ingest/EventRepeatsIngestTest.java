package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * An event counted once: a row written twice in one file, the same event in another spelling in
 * one file, and one event in two listed files of one session, read through the whole ingest (the
 * reject rows in order with their full reasons, the accepted events and each file's accounting).
 */
class EventRepeatsIngestTest {
    @TempDir
    Path root;

    private static final String ROW_REPEAT =
            " (same start, end, code, actor and modifiers): a file holds each event once, so the repeat is not counted";
    private static final String SPELLING_REPEAT = " once its code and actor are read (same start and end to the"
            + " millisecond, code, actor, intensity and modifiers): a file holds each event once, so the repeat is not"
            + " counted";
    private static final String FILE_REPEAT = " (start, end, code, actor, significance, modifiers), counted once: one"
            + " coding listed twice (an .eaf and its tab export) or two coders' identical events";

    private static final String WITHHELD = RejectPrivacy.WITHHELD;

    private IngestedSession ingest(String annotations, String durationS) throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(
                s.resolve("session.json"),
                "{\"session_id\": \"S1\", \"therapist_id\": \"T1\", \"client_id\": \"c-1\", \"session_number\": 1,"
                        + " \"media_start\": \"2026-03-02T10:00:00+01:00\", \"duration_s\": " + durationS
                        + ", \"wearables\": {}, \"annotations\": " + annotations
                        + ", \"consent\": {\"supervision\": true, \"research\": false}}");
        IngestedSession out =
                new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, "a");
        for (InputFileStats f : out.files) {
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
        }
        return out;
    }

    private void write(String name, String text) throws IOException {
        Path p = root.resolve("a/" + name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static InputFileStats file(IngestedSession s, String path) {
        return s.files.stream().filter(f -> f.path.equals(path)).findFirst().orElseThrow();
    }

    /** "file:line reason" of every reject, in the order ingest gives them. */
    private static List<String> rows(IngestedSession s) {
        return s.rejects.stream()
                .map(r -> r.sourceFile + ":" + r.line + " " + r.reason + (r.raw == null ? "" : " | " + r.raw))
                .toList();
    }

    private static List<String> events(IngestedSession s) {
        return s.annotations.stream()
                .map(a -> a.sourceFile + ":" + a.sourceLine + " " + a.code + " " + a.actor + " " + a.startS)
                .toList();
    }

    @Test
    void shouldRejectEachKindOfRepeatWithItsReasonInTheFilesOrder() throws IOException {
        // line 1 sigh as the site writes it; line 2 the same event in the canonical spelling; line 3
        // line 2 pasted again; line 4 an unknown code, pasted again at line 5; line 6 past the
        // session, pasted again at line 7
        write(
                "codes.jsonl",
                "{\"start\": 100.5, \"code\": \"anx-str-sigh\", \"actor\": \"CL\"}\n"
                        + "{\"start\": 100.5, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 100.5, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 120, \"code\": \"NOT_A_CODE\", \"actor\": \"client\"}\n"
                        + "{\"start\": 120, \"code\": \"NOT_A_CODE\", \"actor\": \"client\"}\n"
                        + "{\"start\": 900, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n"
                        + "{\"start\": 900, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n"
                        + "{\"start\": 130, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n");

        IngestedSession out = ingest("[\"codes.jsonl\"]", "600");

        assertEquals(
                List.of("a/codes.jsonl:1 ANX_STR_SIGH client 100.5", "a/codes.jsonl:8 ANX_STR_HANDS client 130.0"),
                events(out),
                rows(out).toString());
        assertEquals(
                List.of(
                        "a/codes.jsonl:2 the same event as line 1" + SPELLING_REPEAT,
                        "a/codes.jsonl:3 the same event as line 2" + ROW_REPEAT,
                        "a/codes.jsonl:4 label in field code maps to no canonical code (10 characters) | " + WITHHELD,
                        "a/codes.jsonl:5 the same event as line 4" + ROW_REPEAT,
                        "a/codes.jsonl:6 start at 900.0 s lies outside the session (0 to 630 s, duration plus 30 s"
                                + " tolerance)",
                        "a/codes.jsonl:7 the same event as line 6" + ROW_REPEAT),
                rows(out));
        InputFileStats f = file(out, "a/codes.jsonl");
        assertEquals(8, f.recordsRead);
        assertEquals(2, f.recordsAccepted);
        assertEquals(6, f.recordsRejected);
        assertEquals("line 2: the same event as line 1" + SPELLING_REPEAT, f.firstReject);
    }

    @Test
    void shouldRejectTheLaterFilesCopyAfterItsOwnRejectsAndNotCountAnEventTheEarlierFileRejected() throws IOException {
        write(
                "codes.jsonl",
                "{\"start\": 60, \"code\": \"RUP_W_MINIMAL\", \"actor\": \"client\", \"significance\": 3}\n"
                        + "{\"start\": 700, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 145.0004, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n");
        // the same events coded again: the marker (at its line 3) and the sigh at 145.000 (the same
        // millisecond) are the earlier file's; the sigh past the session is rejected in both; a
        // pasted row and a spelling of the marker repeat within the file
        write(
                "coder2/codes.csv",
                "start,end,code,actor,significance\n"
                        + "700,,ANX_STR_SIGH,client,\n"
                        + "60,,RUP_W_MINIMAL,client,3\n"
                        + "60,,RUP_W_MINIMAL,client,3\n"
                        + "145.000,,ANX_STR_SIGH,client,\n"
                        + "60,,rup-w-minimal,CL,3\n"
                        + "200,,INT_VALIDATION,therapist,\n");

        IngestedSession out = ingest("[\"codes.jsonl\", \"coder2/codes.csv\"]", "600");

        assertEquals(
                List.of(
                        "a/codes.jsonl:1 RUP_W_MINIMAL client 60.0",
                        "a/codes.jsonl:3 ANX_STR_SIGH client 145.0004",
                        "a/coder2/codes.csv:7 INT_VALIDATION therapist 200.0"),
                events(out));
        assertEquals(
                List.of(
                        "a/codes.jsonl:2 start at 700.0 s lies outside the session (0 to 630 s, duration plus 30 s"
                                + " tolerance)",
                        "a/coder2/codes.csv:2 start at 700.0 s lies outside the session (0 to 630 s, duration plus 30"
                                + " s tolerance)",
                        "a/coder2/codes.csv:4 the same event as line 3" + ROW_REPEAT,
                        "a/coder2/codes.csv:6 the same event as line 3" + SPELLING_REPEAT,
                        "a/coder2/codes.csv:3 the same event as a/codes.jsonl line 1" + FILE_REPEAT,
                        "a/coder2/codes.csv:5 the same event as a/codes.jsonl line 3" + FILE_REPEAT),
                rows(out));
        InputFileStats csv = file(out, "a/coder2/codes.csv");
        assertEquals(6, csv.recordsRead);
        assertEquals(1, csv.recordsAccepted);
        assertEquals(5, csv.recordsRejected);
        // the first row of the file's rejects, not the lowest line
        assertTrue(csv.firstReject.startsWith("line 2: start at 700.0 s"), csv.firstReject);
    }

    @Test
    void shouldCountTwoEventsOfOneFileWhoseTimesRoundToTheSameMillisecondOnce() throws IOException {
        // times to the millisecond within a file as across files (above) and as every rule compares
        // them; before 2026-12-07 (evening) the two were both counted within one file
        write(
                "codes.jsonl",
                "{\"start\": 145, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 145.0004, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 145.0006, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n");
        IngestedSession out = ingest("[\"codes.jsonl\"]", "600");
        assertEquals(
                List.of("a/codes.jsonl:1 ANX_STR_SIGH client 145.0", "a/codes.jsonl:3 ANX_STR_SIGH client 145.0006"),
                events(out));
        assertEquals(List.of("a/codes.jsonl:2 the same event as line 1" + SPELLING_REPEAT), rows(out));
    }

    @Test
    void shouldNeverRejectAnEventWithinTheSessionAsTheRepeatOfOnePastIt() throws IOException {
        // review of 2026-12-07: the session ends at 630 s (600 + 30 s); 630.0004 s and 629.9996 s
        // round to the same millisecond, and the one within the session was rejected as the repeat
        // of the one past it, so both were lost; a respelled copy of an event past the session is
        // rejected as past the session (a row pasted again stays a repeat of its row)
        write(
                "codes.jsonl",
                "{\"start\": 630.0004, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 629.9996, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 700, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n"
                        + "{\"start\": 700, \"code\": \"anx-str-hands\", \"actor\": \"CL\"}\n");
        IngestedSession out = ingest("[\"codes.jsonl\"]", "600");
        assertEquals(
                List.of("a/codes.jsonl:2 ANX_STR_SIGH client 629.9996"),
                events(out),
                rows(out).toString());
        assertEquals(
                List.of(
                        "a/codes.jsonl:1 start at 630.0004 s lies outside the session (0 to 630 s, duration plus 30 s"
                                + " tolerance)",
                        "a/codes.jsonl:3 start at 700.0 s lies outside the session (0 to 630 s, duration plus 30 s"
                                + " tolerance)",
                        "a/codes.jsonl:4 start at 700.0 s lies outside the session (0 to 630 s, duration plus 30 s"
                                + " tolerance)"),
                rows(out));
        InputFileStats f = file(out, "a/codes.jsonl");
        assertEquals(4, f.recordsRead);
        assertEquals(1, f.recordsAccepted);
        assertEquals(3, f.recordsRejected);
    }

    @Test
    void shouldNotTakeOneEventWrittenTwiceForAFileInMilliseconds() throws IOException {
        // review of 2026-12-07: one event past the session in two spellings gave the milliseconds
        // hint, which needs two events; two distinct events still give it
        write(
                "one.jsonl",
                "{\"start\": 150000, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n"
                        + "{\"start\": 150000, \"code\": \"anx-str-hands\", \"actor\": \"CL\"}\n");
        write(
                "two.jsonl",
                "{\"start\": 150000, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n"
                        + "{\"start\": 160000, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n");
        IngestedSession out = ingest("[\"one.jsonl\", \"two.jsonl\"]", "600");
        String past = " lies outside the session (0 to 630 s, duration plus 30 s tolerance)";
        String hint = "; all of this file's annotations lie past it and would fit at 1/1000 of their times:"
                + " milliseconds? Seconds are expected";
        assertEquals(
                List.of(
                        "a/one.jsonl:1 start at 150000.0 s" + past,
                        "a/one.jsonl:2 start at 150000.0 s" + past,
                        "a/two.jsonl:1 start at 150000.0 s" + past + hint,
                        "a/two.jsonl:2 start at 160000.0 s" + past + hint),
                rows(out));
    }

    @Test
    void shouldCutTheReasonOfALongPathAfterTheEarlierFileAndLine() throws IOException {
        String event = "{\"start\": 60, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n";
        String deep = "cohort-2026/trainee-07-with-a-long-folder-name/Sitzung_12_Klientin_2026-03-14_final.jsonl";
        write(deep, event);
        write("second coder/s12.jsonl", "{\"start\": 90, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n" + event);

        IngestedSession out = ingest("[\"" + deep + "\", \"second coder/s12.jsonl\"]", "600");

        Reject r = out.rejects.get(0);
        assertEquals("a/second coder/s12.jsonl", r.sourceFile);
        assertEquals(2, r.line);
        String full = "the same event as a/" + deep + " line 1" + FILE_REPEAT;
        assertTrue(full.length() > Reject.REASON_MAX_CHARS, full);
        assertEquals(full.substring(0, Reject.REASON_MAX_CHARS - 3) + "...", r.reason);
        assertEquals(1, out.rejects.size(), rows(out).toString());
    }

    @Test
    void shouldNameTheEarlierFileWithoutTheFolderBothShare() throws IOException {
        String event = "{\"start\": 60, \"end\": 75.5, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n";
        write("coding/first.jsonl", event);
        write("coding/second.jsonl", event + event);
        write("third.jsonl", event.replace("75.5", "75.50"));

        IngestedSession out = ingest("[\"coding/first.jsonl\", \"coding/second.jsonl\", \"third.jsonl\"]", "600");

        assertEquals(List.of("a/coding/first.jsonl:1 ANX_STR_HANDS client 60.0"), events(out));
        assertEquals(
                List.of(
                        "a/coding/second.jsonl:2 the same event as line 1" + ROW_REPEAT,
                        "a/coding/second.jsonl:1 the same event as first.jsonl line 1" + FILE_REPEAT,
                        "a/third.jsonl:1 the same event as coding/first.jsonl line 1" + FILE_REPEAT),
                rows(out));
        assertEquals("line 2: the same event as line 1" + ROW_REPEAT, file(out, "a/coding/second.jsonl").firstReject);
    }

    @Test
    void shouldNotCountTheDroppedModifiersOfARepeat() throws IOException {
        write(
                "codes.jsonl",
                "{\"start\": 10, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\", \"modifiers\": {\"observer\": \"x\"}}\n"
                        + "{\"start\": 10, \"code\": \"anx-str-sigh\", \"actor\": \"CL\", \"modifiers\": {\"observer\": \"y\"}}\n");
        IngestedSession out = ingest("[\"codes.jsonl\"]", "600");
        assertEquals(
                List.of(
                        "a/codes.jsonl:0 1 modifier value outside the allow-list was dropped (1 other field)",
                        "a/codes.jsonl:2 the same event as line 1" + SPELLING_REPEAT),
                rows(out));
        assertEquals(3, file(out, "a/codes.jsonl").recordsRead);
        assertEquals(1, out.annotations.size());
    }
}
