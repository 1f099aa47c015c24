package org.sessionreview.signal.quality;

import java.util.List;

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
public final class EdaJumpDetector {
    public static final double DEFAULT_MAX_JUMP_US_PER_S = 10;

    private final double maxJumpUsPerS;
    private final double padMillis;

    /**
     * @param maxJumpUsPerS steepest plausible change, uS per second (> 0)
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaJumpDetector(double maxJumpUsPerS, double padMillis) {
        if (!(maxJumpUsPerS > 0) || !(padMillis >= 0)) {
            throw new IllegalArgumentException("need maxJumpUsPerS > 0 and padMillis >= 0");
        }
        this.maxJumpUsPerS = maxJumpUsPerS;
        this.padMillis = padMillis;
    }

    /** 10 uS/s, no padding. */
    public static EdaJumpDetector defaults() {
        return new EdaJumpDetector(DEFAULT_MAX_JUMP_US_PER_S, 0);
    }

    /** Context needed on each side of a core: the padding plus 1 s (one step at >= 1 Hz). */
    public double contextMillis() {
        return padMillis + 1000;
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(double[] edaUs, double rateHz, double startMillis) {
        return detect(edaUs, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param edaUs skin conductance, uS (NaN = missing)
     * @param rateHz sampling rate, Hz (E4: 4)
     * @param startMillis time of sample 0, epoch ms
     */
    public List<Artifact> detect(
            double[] edaUs, double rateHz, double startMillis, double coreFromMillis, double coreToMillis) {
        boolean[] flagged = new boolean[edaUs.length];
        for (int i = 1; i < edaUs.length; i++) {
            if (Math.abs(edaUs[i] - edaUs[i - 1]) * rateHz > maxJumpUsPerS) { // false with a NaN
                flagged[i - 1] = true;
                flagged[i] = true;
            }
        }
        return ArtifactIntervals.fromFlags(flagged, rateHz, startMillis, ArtifactKind.EDA_JUMP,
                padMillis, coreFromMillis, coreToMillis);
    }
}
