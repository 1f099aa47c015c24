package org.sessionreview.signal.quality;

import java.util.List;
import java.util.Objects;
import org.sessionreview.signal.motion.GrossMovement;

/**
 * {@link ArtifactKind#ACC_GROSS_MOVEMENT}: the 1 s segments (counted from each core's start, whole media seconds) whose
 * mean amplitude deviation of the accelerometer magnitude {@code |a|} reaches 0.09 g by default, from {@link
 * GrossMovement}: walking and other exertion, not a turning wrist. Movement is not a fault of the
 * ACC itself: the intervals mark stretches where EDA and heart-rate rises may be exertion rather than arousal (DOMAIN.md 4.0), so such windows are not scored as anxiety.
 */
public final class AccGrossMovementDetector {
    private final GrossMovement grossMovement;

    /** @param grossMovement threshold and units */
    public AccGrossMovementDetector(GrossMovement grossMovement) {
        this.grossMovement = Objects.requireNonNull(grossMovement, "grossMovement");
    }

    /** With {@link GrossMovement#defaults()} (0.09 g, E4 units). */
    public static AccGrossMovementDetector defaults() {
        return new AccGrossMovementDetector(GrossMovement.defaults());
    }

    /** Context needed on each side of a core: one segment. */
    public double contextMillis() {
        return grossMovement.contextMillis();
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(double[] accXyz, double rateHz, double startMillis) {
        return detect(accXyz, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param accXyz interleaved x, y, z in raw units (NaN = missing)
     * @param rateHz sampling rate, Hz (E4: 32)
     * @param startMillis time of sample 0, epoch ms
     */
    public List<Artifact> detect(
            double[] accXyz, double rateHz, double startMillis, double coreFromMillis, double coreToMillis) {
        return grossMovement.detect(accXyz, rateHz, startMillis, coreFromMillis, coreToMillis).stream()
                .map(i -> new Artifact(ArtifactKind.ACC_GROSS_MOVEMENT, i.startMillis(), i.endMillis()))
                .toList();
    }
}
