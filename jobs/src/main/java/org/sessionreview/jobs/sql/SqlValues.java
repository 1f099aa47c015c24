package org.sessionreview.jobs.sql;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Renders a value of a Flink result row as text, the same for the table and CSV formats:
 * instants in ISO-8601 UTC ({@code 2026-03-02T09:00:00Z}), dates {@code yyyy-MM-dd}, doubles in
 * their shortest exact decimal form without exponent ({@code 0.0001}), arrays as JSON arrays
 * ({@code ["a","b"]}).
 */
public final class SqlValues {
    private SqlValues() {}

    /** The text of {@code v}; null stays null (each format shows it its own way). */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return v instanceof Double ? plain(BigDecimal.valueOf(d)) : plain(new BigDecimal(v.toString()));
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof Object[]) {
            return Arrays.stream((Object[]) v).map(SqlValues::jsonText).collect(Collectors.joining(",", "[", "]"));
        }
        return v.toString();
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String jsonText(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Object[]) {
            return text(v);
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
