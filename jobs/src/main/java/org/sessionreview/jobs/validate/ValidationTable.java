package org.sessionreview.jobs.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.summary.Sum;
import org.sessionreview.Version;
import org.sessionreview.validation.RecordingValidation;
import org.sessionreview.validation.TaskLabels;

/** The figures of one {@code validate} run: a row per recording and the summary over them. */
final class ValidationTable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One recording: its result, or none with the reason. */
    record Row(String recording, RecordingValidation.Result result, String note) {
        Row(RecordingValidation.Result result, String note) {
            this(result.recording(), result, note);
        }

        static Row unlabelled(String recording) {
            return new Row(recording, null, "no labels for this recording");
        }

        static Row failed(String recording, String reason) {
            return new Row(recording, null, "failed: " + reason);
        }

        double auc() {
            return result == null ? Double.NaN : result.auc();
        }

        String notes() {
            List<String> n = new ArrayList<>();
            if (result != null) {
                if (result.scored() == 0) {
                    n.add("no scored window");
                } else if (result.stress() == 0 && result.rest() == 0) {
                    // e.g. labels in local time or in milliseconds
                    n.add("no window lies wholly in labelled seconds: do the labels' times (unix seconds, UTC) match"
                            + " the recording's?");
                } else if (result.stress() == 0 || result.rest() == 0) {
                    n.add("no " + (result.stress() == 0 ? "stress" : "rest") + " window");
                }
                if (!result.missingChannels().isEmpty()) {
                    n.add("missing " + String.join(", ", result.missingChannels()));
                }
                if (result.rejectedRecords() > 0) {
                    n.add(result.rejectedRecords() + " E4 records rejected");
                }
            }
            if (note != null) {
                n.add(note);
            }
            return String.join("; ", n);
        }
    }

    private final List<Row> rows;

    ValidationTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    private double[] aucs() {
        return rows.stream().mapToDouble(Row::auc).filter(Double::isFinite).toArray();
    }

    int scoredCount() {
        return aucs().length;
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%-24s %8s %8s %8s %8s %7s  %s%n",
                "recording",
                "windows",
                "scored",
                "stress",
                "rest",
                "AUC",
                "notes");
        for (Row r : rows) {
            RecordingValidation.Result v = r.result();
            out.printf(
                    Locale.ROOT,
                    "%-24s %8s %8s %8s %8s %7s  %s%n",
                    r.recording(),
                    v == null ? "" : v.windows(),
                    v == null ? "" : v.scored(),
                    v == null ? "" : v.stress(),
                    v == null ? "" : v.rest(),
                    Double.isFinite(r.auc()) ? String.format(Locale.ROOT, "%.3f", r.auc()) : "-",
                    r.notes());
        }
        double[] a = aucs();
        if (a.length == 0) {
            out.println("no recording has both stress and rest windows: no AUC");
            return;
        }
        Row low = lowest();
        out.printf(
                Locale.ROOT,
                "median window AUC %.3f over %d recordings (mean %.3f, lowest %.3f %s)%n",
                new Median().evaluate(a),
                a.length,
                new Sum().evaluate(a) / a.length,
                low.auc(),
                low.recording());
    }

    private Row lowest() {
        Row low = null;
        for (Row r : rows) {
            if (Double.isFinite(r.auc()) && (low == null || r.auc() < low.auc())) {
                low = r;
            }
        }
        return low;
    }

    /** How the labels file was read: rows read = accepted + rejected, and the first rejected rows. */
    static void labelsNote(TaskLabels labels, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "labels %s: %d rows read = %d accepted + %d rejected%s%n",
                labels.fileName(),
                labels.rowsRead(),
                labels.rowsAccepted(),
                labels.problems().size(),
                labels.perParticipant() ? ", " + labels.participants().size() + " participants" : "");
        labels.problems().stream()
                .limit(5)
                .forEach(p -> out.printf(
                        Locale.ROOT, "  rejected: %s, line %d: %s%n", labels.fileName(), p.line(), p.reason()));
        if (labels.problems().size() > 5) {
            out.printf(
                    Locale.ROOT,
                    "  ... and %d more rejected rows%n",
                    labels.problems().size() - 5);
        }
        labels.fault()
                .ifPresent(f -> out.printf(
                        Locale.ROOT, "  not read: %s, line %d: %s%n", labels.fileName(), f.line(), f.reason()));
    }

    /** Prints the participants of a shared labels file that no recording folder matched. */
    static void unmatched(TaskLabels labels, List<Path> recordings, PrintStream out) {
        List<String> left = unmatchedParticipants(labels, recordings);
        if (!left.isEmpty()) {
            out.println("labelled participants without a recording folder: " + String.join(", ", left));
        }
    }

    /** The participants of a shared labels file that no recording folder matched. */
    static List<String> unmatchedParticipants(TaskLabels labels, List<Path> recordings) {
        if (!labels.perParticipant()) {
            return List.of();
        }
        java.util.Set<String> matched = new java.util.HashSet<>();
        for (Path r : recordings) {
            labels.participantOf(r.toAbsolutePath().normalize().getFileName().toString())
                    .ifPresent(matched::add);
        }
        List<String> left = new ArrayList<>();
        for (String p : labels.participants()) {
            if (!matched.contains(p)) {
                left.add(p);
            }
        }
        return left;
    }

    /**
     * Writes the table as JSON, with the labels file's accounting (rows read = accepted +
     * rejected) and the labelled participants no folder matched when {@code shared} is given.
     */
    void writeJson(ValidateOptions options, TaskLabels shared, List<Path> recordings, PrintStream out, Path file)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", Instant.now().toString());
        doc.put("commit", Version.commit());
        doc.put("recordings_dir", options.recordings().toString());
        doc.put(
                "labels",
                options.labels() == null
                        ? "each folder's labels*.csv"
                        : options.labels().toString());
        if (shared != null) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("rows_read", shared.rowsRead());
            acc.put("rows_accepted", shared.rowsAccepted());
            acc.put("rows_rejected", shared.problems().size());
            acc.put(
                    "participants",
                    shared.perParticipant() ? shared.participants().size() : null);
            doc.put("labels_rows", acc);
            doc.put("labelled_without_recording", unmatchedParticipants(shared, recordings));
        }
        doc.put("set", options.sets());
        doc.put("parameters", options.config().parameters());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recording", r.recording());
            RecordingValidation.Result v = r.result();
            if (v != null) {
                m.put("windows", v.windows());
                m.put("scored", v.scored());
                m.put("stress", v.stress());
                m.put("rest", v.rest());
                m.put("auc", Double.isFinite(v.auc()) ? v.auc() : null);
                m.put("rejected_records", v.rejectedRecords());
                m.put("missing_channels", v.missingChannels());
            }
            m.put("notes", r.notes());
            list.add(m);
        }
        doc.put("recordings", list);
        double[] a = aucs();
        doc.put("recordings_with_auc", a.length);
        doc.put("median_auc", a.length == 0 ? null : new Median().evaluate(a));
        doc.put("mean_auc", a.length == 0 ? null : new Sum().evaluate(a) / a.length);
        JSON.writeValue(file.toFile(), doc);
        out.println("figures: " + file);
    }
}
