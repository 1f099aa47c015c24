package org.sessionreview.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.parquet.Column;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.TableSchema;

/**
 * The column side of the research export ({@link ResearchExport}): which columns of a review table
 * are exported and under what name and type ({@link ResearchRules}), one row with every rule
 * applied, and the order rows are written in. Plain functions, no I/O.
 */
final class ExportColumns {
    private ExportColumns() {}

    /** The exported columns of a review table, in order, each with its rule. */
    static List<Map.Entry<Column<?>, ResearchRules.Rule>> exportedColumns(TableSchema<?> schema) {
        List<Map.Entry<Column<?>, ResearchRules.Rule>> out = new ArrayList<>();
        for (Column<?> c : schema.columns()) {
            ResearchRules.Rule rule = ResearchRules.rule(schema.name(), c);
            if (rule.treatment() != ResearchRules.Treatment.DROPPED) {
                out.add(Map.entry(c, rule));
            }
        }
        return out;
    }

    /** The schema of an exported table: the kept columns under their new names and types, each description saying its rule. */
    public static TableSchema<Map<String, Object>> exportSchema(TableSchema<?> schema) {
        TableSchema.Builder<Map<String, Object>> b = TableSchema.<Map<String, Object>>builder(schema.name())
                .description(schema.description() + " Research export: "
                        + ResearchRules.RECOMPUTED_TABLES.getOrDefault(
                                schema.name(), "only sessions with research consent")
                        + ".");
        for (Map.Entry<Column<?>, ResearchRules.Rule> e : exportedColumns(schema)) {
            Column<?> c = e.getKey();
            ResearchRules.Rule rule = e.getValue();
            String out = rule.outName();
            String doc = rule.treatment() == ResearchRules.Treatment.KEPT
                    ? c.description()
                    : c.description() + " [research export, "
                            + rule.treatment().name().toLowerCase(java.util.Locale.ROOT) + ": " + rule.why() + "]";
            boolean required = c.required() && !rule.nullOutside();
            if (required) {
                b.required(out, rule.outType(), doc, r -> r.get(out));
            } else {
                b.optional(out, rule.outType(), doc, r -> r.get(out));
            }
        }
        return b.build();
    }

    /** One row with every rule applied. */
    static Map<String, Object> exportRow(
            String table,
            List<Map.Entry<Column<?>, ResearchRules.Rule>> columns,
            Map<String, Object> row,
            ResearchPseudonyms pseudonyms) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Column<?>, ResearchRules.Rule> e : columns) {
            Column<?> c = e.getKey();
            ResearchRules.Rule rule = e.getValue();
            Object v = row.get(c.name());
            Object w;
            if (v == null) {
                w = null;
            } else {
                switch (rule.treatment()) {
                    case KEPT:
                        w = v;
                        break;
                    case PSEUDONYMISED:
                    case COARSENED:
                        w = rule.map().apply(v, pseudonyms);
                        break;
                    case VOCABULARY:
                        w = checked(table, c.name(), rule, v);
                        break;
                    default:
                        throw new IllegalStateException("unhandled treatment " + rule.treatment());
                }
            }
            out.put(rule.outName(), w);
        }
        return out;
    }

    private static Object checked(String table, String column, ResearchRules.Rule rule, Object v) {
        boolean ok = v instanceof List<?> list
                ? list.stream().allMatch(x -> x != null && rule.vocabulary().test(x.toString()))
                : rule.vocabulary().test((String) v);
        if (ok) {
            return v;
        }
        if (rule.nullOutside()) {
            return null;
        }
        throw new ExportException("column " + table + "." + column + " holds a value outside its fixed vocabulary"
                + " (tables from another version of session-review?); nothing was exported");
    }

    /** Rows in the order of their values, column by column (nulls first). */
    static final Comparator<Map<String, Object>> ROW_ORDER = (a, b) -> {
        var ia = a.values().iterator();
        var ib = b.values().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = compareValues(ia.next(), ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number nx && y instanceof Number ny) {
            return Double.compare(nx.doubleValue(), ny.doubleValue());
        }
        if (x instanceof List<?> lx && y instanceof List<?> ly) {
            return String.join("\u0000", (List) lx).compareTo(String.join("\u0000", (List) ly));
        }
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }

    /** The column types an exported table may hold: no timestamps, no dates. */
    static boolean exportable(ColumnType t) {
        return t != ColumnType.TIMESTAMP_UTC && t != ColumnType.DATE;
    }
}
