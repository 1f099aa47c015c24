package org.sessionreview.signal.quality;

/**
 * {@link ArtifactKind#EDA_JUMP}: EDA steps faster than physiology allows, {@code |x[i] - x[i-1]|
 * * rateHz > maxJumpUsPerS} (default {@value #DEFAULT_MAX_JUMP_US_PER_S} uS/s). Both samples of
 * such a step are flagged, since either side can be the artifact (as {@code EdaQuality}). Steps
 * next to a NaN are not judged.
 *
 * <p>Reference: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467,
 * rule 2 (+-10 uS/s, after Boucsein 2012, <i>Electrodermal Activity</i>, 2nd ed.).
 */
public final class EdaJumpDetector extends SampleFlagDetector {
    public static final double DEFAULT_MAX_JUMP_US_PER_S = 10;

    private final double maxJumpUsPerS;

    /**
     * @param maxJumpUsPerS steepest plausible change, uS per second (> 0)
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaJumpDetector(double maxJumpUsPerS, double padMillis) {
        super(ArtifactKind.EDA_JUMP, padMillis);
        if (!(maxJumpUsPerS > 0)) {
            throw new IllegalArgumentException("invalid maxJumpUsPerS: " + maxJumpUsPerS);
        }
        this.maxJumpUsPerS = maxJumpUsPerS;
    }

    /** 10 uS/s, no padding. */
    public static EdaJumpDetector defaults() {
        return new EdaJumpDetector(DEFAULT_MAX_JUMP_US_PER_S, 0);
    }

    @Override
    boolean[] flags(double[] edaUs, double rateHz) {
        boolean[] flagged = new boolean[edaUs.length];
        for (int i = 1; i < edaUs.length; i++) {
            if (Math.abs(edaUs[i] - edaUs[i - 1]) * rateHz > maxJumpUsPerS) { // false with a NaN
                flagged[i - 1] = true;
                flagged[i] = true;
            }
        }
        return flagged;
    }
}
