package org.sessionreview.features;

/**
 * An array kept for the next grid of the same length ({@link ChannelBuffer#regular(double,
 * double, GridScratch)}): overlapping windows take grids of one length from a channel every hop,
 * and a window is done with its grid before the next window asks for it. Not state, not
 * thread-safe; one per channel and use.
 */
final class GridScratch {
    private double[] array = new double[0];

    /** An array of {@code length} values (the kept one when it has that length); its contents are left over. */
    double[] array(int length) {
        if (array.length != length) {
            array = new double[length];
        }
        return array;
    }

    /** The array kept now, whatever its length (for tests). */
    double[] kept() {
        return array;
    }
}
