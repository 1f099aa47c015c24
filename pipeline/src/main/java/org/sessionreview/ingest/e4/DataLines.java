package org.sessionreview.ingest.e4;

import java.io.IOException;

/**
 * The data lines of an E4 file with their 1-based numbers, read in place from a {@link
 * LineSource}. A run of blank lines is returned (as data lines to reject) only when a non-blank
 * line follows it, so blank lines at the end are ignored; a run longer than {@code maxRun} is
 * returned without looking further (it cannot end within the duration cap). After {@link
 * #next()} the line is either {@link #blank} or the source's current line.
 */
final class DataLines {
    private final LineSource in;
    private final long maxRun;
    private long pendingBlank;
    /** The source's current line is a non-blank line not yet returned. */
    private boolean held;
    /** Number of the line last returned by {@link #next()}. */
    long number;
    /** The line last returned is blank (empty or whitespace only); its characters are not kept. */
    boolean blank;

    DataLines(LineSource in, long maxRun) {
        this.in = in;
        this.maxRun = maxRun;
    }

    /** Moves to the next data line; false at the end. An I/O error of the source is thrown. */
    boolean next() throws IOException {
        if (pendingBlank > 0) {
            pendingBlank--;
            number++;
            blank = true;
            return true;
        }
        if (held) {
            held = false;
            number++;
            blank = false;
            return true;
        }
        if (!in.advance()) {
            return false;
        }
        number = in.lineCount();
        blank = in.isBlank();
        if (!blank) {
            return true;
        }
        long blanks = 1;
        while (in.advance()) {
            if (!in.isBlank()) {
                held = true;
                pendingBlank = blanks - 1;
                return true;
            }
            blanks++;
            if (blanks > maxRun) {
                pendingBlank = blanks - 1;
                return true;
            }
        }
        return false;
    }
}
