package org.sessionreview.ingest.e4;

/**
 * A line of an E4 channel file that is mostly NUL characters: a disk block zeroed by a power loss
 * or a damaged memory card, where lines of samples were. Read as one bad line it would become one
 * missing sample and every later sample would be placed too early, by the time of the lines the
 * block held (a zeroed 8 KiB of a 4 Hz EDA file held about 900 lines: 227 s). So it stands for as
 * many missing samples as lines of the file's mean length fit in it, and later samples keep their
 * times to within a few samples (the lines' lengths vary by a character or two). In IBI.csv a
 * block loses the beats it held and no other ({@link #beatsReason}: each beat carries its own
 * offset); over a header row it loses the start time or rate, so the file cannot be placed in time
 * ({@link #headerReason}); each is named as a zeroed block rather than as an over-long or
 * non-numeric line (seventh audit).
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
        if (!isZeroed(in) || in.lineCount() <= MIN_LINES_BEFORE) {
            return 1;
        }
        long n = Math.round((in.lineLength() + 1) / in.meanLineChars());
        return Math.max(1, Math.min(n, room));
    }

    /**
     * The reject's reason for a rejected sample line standing for {@code samples} samples ({@link
     * #samples}): {@code reason} for an ordinary bad line; for a zeroed one too near the file's
     * start to estimate the lines it held, a reason that says so.
     */
    static String reason(LineSource in, long samples, String reason) {
        if (samples <= 1) {
            return !isZeroed(in) || in.lineCount() > MIN_LINES_BEFORE
                    ? reason
                    : "a run of " + in.lineLength() + " characters, mostly NUL bytes (a zeroed disk block), within the"
                            + " file's first " + MIN_LINES_BEFORE + " lines, too few to tell how many lines it held:"
                            + " read as one missing sample, so the samples after it may be placed early";
        }
        return "a run of " + in.lineLength() + " characters, mostly NUL bytes (a zeroed disk block), where about "
                + samples + " lines were (from the file's mean line length): read as " + samples
                + " missing samples, so later samples keep their times to within a few samples";
    }

    /** Whether the current line of {@code in} has at least {@value #MIN_CHARS} characters, half of them NUL. */
    static boolean isZeroed(LineSource in) {
        long length = in.lineLength();
        return length >= MIN_CHARS && in.nulCount() * 2 >= length;
    }

    /**
     * {@code reason} for a rejected IBI.csv line, or for a zeroed one what it is: the beats it held
     * are lost, the others keep their offsets.
     */
    static String beatsReason(LineSource in, String reason) {
        if (reason == null || !isZeroed(in)) {
            return reason;
        }
        String lines = in.lineCount() > MIN_LINES_BEFORE
                ? ", where about " + Math.round((in.lineLength() + 1) / in.meanLineChars()) + " lines were"
                : "";
        return "a run of " + in.lineLength() + " characters, mostly NUL bytes (a zeroed disk block)" + lines
                + ": the beats it held are lost; the others keep their times (each beat has its own offset)";
    }

    /** {@code reason} for a rejected header row, or for a zeroed one what it is and what it lost (row 1: the start time; row 2: the rate). */
    static String headerReason(LineSource in, String reason) {
        if (!isZeroed(in)) {
            return reason;
        }
        String lost = in.lineCount() == 1 ? "the start time is" : "the sample rate is";
        return "a run of " + in.lineLength() + " characters, mostly NUL bytes (a zeroed disk block): " + lost
                + " lost, so no sample can be placed in time";
    }
}
