package org.sessionreview.signal.quality;

/**
 * {@link ArtifactKind#EDA_ABOVE_RANGE}: EDA samples above a ceiling (default {@value
 * #DEFAULT_MAX_US} uS). No wrist skin conductance reaches it; such values come from a short
 * circuit, a wet electrode or a damaged file, and would otherwise read as extreme arousal.
 * Missing samples (NaN) are not flagged.
 *
 * <p>Reference: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467,
 * rule 1 (valid EDA lies within 0.05-60 uS).
 */
public final class EdaAboveRangeDetector extends SampleFlagDetector {
    public static final double DEFAULT_MAX_US = 60;

    private final double maxUs;

    /**
     * @param maxUs values above this are out of range, uS
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaAboveRangeDetector(double maxUs, double padMillis) {
        super(ArtifactKind.EDA_ABOVE_RANGE, padMillis);
        if (Double.isNaN(maxUs)) {
            throw new IllegalArgumentException("invalid maxUs: " + maxUs);
        }
        this.maxUs = maxUs;
    }

    /** Ceiling 60 uS, no padding. */
    public static EdaAboveRangeDetector defaults() {
        return new EdaAboveRangeDetector(DEFAULT_MAX_US, 0);
    }

    @Override
    boolean[] flags(double[] edaUs, double rateHz) {
        boolean[] flagged = new boolean[edaUs.length];
        for (int i = 0; i < edaUs.length; i++) {
            flagged[i] = edaUs[i] > maxUs; // false for NaN
        }
        return flagged;
    }
}
