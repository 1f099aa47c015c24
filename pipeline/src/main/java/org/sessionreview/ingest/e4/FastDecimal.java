package org.sessionreview.ingest.e4;

/**
 * Parses a plain decimal number ({@code -12.375}, {@code 0.00}, {@code 1644226061}) from part of
 * a line's characters without creating a String: the E4 files hold up to ~400k lines, one or
 * three numbers each. The number is dimensionless here; its unit is the channel's.
 *
 * <p>The fast path returns exactly what {@link Double#parseDouble} returns: when the digits form
 * an integer mantissa below 2^53 and there are at most 22 decimals, both the mantissa and 10^d
 * are exact doubles and one IEEE division rounds correctly. Anything else made of number
 * characters ({@code 1e-3}, very long mantissas) goes to {@link Double#parseDouble}. Text that
 * is not a decimal number ({@code abc}, {@code NaN}, {@code Infinity}, {@code 0x10}, {@code 1d},
 * empty) gives {@code NaN}, so callers treat NaN as "not a number"; spaces, tabs and {@code \r}
 * around the number are ignored, other whitespace is not.
 */
final class FastDecimal {
    /** Whole numbers below this are exact doubles. */
    static final long MAX_EXACT = 1L << 53;

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FastDecimal() {}

    /** As {@link #parse(char[], int, int)} on {@code s[from, to)} (copies the text: not for hot loops). */
    static double parse(String s, int from, int to) {
        return parse(s.toCharArray(), from, to);
    }

    /**
     * The number in {@code s[from, to)} after trimming spaces, tabs and {@code \r}, or NaN when
     * that text is not a finite-looking decimal number.
     */
    static double parse(char[] s, int from, int to) {
        while (from < to && isBlank(s[from])) {
            from++;
        }
        while (to > from && isBlank(s[to - 1])) {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = s[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int decimals = 0;
        boolean dot = false;
        boolean sawDigit = false;
        for (; i < to; i++) {
            c = s[i];
            if (c >= '0' && c <= '9') {
                if (significant >= 18) {
                    return slow(s, from, to);
                }
                sawDigit = true;
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa > 0) {
                    significant++;
                }
                if (dot) {
                    decimals++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == 'e' || c == 'E') {
                return slow(s, from, to);
            } else {
                return Double.NaN;
            }
        }
        if (!sawDigit) {
            return Double.NaN; // only a sign and/or a dot
        }
        if (mantissa >= MAX_EXACT || decimals >= POW10.length) {
            return slow(s, from, to);
        }
        double v = scaled(mantissa, decimals);
        return negative ? -v : v;
    }

    /**
     * {@code mantissa / 10^decimals}, correctly rounded: for {@code 0 <= mantissa <} {@link
     * #MAX_EXACT} and {@code decimals <= 22} (both operands exact).
     */
    static double scaled(long mantissa, int decimals) {
        return decimals == 0 ? (double) mantissa : mantissa / POW10[decimals];
    }

    /** Numbers with an exponent or too many digits: validated characters, then the JDK parser. */
    private static double slow(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(new String(s, from, to - from));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
