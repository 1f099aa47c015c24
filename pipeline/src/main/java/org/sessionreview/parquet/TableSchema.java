package org.sessionreview.parquet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The columns of one output table, in order, and the Parquet schema they make. Built with
 * {@link #builder(String)}; immutable and serializable.
 *
 * @param <T> the row type
 */
public final class TableSchema<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String description;
    private final List<Column<T>> columns;

    private TableSchema(String name, String description, List<Column<T>> columns) {
        this.name = name;
        this.description = description;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    public static <T> Builder<T> builder(String name) {
        return new Builder<>(name);
    }

    /** Table name = its folder under the output directory, e.g. {@code sessions}. */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    /** The Parquet message type: one field per column, in order. */
    public MessageType messageType() {
        List<Type> fields = new ArrayList<>();
        for (Column<T> c : columns) {
            fields.add(parquetType(c));
        }
        return new MessageType(name, fields);
    }

    private static Type parquetType(Column<?> c) {
        Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b;
        switch (c.type()) {
            case STRING:
                return prim(c, PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            case INT32:
                return prim(c, PrimitiveTypeName.INT32).named(c.name());
            case INT64:
                return prim(c, PrimitiveTypeName.INT64).named(c.name());
            case DOUBLE:
                return prim(c, PrimitiveTypeName.DOUBLE).named(c.name());
            case BOOLEAN:
                return prim(c, PrimitiveTypeName.BOOLEAN).named(c.name());
            case TIMESTAMP_UTC:
                return prim(c, PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                        .named(c.name());
            case DATE:
                return prim(c, PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.dateType())
                        .named(c.name());
            case STRING_LIST:
                return Types.optionalList()
                        .optionalElement(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            default:
                throw new IllegalStateException("unhandled column type " + c.type());
        }
    }

    private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> prim(
            Column<?> c, PrimitiveTypeName t) {
        return c.required() ? Types.required(t) : Types.optional(t);
    }

    /** Collects columns in order. */
    public static final class Builder<T> {
        private final String name;
        private String description = "";
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        /** A column that is never null. */
        public Builder<T> required(String col, ColumnType type, String doc, Column.Getter<T> getter) {
            columns.add(new Column<>(col, type, true, doc, getter));
            return this;
        }

        /** A column that may be null. */
        public Builder<T> optional(String col, ColumnType type, String doc, Column.Getter<T> getter) {
            columns.add(new Column<>(col, type, false, doc, getter));
            return this;
        }

        public TableSchema<T> build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("table " + name + " has no columns");
            }
            long distinct = columns.stream().map(Column::name).distinct().count();
            if (distinct != columns.size()) {
                throw new IllegalStateException("table " + name + " has duplicate column names");
            }
            return new TableSchema<>(name, description, columns);
        }
    }
}
