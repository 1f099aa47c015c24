package org.sessionreview.jobs.live;

/**
 * Undoes the rebasing of IBI beat times done by {@code BlockSplitter}: an IBI block {@code k}
 * starts {@code k * blockMillis} after the stream's origin and holds each beat as {@code rel =
 * (x * 1000 - k * blockMillis) / 1000} seconds after the block's start, where {@code x} is the
 * beat's time in seconds after the origin. The live message contract carries {@code x}.
 *
 * <p>The arithmetic rounds, so {@code (rel * 1000 + k * blockMillis) / 1000} need not be the
 * original {@code x}. {@link #toStream} returns a double {@code x} that a consumer rebasing with
 * the same formula turns back into the very same {@code rel} (bit for bit) and the same block
 * {@code k} ({@code floor(x * 1000 / blockMillis)}), so that a live consumer can rebuild the
 * blocks the batch review reads. Such an {@code x} always exists (the original one); it is found
 * among the doubles nearest to the first estimate.
 */
public final class IbiOffsets {
    /** How many neighbouring doubles are tried on each side of the first estimate. */
    static final int MAX_STEPS = 64;

    private IbiOffsets() {}

    /**
     * The beat's time after the stream's origin.
     *
     * @param relS the beat's time after its block's start, s (as in {@code SampleBlock.offsetsS})
     * @param k the block's number from the stream's origin (0 for the first block)
     * @param blockMillis the blocks' span, ms (positive; {@code FeatureConfig.blockMillis()},
     *     default 30000)
     * @param where names the beat in the exception (session, wearer, beat index)
     * @return {@code x}, s, with {@code floor(x * 1000 / blockMillis) == k} and {@code (x * 1000 -
     *     k * blockMillis) / 1000 == relS} exactly
     * @throws IllegalStateException if no double near the estimate satisfies both (the offsets
     *     were not made by that rebasing)
     */
    public static double toStream(double relS, long k, long blockMillis, String where) {
        double estimate = (relS * 1000.0 + k * blockMillis) / 1000.0;
        if (roundTrips(estimate, relS, k, blockMillis)) {
            return estimate;
        }
        double up = estimate;
        double down = estimate;
        for (int step = 0; step < MAX_STEPS; step++) {
            up = Math.nextUp(up);
            if (roundTrips(up, relS, k, blockMillis)) {
                return up;
            }
            down = Math.nextDown(down);
            if (roundTrips(down, relS, k, blockMillis)) {
                return down;
            }
        }
        throw new IllegalStateException("IBI beat " + where + ": no beat time within " + MAX_STEPS
                + " doubles of " + estimate + " s rebases exactly to " + relS + " s in block " + k
                + " of " + blockMillis + " ms");
    }

    /** Whether {@code x} lies in block {@code k} and rebases to exactly {@code relS}. */
    static boolean roundTrips(double x, double relS, long k, long blockMillis) {
        return (long) Math.floor(x * 1000.0 / blockMillis) == k
                && Double.doubleToLongBits((x * 1000.0 - k * blockMillis) / 1000.0) == Double.doubleToLongBits(relS);
    }
}
