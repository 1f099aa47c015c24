package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.TableComparison.Table;

/** The golden tables' comparison: it accepts last-bit changes of doubles and reports everything else. */
class TableComparisonTest {
    private static final List<String> COLUMNS = List.of("session_id", "start_s", "anxiety_index", "markers");
    private static final List<String> TYPES = List.of("VARCHAR", "DOUBLE", "DOUBLE", "VARCHAR[]");

    @TempDir
    Path tmp;

    private static Table table(Object[]... rows) {
        return new Table(COLUMNS, TYPES, new ArrayList<>(Arrays.asList(rows)));
    }

    private static Table golden() {
        return table(
                new Object[] {"T01", 0.0, 1.25, "[]"},
                new Object[] {"T01", 5.0, -0.5, "[W1]"},
                new Object[] {"T02", 0.0, null, "[]"},
                new Object[] {"T02", 5.0, Double.NaN, "[]"},
                new Object[] {"T02", 10.0, 1e-17, "[C1, C2]"});
    }

    /** The golden table with one row (in its order above) changed. */
    private static Table changed(int row, UnaryOperator<Object[]> change) {
        Table g = golden();
        List<Object[]> rows = new ArrayList<>(g.rows());
        rows.set(row, change.apply(rows.get(row).clone()));
        return table(rows.toArray(Object[][]::new));
    }

    private static Object[] index(Object[] row, Object value) {
        row[2] = value;
        return row;
    }

    @Test
    void shouldAcceptTheSameRowsInAnotherOrder() {
        List<Object[]> reversed = new ArrayList<>(golden().rows());
        java.util.Collections.reverse(reversed);
        TableDifference d = TableComparison.compare("windows", golden(), table(reversed.toArray(Object[][]::new)));
        assertTrue(d.agrees(), d.report());
        assertEquals("windows: 5 rows, identical", d.summary());
    }

    @Test
    void shouldAcceptAValueChangedByOneIn1e12() {
        TableDifference d = TableComparison.compare("windows", golden(), changed(0, r -> index(r, 1.25 * (1 + 1e-12))));
        assertTrue(d.agrees(), d.report());
        assertEquals(1, d.tolerated);
        assertTrue(d.summary().contains("1 values within tolerance"), d.summary());
    }

    @Test
    void shouldAcceptAChangeBelowTheAbsoluteFloorNearZero() {
        TableDifference d = TableComparison.compare("windows", golden(), changed(4, r -> index(r, -3e-17)));
        assertTrue(d.agrees(), d.report());
    }

    @Test
    void shouldReportAValueChangedByOneIn1e6() {
        TableDifference d = TableComparison.compare("windows", golden(), changed(1, r -> index(r, -0.5000005)));
        assertFalse(d.agrees());
        assertEquals(1, d.rowsDiffering);
        assertEquals(1, d.valuesDiffering);
        assertEquals(
                List.of("windows [session_id=T01, start_s=5.0, markers=[W1]] anxiety_index: expected -0.5,"
                        + " now -0.5000005, relative difference 1.00e-06"),
                d.shown);
        assertTrue(
                d.report()
                        .startsWith("windows: 5 rows expected, 5 now: 0 missing, 0 unexpected, 1 rows with 1 values"
                                + " beyond tolerance\n    windows [session_id=T01"),
                d.report());
    }

    @Test
    void shouldReportAMissingRow() {
        List<Object[]> rows = new ArrayList<>(golden().rows());
        rows.remove(2);
        TableDifference d = TableComparison.compare("windows", golden(), table(rows.toArray(Object[][]::new)));
        assertEquals(1, d.missing);
        assertEquals(0, d.unexpected);
        assertEquals(List.of("windows missing row [session_id=T02, start_s=0.0, markers=[]]"), d.shown);
    }

    @Test
    void shouldReportAnUnexpectedRow() {
        List<Object[]> rows = new ArrayList<>(golden().rows());
        rows.add(new Object[] {"T03", 0.0, 2.0, "[]"});
        TableDifference d = TableComparison.compare("windows", golden(), table(rows.toArray(Object[][]::new)));
        assertEquals(0, d.missing);
        assertEquals(1, d.unexpected);
        assertTrue(d.summary().startsWith("windows: 5 rows expected, 6 now"), d.summary());
    }

    @Test
    void shouldReportAChangedStringAsAMissingAndAnUnexpectedRow() {
        TableDifference d = TableComparison.compare("windows", golden(), changed(4, r -> {
            r[3] = "[C1, C3]";
            return r;
        }));
        assertEquals(1, d.missing);
        assertEquals(1, d.unexpected);
        assertEquals(0, d.valuesDiffering);
        assertEquals(
                List.of(
                        "windows missing row [session_id=T02, start_s=10.0, markers=[C1, C2]]",
                        "windows unexpected row [session_id=T02, start_s=10.0, markers=[C1, C3]]"),
                d.shown);
    }

    @Test
    void shouldReportANumberWhereNaNOrNullWas() {
        assertFalse(TableComparison.compare("windows", golden(), changed(3, r -> index(r, 0.0)))
                .agrees());
        assertFalse(TableComparison.compare("windows", golden(), changed(2, r -> index(r, 0.0)))
                .agrees());
        assertFalse(TableComparison.compare("windows", golden(), changed(0, r -> index(r, Double.POSITIVE_INFINITY)))
                .agrees());
    }

    @Test
    void shouldReportChangedColumns() {
        Table renamed = new Table(List.of("session_id", "start_s", "anxiety", "markers"), TYPES, golden().rows());
        TableDifference d = TableComparison.compare("windows", golden(), renamed);
        assertFalse(d.agrees());
        assertTrue(d.summary().contains("columns differ"), d.summary());
    }

    @Test
    void shouldListTheFirstDifferencesAndCountTheRest() {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : golden().rows()) {
            rows.add(index(r.clone(), 7.0));
        }
        TableDifference d = TableComparison.compare("windows", golden(), table(rows.toArray(Object[][]::new)));
        assertEquals(5, d.valuesDiffering);
        assertEquals(TableComparison.SHOWN, d.shown.size());
        rows.add(new Object[] {"T03", 0.0, 2.0, "[]"});
        d = TableComparison.compare("windows", golden(), table(rows.toArray(Object[][]::new)));
        assertTrue(d.report().endsWith("\n    (1 more)"), d.report());
    }

    @Test
    void shouldReadParquetWithDuckDb() throws Exception {
        Path file = tmp.resolve("t.parquet");
        try (DuckDb db = new DuckDb()) {
            db.execute("COPY (SELECT * FROM (VALUES ('T01', 0.0::DOUBLE, 'NaN'::DOUBLE, ['W1']),"
                    + " ('T01', 5.0, NULL, []::VARCHAR[])) v(session_id, start_s, anxiety_index, markers) ORDER BY ALL) TO "
                    + DuckDb.literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
            Table t = Table.read(db, DuckDb.parquetFile(file));
            assertEquals(COLUMNS, t.columns());
            assertEquals(TYPES, t.types());
            assertEquals(
                    List.of("T01", 0.0, Double.NaN, "[W1]"),
                    Arrays.asList(t.rows().get(0)));
            assertTrue(TableComparison.compare("t", t, Table.read(db, DuckDb.parquetFile(file)))
                    .agrees());
            Table moved = Table.read(
                    db,
                    "(SELECT session_id, start_s + 1e-6 AS start_s, anxiety_index, markers FROM "
                            + DuckDb.parquetFile(file) + ")");
            assertEquals(2, TableComparison.compare("t", t, moved).valuesDiffering);
        }
    }
}
