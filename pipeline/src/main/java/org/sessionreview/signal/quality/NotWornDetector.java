package org.sessionreview.signal.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link ArtifactKind#NOT_WORN}: the stretches where the skin temperature is off the wrist
 * ({@link TempOffWristDetector}: out of 25-40 degC by default, or falling as when the band comes
 * off) and, at the same time, the EDA has lost contact ({@link EdaContactLossDetector}: below
 * 0.05 uS by default), for at least {@code minSeconds} (default {@value #DEFAULT_MIN_SECONDS} s).
 * Both sensors then say no skin is touching the band: a wristband lying on a
 * table reads room temperature and about 0.01 uS, while its pulse-wave sensor still records noise
 * in which a beat detector finds "beats", and its accelerometer a still device. Such a stretch is
 * masked in every channel of the band (DOMAIN.md 4.0: bad stretches are masked, never interpolated
 * into features), where either rule alone masks only its own channel: a worn band in a cool room
 * or dry skin trips one of them, rarely both. A shorter coincidence is a contact shift (the real
 * stress-predict S01 has one of a single sample, 0.25 s, at 2159 s of a worn hour), left to each
 * channel's own mask; the band taken off at the end of S02, S03 and S04 gives 2.5-10 s.
 *
 * <p>A channel that is missing (NaN, or no file) never says "off", so without EDA or skin
 * temperature nothing is marked. Limitation: a band worn on a cold wrist (below 25 degC) by a
 * person whose skin conductance stays under 0.05 uS reads as not worn.
 *
 * <p>Streaming: with {@link #contextMillis()} of samples on each side of a core (the rules'
 * context, and at least {@code minSeconds}, so that a stretch crossing the core's edge is seen
 * long enough) the intervals inside it are those of the whole recording.
 *
 * <p>References: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467
 * (rule 1, the EDA floor; rule 3, temperature); DOMAIN.md 4.1 (EDA below 0.01 uS: sensor off).
 */
public final class NotWornDetector {
    public static final double DEFAULT_MIN_SECONDS = 5;

    private final EdaContactLossDetector contactLoss;
    private final TempOffWristDetector offWrist;
    private final double minMillis;

    /**
     * @param contactLoss the EDA floor
     * @param offWrist the skin-temperature rules
     * @param minSeconds shortest stretch of both at once that is the band not worn, s (>= 0)
     */
    public NotWornDetector(EdaContactLossDetector contactLoss, TempOffWristDetector offWrist, double minSeconds) {
        if (!(minSeconds >= 0)) {
            throw new IllegalArgumentException("minSeconds must be >= 0, got " + minSeconds);
        }
        this.contactLoss = Objects.requireNonNull(contactLoss, "contactLoss");
        this.offWrist = Objects.requireNonNull(offWrist, "offWrist");
        this.minMillis = minSeconds * 1000;
    }

    /** With both detectors' defaults (0.05 uS; 25-40 degC and the fall rule) and 5 s. */
    public static NotWornDetector defaults() {
        return new NotWornDetector(
                EdaContactLossDetector.defaults(), TempOffWristDetector.defaults(), DEFAULT_MIN_SECONDS);
    }

    /** Context needed on each side of a core: the largest of the two rules' (the fall window plus 1 s) and the minimum. */
    public double contextMillis() {
        return Math.max(Math.max(contactLoss.contextMillis(), offWrist.contextMillis()), minMillis);
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] tempC,
            double tempRateHz,
            double tempStartMillis) {
        return detect(
                edaUs,
                edaRateHz,
                edaStartMillis,
                tempC,
                tempRateHz,
                tempStartMillis,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param edaUs skin conductance, uS (NaN = missing)
     * @param edaRateHz its rate, Hz (E4: 4)
     * @param edaStartMillis time of its sample 0, epoch ms
     * @param tempC skin temperature, degC (NaN = missing)
     * @param tempRateHz its rate, Hz (E4: 4)
     * @param tempStartMillis time of its sample 0, epoch ms
     * @return merged, time-ordered intervals inside the core
     */
    public List<Artifact> detect(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] tempC,
            double tempRateHz,
            double tempStartMillis,
            double coreFromMillis,
            double coreToMillis) {
        // over the whole input, so that a stretch's length is judged beyond the core
        List<Artifact> lost = contactLoss.detect(edaUs, edaRateHz, edaStartMillis);
        if (lost.isEmpty()) {
            return List.of();
        }
        List<Artifact> off = offWrist.detect(tempC, tempRateHz, tempStartMillis);
        List<Artifact> out = new ArrayList<>();
        for (Artifact a : ArtifactIntervals.intersection(lost, off, ArtifactKind.NOT_WORN)) {
            double from = Math.max(coreFromMillis, a.startMillis());
            double to = Math.min(coreToMillis, a.endMillis());
            if (a.durationMillis() >= minMillis && to > from) {
                out.add(new Artifact(ArtifactKind.NOT_WORN, from, to));
            }
        }
        return out;
    }
}
