package org.sessionreview.jobs.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Keeps, in a finished batch run's table folder, only the files of each sink subtask's last
 * execution attempt ({@link AttemptScopedFileSink} names them and marks every attempt), so that a
 * sink re-run by Flink's failover does not leave its earlier attempt's rows in the table.
 *
 * <p>Correct because a batch job finishes only when the last attempt of every subtask has
 * finished, and that attempt consumed its whole input again: an earlier attempt's committed
 * files are either repeated by it or (when the re-run source handed the earlier attempt's session
 * folders to another subtask) written by that other subtask's own last attempt.
 */
public final class FinalAttempts {
    /** File name prefix of the sink's files before the subtask and attempt are added. */
    static final String PART_PREFIX = "part";
    /** Folder, inside a table folder, of the markers that say which attempts started. */
    static final String MARKERS = "_attempts";

    private static final Pattern FILE = Pattern.compile(Pattern.quote(PART_PREFIX) + "-s(\\d+)-a(\\d+)-.*");
    private static final Pattern MARKER = Pattern.compile("s(\\d+)-a(\\d+)");

    private FinalAttempts() {}

    /** The file name prefix of {@code subtask}'s {@code attempt}: {@code part-s<subtask>-a<attempt>}. */
    static String prefix(int subtask, int attempt) {
        return PART_PREFIX + "-s" + subtask + "-a" + attempt;
    }

    /** Records that {@code task}'s attempt started writing into {@code table}. */
    static void mark(Path table, TaskInfo task) throws IOException {
        mark(table, task.getIndexOfThisSubtask(), task.getAttemptNumber());
    }

    static void mark(Path table, int subtask, int attempt) throws IOException {
        Path markers = new Path(table, MARKERS);
        FileSystem fs = markers.getFileSystem();
        fs.mkdirs(markers);
        fs.create(new Path(markers, "s" + subtask + "-a" + attempt), FileSystem.WriteMode.OVERWRITE)
                .close();
    }

    /**
     * Runs {@link #tidy} once on a scratch {@code table} folder with an attempt to drop and a
     * hidden file, so that every class it needs is loaded (see {@code PublishOnFinish#onCreated}).
     */
    static void warmUp(Path table) throws IOException {
        FileSystem fs = table.getFileSystem();
        mark(table, 0, 0);
        mark(table, 0, 1);
        fs.create(new Path(table, prefix(0, 0) + "-warm-up"), FileSystem.WriteMode.OVERWRITE)
                .close();
        fs.create(new Path(table, ".hidden"), FileSystem.WriteMode.OVERWRITE).close();
        tidy(table, true);
    }

    /**
     * Tidies a finished run's {@code table} folder: with {@code lastAttemptsOnly} (batch) deletes
     * every part file whose attempt is not its subtask's last; in any mode deletes the markers and
     * hidden files (in-progress files of attempts that failed; after a finished job every
     * committed file is visible).
     *
     * @return the names of the deleted part files, in name order
     */
    public static List<String> tidy(Path table, boolean lastAttemptsOnly) throws IOException {
        FileSystem fs = table.getFileSystem();
        if (!fs.exists(table)) {
            return List.of();
        }
        Map<Integer, Integer> last = lastAttempts(fs, new Path(table, MARKERS));
        List<String> deleted = new ArrayList<>();
        for (FileStatus f : fs.listStatus(table)) {
            String name = f.getPath().getName();
            if (name.startsWith(".")) {
                fs.delete(f.getPath(), true);
                continue;
            }
            Matcher m = FILE.matcher(name);
            if (lastAttemptsOnly && !f.isDir() && m.matches()) {
                Integer lastAttempt = last.get(Integer.parseInt(m.group(1)));
                if (lastAttempt != null && lastAttempt != Integer.parseInt(m.group(2))) {
                    fs.delete(f.getPath(), false);
                    deleted.add(name);
                }
            }
        }
        fs.delete(new Path(table, MARKERS), true);
        deleted.sort(null);
        return deleted;
    }

    private static Map<Integer, Integer> lastAttempts(FileSystem fs, Path markers) throws IOException {
        Map<Integer, Integer> last = new HashMap<>();
        if (!fs.exists(markers)) {
            return last;
        }
        for (FileStatus f : fs.listStatus(markers)) {
            Matcher m = MARKER.matcher(f.getPath().getName());
            if (m.matches()) {
                last.merge(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Math::max);
            }
        }
        return last;
    }
}
