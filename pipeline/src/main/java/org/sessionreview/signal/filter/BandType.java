package org.sessionreview.signal.filter;

/**
 * The pass band of a {@link Butterworth} design, named after {@code btype} of {@code
 * scipy.signal.butter}.
 */
public enum BandType {
    /** Passes frequencies below one cut-off ({@code btype="lowpass"}). */
    LOW_PASS(1),
    /** Passes frequencies above one cut-off ({@code btype="highpass"}). */
    HIGH_PASS(1),
    /**
     * Passes frequencies between two cut-offs ({@code btype="bandpass"}); a design of order N has
     * 2N poles.
     */
    BAND_PASS(2);

    private final int cutoffCount;

    BandType(int cutoffCount) {
        this.cutoffCount = cutoffCount;
    }

    /** How many cut-off frequencies the band needs (1, or 2 for {@link #BAND_PASS}). */
    public int cutoffCount() {
        return cutoffCount;
    }
}
