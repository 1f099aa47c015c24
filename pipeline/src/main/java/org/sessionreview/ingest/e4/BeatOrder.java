package org.sessionreview.ingest.e4;

/**
 * Keeps the beats of an {@code IBI.csv} in time order while it is read, rejecting as few as
 * possible when one is out of order. The E4 writes beat offsets in increasing order; a line that
 * breaks it is damage (a changed digit, two lines swapped, a block written twice). Comparing
 * each beat only with the last accepted one lets a single beat that jumps ahead take every
 * later beat before its time with it (one damaged offset of 447 s among beats at 135 s rejected
 * the 335 good beats up to 447 s). So the last accepted beat is held back by one line: when
 * the next beat comes before it but after the beat before it, the held beat is the one out of
 * place and is rejected instead ("not before the next beat"); a beat not after both, or at the
 * held beat's time (a repeated line), is rejected as before ("not after the previous beat").
 * Beats in order pass unchanged.
 */
final class BeatOrder {
    /** A rejected beat: its line, the reason and its raw text. */
    record Rejected(long line, String reason, String raw) {}

    private final DoubleList offsets;
    private final DoubleList intervals;
    /** Offset of the last beat passed on (s); -infinity before the first. */
    private double previous = Double.NEGATIVE_INFINITY;

    private boolean holding;
    private double heldOffset;
    private double heldIbi;
    private long heldLine;
    private String heldRaw;
    private String heldNote;

    /** Beats passed on are appended to {@code offsets} (s) and {@code intervals} (s). */
    BeatOrder(DoubleList offsets, DoubleList intervals) {
        this.offsets = offsets;
        this.intervals = intervals;
    }

    /**
     * Offers the beat of data line {@code line}, which passed every other check.
     *
     * @param raw the line's text, kept for a later reject
     * @param note appended to a reason naming this beat (e.g. which joined export it is from)
     * @return the beat rejected now (this one or the held one), or null
     */
    Rejected offer(double offset, double ibi, long line, String raw, String note) {
        if (holding && offset > heldOffset) {
            pass();
        } else if (holding && offset > previous && offset < heldOffset) {
            Rejected r = new Rejected(
                    heldLine,
                    "beat at " + heldOffset + " s is not before the next beat at " + offset
                            + " s (out of order: the beats before and after it are in order)" + heldNote,
                    heldRaw);
            hold(offset, ibi, line, raw, note);
            return r;
        } else if (holding || offset <= previous) {
            double last = holding ? heldOffset : previous;
            return new Rejected(
                    line, "beat at " + offset + " s is not after the previous beat at " + last + " s" + note, raw);
        }
        hold(offset, ibi, line, raw, note);
        return null;
    }

    /** Passes on the held beat: at the end of the file, or where a joined export begins. */
    void finish() {
        if (holding) {
            pass();
        }
    }

    private void hold(double offset, double ibi, long line, String raw, String note) {
        holding = true;
        heldOffset = offset;
        heldIbi = ibi;
        heldLine = line;
        heldRaw = raw;
        heldNote = note;
    }

    private void pass() {
        previous = heldOffset;
        offsets.add(heldOffset);
        intervals.add(heldIbi);
        holding = false;
        heldRaw = null;
    }
}
