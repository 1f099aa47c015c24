package org.sessionreview.ingest.e4;

/**
 * Tells a last line cut inside its number ({@code 0.31} left of {@code 0.315400} by a copy or
 * download that stopped) from a last line that merely lacks its line end.
 *
 * <p>Every E4 export ends with a line end (all 60 channel files of the ten real recordings in
 * {@code ../shared/data/e4} do), and the E4 writes each channel with a fixed number of decimals
 * (EDA and the IBI intervals 6, BVP, HR and TEMP 2; ACC whole numbers). Some exports drop trailing
 * zeros instead ({@code 2.4}, {@code 103}: Stress-Predict S01's BVP.csv), and a file re-saved by a
 * spreadsheet may too. So a last line is taken as cut only when all say so: it has no line end,
 * its last field has fewer decimals than every one of at least {@link #MIN_LINES} sample lines
 * before it, which all have the same number, and at least one of those ends in the digit 0 (the
 * writer pads its decimals: a file that drops trailing zeros writes 33.47 a hundred times and then
 * 33.5 for 33.50, which is whole). A file that merely lacks its final line end keeps its last
 * sample (its decimals are the file's); in a file of whole numbers (ACC), of varying decimals or
 * without a padded zero a cut cannot be told, and the line is read.
 */
final class CutLastLine {
    /** Sample lines with one number of decimals needed before that number is taken as the file's. */
    static final int MIN_LINES = 100;

    /** The decimals of every accepted line so far; -1 before the first, -2 once they differed. */
    private int decimals = -1;

    private long lines;

    /** Whether an accepted line's last field ended in a decimal 0 (the writer pads). */
    private boolean padded;

    /** Notes an accepted sample line (the source's current line). */
    void accepted(LineSource in) {
        int d = in.lastFieldDecimals();
        if (d != decimals && decimals != -2) {
            decimals = decimals == -1 ? d : -2;
        }
        if (!padded) {
            padded = in.lastFieldEndsInZeroDecimal();
        }
        lines++;
    }

    /**
     * Why the source's current line, a data line that parsed, is taken as cut short (null when it is
     * not): it is the last, has no line end and fewer decimals than the file's other lines.
     */
    String problem(LineSource in) {
        if (!in.unterminated() || decimals <= 0 || lines < MIN_LINES || !padded) {
            return null;
        }
        int d = in.lastFieldDecimals();
        if (d < 0 || d >= decimals) {
            return null;
        }
        return "the last line has no line end and " + d + " decimal" + (d == 1 ? "" : "s") + " where the "
                + lines + " sample lines before it all have " + decimals
                + ": cut short inside its number (a copy or download that stopped?); not taken as a sample";
    }
}
