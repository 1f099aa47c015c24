package org.sessionreview.jobs.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sessionreview.jobs.cli.UsageException;

/**
 * The {@code sql} command's arguments: the script (from {@code -e} or read from {@code -f}), the
 * review output folder and the output format. {@link #parse} checks everything it can before
 * Flink starts.
 *
 * @param script the statements, as given or as read from the file
 * @param source where the script came from ({@code -e} or the file), for messages
 */
public record SqlOptions(String script, String source, Path tables, SqlFormat format) {

    public static SqlOptions parse(String[] args) throws UsageException {
        String statement = null;
        Path file = null;
        Path tables = null;
        SqlFormat format = SqlFormat.TABLE;
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!flag.equals("-e") && !flag.equals("-f") && !flag.equals("--tables") && !flag.equals("--format")) {
                throw new UsageException("unknown argument '" + flag + "'");
            }
            if (i + 1 == args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "-e":
                    statement = once(flag, statement, value);
                    break;
                case "-f":
                    file = Path.of(once(flag, file, value));
                    break;
                case "--tables":
                    tables = Path.of(once(flag, tables, value));
                    break;
                default:
                    format = SqlFormat.parse(value);
                    if (format == null) {
                        throw new UsageException(
                                "--format must be one of " + SqlFormat.labels() + ", got '" + value + "'");
                    }
            }
        }
        if (statement == null && file == null) {
            throw new UsageException("give the SQL with -e STATEMENT or -f FILE");
        }
        if (statement != null && file != null) {
            throw new UsageException("give the SQL with -e or with -f, not both");
        }
        if (tables == null) {
            throw new UsageException("--tables DIR (a review's output folder) is required");
        }
        if (!Files.isDirectory(tables)) {
            throw new UsageException("--tables " + tables + ": no such folder");
        }
        if (file == null) {
            return new SqlOptions(statement, "-e", tables, format);
        }
        return new SqlOptions(read(file), file.toString(), tables, format);
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
