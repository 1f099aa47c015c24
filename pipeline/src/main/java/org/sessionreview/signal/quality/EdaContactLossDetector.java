package org.sessionreview.signal.quality;

import java.util.List;

/**
 * {@link ArtifactKind#EDA_CONTACT_LOSS}: EDA samples below a floor (default {@value
 * #DEFAULT_MIN_US} uS), the "floor artifact" of an electrode that lost the skin. Missing samples
 * (NaN) are not flagged: they are absent, not artifacts.
 *
 * <p>Only the floor of Kleckner et al. (2018) rule 1 is applied; their ceiling (60 uS, the Q
 * Sensor's range) is above anything an E4 wrist reading reaches in the shared recordings. Their
 * rule 4 (5 s around invalid data) is available as {@code padMillis}, default 0 to match {@code
 * EdaQuality}.
 *
 * <p>Reference: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467,
 * rules 1 and 4.
 */
public final class EdaContactLossDetector {
    public static final double DEFAULT_MIN_US = 0.05;

    private final double minUs;
    private final double padMillis;

    /**
     * @param minUs values below this are contact loss, uS
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaContactLossDetector(double minUs, double padMillis) {
        if (!(padMillis >= 0) || Double.isNaN(minUs)) {
            throw new IllegalArgumentException("need a floor and padMillis >= 0");
        }
        this.minUs = minUs;
        this.padMillis = padMillis;
    }

    /** Floor 0.05 uS, no padding. */
    public static EdaContactLossDetector defaults() {
        return new EdaContactLossDetector(DEFAULT_MIN_US, 0);
    }

    /** Context needed on each side of a core: the padding plus 1 s (a sample period at >= 1 Hz). */
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
        for (int i = 0; i < edaUs.length; i++) {
            flagged[i] = edaUs[i] < minUs; // false for NaN
        }
        return ArtifactIntervals.fromFlags(flagged, rateHz, startMillis, ArtifactKind.EDA_CONTACT_LOSS,
                padMillis, coreFromMillis, coreToMillis);
    }
}
