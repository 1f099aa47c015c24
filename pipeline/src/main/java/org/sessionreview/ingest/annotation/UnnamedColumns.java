package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns of a native CSV whose header cell is empty: their values are not read, and a file whose
 * data rows hold any gets one note saying so ({@link NativeAnnotationParser}), so that a column
 * whose name was deleted does not lose its values without a word.
 */
final class UnnamedColumns {
    private UnnamedColumns() {}

    /** The non-blank cells of {@code row} under a header cell left empty. */
    static int values(List<String> header, DelimitedTable.Row row) {
        int n = 0;
        for (int c = 0; c < header.size(); c++) {
            n += header.get(c).isEmpty() && !row.cell(c).isBlank() ? 1 : 0;
        }
        return n;
    }

    /**
     * Why values under header cells left empty are not read: a column whose name was deleted (an
     * {@code end} column, a spreadsheet's cleared cell) would otherwise lose its values without a
     * word. Names the columns by position; quotes no cell.
     */
    static String reason(List<String> header, long values) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                columns.add(Integer.toString(c + 1));
            }
        }
        return (columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns)
                + (columns.size() == 1 ? " has" : " have") + " no name in the header: "
                + values + (values == 1 ? " value" : " values") + " there not read (name the column, e.g. end,"
                + " or delete it)";
    }
}
