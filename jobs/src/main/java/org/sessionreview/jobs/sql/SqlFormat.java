package org.sessionreview.jobs.sql;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code sql} prints results: {@code --format table|csv|json}. */
public enum SqlFormat {
    /** An aligned text table with a row count (the default); for people. */
    TABLE,
    /** RFC 4180 CSV with a header line, one result after the other, a blank line between. */
    CSV,
    /** JSON lines: one object per row (column name to value), a blank line between results. */
    JSON;

    /** The format called {@code name} (any case), or null. */
    public static SqlFormat parse(String name) {
        return Arrays.stream(values())
                .filter(f -> f.label().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String labels() {
        return Arrays.stream(values()).map(SqlFormat::label).collect(Collectors.joining("|"));
    }

    /** A new writer of this format onto {@code out}. */
    public ResultWriter writer(PrintStream out) {
        switch (this) {
            case CSV:
                return new CsvResultWriter(out);
            case JSON:
                return new JsonResultWriter(out);
            default:
                return new TextTableWriter(out);
        }
    }
}
