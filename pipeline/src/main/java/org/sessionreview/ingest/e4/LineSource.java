package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, as {@link java.io.BufferedReader#readLine()} splits them ({@code \n}, {@code
 * \r\n} or {@code \r}), read in place: {@link #advance()} moves to the next line, which is then
 * {@code chars()[start(), end())} until the next call, so that a data line costs no object. A
 * String is made only on request ({@link #text()}, {@link #next()}). Memory is bounded: a line
 * longer than {@code maxChars} characters is skipped to its end without being kept and reads as
 * {@link #tooLong()} ({@link #TOO_LONG} as text). A UTF-8 byte-order mark (U+FEFF) at the start
 * of the text is dropped, and so is one opening any later line: files each saved with a mark and
 * joined ({@code cat a.csv b.csv}, Windows {@code copy /b a.csv+b.csv}) carry it at the first
 * line of the second, which would otherwise hide that export's header row (seventh audit: its
 * rate row was then read as a sample and every sample after it placed 30 s early).
 */
final class LineSource {
    /** The text (compare by identity) of a line longer than the limit. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    /** Unread text is {@code buf[pos, end)}; a line being read starts at {@code pos}. */
    private final char[] buf;

    private int pos;
    private int end;
    private boolean started;
    private boolean skipLf;
    private int lineStart;
    private int lineEnd;
    private boolean tooLong;
    private long lines;
    /** Characters of the current line (all of them when it is too long). */
    private long lineLength;
    /** NUL characters of the current line when it is too long (its characters are not kept). */
    private long longLineNuls;
    /** Characters of the lines before the current one, terminators included. */
    private long charsBefore;

    private long chars;
    /** Decimals of the current line's last field when {@link #advanceRow} read it; -1 otherwise. */
    private int rowDecimals = -1;
    /** The current line ended with the text, without {@code \n} or {@code \r}. */
    private boolean unterminated;

    LineSource(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        // room for a whole line of maxChars characters plus a useful read after it
        this.buf = new char[Math.max(1 << 16, maxChars + (1 << 13))];
    }

    /**
     * Moves to the next line; false at the end of the text. A line that did not fit is {@link
     * #tooLong()}, any other is {@code chars()[start(), end())} without its terminator.
     */
    boolean advance() throws IOException {
        if (skipLf) {
            if (pos >= end && !fill()) {
                return false;
            }
            skipLf = false;
            if (buf[pos] == '\n') {
                pos++;
            }
        }
        long dropped = 0; // characters of this line already passed over (too long)
        long nuls = 0; // NUL characters among them
        int scan = pos;
        while (true) {
            if (scan >= end) {
                int kept = scan - pos;
                if (!fill()) {
                    return dropped + kept > 0 && found(end, dropped + kept, end, nuls);
                }
                scan = pos + kept;
            }
            int i = scan;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (i < end) {
                skipLf = buf[i] == '\r';
                return found(i, dropped + (i - pos), i + 1, nuls);
            }
            if (dropped + (i - pos) > maxChars) {
                dropped += i - pos; // too long already: keep none of it
                nuls += nulCount(pos, i);
                pos = i;
            }
            scan = i;
        }
    }

    /**
     * Moves past the next line when it is a plain data row, parsing it on the way: exactly {@code
     * values.length} fields separated by commas, each {@code [-]digits[.digits]} (at least one
     * digit, at most 18 digits, below 2^53 as a whole number), no spaces, ended by {@code \n} or
     * {@code \r\n} within the characters already read, and not longer than the limit. Such a
     * line is what {@link #advance()} followed by {@link E4Row#parse} accepts, with the values
     * {@link FastDecimal} gives (one division by an exact power of ten), so the E4's own lines are
     * read in one pass. Anything else (a blank, long or bad line, {@code +}, an exponent, a
     * trailing comma, a line across the end of the buffer, a lone {@code \r}) returns false with
     * nothing moved, for {@link #advance()} to read; {@code values} may then be overwritten.
     */
    boolean advanceRow(double[] values) {
        if (skipLf) {
            return false;
        }
        final char[] b = buf;
        final int limit = end;
        final int width = values.length;
        int i = pos;
        int column = 0;
        while (i < limit) {
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int decimals = 0;
            boolean dot = false;
            char c = 0;
            for (; i < limit; i++) {
                c = b[i];
                if (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                    if (dot) {
                        decimals++;
                    }
                } else if (c == '.' && !dot) {
                    dot = true;
                } else {
                    break;
                }
            }
            if (i >= limit || digits == 0 || digits > 18 || mantissa >= FastDecimal.MAX_EXACT) {
                return false;
            }
            double v = FastDecimal.scaled(mantissa, decimals);
            values[column++] = negative ? -v : v;
            if (c == ',') {
                if (column == width) {
                    return false;
                }
                i++;
                continue;
            }
            if (column != width) {
                return false;
            }
            int next;
            if (c == '\n') {
                next = i + 1;
            } else if (c == '\r' && i + 1 < limit && b[i + 1] == '\n') {
                next = i + 2;
            } else {
                return false;
            }
            int length = i - pos;
            if (length <= maxChars && found(i, length, next, 0)) {
                rowDecimals = decimals;
                return true;
            }
            return false;
        }
        return false;
    }

    /** Makes {@code buf[pos, lineEnd)} the current line of {@code length} characters. */
    private boolean found(int lineEnd, long length, int next, long droppedNuls) {
        lines++;
        rowDecimals = -1;
        unterminated = next == lineEnd;
        tooLong = length > maxChars;
        lineLength = length;
        longLineNuls = tooLong ? droppedNuls + nulCount(pos, lineEnd) : 0;
        charsBefore = chars;
        chars += length + (next - lineEnd);
        this.lineStart = !tooLong && lineEnd > pos && buf[pos] == '\uFEFF' ? pos + 1 : pos;
        this.lineEnd = lineEnd;
        pos = next;
        return true;
    }

    /** The next line as text, {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        return advance() ? text() : null;
    }

    /** The current line as a new String, or {@link #TOO_LONG}. */
    String text() {
        return tooLong ? TOO_LONG : new String(buf, lineStart, lineEnd - lineStart);
    }

    /** Characters of the current line, without its terminator (all of them when it is too long). */
    long lineLength() {
        return lineLength;
    }

    /** NUL characters in the current line. */
    long nulCount() {
        return tooLong ? longLineNuls : nulCount(lineStart, lineEnd);
    }

    /** Mean characters per line of the lines before the current one, terminators included; NaN before the second line. */
    double meanLineChars() {
        return lines <= 1 ? Double.NaN : (double) charsBefore / (lines - 1);
    }

    private long nulCount(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) {
                n++;
            }
        }
        return n;
    }

    /** The current line is the text's last and has no line end ({@code \n}, {@code \r\n} or {@code \r}). */
    boolean unterminated() {
        return unterminated;
    }

    /**
     * Whether the current line's last comma-separated field (a trailing comma and spaces aside) has
     * decimals and ends in the digit 0 ({@code 0.315400}: a writer that pads its decimals); false
     * for a line too long.
     */
    boolean lastFieldEndsInZeroDecimal() {
        if (tooLong || lastFieldDecimals() <= 0) {
            return false;
        }
        int i = lineEnd;
        while (i > lineStart && Character.isWhitespace(buf[i - 1])) {
            i--;
        }
        if (i > lineStart && buf[i - 1] == ',') {
            i--;
        }
        return i > lineStart && buf[i - 1] == '0';
    }

    /**
     * Digits after the decimal point in the current line's last comma-separated field (a trailing
     * comma and spaces aside); 0 when it has no point, -1 when the line is too long.
     */
    int lastFieldDecimals() {
        if (rowDecimals >= 0 || tooLong) {
            return tooLong ? -1 : rowDecimals;
        }
        int i = lineEnd;
        while (i > lineStart && Character.isWhitespace(buf[i - 1])) {
            i--;
        }
        if (i > lineStart && buf[i - 1] == ',') { // one trailing comma, as a spreadsheet may add
            i--;
        }
        int fieldEnd = i;
        while (i > lineStart && buf[i - 1] != ',') {
            i--;
        }
        int decimals = 0;
        for (int j = i; j < fieldEnd; j++) {
            if (buf[j] == '.') {
                decimals = 0;
                for (int k = j + 1; k < fieldEnd && buf[k] >= '0' && buf[k] <= '9'; k++) {
                    decimals++;
                }
                break;
            }
        }
        return decimals;
    }

    /** The current line is longer than the limit (then its characters are not kept). */
    boolean tooLong() {
        return tooLong;
    }

    /** The current line is empty or whitespace only, as {@link String#isBlank()} (false when too long). */
    boolean isBlank() {
        if (tooLong) {
            return false;
        }
        for (int i = lineStart; i < lineEnd; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** The buffer holding the current line. */
    char[] chars() {
        return buf;
    }

    /** Index of the current line's first character in {@link #chars()}. */
    int start() {
        return lineStart;
    }

    /** Index after the current line's last character in {@link #chars()}. */
    int end() {
        return lineEnd;
    }

    /** Lines returned so far (the number of the current line, 1-based). */
    long lineCount() {
        return lines;
    }

    /** Moves {@code buf[pos, end)} to the front and reads after it; false at the end of the text. */
    private boolean fill() throws IOException {
        int kept = end - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            end = kept;
        }
        int n;
        do {
            n = in.read(buf, end, buf.length - end);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end += n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                return pos < end || fill();
            }
        }
        return true;
    }
}
