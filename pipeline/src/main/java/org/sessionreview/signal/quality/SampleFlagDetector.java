package org.sessionreview.signal.quality;

import java.util.List;

/**
 * A detector that flags single samples of one channel by a rule ({@link #flags}) and reports the
 * flagged runs as intervals of its kind, widened by {@code padMillis} on each side; usable on a
 * whole recording or on a core of a stream (see {@link ArtifactIntervals}).
 */
abstract class SampleFlagDetector {
    private final ArtifactKind kind;
    private final double padMillis;

    SampleFlagDetector(ArtifactKind kind, double padMillis) {
        if (!(padMillis >= 0)) {
            throw new IllegalArgumentException("padMillis must be >= 0, got " + padMillis);
        }
        this.kind = kind;
        this.padMillis = padMillis;
    }

    /** Which samples are artifacts (false for missing samples). */
    abstract boolean[] flags(double[] samples, double rateHz);

    /** Context needed on each side of a core: the padding plus 1 s (one step at >= 1 Hz). */
    public double contextMillis() {
        return padMillis + 1000;
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(double[] samples, double rateHz, double startMillis) {
        return detect(samples, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param samples the channel's samples (NaN = missing)
     * @param rateHz sampling rate, Hz
     * @param startMillis time of sample 0, epoch ms
     */
    public List<Artifact> detect(
            double[] samples, double rateHz, double startMillis, double coreFromMillis, double coreToMillis) {
        return ArtifactIntervals.fromFlags(
                flags(samples, rateHz), rateHz, startMillis, kind, padMillis, coreFromMillis, coreToMillis);
    }
}
