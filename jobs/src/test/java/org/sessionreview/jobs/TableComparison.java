package org.sessionreview.jobs;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Compares two versions of one table (a stored golden copy and today's output) row for row, with
 * a tolerance on floating-point values only.
 *
 * <p>Both sides must have the same column names and DuckDB types. A row is identified by its
 * non-floating columns and, where several rows share those (the beats of one wearer), also by its
 * first floating column (the time, in every table of ours) within the tolerance below: both sides
 * are sorted by the non-floating columns, then by the floating ones, so a last-bit change of a
 * double does not reorder rows, and merged. A row without a partner is <em>missing</em> (expected
 * only) or <em>unexpected</em> (actual only); paired rows are compared value for value. A changed
 * string, integer, boolean, date, timestamp or list therefore shows as one missing and one
 * unexpected row; these values are compared exactly, as DuckDB renders them as text.
 *
 * <p>Two DOUBLE or FLOAT values agree when both are null, both are NaN, they are equal, or they
 * are finite and {@code |a - b| <= max(1e-9 * max(|a|, |b|), 1e-12)}: a relative tolerance of
 * {@value #RELATIVE_TOLERANCE} with an absolute floor of {@value #ABSOLUTE_FLOOR} for values near
 * zero, where a relative difference says nothing (a correlation of 1e-17 that becomes -3e-17).
 */
final class TableComparison {
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_FLOOR = 1e-12;
    /** Differences listed per table; the counts cover all of them. */
    static final int SHOWN = 5;
    /** Non-floating columns named in a value difference's row key (the first floating one follows). */
    static final int KEY_COLUMNS_SHOWN = 3;

    private TableComparison() {}

    /** A table: column names and DuckDB types in order; rows hold DOUBLE/FLOAT values as Double, others as text. */
    record Table(List<String> columns, List<String> types, List<Object[]> rows) {
        /** All rows of a DuckDB relation, e.g. {@link DuckDb#parquet}. */
        static Table read(DuckDb db, String relation) throws SQLException {
            Map<String, String> schema = db.describe(relation);
            StringJoiner select = new StringJoiner(", ");
            schema.forEach((column, type) -> {
                String q = '"' + column.replace("\"", "\"\"") + '"';
                select.add(
                        isFloating(type) ? "CAST(" + q + " AS DOUBLE) AS " + q : "CAST(" + q + " AS VARCHAR) AS " + q);
            });
            List<Object[]> rows = new ArrayList<>();
            for (Map<String, Object> r : db.query("SELECT " + select + " FROM " + relation)) {
                rows.add(r.values().toArray());
            }
            return new Table(List.copyOf(schema.keySet()), List.copyOf(schema.values()), rows);
        }

        boolean floating(int column) {
            return isFloating(types.get(column));
        }
    }

    static boolean isFloating(String duckDbType) {
        return duckDbType.equals("DOUBLE") || duckDbType.equals("FLOAT");
    }

    /** Whether two floating values agree (see the class comment). */
    static boolean agree(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.isNaN() || b.isNaN()) {
            return a.isNaN() && b.isNaN();
        }
        if (a.doubleValue() == b.doubleValue()) {
            return true;
        }
        if (a.isInfinite() || b.isInfinite()) {
            return false;
        }
        return Math.abs(a - b) <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)), ABSOLUTE_FLOOR);
    }

    /** {@code |a - b| / max(|a|, |b|)}, 0 when both are 0. */
    static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** Compares {@code actual} with {@code expected}; {@code table} names the table in the report. */
    static TableDifference compare(String table, Table expected, Table actual) {
        TableDifference d =
                new TableDifference(table, expected.rows().size(), actual.rows().size());
        if (!expected.columns().equals(actual.columns()) || !expected.types().equals(actual.types())) {
            d.schema = "expected columns " + schema(expected) + ", now " + schema(actual);
            return d;
        }
        int n = expected.columns().size();
        int[] keys = IntStream.range(0, n).filter(c -> !expected.floating(c)).toArray();
        int[] floats = IntStream.range(0, n).filter(expected::floating).toArray();
        Comparator<Object[]> byKey = by(keys);
        Comparator<Object[]> order = byKey.thenComparing(by(floats));
        Consumer<Object[]> missing = row -> {
            d.missing++;
            d.show("missing row " + key(expected, row, keys.length, floats, Integer.MAX_VALUE));
        };
        Consumer<Object[]> unexpected = row -> {
            d.unexpected++;
            d.show("unexpected row " + key(expected, row, keys.length, floats, Integer.MAX_VALUE));
        };
        BiConsumer<Object[], Object[]> values = (e, a) -> compareValues(d, expected, floats, e, a);
        Comparator<Object[]> byTime =
                (e, a) -> floats.length == 0 || agree((Double) e[floats[0]], (Double) a[floats[0]])
                        ? 0
                        : Comparator.nullsFirst(TableComparison::compareValue).compare(e[floats[0]], a[floats[0]]);
        merge(
                groups(expected, order, byKey),
                groups(actual, order, byKey),
                (e, a) -> byKey.compare(e.get(0), a.get(0)),
                e -> e.forEach(missing),
                a -> a.forEach(unexpected),
                (e, a) -> {
                    if (e.size() == 1 && a.size() == 1) {
                        values.accept(e.get(0), a.get(0));
                    } else {
                        merge(e, a, byTime, missing, unexpected, values);
                    }
                });
        return d;
    }

    /** The rows of {@code t} in {@code order}, in runs of equal {@code key}. */
    private static List<List<Object[]>> groups(Table t, Comparator<Object[]> order, Comparator<Object[]> key) {
        List<List<Object[]>> groups = new ArrayList<>();
        for (Object[] row : t.rows().stream().sorted(order).toList()) {
            if (groups.isEmpty() || key.compare(groups.get(groups.size() - 1).get(0), row) != 0) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }

    /** Walks two sorted lists together: items that {@code match} as 0 are paired, the smaller of the others is unpaired. */
    private static <T> void merge(
            List<T> expected,
            List<T> actual,
            Comparator<T> match,
            Consumer<T> missing,
            Consumer<T> unexpected,
            BiConsumer<T, T> paired) {
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            int c = i == expected.size() ? 1 : j == actual.size() ? -1 : match.compare(expected.get(i), actual.get(j));
            if (c < 0) {
                missing.accept(expected.get(i++));
            } else if (c > 0) {
                unexpected.accept(actual.get(j++));
            } else {
                paired.accept(expected.get(i++), actual.get(j++));
            }
        }
    }

    private static void compareValues(TableDifference d, Table t, int[] floats, Object[] expected, Object[] actual) {
        boolean rowDiffers = false;
        for (int c : floats) {
            Double x = (Double) expected[c];
            Double y = (Double) actual[c];
            if (x == null ? y == null : x.equals(y)) {
                continue;
            }
            if (agree(x, y)) {
                d.tolerated++;
                d.largestTolerated = Math.max(d.largestTolerated, relativeDifference(x, y));
                continue;
            }
            d.valuesDiffering++;
            rowDiffers = true;
            String relative = x == null || y == null || x.isNaN() || y.isNaN()
                    ? ""
                    : ", relative difference " + String.format("%.3g", relativeDifference(x, y));
            d.show(key(t, expected, KEY_COLUMNS_SHOWN, floats, 40) + " "
                    + t.columns().get(c) + ": expected " + x + ", now " + y + relative);
        }
        if (rowDiffers) {
            d.rowsDiffering++;
        }
    }

    /** Orders rows by the given columns: text, or doubles with -0.0 equal to 0.0; nulls first. */
    private static Comparator<Object[]> by(int[] columns) {
        Comparator<Object[]> order = (x, y) -> 0;
        for (int c : columns) {
            order = order.thenComparing(row -> row[c], Comparator.nullsFirst(TableComparison::compareValue));
        }
        return order;
    }

    private static int compareValue(Object x, Object y) {
        if (x instanceof Double a && y instanceof Double b) {
            return a.doubleValue() == b.doubleValue() ? 0 : Double.compare(a, b);
        }
        return x.toString().compareTo(y.toString());
    }

    /**
     * "[c1=v1, c2=v2, f=x]": up to {@code keysShown} non-floating columns and the first floating
     * one, each value cut to {@code maxChars} (a missing or unexpected row shows all, so that a
     * changed string can be seen).
     */
    private static String key(Table t, Object[] row, int keysShown, int[] floats, int maxChars) {
        StringJoiner key = new StringJoiner(", ", "[", "]");
        int shown = 0;
        for (int c = 0; c < row.length; c++) {
            boolean show = t.floating(c) ? floats.length > 0 && c == floats[0] : shown++ < keysShown;
            if (show) {
                String v = String.valueOf(row[c]);
                key.add(t.columns().get(c) + "=" + (v.length() > maxChars ? v.substring(0, maxChars - 3) + "..." : v));
            }
        }
        return key.toString();
    }

    private static String schema(Table t) {
        StringJoiner s = new StringJoiner(", ", "(", ")");
        for (int c = 0; c < t.columns().size(); c++) {
            s.add(t.columns().get(c) + " " + t.types().get(c));
        }
        return s.toString();
    }
}
