package org.sessionreview.ingest.e4;

/**
 * A line of an E4 channel file that is mostly NUL characters: a disk block zeroed by a power loss
 * or a damaged memory card, where lines of samples were. Read as one bad line it would become one
 * missing sample and every later sample would be placed too early, by the time of the lines the
 * block held (a zeroed 8 KiB of a 4 Hz EDA file held about 900 lines: 227 s). So it stands for as
 * many missing samples as lines of the file's mean length fit in it, and later samples keep their
 * times to within a few samples (the lines' lengths vary by a character or two).
 */
final class ZeroedBlock {
    /** Shorter lines are ordinary bad lines (an E4 data line has under 40 characters). */
    static final int MIN_CHARS = 64;
    /** Lines read before the block, for a mean line length to estimate from. */
    static final int MIN_LINES_BEFORE = 100;

    private ZeroedBlock() {}

    /**
     * The samples the current line of {@code in} stands for: 1, or for a line of at least {@value
     * #MIN_CHARS} characters, at least half of them NUL, after {@value #MIN_LINES_BEFORE} lines,
     * its length (with a terminator) over the mean length of the lines before it, at most {@code
     * room}.
     */
    static long samples(LineSource in, long room) {
        long length = in.lineLength();
        if (length < MIN_CHARS || in.lineCount() <= MIN_LINES_BEFORE || in.nulCount() * 2 < length) {
            return 1;
        }
        long n = Math.round((length + 1) / in.meanLineChars());
        return Math.max(1, Math.min(n, room));
    }

    /** The reject's reason for a line standing for {@code samples} samples. */
    static String reason(LineSource in, long samples) {
        return "a run of " + in.lineLength() + " characters, mostly NUL bytes (a zeroed disk block), where about "
                + samples + " lines were (from the file's mean line length): read as " + samples
                + " missing samples, so later samples keep their times to within a few samples";
    }
}
