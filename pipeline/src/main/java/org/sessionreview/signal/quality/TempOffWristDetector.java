package org.sessionreview.signal.quality;

import java.util.List;
import java.util.Objects;
import org.sessionreview.signal.temperature.OffWristGuard;

/**
 * {@link ArtifactKind#TEMP_OFF_WRIST}: the samples {@link OffWristGuard} masks (out of 25-40 degC
 * by default, or in a fall of at least 1 degC faster than 1 degC/min), as intervals. Rules,
 * defaults and references: see {@link OffWristGuard}.
 */
public final class TempOffWristDetector {
    private final OffWristGuard guard;

    /** @param guard the off-wrist rules */
    public TempOffWristDetector(OffWristGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** With {@link OffWristGuard#defaults()}. */
    public static TempOffWristDetector defaults() {
        return new TempOffWristDetector(OffWristGuard.defaults());
    }

    /** Context needed on each side of a core: the guard's fall window plus 1 s. */
    public double contextMillis() {
        return guard.contextMillis() + 1000;
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(double[] tempC, double rateHz, double startMillis) {
        return detect(tempC, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param tempC skin temperature, degC (NaN = missing, never flagged)
     * @param rateHz sampling rate, Hz (E4: 4)
     * @param startMillis time of sample 0, epoch ms
     */
    public List<Artifact> detect(
            double[] tempC, double rateHz, double startMillis, double coreFromMillis, double coreToMillis) {
        return ArtifactIntervals.fromFlags(
                guard.mask(tempC, rateHz),
                rateHz,
                startMillis,
                ArtifactKind.TEMP_OFF_WRIST,
                0,
                coreFromMillis,
                coreToMillis);
    }
}
