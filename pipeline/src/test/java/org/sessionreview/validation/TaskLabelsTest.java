package org.sessionreview.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskLabelsTest {
    @Test
    void shouldReadOneRecordingsLabelsWhenTheFileHasNoParticipantColumn() {
        TaskLabels t = TaskLabels.parse("unix_time_s,label\n100,0\n101,1\n\n102.7,1\n", "labels_S02.csv");
        assertFalse(t.perParticipant());
        assertEquals(3, t.rowsRead());
        assertEquals(3, t.rowsAccepted());
        assertEquals(
                Map.of(100L, 0, 101L, 1, 102L, 1), t.forRecording("anything").orElseThrow());
    }

    @Test
    void shouldMatchParticipantsToFoldersByNumberWhenTheFileHoldsManyRecordings() {
        String text = "\uFEFFParticipant,HR,respr,Time(sec),Label\r\n"
                + "2,80,15,100,0\r\n"
                + "2,80,15,101,1\r\n"
                + "10,70,14,500.0,1\r\n"
                + "S11,70,14,600,0\r\n";
        TaskLabels t = TaskLabels.parse(text, "combined.csv");
        assertTrue(t.perParticipant());
        assertEquals(List.of("2", "10", "S11"), t.participants());
        assertEquals(Map.of(100L, 0, 101L, 1), t.forRecording("S02").orElseThrow());
        assertEquals(
                Map.of(100L, 0, 101L, 1), t.forRecording("stress-predict-S02").orElseThrow());
        assertEquals(Map.of(500L, 1), t.forRecording("S10").orElseThrow());
        assertEquals(Map.of(600L, 0), t.forRecording("S11").orElseThrow(), "the exact name first");
        assertEquals(Map.of(600L, 0), t.forRecording("P11").orElseThrow());
        assertTrue(t.forRecording("S01").isEmpty());
        assertTrue(t.forRecording("msr2023x").isEmpty(), "a name without a trailing number matches only exactly");
    }

    @Test
    void shouldRefuseANumberThatMatchesTwoParticipants() {
        TaskLabels t = TaskLabels.parse("subject;time;label\nS9;1;0\nP09;2;1\n", "x.csv");
        assertTrue(t.forRecording("S009").isEmpty());
        assertEquals(Map.of(1L, 0), t.forRecording("S9").orElseThrow());
    }

    @Test
    void shouldRejectBadRowsWithTheirLineAndKeepTheRest() {
        String text = "unix_time_s\tlabel\n"
                + "100\t0\n"
                + "abc\t1\n"
                + "101\t0.5\n"
                + "102\tyes\n"
                + "-5\t1\n"
                + "100\t1\n"
                + "100\t0\n"
                + "103\t1\n";
        TaskLabels t = TaskLabels.parse(text, "l.tsv");
        assertEquals(8, t.rowsRead());
        assertEquals(2, t.rowsAccepted());
        assertEquals(
                List.of(
                        new TaskLabels.Problem(3, "the time is not a number"),
                        new TaskLabels.Problem(4, "the label is not 0 or 1"),
                        new TaskLabels.Problem(5, "the label is not 0 or 1"),
                        new TaskLabels.Problem(6, "the time is not a finite unix time in seconds"),
                        new TaskLabels.Problem(7, "second 100 is labelled 0 by an earlier row: left unlabelled"),
                        new TaskLabels.Problem(8, "second 100 has contradicting labels: left unlabelled")),
                t.problems());
        // which row is right cannot be told: before, the earlier row won, so the result depended on
        // the rows' order (found by an audit)
        assertEquals(Map.of(103L, 1), t.forRecording("S1").orElseThrow());
        assertEquals(1, t.contradicted("S1"));
        assertTrue(t.fault().isEmpty());
    }

    @Test
    void shouldRejectARowWithoutItsParticipant() {
        TaskLabels t = TaskLabels.parse("participant,time,label\n,1,0\n3,2,1\n", "x.csv");
        assertEquals(List.of(new TaskLabels.Problem(2, "the participant is empty")), t.problems());
        assertEquals(1, t.rowsAccepted());
    }

    @Test
    void shouldNameTheFileAndLineWhenTheHeaderLacksATimeOrLabelColumn() {
        LabelsException noTime =
                assertThrows(LabelsException.class, () -> TaskLabels.parse("\n\nsecond,label\n1,0\n", "labels.csv"));
        assertTrue(
                noTime.getMessage().startsWith("labels.csv, line 3: the header names no time column"),
                noTime.getMessage());
        LabelsException noLabel =
                assertThrows(LabelsException.class, () -> TaskLabels.parse("time,stress\n1,0\n", "labels.csv"));
        assertTrue(noLabel.getMessage().contains("line 1: the header names no label column"), noLabel.getMessage());
        assertThrows(LabelsException.class, () -> TaskLabels.parse("\n \n", "empty.csv"));
    }

    @Test
    void shouldReportWhereTheTextStoppedBeingReadable() {
        TaskLabels t = TaskLabels.parse("time,label\n1,0\n\"2,1\n3,1\n", "q.csv");
        assertEquals(Map.of(1L, 0), t.forRecording("S1").orElseThrow());
        assertEquals(3, t.fault().orElseThrow().line());
        assertEquals(1, t.rowsRead());
    }

    @Test
    void shouldTakeTheNumberAtTheEndOfAName() {
        assertEquals(9L, TaskLabels.number("S09"));
        assertEquals(35L, TaskLabels.number("stress-predict-S35"));
        assertEquals(null, TaskLabels.number("msr"));
        // as pandas or a spreadsheet writes a whole number (found by an audit: matched nothing)
        assertEquals(9L, TaskLabels.number("9.0"));
        assertEquals(10L, TaskLabels.number("10.00"));
        assertEquals(5L, TaskLabels.number("9.5"), "not a whole number: its last digits, as before");
    }

    @Test
    void shouldFindTheParticipantColumnUnderItsCommonNames() {
        for (String header : new String[] {"Subject ID", "ID", "participant_id", "PID"}) {
            TaskLabels t = TaskLabels.parse(header + ",time,label\nS2,1,1\nS3,1,0\n", "l.csv");
            assertTrue(t.perParticipant(), header);
            assertEquals(Map.of(1L, 1), t.forRecording("S02").orElseThrow(), header);
        }
    }
}
