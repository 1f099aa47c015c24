package org.sessionreview.signal.synchrony;

/**
 * Who leads the coupling in a window, from the side of its peak lag (peak picking, Boker et al.
 * 2002): a peak at k &gt; 0 means the therapist follows the client.
 */
public enum Leader {
    /** Peak at a positive lag: the therapist's signal follows the client's. */
    CLIENT("client"),
    /** Peak at a negative lag: the client's signal follows the therapist's. */
    THERAPIST("therapist"),
    /** Peak at lag 0, below {@code leaderMinPeakZ}, or no peak (window skipped). */
    NONE("none");

    private final String label;

    Leader(String label) {
        this.label = label;
    }

    /** Lower-case name for report rows: {@code client}, {@code therapist}, {@code none}. */
    public String label() {
        return label;
    }
}
