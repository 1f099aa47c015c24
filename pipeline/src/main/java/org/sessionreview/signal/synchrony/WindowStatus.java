package org.sessionreview.signal.synchrony;

/** Whether a synchrony window (or segment) was analysed, and if not, why. */
public enum WindowStatus {
    /** Analysed. */
    OK("ok"),
    /** Skipped: fewer than {@code minValidShare} of the samples are valid for both wearers. */
    TOO_MANY_MASKED("masked"),
    /** Skipped: no lag had a correlation (a wearer's valid samples are constant). */
    NO_VARIANCE("flat");

    private final String label;

    WindowStatus(String label) {
        this.label = label;
    }

    /** Lower-case name for report rows: {@code ok}, {@code masked}, {@code flat}. */
    public String label() {
        return label;
    }
}
