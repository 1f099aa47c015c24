package org.sessionreview.jobs.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table per result, numbers right-aligned, {@code NULL} for null, followed by the
 * row count; rows are held until the result ends (column widths need them all).
 *
 * <pre>
 * +------------+----------+
 * | session_id | priority |
 * +------------+----------+
 * | S03        |     4012 |
 * +------------+----------+
 * 1 row
 * </pre>
 */
final class TextTableWriter implements ResultWriter {
    private final PrintStream out;
    private List<String> columns;
    private final List<String[]> rows = new ArrayList<>();
    private final List<boolean[]> numeric = new ArrayList<>();
    private boolean first = true;

    TextTableWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
        rows.clear();
        numeric.clear();
    }

    @Override
    public void row(List<Object> values) {
        String[] cells = new String[values.size()];
        boolean[] right = new boolean[values.size()];
        for (int i = 0; i < cells.length; i++) {
            Object v = values.get(i);
            String t = SqlValues.text(v);
            cells[i] = t == null ? "NULL" : t.replace("\r", "\\r").replace("\n", "\\n");
            right[i] = v instanceof Number;
        }
        rows.add(cells);
        numeric.add(right);
    }

    @Override
    public void end() {
        separate();
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        String rule = rule(width);
        out.println(rule);
        out.println(line(columns.toArray(new String[0]), new boolean[width.length], width));
        out.println(rule);
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), numeric.get(r), width));
        }
        if (!rows.isEmpty()) {
            out.println(rule);
        }
        out.println(rows.size() == 1 ? "1 row" : rows.size() + " rows");
        out.flush();
    }

    @Override
    public void done(String message) {
        separate();
        out.println(message);
        out.flush();
    }

    private void separate() {
        if (!first) {
            out.println();
        }
        first = false;
    }

    private static String rule(int[] width) {
        StringBuilder b = new StringBuilder("+");
        for (int w : width) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.toString();
    }

    private static String line(String[] cells, boolean[] right, int[] width) {
        StringBuilder b = new StringBuilder("|");
        for (int c = 0; c < width.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(' ').append(right[c] ? pad + cells[c] : cells[c] + pad).append(" |");
        }
        return b.toString();
    }
}
