package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.io.Reader;

/**
 * <b>Test-scope reference</b>: {@code LineSource} as it was before the parser stopped making a String
 * per line (main at 9326077), kept unchanged as the oracle of {@code E4ParserEquivalenceTest}.
 *
 * <p>Lines of a text, as {@link java.io.BufferedReader#readLine()} splits them ({@code \n}, {@code
 * \r\n} or {@code \r}), but with a bounded memory: a line longer than {@code maxChars} is skipped
 * to its end without being kept and returned as {@link #TOO_LONG}. A UTF-8 byte-order mark
 * (U+FEFF) at the start of the text is dropped.
 */
final class ReferenceLineSource {
    /** Returned (compare by identity) for a line longer than the limit. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean started;
    private boolean skipLf;

    ReferenceLineSource(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, {@link #TOO_LONG}, or null at the end; a byte-order
     * mark opening a line is dropped (changed 2026-12-06 with {@code LineSource}: files each saved
     * with a mark and joined carry one at the start of a later line).
     */
    String next() throws IOException {
        String line = nextLine();
        return line != null && line != TOO_LONG && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private String nextLine() throws IOException {
        StringBuilder carry = null;
        boolean any = false;
        long length = 0;
        while (true) {
            if (pos >= end && !fill()) {
                if (!any) {
                    return null;
                }
                return length > maxChars ? TOO_LONG : carry == null ? "" : carry.toString();
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int i = pos;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            int n = i - pos;
            boolean terminated = i < end;
            String line = null;
            if (length + n <= maxChars) {
                if (terminated && carry == null) {
                    line = new String(buf, pos, n);
                } else {
                    if (carry == null) {
                        carry = new StringBuilder(Math.max(16, n));
                    }
                    carry.append(buf, pos, n);
                }
            } else {
                carry = null; // too long: forget what was kept
            }
            length = Math.min(length + n, maxChars + 1L);
            if (!terminated) {
                pos = end;
                continue;
            }
            skipLf = buf[i] == '\r';
            pos = i + 1;
            if (length > maxChars) {
                return TOO_LONG;
            }
            return line != null ? line : carry == null ? "" : carry.toString();
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            end = pos = 0;
            return false;
        }
        pos = 0;
        end = n;
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
