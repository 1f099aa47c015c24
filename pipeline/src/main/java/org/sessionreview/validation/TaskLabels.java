package org.sessionreview.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sessionreview.ingest.annotation.DelimitedTable;

/**
 * Per-second task labels of labelled recordings: 1 = during a stress task, 0 = rest, keyed by
 * unix time in whole seconds. Two layouts are read (comma, semicolon or tab separated, a header
 * row first; header names are matched ignoring case and spaces):
 *
 * <ul>
 *   <li>one recording's labels: a time and a label column ({@code unix_time_s,label}, as the
 *       {@code labels_S0x.csv} files of {@code ../shared/data/e4/stress-predict-S0x});
 *   <li>many recordings' labels in one file, with a participant column besides: the
 *       Stress-Predict dataset's {@code Processed_data/Improved_All_Combined_hr_rsp_binary.csv}
 *       (columns {@code Participant}, {@code Time(sec)}, {@code Label} among others).
 * </ul>
 *
 * <p>Time column: {@code unix_time_s}, {@code Time(sec)}, {@code time}, {@code time_s}, {@code
 * timestamp} or {@code unix_time} (unix seconds; a fraction is cut to the whole second); label
 * column: {@code label}; participant column: {@code participant}, {@code participant_id}, {@code
 * subject} or {@code subject_id}. Other columns are ignored.
 *
 * <p>A row whose time is not a number, whose label is not 0 or 1, or which gives a second
 * already labelled otherwise for the same participant is rejected with its line and reason; the
 * other rows are kept. Rows read (blank rows aside) = accepted + rejected.
 */
public final class TaskLabels {
    private static final Set<String> TIME =
            Set.of("unix_time_s", "time(sec)", "time", "time_s", "timestamp", "unix_time");
    private static final Set<String> LABEL = Set.of("label");
    /** Header names of the participant column, compared without spaces and case ({@code Subject ID}). */
    private static final Set<String> PARTICIPANT =
            Set.of("participant", "participant_id", "participantid", "subject", "subject_id", "subjectid", "id", "pid");

    /** Marks a second two rows label differently; never returned by {@link #forRecording}. */
    private static final int CONTRADICTED = -1;

    /** A rejected row: its 1-based line and why. */
    public record Problem(long line, String reason) {}

    private final String fileName;
    private final boolean perParticipant;
    private final Map<String, NavigableMap<Long, Integer>> byParticipant;
    private final long rowsRead;
    private final List<Problem> problems;
    private final Problem fault;

    private TaskLabels(
            String fileName,
            boolean perParticipant,
            Map<String, NavigableMap<Long, Integer>> byParticipant,
            long rowsRead,
            List<Problem> problems,
            Problem fault) {
        this.fileName = fileName;
        this.perParticipant = perParticipant;
        this.byParticipant = byParticipant;
        this.rowsRead = rowsRead;
        this.problems = Collections.unmodifiableList(problems);
        this.fault = fault;
    }

    /** Reads a labels file (UTF-8). */
    public static TaskLabels read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses labels text.
     *
     * @param fileName the name used in messages
     * @throws LabelsException when no header row names a time and a label column, or the text
     *     cannot be read as delimited text at all
     */
    public static TaskLabels parse(String text, String fileName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        DelimitedTable table = DelimitedTable.read(body);
        // a file that stops being readable is read up to its first fault only (the command refuses it)
        DelimitedTable.Row firstFault =
                table.faults().isEmpty() ? null : table.faults().get(0);
        List<DelimitedTable.Row> rows = firstFault == null
                ? table.rows()
                : table.rows().stream()
                        .filter(r -> r.line() < firstFault.line())
                        .toList();
        int headerAt = 0;
        while (headerAt < rows.size() && rows.get(headerAt).isBlank()) {
            headerAt++;
        }
        if (headerAt == rows.size()) {
            throw new LabelsException(fileName + ": no header row (expected a time and a label column)");
        }
        DelimitedTable.Row header = rows.get(headerAt);
        int time = column(header, TIME);
        int label = column(header, LABEL);
        int participant = column(header, PARTICIPANT);
        if (time < 0 || label < 0) {
            throw new LabelsException(fileName + ", line " + header.line() + ": the header names no "
                    + (time < 0 ? "time column (one of " + String.join(", ", sorted(TIME)) + ")" : "label column")
                    + "; found " + header.cells().size() + " columns");
        }
        Map<String, NavigableMap<Long, Integer>> by = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        long read = 0;
        for (DelimitedTable.Row row : rows.subList(headerAt + 1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            read++;
            String reason = accept(row, time, label, participant, by);
            if (reason != null) {
                problems.add(new Problem(row.line(), reason));
            }
        }
        Problem fault = firstFault == null ? null : new Problem(firstFault.line(), firstFault.cell(0));
        return new TaskLabels(fileName, participant >= 0, by, read, problems, fault);
    }

    private static String accept(
            DelimitedTable.Row row, int time, int label, int participant, Map<String, NavigableMap<Long, Integer>> by) {
        double t;
        try {
            t = Double.parseDouble(row.cell(time).trim());
        } catch (NumberFormatException e) {
            return "the time is not a number";
        }
        if (!Double.isFinite(t) || t < 0) {
            return "the time is not a finite unix time in seconds";
        }
        int l;
        String lt = row.cell(label).trim();
        try {
            double v = Double.parseDouble(lt);
            if (v != 0 && v != 1) {
                return "the label is not 0 or 1";
            }
            l = (int) v;
        } catch (NumberFormatException e) {
            return "the label is not 0 or 1";
        }
        String who = participant < 0 ? "" : row.cell(participant).trim();
        if (participant >= 0 && who.isEmpty()) {
            return "the participant is empty";
        }
        long second = (long) Math.floor(t);
        NavigableMap<Long, Integer> own = by.computeIfAbsent(who, k -> new TreeMap<>());
        Integer before = own.putIfAbsent(second, l);
        if (before == null || before == l) {
            return null;
        }
        // which row is right cannot be told: the second is left unlabelled, whatever the rows' order
        own.put(second, CONTRADICTED);
        return before == CONTRADICTED
                ? "second " + second + " has contradicting labels: left unlabelled"
                : "second " + second + " is labelled " + before + " by an earlier row: left unlabelled";
    }

    private static int column(DelimitedTable.Row header, Set<String> names) {
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i).replace(" ", "").trim().toLowerCase(Locale.ROOT);
            if (names.contains(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /**
     * The labels of the recording in folder {@code recording}: the whole file when it has no
     * participant column; otherwise the participant named exactly so, or else the one whose number
     * equals the number in the folder's name ({@code S09}, {@code P9} and {@code 9} all match
     * participant {@code 9}, {@code S09} or {@code P09}). Empty when none matches, or when the
     * number matches more than one participant.
     */
    public Optional<NavigableMap<Long, Integer>> forRecording(String recording) {
        return stored(recording).map(m -> {
            NavigableMap<Long, Integer> labelled = new TreeMap<>(m);
            labelled.values().removeIf(v -> v == CONTRADICTED);
            return labelled;
        });
    }

    /** Seconds of {@code recording}'s labels that rows contradict (left unlabelled). */
    public long contradicted(String recording) {
        return stored(recording)
                .map(m -> m.values().stream().filter(v -> v == CONTRADICTED).count())
                .orElse(0L);
    }

    private Optional<NavigableMap<Long, Integer>> stored(String recording) {
        return participantOf(recording).map(byParticipant::get);
    }

    /**
     * The participant whose labels {@link #forRecording} gives {@code recording}, as written in the
     * file ({@code ""} for a file without a participant column); empty when none matches.
     */
    public Optional<String> participantOf(String recording) {
        if (!perParticipant) {
            return byParticipant.keySet().stream().findFirst();
        }
        if (byParticipant.containsKey(recording)) {
            return Optional.of(recording);
        }
        Long number = number(recording);
        if (number == null) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (String who : byParticipant.keySet()) {
            if (number.equals(number(who))) {
                found.add(who);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The number a name ends with ({@code S09} -> 9, and {@code 9.0} as a spreadsheet or pandas
     * writes a whole number), or null when it ends with no digit.
     */
    static Long number(String name) {
        name = name.strip().replaceFirst("(?<=\\d)\\.0+$", "");
        int end = name.length();
        int start = end;
        while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
            start--;
        }
        if (start == end || end - start > 18) {
            return null;
        }
        return Long.parseLong(name.substring(start, end));
    }

    public String fileName() {
        return fileName;
    }

    /** True when the file has a participant column. */
    public boolean perParticipant() {
        return perParticipant;
    }

    /** The participants named, in file order ("" for a file without a participant column). */
    public List<String> participants() {
        return List.copyOf(byParticipant.keySet());
    }

    /** Non-blank data rows read. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows kept: {@link #rowsRead()} minus the rejected ones. */
    public long rowsAccepted() {
        return rowsRead - problems.size();
    }

    /** Rejected rows in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Where the text stopped being readable (an unclosed quote), or empty when it was read to the end. */
    public Optional<Problem> fault() {
        return Optional.ofNullable(fault);
    }
}
