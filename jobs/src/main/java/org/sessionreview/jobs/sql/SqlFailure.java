package org.sessionreview.jobs.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement Flink refused or failed, with a short message: the first line of each distinct
 * message along the exception's cause chain (at most three), not a stack trace. Flink's parse and
 * validation messages say the problem on their first line ("SQL parse failed. Encountered ...
 * at line 1, column 10."); a failed job's root cause is at the end of the chain.
 */
public final class SqlFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LINES = 3;

    public SqlFailure(String message) {
        super(message);
    }

    static SqlFailure of(Throwable e) {
        return new SqlFailure(describe(e));
    }

    static String describe(Throwable e) {
        List<String> lines = new ArrayList<>();
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            String line = t.getMessage() == null
                    ? ""
                    : SqlRunner.firstLine(t.getMessage()).strip();
            if (!line.isEmpty() && lines.stream().noneMatch(l -> l.contains(line)) && lines.size() < MAX_LINES - 1) {
                lines.add(line);
            }
        }
        String last = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : SqlRunner.firstLine(root.getMessage()).strip();
        if (lines.stream().noneMatch(l -> l.contains(last))) {
            lines.add(last);
        }
        return String.join("\n", lines);
    }
}
