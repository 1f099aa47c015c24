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
    /** Where a plain data row is parsed while it is read ({@link LineSource#advanceRow}); null for none. */
    private final double[] rowValues;

    private long pendingBlank;
    /** The source's current line is a non-blank line not yet returned. */
    private boolean held;
    /** Number of the line last returned by {@link #next()}. */
    long number;
    /** The line last returned is blank (empty or whitespace only); its characters are not kept. */
    boolean blank;
    /**
     * The line last returned was a plain data row, already parsed into the {@code rowValues} given
     * to the constructor (then it is not blank and has no problem of its own).
     */
    boolean parsed;

    DataLines(LineSource in, long maxRun) {
        this(in, maxRun, null);
    }

    /**
     * @param rowValues where plain data rows of {@code rowValues.length} numbers are parsed while
     *     they are read (see {@link #parsed}); null to only find the lines
     */
    DataLines(LineSource in, long maxRun, double[] rowValues) {
        this.in = in;
        this.maxRun = maxRun;
        this.rowValues = rowValues;
    }

    /** Moves to the next data line; false at the end. An I/O error of the source is thrown. */
    boolean next() throws IOException {
        parsed = false;
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
        if (rowValues != null && in.advanceRow(rowValues)) {
            number = in.lineCount();
            blank = false;
            parsed = true;
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
