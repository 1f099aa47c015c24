package org.sessionreview.signal.quality;

import java.util.Objects;

/**
 * A stretch of one kind of artifact: the half-open time interval {@code [startMillis, endMillis)}
 * in epoch milliseconds.
 *
 * <p>Times, not sample indices, so that intervals from channels with different rates (EDA 4 Hz,
 * ACC 32 Hz, irregular IBI) can be merged and applied to any channel ({@link
 * ArtifactIntervals#toMask}). A run of flagged samples {@code i..j} of a channel sampled at
 * {@code rateHz} becomes {@code [t_i, t_j + 1000 / rateHz)}: each sample stands for its sampling
 * period. Times are doubles because E4 sample periods are fractional (31.25 ms at 32 Hz); at the
 * E4's power-of-two rates they are exact.
 *
 * @param kind what was detected
 * @param startMillis start, epoch ms (inclusive)
 * @param endMillis end, epoch ms (exclusive), greater than the start
 */
public record Artifact(ArtifactKind kind, double startMillis, double endMillis) {
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        if (!(endMillis > startMillis)) {
            throw new IllegalArgumentException(
                    kind.code() + ": end " + endMillis + " must be after start " + startMillis);
        }
    }

    /** Length, milliseconds. */
    public double durationMillis() {
        return endMillis - startMillis;
    }

    /** Length of the overlap with {@code [fromMillis, toMillis)}, milliseconds (0 when none). */
    public double overlapMillis(double fromMillis, double toMillis) {
        return Math.max(0, Math.min(endMillis, toMillis) - Math.max(startMillis, fromMillis));
    }
}
