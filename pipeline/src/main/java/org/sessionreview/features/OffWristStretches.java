package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactKind;

/**
 * The {@code temp_off_wrist} stretches of the processed cores, as {@link ArtifactCore} finds them
 * for the {@code artifacts/} table (the off-wrist guard's range and fall rules on each core with
 * its context and the core's look-ahead), kept so that the windows' skin-temperature quality and
 * slope leave out exactly the samples that table reports as off the wrist. Each core's stretches
 * are found once; a window only looks them up ({@link #over}), so no window recomputes a mask.
 * State: part of the wearer's event stage.
 */
final class OffWristStretches implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Stretches inside processed cores, {start, end} epoch ms, time-ordered. */
    private final ArrayList<double[]> kept = new ArrayList<>();

    /** Keeps a processed core's stretches (inside the core, after those kept before). */
    void keep(List<Artifact> coreStretches) {
        for (Artifact a : coreStretches) {
            kept.add(new double[] {a.startMillis(), a.endMillis()});
        }
    }

    /** The kept stretches overlapping {@code [fromMillis, toMillis)}, clipped to it. */
    List<Artifact> over(double fromMillis, double toMillis) {
        List<Artifact> out = new ArrayList<>();
        for (double[] k : kept) {
            double s = Math.max(fromMillis, k[0]);
            double e = Math.min(toMillis, k[1]);
            if (e > s) {
                out.add(new Artifact(ArtifactKind.TEMP_OFF_WRIST, s, e));
            }
        }
        return out;
    }

    /** Drops the stretches that end before {@code millis}, epoch ms. */
    void evictBefore(double millis) {
        kept.removeIf(k -> k[1] < millis);
    }
}
