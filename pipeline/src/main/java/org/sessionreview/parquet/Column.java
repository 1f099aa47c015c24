package org.sessionreview.parquet;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a table: its name (snake_case, the public contract), type, whether it may be
 * null, a one-line description (written into the file footer) and how to read it from a row.
 *
 * @param <T> the row type
 */
public final class Column<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A serializable getter, so that column definitions can travel inside Flink sinks. */
    @FunctionalInterface
    public interface Getter<T> extends Function<T, Object>, Serializable {}

    private final String name;
    private final ColumnType type;
    private final boolean required;
    private final String description;
    private final Getter<T> getter;

    public Column(String name, ColumnType type, boolean required, String description, Getter<T> getter) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.required = required;
        this.description = Objects.requireNonNull(description, "description");
        this.getter = Objects.requireNonNull(getter, "getter");
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The value of this column in {@code row}; null only for optional columns. */
    public Object valueOf(T row) {
        Object v = getter.apply(row);
        if (v == null && required) {
            throw new IllegalArgumentException("required column " + name + " is null in " + row);
        }
        return v;
    }
}
