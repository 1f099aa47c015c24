package org.sessionreview.ingest.e4;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import org.sessionreview.model.Channel;

/**
 * An E4 channel file re-saved by a spreadsheet in a comma-decimal locale (German, French, Italian,
 * ... Excel or LibreOffice "CSV"): semicolons between columns and decimal commas ({@code
 * 1772441953,000000;1772441953,000000;...}, {@code 0,123456}). The E4 itself writes neither: its
 * single-column files hold no comma at all, and no file holds a semicolon. So when a file's first
 * characters look like that ({@link #isSpreadsheet}), its characters are read with {@code ;} as
 * {@code ,} and {@code ,} as {@code .}: one character for one, so lines, columns and line numbers stay as written, and the
 * numbers are the ones the spreadsheet showed. A file whose every value is quoted ({@code
 * "0.315400"}, as tools that quote every cell write it: pandas {@code QUOTE_ALL}, some
 * spreadsheets) is read with each {@code "} as a space, which the number parser trims, and a
 * comma inside quotes as a decimal point, one character for one again ({@link #isQuoted}; seventh
 * audit: such an EDA.csv was rejected whole at its header). A file whose first row has tabs
 * between its values is read with each tab as a comma, or as a semicolon when that row writes
 * decimal commas ({@link #tabAs}). Any other file is read as it is.
 */
final class SpreadsheetLocale {
    /** Characters looked at: the header rows and the first samples. */
    static final int HEAD = 4096;

    private SpreadsheetLocale() {}

    /** {@code in}, or {@code in} read with the spreadsheet's separators swapped back. */
    static Reader normalised(Reader in, Channel channel) throws IOException {
        PushbackReader p = new PushbackReader(in, HEAD);
        char[] head = new char[HEAD];
        int n = 0;
        for (int r; n < HEAD && (r = p.read(head, n, HEAD - n)) >= 0; ) {
            n += r;
        }
        p.unread(head, 0, n);
        String text = new String(head, 0, n);
        char tab = tabAs(text);
        Reader base = p;
        if (tab != 0) {
            base = new Tabs(p, tab);
            text = text.replace('\t', tab);
        }
        if (!isQuoted(text)) {
            return isSpreadsheet(text, channel) ? new Swapped(base) : base;
        }
        Unquoted unquoted = new Unquoted(base);
        char[] h = text.toCharArray();
        new Unquoted(Reader.nullReader()).map(h, 0, h.length);
        return isSpreadsheet(new String(h), channel) ? new Swapped(unquoted) : unquoted;
    }

    /**
     * What a tab stands for in a file whose first row holds one between two values (a spreadsheet's
     * "Text (tab delimited)", pandas' {@code to_csv(sep='\t')}; the E4 writes no tab): {@code ,}
     * when that row has no comma and a decimal point or no sample a decimal comma, {@code ;} when
     * its commas are decimal commas, or it has whole numbers only and the samples decimal commas
     * and no decimal point (a thousands separator, {@code 1,018.5}, is no decimal comma)
     * (between digits: read then as a
     * comma-decimal spreadsheet's file), {@code 0} for any other
     * file, one whose commas separate the columns (a tab after each: read as before) included
     * (twelfth audit: ACC.csv and IBI.csv so saved were rejected whole at their header,
     * "non-numeric value in column 1").
     */
    static char tabAs(String head) {
        int end = head.indexOf('\n');
        String first =
                (end < 0 ? head : head.substring(0, end)).replace("\uFEFF", "").strip();
        if (first.indexOf('\t') < 0) {
            return 0;
        }
        if (first.indexOf(',') < 0) {
            // a header of whole numbers says nothing of the locale (a spreadsheet shows the start
            // 1773925148.000000 as 1773925148): the samples' decimal commas do (review of 2026-12-07)
            return head.indexOf('.') < 0 && DIGIT_COMMA_DIGIT.matcher(head).find() ? ';' : ',';
        }
        return SEPARATING_COMMA.matcher(first).find() ? 0 : ';';
    }

    /** A comma between two digits: a decimal comma. */
    private static final java.util.regex.Pattern DIGIT_COMMA_DIGIT = java.util.regex.Pattern.compile("\\d,\\d");

    /** A comma not between two digits: a column separator, not a decimal comma. */
    private static final java.util.regex.Pattern SEPARATING_COMMA =
            java.util.regex.Pattern.compile("(?<!\\d),|,(?!\\d)");

    /** Reads each tab as {@code as}, one character for one. */
    private static final class Tabs extends FilterReader {
        private final char as;

        Tabs(Reader in, char as) {
            super(in);
            this.as = as;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == '\t' ? as : c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\t') {
                    buf[i] = as;
                }
            }
            return n;
        }
    }

    /** A row whose every cell is quoted: {@code "..."} cells between commas or semicolons. */
    private static final java.util.regex.Pattern QUOTED_ROW =
            java.util.regex.Pattern.compile("\"[^\"]*\"(\\s*[,;]\\s*\"[^\"]*\")*[,;]?");

    /**
     * Whether {@code head}'s first row (a byte-order mark and outer spaces aside) is quoted cells
     * only. A quote in a later row of a file whose first row has none is damage to that row, and
     * is rejected there.
     */
    static boolean isQuoted(String head) {
        int end = head.indexOf('\n');
        String first =
                (end < 0 ? head : head.substring(0, end)).replace("\uFEFF", "").strip();
        return QUOTED_ROW.matcher(first).matches();
    }

    /** The start time with a decimal comma, as the first row of a single-column file. */
    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("\\d+,\\d+");

    /**
     * Whether {@code head} (the file's first characters) is a spreadsheet's: its first row holds
     * a semicolon, or, for a single-column channel, its first row is a number with a decimal comma,
     * or it holds commas and no decimal point at all (start time and rate saved as whole numbers).
     * A comma in one later row of a file written with decimal points is damage to that row, and
     * is rejected there.
     */
    static boolean isSpreadsheet(String head, Channel channel) {
        int end = head.indexOf('\n');
        String first =
                (end < 0 ? head : head.substring(0, end)).replace("\uFEFF", "").strip();
        if (first.indexOf(';') >= 0) {
            return true;
        }
        boolean singleColumn = channel.width() == 1 && channel != Channel.IBI;
        return singleColumn
                && (DECIMAL_COMMA.matcher(first).matches() || head.indexOf(',') >= 0 && head.indexOf('.') < 0);
    }

    /** Reads {@code ;} as {@code ,} and {@code ,} as {@code .}. */
    private static final class Swapped extends FilterReader {
        Swapped(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == ';' ? ',' : c == ',' ? '.' : c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == ';') {
                    buf[i] = ',';
                } else if (c == ',') {
                    buf[i] = '.';
                }
            }
            return n;
        }
    }

    /**
     * Reads {@code "} as a space and a comma inside quotes as a decimal point: a cell of an E4 file is
     * one number, so a comma inside one is a decimal comma (quoted because it would collide with
     * the separators: {@code "18,187500","0,828125"}).
     */
    private static final class Unquoted extends FilterReader {
        private boolean inside;

        Unquoted(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                map(buf, off, n);
            }
            return n;
        }

        void map(char[] buf, int off, int n) {
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '"') {
                    inside = !inside;
                    buf[i] = ' ';
                } else if (c == ',' && inside) {
                    buf[i] = '.';
                } else if (c == '\n' || c == '\r') {
                    inside = false; // a quote left open is damage to its own line only
                }
            }
        }
    }
}
