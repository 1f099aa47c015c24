package org.sessionreview.signal.cardiac;

/**
 * Why a beat's inter-beat interval was not accepted. Each reason has a stable snake_case {@link
 * #code()} for output columns and reports.
 *
 * <p>The interval rules follow Berntson et al. (1997) and the Task Force (1996): intervals
 * outside a physiological range and intervals that jump away from their neighbours are treated
 * as missed or extra beats and left out, never corrected by interpolation. The amplitude rules
 * apply to beats found in a pulse wave ({@link BvpBeats}) only.
 *
 * <p>References: Berntson, G. G. et al. (1997), Heart rate variability: origins, methods, and
 * interpretive caveats, Psychophysiology 34, 623-648; Task Force of the ESC and NASPE (1996),
 * Heart rate variability: standards of measurement, physiological interpretation and clinical
 * use, Circulation 93, 1043-1065.
 */
public enum RejectReason {
    /** The interval lies outside the plausible range (default 0.3-2.0 s). */
    OUT_OF_RANGE("out_of_range"),
    /** The interval differs from the median of its neighbours by more than the limit (20 %). */
    DEVIATES_FROM_LOCAL_MEDIAN("deviates_from_local_median"),
    /** The pulse wave is much smaller than its neighbours' (noise or a dicrotic notch). */
    LOW_AMPLITUDE("low_amplitude"),
    /** The pulse wave is much larger than its neighbours' (typical of a motion artifact). */
    MOTION("motion"),
    /** The beat before was rejected for its wave shape, so this interval is not trustworthy. */
    PREVIOUS_BEAT_REJECTED("previous_beat_rejected"),
    /** No earlier beat in the same unmasked stretch: the interval is unknown. */
    NO_PREVIOUS_BEAT("no_previous_beat"),
    /** The interval touches masked (NaN) samples or their filter guard band. */
    MASKED("masked");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable snake_case name, e.g. {@code "out_of_range"}. */
    public String code() {
        return code;
    }
}
