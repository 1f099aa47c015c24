package org.sessionreview.signal.quality;

/**
 * {@link ArtifactKind#EDA_CONTACT_LOSS}: EDA samples below a floor (default {@value
 * #DEFAULT_MIN_US} uS), the "floor artifact" of an electrode that lost the skin. Missing samples
 * (NaN) are not flagged: they are absent, not artifacts.
 *
 * <p>The floor of Kleckner et al. (2018) rule 1; their ceiling is {@link
 * EdaAboveRangeDetector}. Their rule 4 (5 s around invalid data) is available as {@code padMillis}, default 0 to match {@code
 * EdaQuality}.
 *
 * <p>Reference: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467,
 * rules 1 and 4.
 */
public final class EdaContactLossDetector extends SampleFlagDetector {
    public static final double DEFAULT_MIN_US = 0.05;

    private final double minUs;

    /**
     * @param minUs values below this are contact loss, uS
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaContactLossDetector(double minUs, double padMillis) {
        super(ArtifactKind.EDA_CONTACT_LOSS, padMillis);
        if (Double.isNaN(minUs)) {
            throw new IllegalArgumentException("invalid minUs: " + minUs);
        }
        this.minUs = minUs;
    }

    /** Floor 0.05 uS, no padding. */
    public static EdaContactLossDetector defaults() {
        return new EdaContactLossDetector(DEFAULT_MIN_US, 0);
    }

    @Override
    boolean[] flags(double[] edaUs, double rateHz) {
        boolean[] flagged = new boolean[edaUs.length];
        for (int i = 0; i < edaUs.length; i++) {
            flagged[i] = edaUs[i] < minUs; // false for NaN
        }
        return flagged;
    }
}
