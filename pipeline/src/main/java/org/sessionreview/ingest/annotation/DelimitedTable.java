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

    /** Excel's separator hint, a first line {@code sep=;} (or {@code sep=,}, {@code sep=<tab>}). */
    private static final java.util.regex.Pattern SEP_HINT =
            java.util.regex.Pattern.compile("(?i)\"?sep=([,;\t])\"?[,;\t]*");

    /**
     * Guesses the separator from the first non-empty line that is not a {@code #} comment (ELAN's
     * tab export may start with a media header block, {@code #<url> -- offset: <ms>}): whichever of
     * tab, {@code ;} and {@code ,} occurs most often outside quotes (tab wins ties, then {@code ;});
     * {@code ,} when none occurs. A first line {@code sep=X} (the hint Excel writes and reads) gives
     * {@code X}.
     */
    public static char sniffSeparator(String text) {
        String first = "";
        for (String line : text.split("\r\n|\r|\n", 50)) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                first = line;
                break;
            }
        }
        java.util.regex.Matcher hint = SEP_HINT.matcher(first.replaceAll("^ +| +$", ""));
        if (hint.matches()) {
            return hint.group(1).charAt(0);
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

    /**
     * Reads {@code text} with a sniffed separator ({@link #sniffSeparator(String)}). A leading
     * {@code sep=X} line (Excel's separator hint) is a directive, not a row: it is left out, and the
     * other rows keep their line numbers.
     */
    public static DelimitedTable read(String text) {
        DelimitedTable t = read(text, sniffSeparator(text));
        List<Row> rows = new ArrayList<>(t.rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isBlank()) {
                continue;
            }
            if (SEP_HINT.matcher(String.join(String.valueOf(t.separator), rows.get(i).cells)
                            .replaceAll("^ +| +$", ""))
                    .matches()) {
                rows.remove(i);
                return new DelimitedTable(t.separator, rows, t.error);
            }
            break;
        }
        return t;
    }

    /** Reads {@code text} with the given column separator; {@code "} quotes fields. */
    public static DelimitedTable read(String text, char separator) {
        return read(text, separator, true);
    }

    /**
     * Reads {@code text} with the given column separator and no quoting: a {@code "} is part of its
     * cell, except that a cell wholly inside one pair of quotes with none between them ({@code
     * "1,629"}, as a spreadsheet re-saving the file writes a cell holding a comma) loses that pair.
     * For formats that never quote, such as ELAN's tab-delimited export, where a transcript cell may
     * well start with a quotation mark ({@code "Nein" sagte ich} stays as it is).
     */
    public static DelimitedTable readUnquoted(String text, char separator) {
        return read(text, separator, false);
    }

    private static List<String> unwrapped(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            boolean pair = c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"';
            out.add(pair && c.indexOf('"', 1) == c.length() - 1 ? c.substring(1, c.length() - 1) : c);
        }
        return out;
    }

    private static DelimitedTable read(String text, char separator, boolean quoted) {
        CsvSchema schema = quoted
                ? CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"')
                : CsvSchema.emptySchema().withColumnSeparator(separator).withoutQuoteChar();
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
                rows.add(new Row(rowStart, quoted ? cells : unwrapped(cells)));
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
