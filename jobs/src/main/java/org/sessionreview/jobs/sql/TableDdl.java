package org.sessionreview.jobs.sql;

import java.util.stream.Collectors;
import org.sessionreview.parquet.Column;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.TableSchema;

/**
 * The Flink SQL {@code CREATE TABLE} statement that registers one output table (a folder of
 * Parquet files) with its schema from {@link org.sessionreview.parquet.OutputTables}: the
 * filesystem connector, the {@code parquet} format, the table's and each column's description as
 * {@code COMMENT}s. Plain string building, no Flink: tested on its own.
 *
 * <p>Types: {@link #flinkType(ColumnType)}. Required columns are {@code NOT NULL}; a list column
 * never is (its Parquet LIST group is optional whatever the column says).
 */
public final class TableDdl {
    private TableDdl() {}

    /**
     * {@code CREATE TABLE `name` (...) COMMENT '...' WITH ('connector' = 'filesystem', 'path' =
     * path, 'format' = 'parquet', 'parquet.utc-timezone' = 'true')}.
     *
     * @param path the table's folder as a Flink path or URI, e.g. {@code file:/data/out/sessions}
     */
    public static String createTable(TableSchema<?> table, String path) {
        String columns =
                table.columns().stream().map(TableDdl::columnDefinition).collect(Collectors.joining(",\n", "", "\n"));
        return "CREATE TABLE " + identifier(table.name()) + " (\n" + columns + ")"
                + (table.description().isEmpty() ? "" : "\nCOMMENT " + literal(table.description()))
                // parquet.utc-timezone: the INT64 instants are read as UTC, not as the JVM's local
                // time (before: every *_utc value printed shifted by the machine's offset)
                + "\nWITH ('connector' = 'filesystem', 'path' = " + literal(path)
                + ", 'format' = 'parquet', 'parquet.utc-timezone' = 'true')";
    }

    static String columnDefinition(Column<?> c) {
        boolean notNull = c.required() && c.type() != ColumnType.STRING_LIST;
        return "  " + identifier(c.name()) + " " + flinkType(c.type()) + (notNull ? " NOT NULL" : "")
                + (c.description().isEmpty() ? "" : " COMMENT " + literal(c.description()));
    }

    /**
     * The Flink SQL type Flink's {@code parquet} format reads a column of this type as:
     * {@code INT64 TIMESTAMP(MILLIS, isAdjustedToUTC)} is an instant, {@code TIMESTAMP_LTZ(3)};
     * {@code INT32 DATE} is {@code DATE}; a LIST of strings is {@code ARRAY<STRING>}.
     */
    public static String flinkType(ColumnType type) {
        switch (type) {
            case STRING:
                return "STRING";
            case INT32:
                return "INT";
            case INT64:
                return "BIGINT";
            case DOUBLE:
                return "DOUBLE";
            case BOOLEAN:
                return "BOOLEAN";
            case TIMESTAMP_UTC:
                return "TIMESTAMP_LTZ(3)";
            case DATE:
                return "DATE";
            case STRING_LIST:
                return "ARRAY<STRING>";
            default:
                throw new IllegalArgumentException("no Flink SQL type for " + type);
        }
    }

    /** A quoted identifier: {@code `name`}, a backtick inside doubled. */
    public static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A SQL string literal: {@code 'text'}, a quote inside doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
