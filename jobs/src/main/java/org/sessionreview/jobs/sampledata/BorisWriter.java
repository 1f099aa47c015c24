package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes BORIS v9 exports (DOMAIN.md 1.3; olivierfriard/BORIS {@code export_observation.py}):
 * the tabular events export (one START/STOP/POINT row per event) and the aggregated events
 * export (one row per bout). Tab-separated, CRLF line endings, numbers as text with 3 decimals,
 * {@code NA} for missing values. Behaviours are the site's labels from {@link Codebook}; the
 * ANX intensity is modifier #1 (the codebook maps {@code modifier_1} to {@code intensity}); the
 * subject is {@code client} or {@code therapist}. One independent variable ({@code coder}) sits
 * between FPS and Subject, as BORIS places them.
 */
final class BorisWriter {
    private static final String CRLF = "\r\n";
    private static final String FPS = "25.000";
    private static final String CODER = "R2";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BorisWriter() {}

    static void writeTabular(Path file, SessionPlan s, List<CodedEvent> events) throws IOException {
        boolean modifiers = events.stream().anyMatch(e -> e.intensity() != null);
        List<String> header = new ArrayList<>(List.of(
                "Observation id",
                "Observation date",
                "Description",
                "Observation duration",
                "Observation type",
                "Source",
                "Time offset (s)",
                "Media duration (s)",
                "FPS",
                "coder",
                "Subject",
                "Behavior",
                "Behavioral category"));
        if (modifiers) {
            header.add("Modifier #1");
        }
        header.addAll(List.of("Behavior type", "Time", "Media file name", "Image index", "Image file path", "Comment"));
        List<Object[]> rows = new ArrayList<>();
        for (CodedEvent e : events) {
            if (e.isPoint()) {
                rows.add(new Object[] {e.startS(), e, "POINT"});
            } else {
                rows.add(new Object[] {e.startS(), e, "START"});
                rows.add(new Object[] {e.endS(), e, "STOP"});
            }
        }
        rows.sort(Comparator.comparingDouble(r -> (Double) r[0]));
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (Object[] r : rows) {
            CodedEvent e = (CodedEvent) r[1];
            String status = (String) r[2];
            List<String> cells = new ArrayList<>(List.of(
                    s.sessionId(),
                    date(s),
                    description(s),
                    Fmt.fixed(codingSpan(events), 3),
                    "Media file(s)",
                    "player #1:" + media(s),
                    "0.0",
                    Fmt.fixed(s.durationS(), 3),
                    FPS,
                    CODER,
                    e.actor(),
                    Codebook.labelFor(e.code()),
                    Codebook.categoryFor(e.code())));
            if (modifiers) {
                cells.add(e.intensity() == null ? "" : e.intensity().toString());
            }
            cells.addAll(List.of(
                    status,
                    Fmt.fixed((Double) r[0], 3),
                    media(s),
                    "NA",
                    "NA",
                    !status.equals("STOP") && e.note() != null ? e.note() : ""));
            line(sb, cells);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    static void writeAggregated(Path file, SessionPlan s, List<CodedEvent> events) throws IOException {
        boolean modifiers = events.stream().anyMatch(e -> e.intensity() != null);
        List<String> header = new ArrayList<>(List.of(
                "Observation id",
                "Observation date",
                "Description",
                "Observation type",
                "Source",
                "Time offset (s)",
                "Coding duration",
                "Media duration (s)",
                "FPS (frame/s)",
                "coder",
                "Subject",
                "Observation duration by subject by observation",
                "Behavior",
                "Behavioral category"));
        if (modifiers) {
            header.add("Modifier #1");
        }
        header.addAll(List.of(
                "Behavior type",
                "Start (s)",
                "Stop (s)",
                "Duration (s)",
                "Media file name",
                "Image index start",
                "Image index stop",
                "Image file path start",
                "Image file path stop",
                "Comment start",
                "Comment stop"));
        Map<String, Double> stateTotal = new LinkedHashMap<>();
        for (CodedEvent e : events) {
            stateTotal.merge(e.actor(), e.isPoint() ? 0.0 : e.endS() - e.startS(), Double::sum);
        }
        List<CodedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(CodedEvent::startS));
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (CodedEvent e : sorted) {
            List<String> cells = new ArrayList<>(List.of(
                    s.sessionId(),
                    date(s),
                    description(s),
                    "Media file",
                    "player #1:" + media(s),
                    "0.0",
                    Fmt.fixed(codingSpan(events), 3),
                    Fmt.fixed(s.durationS(), 3),
                    FPS,
                    CODER,
                    e.actor(),
                    Fmt.fixed(stateTotal.get(e.actor()), 3),
                    Codebook.labelFor(e.code()),
                    category(e.code())));
            if (modifiers) {
                cells.add(e.intensity() == null ? "None" : e.intensity().toString());
            }
            cells.addAll(List.of(
                    e.isPoint() ? "POINT" : "STATE",
                    Fmt.fixed(e.startS(), 3),
                    Fmt.fixed(e.endOrStartS(), 3),
                    e.isPoint() ? "NA" : Fmt.fixed(e.endS() - e.startS(), 3),
                    media(s),
                    "NA",
                    "NA",
                    "",
                    "",
                    e.note() == null ? "" : e.note(),
                    ""));
            line(sb, cells);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String category(String code) {
        String c = Codebook.categoryFor(code);
        return c.isEmpty() ? "Not defined" : c;
    }

    /** Time from the first to the last coded event, as BORIS computes the coding duration. */
    private static double codingSpan(List<CodedEvent> events) {
        double first = events.stream().mapToDouble(CodedEvent::startS).min().orElse(0);
        double last = events.stream().mapToDouble(CodedEvent::endOrStartS).max().orElse(0);
        return last - first;
    }

    private static String date(SessionPlan s) {
        return s.mediaStart().format(DATE);
    }

    private static String description(SessionPlan s) {
        return "synthetic session-review sample, session " + s.sessionNumber();
    }

    private static String media(SessionPlan s) {
        return s.sessionId() + ".mp4";
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append(String.join("\t", cells)).append(CRLF);
    }
}
