package org.sessionreview.ingest.e4;

import org.sessionreview.model.Reject;

/**
 * One comma-separated row of an E4 file parsed into numbers, and the wording of what is wrong
 * with it. Reasons name the column and the kind of problem and quote only numbers that parsed:
 * a row that is not numbers may hold anything, including a name.
 */
final class E4Row {
    /** The numbers of the row last parsed; {@code values.length} is the expected width. */
    final double[] values;

    E4Row(int width) {
        this.values = new double[width];
    }

    /**
     * Why the current line of {@code in} is rejected as a data line (null when fine); fills
     * {@link #values} from the line's characters without making a String.
     */
    String dataProblem(LineSource in, int width) {
        if (in.tooLong()) {
            return "line longer than " + E4Limits.MAX_LINE_CHARS + " characters (not read)";
        }
        return in.isBlank() ? "empty line" : parse(in.chars(), in.start(), in.end(), width);
    }

    /** Why a blank header row is not read (the reference parser in test scope says the same). */
    static final String BLANK = "the row is blank (a file of blank lines, or a header row missing?)";

    /**
     * Why a header row is not {@code values.length} equal positive numbers (null when it is; then
     * {@code values[0]} holds the number).
     */
    String headerProblem(String row) {
        if (row == LineSource.TOO_LONG) {
            return "longer than " + E4Limits.MAX_LINE_CHARS + " characters";
        }
        if (row.isBlank()) {
            // a file of blank lines (an export that wrote nothing), or a blank line among the headers
            return BLANK;
        }
        String reason = parse(row.toCharArray(), 0, row.length(), values.length);
        if (reason != null) {
            return reason;
        }
        for (double f : values) {
            if (!(f > 0) || f != values[0]) {
                StringBuilder got = new StringBuilder();
                for (double g : values) {
                    got.append(got.length() == 0 ? "" : ", ").append(E4Limits.num(g));
                }
                return "expected "
                        + (values.length == 1 ? "a positive number" : values.length + " equal positive numbers")
                        + ", got " + got;
            }
        }
        return null;
    }

    /**
     * Splits {@code line[from, to)} on commas into {@link #values}; null when fine, else the reason.
     * One empty field after a trailing comma ({@code -13,-37,60,}) is not a column.
     */
    String parse(char[] line, int from, int to, int expected) {
        int count = 0;
        while (true) {
            int comma = from;
            while (comma < to && line[comma] != ',') {
                comma++;
            }
            if (count < expected) {
                double v = FastDecimal.parse(line, from, comma);
                if (Double.isNaN(v)) {
                    return "non-numeric value in column " + (count + 1);
                }
                if (Double.isInfinite(v)) {
                    return "non-finite value in column " + (count + 1);
                }
                values[count] = v;
            }
            count++;
            if (comma == to) {
                break;
            }
            from = comma + 1;
        }
        if (count == expected + 1 && blank(line, from, to)) {
            return null; // one trailing comma: what a spreadsheet or script re-saving the file may add
        }
        return count == expected ? null : "expected " + expected + " columns, got " + count;
    }

    /** True when {@code line[from, to)} holds only spaces, tabs and {@code \r} (or nothing). */
    private static boolean blank(char[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A decimal comma before six digits (E4 writes six decimals) or a semicolon between columns. */
    private static final java.util.regex.Pattern LOCALE_COMMAS = java.util.regex.Pattern.compile("\\d,\\d{6}(\\D|$)|;");

    static final String LOCALE_HINT = " (decimal commas or semicolons: re-saved by a spreadsheet in a"
            + " comma-decimal locale? E4 exports use decimal points and commas between columns)";

    /** {@link #LOCALE_HINT} when a header row that did not parse looks re-saved in a comma-decimal locale, else "". */
    static String localeHint(String headerRow) {
        return LOCALE_COMMAS.matcher(headerRow).find() ? LOCALE_HINT : "";
    }

    /**
     * The line when it holds only number characters ({@code 0-9 e E + - . ,}, space, tab), else
     * null: a line with other text may carry an identity and is withheld.
     */
    static String safeRaw(String line) {
        if (line == null || line == LineSource.TOO_LONG) {
            return null;
        }
        int n = Math.min(line.length(), Reject.RAW_MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || c == 'e'
                    || c == 'E'
                    || c == '+'
                    || c == '-'
                    || c == '.'
                    || c == ','
                    || c == ' '
                    || c == '\t';
            if (!ok) {
                return null;
            }
        }
        return line.substring(0, n);
    }
}
