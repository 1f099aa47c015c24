package org.sessionreview.ingest.annotation.boris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.RawAnnotation;

/** BORIS export variants generated from the real exports in shared/data/annotations/boris. */
class BorisExportVariantsTest {
    private static final String LEGACY = "annotations/boris/legacy_pre-v8_test_export_events_tabular.tsv";

    /**
     * BORIS 7 writes one column per modifier set, {@code Modifier 1}, {@code Modifier 2}, ... (no
     * {@code #}), between {@code Behavioral category} and {@code Comment}. This adds one to the
     * real legacy export; each bout's START and STOP get value m1, m2, ... by the bout's number
     * within its subject.
     */
    private static String withModifierColumn() {
        String text = new String(AnnotationFixtures.shared(LEGACY), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        boolean table = false;
        Map<String, Integer> bouts = new HashMap<>();
        for (String line : text.split("\r\n", -1)) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
            if (line.startsWith("Time\t")) {
                table = true;
                cells.add(7, "Modifier 1");
            } else if (table && !line.isBlank()) {
                String key = cells.get(4) + "/" + cells.get(5);
                if (cells.get(8).equals("START")) {
                    bouts.merge(key, 1, Integer::sum);
                }
                cells.add(7, "m" + bouts.get(key));
            }
            out.add(String.join("\t", cells));
        }
        return String.join("\r\n", out);
    }

    @Test
    void shouldPairStartAndStopWhenASpreadsheetDeletedTheLeadingColumnsOfAnEventsExport() throws Exception {
        String text = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "sample-data", "2026-03-05_T02_0900", "boris_events.tsv"));
        int subject = Arrays.asList(text.split("\n", 2)[0].split("\t", -1)).indexOf("Subject");
        StringBuilder cut = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                List<String> cells = Arrays.asList(line.split("\t", -1));
                cut.append(String.join("\t", cells.subList(subject, cells.size())))
                        .append('\n');
            }
        }
        assertEquals(
                java.util.Optional.of(org.sessionreview.ingest.annotation.AnnotationFormat.BORIS_EXPORT),
                org.sessionreview.ingest.annotation.AnnotationFormat.detect("events.tsv", cut.toString()));
        ParseResult<RawAnnotation> whole =
                new BorisParser().parse(text.getBytes(StandardCharsets.UTF_8), "events.tsv", "s1");
        ParseResult<RawAnnotation> r =
                new BorisParser().parse(cut.toString().getBytes(StandardCharsets.UTF_8), "events.tsv", "s1");
        // before: read as a native table, each START and STOP a point of its own
        assertBalanced(r, whole.records().size(), 0);
        assertEquals(
                whole.records().stream()
                        .map(a -> a.startS() + "-" + a.endS() + " " + a.label() + " " + a.actorHint() + " "
                                + a.modifiers())
                        .toList(),
                r.records().stream()
                        .map(a -> a.startS() + "-" + a.endS() + " " + a.label() + " " + a.actorHint() + " "
                                + a.modifiers())
                        .toList());
        assertEquals(true, r.records().stream().anyMatch(a -> a.endS() != null), "state bouts paired");
    }

    @Test
    void shouldRejectEveryRowWhenTheBehaviorTypeColumnOfAnEventsExportWasDeleted() throws Exception {
        String text = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "sample-data", "2026-03-05_T02_0900", "boris_events.tsv"));
        int type = Arrays.asList(text.split("\n", 2)[0].split("\t", -1)).indexOf("Behavior type");
        StringBuilder cut = new StringBuilder();
        int dataRows = -1;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                List<String> cells = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
                cells.remove(type);
                cut.append(String.join("\t", cells)).append('\n');
                dataRows++;
            }
        }
        // before: detected as a native table, every START and STOP row an event of its own and
        // BORIS's metadata columns taken for modifiers
        assertEquals(
                java.util.Optional.of(org.sessionreview.ingest.annotation.AnnotationFormat.BORIS_EXPORT),
                org.sessionreview.ingest.annotation.AnnotationFormat.detect("events.tsv", cut.toString()));
        ParseResult<RawAnnotation> r =
                new BorisParser().parse(cut.toString().getBytes(StandardCharsets.UTF_8), "events.tsv", "s1");
        assertBalanced(r, 0, dataRows);
        assertEquals(
                dataRows,
                r.rejects().stream()
                        .filter(x -> x.reason.contains("without its 'Behavior type' column"))
                        .count());
    }

    @Test
    void shouldReadModifierColumnsWhenLegacyExportNamesThemWithoutHash() {
        String text = withModifierColumn();
        ParseResult<RawAnnotation> r =
                new BorisParser().parse(text.getBytes(StandardCharsets.UTF_8), "legacy.tsv", "s1");
        assertBalanced(r, 4, 0);
        assertEquals(
                List.of("subject1 3.3 m1", "subject1 9.9 m2", "subject1 18.35 m3", "subject2 38.425 m1"),
                r.records().stream()
                        .map(a -> a.actorHint() + " " + a.startS() + " "
                                + a.modifiers().get("modifier_1"))
                        .toList());
    }

    @Test
    void shouldReadClockTimesWhenTabularExportWasResavedWithHhMmSs() {
        String text = new String(
                AnnotationFixtures.shared("annotations/boris/boris9_tabular_modifiers.tsv"), StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> plain =
                new BorisParser().parse(text.getBytes(StandardCharsets.UTF_8), "t.tsv", "s1");
        // the Time column (18th) as a spreadsheet formats a duration: 00:00:08.475
        StringBuilder clock = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            String[] cells = line.split("\t", -1);
            if (cells.length > 17 && cells[17].matches("\\d+\\.\\d+")) {
                long ms = Math.round(Double.parseDouble(cells[17]) * 1000);
                cells[17] =
                        String.format("%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
            }
            clock.append(String.join("\t", cells)).append("\r\n");
        }
        ParseResult<RawAnnotation> r =
                new BorisParser().parse(clock.toString().getBytes(StandardCharsets.UTF_8), "t.tsv", "s1");
        assertBalanced(r, plain.records().size(), 0);
        for (int i = 0; i < r.records().size(); i++) {
            assertEquals(plain.records().get(i).startS(), r.records().get(i).startS(), 1e-9);
            assertEquals(plain.records().get(i).endS(), r.records().get(i).endS());
        }
        assertEquals(19.175, r.records().get(3).startS(), 1e-9);
    }

    /**
     * One bout of r stops and the next starts on the same frame (coded on a paused player), and
     * the file lists that START before the STOP. Made from the real tabular export: its second r
     * bout gets modifier m1 and starts at the first bout's stop, 27.950 s.
     */
    @Test
    void shouldEndBoutBeforeStartingNextWhenStopAndStartShareTheirTime() {
        String text = new String(
                AnnotationFixtures.shared("annotations/boris/boris9_tabular_modifiers.tsv"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
        int stop = -1;
        int start = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains("\tm1\tSTOP\t27.950\t")) {
                stop = k;
            } else if (lines.get(k).contains("\tNone\tSTART\t30.425\t")) {
                start = k;
            }
        }
        String moved = lines.get(start).replace("\tNone\tSTART\t30.425\t", "\tm1\tSTART\t27.950\t");
        lines.remove(start);
        lines.add(stop, moved); // the START now comes before the STOP at the same time
        for (int k = 0; k < lines.size(); k++) {
            lines.set(k, lines.get(k).replace("\tNone\tSTOP\t40.825\t", "\tm1\tSTOP\t40.825\t"));
        }
        ParseResult<RawAnnotation> r =
                new BorisParser().parse(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), "tie.tsv", "s1");
        assertBalanced(r, 5, 0);
        assertEquals(
                List.of("q 8.475-null", "q 12.35-null", "q 15.65-null", "r 19.175-27.95", "r 27.95-40.825"),
                r.records().stream()
                        .map(a -> a.label() + " " + a.startS() + "-" + a.endS())
                        .toList());
    }
}
