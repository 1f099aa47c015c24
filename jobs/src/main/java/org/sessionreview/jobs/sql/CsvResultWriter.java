package org.sessionreview.jobs.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * RFC 4180 CSV (Jackson's CSV writer, fields quoted when needed): a header line, then one line
 * per row; null is an empty field, other values as {@link SqlValues#text}. Several results follow
 * each other with a blank line between.
 */
final class CsvResultWriter implements ResultWriter {
    private static final ObjectWriter LINE = new CsvMapper()
            .writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\n"));

    private final PrintStream out;
    private boolean first = true;

    CsvResultWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        if (!first) {
            out.println();
        }
        first = false;
        line(columns.toArray(new String[0]));
    }

    @Override
    public void row(List<Object> values) {
        // Jackson leaves a null array element out (shifting the fields after it): write "" instead
        line(values.stream().map(SqlValues::text).map(t -> t == null ? "" : t).toArray(String[]::new));
    }

    private void line(String[] fields) {
        try {
            out.print(LINE.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        out.flush();
    }

    @Override
    public void done(String message) {
        // no result: nothing to print in a data format
    }
}
