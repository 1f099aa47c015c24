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
 * separate their header block with such rows); see {@link Row#isBlank()}. A row that cannot be
 * read (a quote never closed before the end of the text, or still open after {@value
 * #MAX_ROW_LINES} lines; text after a closing quote) is a {@link #faults() fault}, and reading
 * goes on at the physical line after the row's first: one stray quote costs one row, not the rest
 * of the file. A last row without a line end that has fewer cells than the row before it is a
 * fault too, {@link #cutRow() cut short} (a copy or download that stopped inside it): read, what
 * is left of it can look like a whole record (BORIS's {@code 59} left of {@code 590.000} in its
 * Time column, the cells after it gone).
 */
public final class DelimitedTable {
    private static final CsvMapper CSV = new CsvMapper();

    private final char separator;
    private final List<Row> rows;
    private final List<Row> faults;
    /** The fault that stands for a last row cut short, or null. */
    private final Row cut;
    /** The last row as read, when {@link #cut} stands for it; else null. */
    private final Row cutAsRead;

    private DelimitedTable(char separator, List<Row> rows, List<Row> faults, Row cut, Row cutAsRead) {
        this.separator = separator;
        this.rows = Collections.unmodifiableList(rows);
        this.faults = List.copyOf(faults);
        this.cut = cut;
        this.cutAsRead = cutAsRead;
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
                return new DelimitedTable(t.separator, rows, t.faults, t.cut, t.cutAsRead);
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

    /**
     * How many lines one row may span (a quoted cell holding line breaks, a note written with
     * Alt+Enter): a quote still open after this many is taken for an unclosed one.
     */
    static final int MAX_ROW_LINES = 100;

    private static DelimitedTable read(String text, char separator, boolean quoted) {
        CsvSchema schema = quoted
                ? CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"')
                : CsvSchema.emptySchema().withColumnSeparator(separator).withoutQuoteChar();
        char[] chars = text.toCharArray();
        List<Row> rows = new ArrayList<>();
        List<Row> faults = new ArrayList<>();
        int from = 0;
        long linesBefore = 0;
        while (true) {
            Row fault = readFrom(chars, from, linesBefore, schema, rows);
            if (fault == null) {
                break;
            }
            faults.add(fault);
            // the faulty row is one record; reading goes on at the physical line after its first
            int next = offsetOfLine(text, from, linesBefore + 1, fault.line() + 1);
            if (next < 0) {
                break;
            }
            from = next;
            linesBefore = fault.line();
        }
        Row cut = cutLastRow(text, rows);
        Row cutAsRead = null;
        if (cut != null) {
            cutAsRead = rows.remove(rows.size() - 1);
            faults.add(cut);
        }
        return new DelimitedTable(separator, rows, faults, cut, cutAsRead);
    }

    /**
     * The fault for the text's last row when it was cut short: the text does not end with a line
     * end, and that row (not blank) has fewer cells than the row before it. Every tool that writes
     * these tables (BORIS, ELAN, a spreadsheet) ends each row with a line end and writes every cell,
     * empty ones too; a row that stops early and without its line end is what a copy or download
     * that stopped leaves. Null otherwise (a last row merely without its line end is read).
     */
    private static Row cutLastRow(String text, List<Row> rows) {
        if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") || rows.size() < 2) {
            return null;
        }
        Row last = rows.get(rows.size() - 1);
        Row before = null;
        for (int i = rows.size() - 2; i >= 0 && before == null; i--) {
            before = rows.get(i).isBlank() ? null : rows.get(i);
        }
        if (before == null
                || last.isBlank()
                || last.cells().size() >= before.cells().size()) {
            return null;
        }
        return fault(
                last.line(),
                "the file's last line has " + last.cells().size() + " of the "
                        + before.cells().size()
                        + " cells of the row before it and no line end: cut short (a copy or download that"
                        + " stopped?); not read (if the row is whole, end the file with a line end)");
    }

    /**
     * Reads rows from {@code chars[from..]} (its first line being file line {@code linesBefore + 1})
     * into {@code rows} until the end or a fault, which it returns: the faulty row's first line and
     * a description naming only line numbers (never Jackson's message: it may quote cell text).
     */
    private static Row readFrom(char[] chars, int from, long linesBefore, CsvSchema schema, List<Row> rows) {
        long rowStart = linesBefore + 1;
        try (CsvParser p = (CsvParser) CSV.getFactory().createParser(chars, from, chars.length - from)) {
            p.setSchema(schema);
            p.disable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                // The START_ARRAY token's own location lags one row behind; the reader's current
                // location is the row's first line, even when a quoted cell spans lines.
                rowStart = linesBefore + p.currentLocation().getLineNr();
                List<String> cells = new ArrayList<>();
                while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                    cells.add(p.getText() == null ? "" : p.getText());
                }
                if (linesBefore + p.currentLocation().getLineNr() - rowStart > MAX_ROW_LINES) {
                    return fault(
                            rowStart,
                            "a quoted cell in the row starting at line " + rowStart + " runs over more than "
                                    + MAX_ROW_LINES + " lines (an unclosed quote?)");
                }
                rows.add(new Row(rowStart, schema.usesQuoteChar() ? cells : unwrapped(cells)));
            }
            return null;
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            return fault(
                    rowStart,
                    m.startsWith("Missing closing quote")
                            ? "a quote opened in the row starting at line " + rowStart + " is never closed"
                            : m.contains("Expected column separator")
                                    ? "a quoted cell in the row starting at line " + rowStart
                                            + " is followed by text before the next separator (a stray quote?)"
                                    : "malformed delimited text in the row starting at line " + rowStart);
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory failed", e);
        }
    }

    private static Row fault(long line, String problem) {
        return new Row(line, List.of(problem));
    }

    /**
     * The offset in {@code text} where its 1-based line {@code line} starts, counting LF, CRLF and
     * CR as one line end each (as the CSV reader does); -1 when the text has no such line (or it
     * is empty). The search starts at offset {@code from}, the start of line {@code fromLine}.
     */
    static int offsetOfLine(String text, int from, long fromLine, long line) {
        long at = fromLine;
        if (at == line) {
            return from < text.length() ? from : -1;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (++at == line) {
                    return i + 1 < text.length() ? i + 1 : -1;
                }
            }
        }
        return -1;
    }

    public char separator() {
        return separator;
    }

    /** All rows in file order, blank ones included. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Every cell of the rows after {@code rows().get(headerIndex)}: a file's numbers, for {@link
     * RecordFields#decimals}.
     */
    public List<String> cellsBelow(int headerIndex) {
        List<String> out = new ArrayList<>();
        for (Row r : rows.subList(Math.min(headerIndex + 1, rows.size()), rows.size())) {
            out.addAll(r.cells());
        }
        return out;
    }

    /**
     * The faults met, in file order: each the first line of a row that could not be read (an
     * unclosed quote, text after a closing quote, a quoted cell running over more than {@value
     * #MAX_ROW_LINES} lines) and, as its only cell, a description quoting no cell text. Such a row
     * is one record, not read; reading went on at the physical line after its first, so the rows
     * after it are in {@link #rows()}. Empty when the whole text was read.
     */
    public List<Row> faults() {
        return faults;
    }

    /**
     * Rejects each {@link #faults() fault} as one record at its line, saying that the row is not
     * read and where reading went on.
     */
    public void rejectFaults(ParseSink sink) {
        for (Row f : faults) {
            sink.reject(
                    f.line(),
                    f == cut
                            ? f.cell(0)
                            : f.cell(0) + ": that row is not read; reading goes on at line " + (f.line() + 1),
                    null);
        }
    }

    /** The fault standing for a last row cut short (see the class comment), or null. */
    public Row cutRow() {
        return cut;
    }

    /**
     * This table with a last row taken for {@link #cutRow() cut short} read as a row after all,
     * unless every other non-blank row has as many cells as the first (the writer wrote every
     * cell, so a short last row without its line end is a cut). For formats whose rows may leave
     * out trailing empty cells (the project's own CSV, written by hand or by a script that does
     * not end its last line): there a short last row is ordinary. Unchanged without a cut row.
     */
    public DelimitedTable readingCutRowIfRowsVary() {
        if (cut == null) {
            return this;
        }
        int width = -1;
        boolean vary = false;
        for (Row r : rows) {
            if (r.isBlank()) {
                continue;
            }
            if (width < 0) {
                width = r.cells().size();
            } else if (r.cells().size() != width) {
                vary = true;
                break;
            }
        }
        if (!vary) {
            return this;
        }
        List<Row> withLast = new ArrayList<>(rows);
        withLast.add(cutAsRead);
        List<Row> otherFaults = new ArrayList<>(faults);
        otherFaults.remove(cut);
        return new DelimitedTable(separator, withLast, otherFaults, null, null);
    }
}
