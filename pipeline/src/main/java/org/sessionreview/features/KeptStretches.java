package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactKind;

/**
 * Stretches of one kind found in the processed cores, kept as found there so that a later core's
 * context and the windows only look them up ({@link #over}) and no window recomputes a mask: where
 * the band was not worn ({@link NotWornStretches}) and the {@code temp_off_wrist} rows of {@code
 * artifacts/} ({@link ArtifactCore}: the off-wrist guard's range and fall rules on each core with
 * its context and look-ahead), which the windows' skin-temperature quality and slope leave out.
 * State: part of the wearer's event stage, evicted with it ({@link #evictBefore}).
 */
final class KeptStretches implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArtifactKind kind;
    /** Stretches inside processed cores, {start, end} epoch ms, time-ordered. */
    private final ArrayList<double[]> kept = new ArrayList<>();

    /** @param kind the kind {@link #over} gives its stretches */
    KeptStretches(ArtifactKind kind) {
        this.kind = kind;
    }

    /** Keeps a processed core's stretches (inside the core, after those kept before). */
    void keep(List<Artifact> coreStretches) {
        for (Artifact a : coreStretches) {
            kept.add(new double[] {a.startMillis(), a.endMillis()});
        }
    }

    /** The kept stretches overlapping {@code [fromMillis, toMillis)} (epoch ms), clipped to it. */
    List<Artifact> over(double fromMillis, double toMillis) {
        List<Artifact> out = new ArrayList<>();
        for (double[] k : kept) {
            double s = Math.max(fromMillis, k[0]);
            double e = Math.min(toMillis, k[1]);
            if (e > s) {
                out.add(new Artifact(kind, s, e));
            }
        }
        return out;
    }

    /**
     * Drops the stretches that end before {@code millis}, epoch ms: what the windows still to come
     * no longer read ({@link EventStage}), so the kept stretches stay bounded over a session.
     */
    void evictBefore(double millis) {
        kept.removeIf(k -> k[1] < millis);
    }
}
