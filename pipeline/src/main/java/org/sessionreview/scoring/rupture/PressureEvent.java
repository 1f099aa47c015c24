package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A candidate {@code pressure_above_threshold} moment (see {@link PressureAboveThreshold}): one
 * therapist pressure intervention and the above-threshold client cues it followed. Immutable.
 */
public final class PressureEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<CodedEvent> cues;
    private final CodedEvent intervention;

    PressureEvent(List<CodedEvent> cues, CodedEvent intervention) {
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("a pressure event needs a cue");
        }
        this.cues = new ArrayList<>(cues);
        this.intervention = Objects.requireNonNull(intervention, "intervention");
    }

    /** The client cues (ANX_CPD, ANX_MOT) the intervention followed, in time order. */
    public List<CodedEvent> cues() {
        return Collections.unmodifiableList(cues);
    }

    /** The therapist's INT_EXPLORE_FEELING or INT_CHALLENGE_DEFENSE. */
    public CodedEvent intervention() {
        return intervention;
    }

    /** Start of the first cue. */
    public double startS() {
        return cues.get(0).startS();
    }

    /** End of the intervention. */
    public double endS() {
        return Math.max(intervention.endS(), startS());
    }

    /** Seconds from the last cue's start to the intervention, to the microsecond ({@link CodedTimes#elapsed}). */
    public double latencyS() {
        return CodedTimes.elapsed(cues.get(cues.size() - 1).startS(), intervention.startS());
    }

    /** Highest coded cue intensity (1-3); null when none is coded. */
    public Integer maxIntensity() {
        Integer max = null;
        for (CodedEvent c : cues) {
            if (c.significance() != null && (max == null || c.significance() > max)) {
                max = c.significance();
            }
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PressureEvent
                && cues.equals(((PressureEvent) o).cues)
                && intervention.equals(((PressureEvent) o).intervention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cues, intervention);
    }

    @Override
    public String toString() {
        return "PressureEvent{" + cues + " -> " + intervention + "}";
    }
}
