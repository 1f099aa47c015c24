package org.sessionreview.jobs.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of the sql command's JSON output and of DuckDB's JDBC results in one comparable form:
 * integers as Long, floating values as Double, dates as {@code yyyy-MM-dd}, instants as
 * {@link Instant#toString()}, lists as {@code List}, the rest as String or Boolean.
 */
final class Canonical {
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_FLOOR = 1e-12;

    private Canonical() {}

    /** A value of our JSON output; strings that are instants are normalised like DuckDB's. */
    static Object ofJson(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(ofJson(e)));
            return list;
        }
        return n.asText();
    }

    /** A value DuckDB's JDBC driver returned. */
    static Object ofDuckDb(Object v) {
        try {
            if (v == null || v instanceof Boolean || v instanceof String) {
                return v;
            }
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof BigInteger) {
                return ((BigInteger) v).longValueExact();
            }
            if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
                return ((Number) v).doubleValue();
            }
            if (v instanceof java.sql.Date) {
                return ((java.sql.Date) v).toLocalDate().toString();
            }
            if (v instanceof LocalDate) {
                return v.toString();
            }
            if (v instanceof OffsetDateTime) {
                return ((OffsetDateTime) v).toInstant().toString();
            }
            if (v instanceof ZonedDateTime) {
                return ((ZonedDateTime) v).toInstant().toString();
            }
            if (v instanceof java.sql.Timestamp) {
                return ((java.sql.Timestamp) v).toInstant().toString();
            }
            if (v instanceof java.sql.Array) {
                List<Object> list = new ArrayList<>();
                for (Object e : (Object[]) ((java.sql.Array) v).getArray()) {
                    list.add(ofDuckDb(e));
                }
                return list;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("unexpected DuckDB value " + v.getClass() + ": " + v);
    }

    /** Whether two canonical values agree: numbers within the relative tolerance, the rest equal. */
    static boolean agree(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (a instanceof Long && b instanceof Long) {
                return a.equals(b);
            }
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            return x == y
                    || Math.abs(x - y)
                            <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)), ABSOLUTE_FLOOR);
        }
        if (a instanceof List && b instanceof List) {
            List<?> l = (List<?>) a;
            List<?> m = (List<?>) b;
            if (l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!agree(l.get(i), m.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** An instant our output wrote as text, normalised ({@code 2026-03-02T09:00Z} style differences). */
    static Object instant(Object text) {
        return text == null ? null : Instant.parse(text.toString()).toString();
    }
}
