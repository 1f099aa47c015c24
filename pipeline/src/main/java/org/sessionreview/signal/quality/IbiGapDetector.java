package org.sessionreview.signal.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ArtifactKind#IBI_GAP}: stretches longer than {@code maxGapSeconds} (default {@value
 * #DEFAULT_MAX_GAP_SECONDS} s) without an accepted beat, where heart rate and HRV are not
 * observed. An E4 drops beats it cannot trust (movement, poor contact), and {@code IbiCleaner}
 * rejects more; 3 s is 1.5 times the longest accepted interval (2.0 s, 30 bpm), so a gap means
 * missing beats at any accepted heart rate.
 *
 * <p>A gap runs from one accepted beat to the next, {@code [t_prev, t_next)}. The observed span
 * bounds it at both ends: from the span start to the first accepted beat and from the last one to
 * the span end also count, and a span without accepted beats is one gap. Beats outside the span
 * are ignored.
 *
 * <p>Streaming: with a span reaching at least {@link #contextMillis()} beyond the core on each
 * side (or to the recording's ends), the intervals inside the core equal those of the whole
 * recording: a gap that runs out of the span is already longer than the limit. Those intervals
 * are cut at the core's edges; to report each gap whole, as the pipeline does, carry the last
 * accepted beat from core to core and pass the span from it to the core's last accepted beat
 * ({@link #detect(double[], boolean[], double, double)}): every gap that a beat of the core ends
 * comes out whole, and the one still open waits for the next core (or the end of the beats).
 *
 * <p>Reference: DOMAIN.md 4.0 (IBI coverage); Task Force of the ESC and NASPE (1996), Heart rate
 * variability: standards of measurement, Circulation 93, 1043-1065 (gaps and missed beats).
 */
public final class IbiGapDetector {
    public static final double DEFAULT_MAX_GAP_SECONDS = 3;

    private final double maxGapMillis;

    /** @param maxGapSeconds longest stretch without an accepted beat that is not a gap, s (> 0) */
    public IbiGapDetector(double maxGapSeconds) {
        if (!(maxGapSeconds > 0)) {
            throw new IllegalArgumentException("maxGapSeconds must be > 0, got " + maxGapSeconds);
        }
        this.maxGapMillis = maxGapSeconds * 1000;
    }

    /** Gaps over 3 s. */
    public static IbiGapDetector defaults() {
        return new IbiGapDetector(DEFAULT_MAX_GAP_SECONDS);
    }

    /** Span needed beyond each side of a core: the gap limit. */
    public double contextMillis() {
        return maxGapMillis;
    }

    /** Gaps over the whole span. */
    public List<Artifact> detect(double[] beatMillis, boolean[] accepted, double spanFromMillis, double spanToMillis) {
        return detect(beatMillis, accepted, spanFromMillis, spanToMillis, spanFromMillis, spanToMillis);
    }

    /**
     * Gaps inside the core.
     *
     * @param beatMillis beat times (end of each interval), epoch ms, ascending
     * @param accepted true where the beat is accepted (e.g. {@code IbiCleaner.accept}); null = all
     * @param spanFromMillis start of the time observed (recording start or context start), epoch ms
     * @param spanToMillis end of the time observed, epoch ms
     * @param coreFromMillis start of the core, epoch ms
     * @param coreToMillis end of the core (exclusive), epoch ms
     * @return time-ordered, disjoint gaps inside the core
     */
    public List<Artifact> detect(
            double[] beatMillis,
            boolean[] accepted,
            double spanFromMillis,
            double spanToMillis,
            double coreFromMillis,
            double coreToMillis) {
        if (accepted != null && accepted.length != beatMillis.length) {
            throw new IllegalArgumentException(
                    "accepted has " + accepted.length + " flags for " + beatMillis.length + " beats");
        }
        List<Artifact> out = new ArrayList<>();
        double previous = spanFromMillis;
        for (int i = 0; i < beatMillis.length; i++) {
            double t = beatMillis[i];
            if ((accepted == null || accepted[i]) && t >= spanFromMillis && t <= spanToMillis) {
                addGap(out, previous, t, coreFromMillis, coreToMillis);
                previous = t;
            }
        }
        addGap(out, previous, spanToMillis, coreFromMillis, coreToMillis);
        return out;
    }

    private void addGap(List<Artifact> out, double from, double to, double coreFrom, double coreTo) {
        if (to - from <= maxGapMillis) {
            return;
        }
        double start = Math.max(from, coreFrom);
        double end = Math.min(to, coreTo);
        if (end > start) {
            out.add(new Artifact(ArtifactKind.IBI_GAP, start, end));
        }
    }
}
