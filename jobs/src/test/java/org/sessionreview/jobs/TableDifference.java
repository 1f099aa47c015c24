package org.sessionreview.jobs;

import java.util.ArrayList;
import java.util.List;

/** What {@link TableComparison#compare} found in one table: counts, and the first differences. */
final class TableDifference {
    final String table;
    final int expectedRows;
    final int actualRows;
    /** Set when the column names or types differ; then no row is compared. */
    String schema;

    int missing;
    int unexpected;
    int rowsDiffering;
    int valuesDiffering;
    /** Floating values not bit for bit equal but within the tolerance, and the largest relative difference among them. */
    int tolerated;

    double largestTolerated;
    final List<String> shown = new ArrayList<>();

    TableDifference(String table, int expectedRows, int actualRows) {
        this.table = table;
        this.expectedRows = expectedRows;
        this.actualRows = actualRows;
    }

    void show(String difference) {
        if (shown.size() < TableComparison.SHOWN) {
            shown.add(table + " " + difference);
        }
    }

    /** Whether the table agrees with its expected version (within the tolerance). */
    boolean agrees() {
        return schema == null && missing == 0 && unexpected == 0 && valuesDiffering == 0;
    }

    /** One line, e.g. "windows: 4691 rows, identical". */
    String summary() {
        String within = tolerated == 0
                ? ""
                : String.format(
                        "%d values within tolerance (largest relative difference %.3g)", tolerated, largestTolerated);
        if (schema != null) {
            return table + ": columns differ: " + schema;
        }
        if (agrees()) {
            return table + ": " + expectedRows + " rows, " + (tolerated == 0 ? "identical" : "equal but for " + within);
        }
        return table + ": " + expectedRows + " rows expected, " + actualRows + " now: " + missing + " missing, "
                + unexpected
                + " unexpected, " + rowsDiffering + " rows with " + valuesDiffering + " values beyond tolerance"
                + (tolerated == 0 ? "" : ", " + within);
    }

    /** The summary, then the first differences, one a line. */
    String report() {
        StringBuilder s = new StringBuilder(summary());
        shown.forEach(d -> s.append("\n    ").append(d));
        int more = missing + unexpected + valuesDiffering - shown.size();
        if (more > 0) {
            s.append("\n    (").append(more).append(" more)");
        }
        return s.toString();
    }
}
