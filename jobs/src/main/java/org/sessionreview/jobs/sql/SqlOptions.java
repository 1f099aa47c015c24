package org.sessionreview.jobs.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.storage.Entry;

/**
 * The {@code sql} command's arguments: the script (from {@code -e} or read from {@code -f}), the
 * review output folder (a local folder or one on a Flink file system, {@code s3://...}, set up with
 * {@code --flink KEY=VALUE} as for {@code review}) and the output format. {@link #parse} checks
 * everything it can before Flink starts.
 *
 * @param script the statements, as given or as read from the file
 * @param source where the script came from ({@code -e} or the file), for messages
 * @param tables the review's output folder
 * @param flinkConf the {@code --flink} settings (file system options such as {@code s3.endpoint})
 * @param format how results are printed
 */
public record SqlOptions(String script, String source, Entry tables, Map<String, String> flinkConf, SqlFormat format) {

    /** As {@link #parse(String[], Consumer)}, leaving the file systems as they are. */
    public static SqlOptions parse(String[] args) throws UsageException {
        return parse(args, conf -> {});
    }

    /**
     * Parses the arguments after {@code sql}; {@code fileSystems} gets the {@code --flink}
     * settings before {@code --tables} is looked at (so that an {@code s3://} folder is reachable).
     */
    public static SqlOptions parse(String[] args, Consumer<Map<String, String>> fileSystems) throws UsageException {
        String statement = null;
        Path file = null;
        String tablesArg = null;
        Map<String, String> flinkConf = new TreeMap<>();
        SqlFormat format = SqlFormat.TABLE;
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!flag.equals("-e")
                    && !flag.equals("-f")
                    && !flag.equals("--tables")
                    && !flag.equals("--format")
                    && !flag.equals("--flink")) {
                throw new UsageException("unknown argument '" + flag + "'");
            }
            if (i + 1 == args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "-e" -> statement = once(flag, statement, value);
                case "-f" -> file = TablesArgument.localPath(flag, once(flag, file, value));
                case "--tables" -> tablesArg = once(flag, tablesArg, value);
                case "--flink" -> TablesArgument.putFlinkSetting(flinkConf, value);
                default -> {
                    format = SqlFormat.parse(value);
                    if (format == null) {
                        throw new UsageException(
                                "--format must be one of " + SqlFormat.labels() + ", got '" + value + "'");
                    }
                }
            }
        }
        if (statement == null && file == null) {
            throw new UsageException("give the SQL with -e STATEMENT or -f FILE");
        }
        if (statement != null && file != null) {
            throw new UsageException("give the SQL with -e or with -f, not both");
        }
        if (tablesArg == null) {
            throw new UsageException("--tables DIR (a review's output folder) is required");
        }
        Entry tables = TablesArgument.folder(tablesArg, flinkConf, fileSystems);
        String script = file == null ? statement : read(file);
        return new SqlOptions(script, file == null ? "-e" : file.toString(), tables, Map.copyOf(flinkConf), format);
    }

    private static <T> String once(String flag, T previous, String value) throws UsageException {
        if (previous != null) {
            throw new UsageException(flag + " given twice");
        }
        return value;
    }

    private static String read(Path file) throws UsageException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("-f " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
