package org.sessionreview.ingest.e4;

import org.sessionreview.model.Reject;

/**
 * <b>Test-scope reference</b>: {@code E4Row} as it was before the parser stopped making a String
 * per line (main at 9326077), kept unchanged as the oracle of {@code E4ParserEquivalenceTest}.
 *
 * <p>One comma-separated row of an E4 file parsed into numbers, and the wording of what is wrong
 * with it. Reasons name the column and the kind of problem and quote only numbers that parsed:
 * a row that is not numbers may hold anything, including a name.
 */
final class ReferenceE4Row {
    /** The numbers of the row last parsed; {@code values.length} is the expected width. */
    final double[] values;

    ReferenceE4Row(int width) {
        this.values = new double[width];
    }

    /** Why a data line is rejected (null when fine); fills {@link #values}. */
    String dataProblem(String line, int width) {
        if (line == ReferenceLineSource.TOO_LONG) {
            return "line longer than " + E4Limits.MAX_LINE_CHARS + " characters (not read)";
        }
        return line.isBlank() ? "empty line" : parse(line, width);
    }

    /**
     * Why a header row is not {@code values.length} equal positive numbers (null when it is; then
     * {@code values[0]} holds the number).
     */
    String headerProblem(String row) {
        if (row == ReferenceLineSource.TOO_LONG) {
            return "longer than " + E4Limits.MAX_LINE_CHARS + " characters";
        }
        if (row.isBlank()) {
            return E4Row.BLANK;
        }
        String reason = parse(row, values.length);
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

    /** Splits on commas into {@link #values}; null when fine, else the reason. */
    String parse(String line, int expected) {
        int count = 0;
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            int to = comma < 0 ? line.length() : comma;
            if (count < expected) {
                double v = ReferenceFastDecimal.parse(line, from, to);
                if (Double.isNaN(v)) {
                    return "non-numeric value in column " + (count + 1);
                }
                if (Double.isInfinite(v)) {
                    return "non-finite value in column " + (count + 1);
                }
                values[count] = v;
            }
            count++;
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        if (count == expected + 1
                && line.substring(from)
                        .replace(" ", "")
                        .replace("\t", "")
                        .replace("\r", "")
                        .isEmpty()) {
            return null; // one trailing comma
        }
        return count == expected ? null : "expected " + expected + " columns, got " + count;
    }

    /**
     * The line when it holds only number characters ({@code 0-9 e E + - . ,}, space, tab), else
     * null: a line with other text may carry an identity and is withheld.
     */
    static String safeRaw(String line) {
        if (line == null || line == ReferenceLineSource.TOO_LONG) {
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
