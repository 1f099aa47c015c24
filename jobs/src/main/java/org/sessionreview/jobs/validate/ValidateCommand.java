package org.sessionreview.jobs.validate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.model.Channel;
import org.sessionreview.validation.LabelsException;
import org.sessionreview.validation.RecordingValidation;
import org.sessionreview.validation.TaskLabels;

/**
 * The {@code validate} command (issue 8): the anxiety index of labelled E4 recordings against
 * their per-second stress-task labels, one window AUC per recording and their median, so that
 * anyone holding labelled recordings (the Stress-Predict subjects this project has never seen, a
 * lab's own) can check the index on them with the review's own steps and configuration. See
 * {@link RecordingValidation} for what is computed and {@link TaskLabels} for the label files.
 *
 * <p>Exit codes: 0 done (a recording without labels or without scored windows is a row saying
 * so), 1 no recording could be scored, 2 unusable arguments or labels file.
 */
public final class ValidateCommand {
    public static final String USAGE = String.join(
            "\n",
            "usage: session-review validate --recordings DIR [--labels FILE] [--set KEY=VALUE]... [--threads N] [--out FILE]",
            "",
            "Scores each E4 recording under DIR (each sub-folder holding EDA.csv, BVP.csv, ... as the E4 exports them;",
            "or DIR itself) as a client's wearable, with the review's steps and parameters, and prints the window",
            "ROC AUC of the anxiety index for stress-task windows against rest windows, per recording, and the median.",
            "",
            "  --recordings DIR  the recordings, e.g. Stress-Predict-Dataset/Raw_data",
            "  --labels FILE     per-second labels (1 stress task, 0 rest) of all recordings, with a participant",
            "                    column matched to the folder names by number (participant 9 = folder S09), e.g.",
            "                    Stress-Predict-Dataset/Processed_data/Improved_All_Combined_hr_rsp_binary.csv;",
            "                    without it, each folder's own labels*.csv (columns unix_time_s,label)",
            "  --set KEY=VALUE   a method parameter, as for review (repeatable; review --list-options)",
            "  --threads N       recordings scored at once (default: the number of cores)",
            "  --out FILE        also write the figures as JSON",
            "",
            "Only windows whose seconds all carry one label count. No parameter is fitted to a recording.",
            "Exit codes: 0 done, 1 no recording could be scored, 2 unusable arguments or labels file.");

    private final PrintStream out;
    private final PrintStream err;

    public ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        ValidateOptions options;
        List<Path> recordings;
        TaskLabels shared;
        try {
            options = ValidateOptions.parse(args);
            recordings = recordings(options.recordings());
            if (recordings.isEmpty()) {
                throw new UsageException(
                        "--recordings " + options.recordings()
                                + " holds no E4 recording (a folder with EDA.csv, BVP.csv, ACC.csv, TEMP.csv, HR.csv or IBI.csv)");
            }
            shared = options.labels() == null ? null : TaskLabels.read(options.labels());
            if (shared != null && shared.fault().isPresent()) {
                // a file that stops being readable part way would be scored as if complete
                throw new UsageException(
                        "the labels file " + options.labels().getFileName() + " cannot be read past line "
                                + shared.fault().get().line() + " ("
                                + shared.fault().get().reason()
                                + "): fix it, or every recording after that line would lose its labels");
            }
            if (shared != null && !shared.perParticipant() && recordings.size() > 1) {
                // one file of many people without a participant column would give every recording
                // everyone's labels (sessions overlap in time)
                throw new UsageException("the labels file " + options.labels().getFileName()
                        + " has no participant column (participant, participant_id, subject, subject_id, id)"
                        + " but --recordings holds " + recordings.size() + " recordings: name the column,"
                        + " or give each folder its own labels*.csv");
            }
        } catch (UsageException | LabelsException e) {
            err.println("session-review validate: " + e.getMessage() + " (see 'validate --help')");
            return 2;
        } catch (IOException e) {
            err.println("session-review validate: cannot read " + options(args) + ": " + e.getMessage());
            return 2;
        }
        if (shared != null) {
            ValidationTable.labelsNote(shared, out);
        }
        List<ValidationTable.Row> rows = score(recordings, shared, options);
        ValidationTable table = new ValidationTable(rows);
        table.print(out);
        if (shared != null) {
            ValidationTable.unmatched(shared, recordings, out);
        }
        if (options.out() != null) {
            try {
                table.writeJson(options, shared, recordings, out, options.out());
            } catch (IOException e) {
                err.println("session-review validate: cannot write " + options.out() + ": " + e.getMessage());
                return 1;
            }
        }
        return table.scoredCount() == 0 ? 1 : 0;
    }

    private static String options(String[] args) {
        int i = Arrays.asList(args).indexOf("--labels");
        return i >= 0 && i + 1 < args.length ? args[i + 1] : "the labels";
    }

    private List<ValidationTable.Row> score(List<Path> recordings, TaskLabels shared, ValidateOptions options) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), recordings.size()));
        try {
            List<Future<ValidationTable.Row>> futures = new ArrayList<>();
            for (Path folder : recordings) {
                futures.add(pool.submit(() -> scoreOne(folder, shared, options)));
            }
            List<ValidationTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                rows.add(result(futures.get(i), name(recordings.get(i))));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ValidationTable.Row result(Future<ValidationTable.Row> f, String name) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ValidationTable.Row.failed(name, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return ValidationTable.Row.failed(name, c.getClass().getSimpleName() + ": " + c.getMessage());
        }
    }

    private static ValidationTable.Row scoreOne(Path folder, TaskLabels shared, ValidateOptions options)
            throws IOException {
        String name = name(folder);
        Optional<NavigableMap<Long, Integer>> labels;
        String labelsNote = null;
        if (shared != null) {
            labels = shared.forRecording(name);
            long contradicted = shared.contradicted(name);
            if (contradicted > 0) {
                labelsNote = contradicted + " seconds with contradicting labels left unlabelled";
            }
        } else {
            TaskLabels own = ownLabels(folder);
            labels = own == null ? Optional.empty() : own.forRecording(name);
            if (own != null && !own.problems().isEmpty()) {
                labelsNote = own.problems().size() + " label rows rejected (first: " + own.fileName() + ", line "
                        + own.problems().get(0).line() + ": "
                        + own.problems().get(0).reason() + ")";
            }
        }
        if (labels.isEmpty()) {
            return ValidationTable.Row.unlabelled(name);
        }
        return new ValidationTable.Row(
                RecordingValidation.run(folder, name, labels.get(), options.config()), labelsNote);
    }

    /** The folder's own {@code labels*.csv}, or null when it has none or more than one. */
    private static TaskLabels ownLabels(Path folder) throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.list(folder)) {
            found = s.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return n.startsWith("labels") && n.endsWith(".csv") && Files.isRegularFile(p);
                    })
                    .toList();
        }
        return found.size() == 1 ? TaskLabels.read(found.get(0)) : null;
    }

    /**
     * The recordings: {@code dir} itself when it holds E4 files (or one E4 Connect zip), else its
     * sub-folders that do, by name. A sub-folder is a recording as {@code review} reads a wearer's
     * folder: channel files in any case ({@code eda.csv}), gzip-compressed or not, one zip, or one
     * folder of them inside (a zip unzipped in place).
     */
    static List<Path> recordings(Path dir) throws IOException {
        if (isRecording(dir, false)) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> isRecording(p, true))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Whether {@code dir} holds an E4 recording.
     *
     * @param inner whether one folder of channel files inside it counts (not for the root given
     *     on the command line, whose single sub-folder is a recording of its own name)
     */
    private static boolean isRecording(Path dir, boolean inner) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        int zips = 0;
        List<Path> folders = new java.util.ArrayList<>();
        for (Path e : entries) {
            String n = e.getFileName().toString();
            for (Channel c : Channel.values()) {
                if ((n.equalsIgnoreCase(c.fileName()) || n.equalsIgnoreCase(c.fileName() + ".gz"))
                        && Files.isRegularFile(e)) {
                    return true;
                }
            }
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && Files.isRegularFile(e)) {
                zips++;
            } else if (Files.isDirectory(e) && !n.startsWith(".") && !n.equals("__MACOSX")) {
                folders.add(e);
            }
        }
        return zips == 1 || inner && zips == 0 && folders.size() == 1 && isRecording(folders.get(0), false);
    }

    private static String name(Path folder) {
        Path n = folder.toAbsolutePath().normalize().getFileName();
        return n == null ? folder.toString() : n.toString();
    }
}
