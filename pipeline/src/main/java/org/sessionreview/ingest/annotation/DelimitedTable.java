package org.sessionreview.ingest.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A delimited text file (CSV, TSV, {@code ;}-separated) read into rows of cells with their line
 * numbers, using Jackson's CSV parser: fields may be quoted with {@code "} ({@code ""} escapes a
 * quote; quoted fields may span lines), and LF, CRLF or CR line endings are all accepted.
 *
 * <p>Every physical row is kept, including rows whose cells are all empty (BORIS legacy exports
 * separate their header block with such rows); see {@link Row#isBlank()}. When the text is
 * malformed (for example an unclosed quote), the rows before the fault are kept and {@link
 * #error()} describes it.
 */
public final class DelimitedTable {
    private static final CsvMapper CSV = new CsvMapper();

    private final char separator;
    private final List<Row> rows;
    private final Row error;

    private DelimitedTable(char separator, List<Row> rows, Row error) {
        this.separator = separator;
        this.rows = Collections.unmodifiableList(rows);
        this.error = error;
    }

    /** One row: its 1-based starting line number and its cells (never null). */
    public record Row(long line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at {@code index}, or "" when the row is shorter. */
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        /** True when every cell is empty or white space. */
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /** The cells joined by tabs, for reject messages. */
        public String raw() {
            return String.join("\t", cells);
        }
    }

    /**
     * Guesses the separator from the first non-empty line: whichever of tab, {@code ;} and {@code ,}
     * occurs most often outside quotes (tab wins ties, then {@code ;}); {@code ,} when none occurs.
     */
    public static char sniffSeparator(String text) {
        String first = "";
        for (String line : text.split("\r\n|\r|\n", 50)) {
            if (!line.isBlank()) {
                first = line;
                break;
            }
        }
        int tabs = 0;
        int semis = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semis++;
                } else if (c == ',') {
                    commas++;
                }
            }
        }
        if (tabs > 0 && tabs >= semis && tabs >= commas) {
            return '\t';
        }
        if (semis > 0 && semis >= commas) {
            return ';';
        }
        return ',';
    }

    /** Reads {@code text} with a sniffed separator ({@link #sniffSeparator(String)}). */
    public static DelimitedTable read(String text) {
        return read(text, sniffSeparator(text));
    }

    /** Reads {@code text} with the given column separator. */
    public static DelimitedTable read(String text, char separator) {
        CsvSchema schema =
                CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        List<Row> rows = new ArrayList<>();
        Row error = null;
        long rowStart = 1;
        try (CsvParser p = CSV.getFactory().createParser(text)) {
            p.setSchema(schema);
            p.disable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                // The START_ARRAY token's own location lags one row behind; the reader's current
                // location is the row's first line, even when a quoted cell spans lines.
                rowStart = p.currentLocation().getLineNr();
                List<String> cells = new ArrayList<>();
                while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                    cells.add(p.getText() == null ? "" : p.getText());
                }
                rows.add(new Row(rowStart, cells));
            }
        } catch (JsonProcessingException e) {
            // never Jackson's message: it may quote cell text
            error = new Row(
                    rowStart,
                    List.of("malformed delimited text in the row starting at line " + rowStart
                            + " (for example an unclosed quote); the rows from there on were not read"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory failed", e);
        }
        return new DelimitedTable(separator, rows, error);
    }

    public char separator() {
        return separator;
    }

    /** All rows in file order, blank ones included. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The parse fault, if any: its line and, as the only cell, a description; null when the whole
     * text was read.
     */
    public Row error() {
        return error;
    }
}
