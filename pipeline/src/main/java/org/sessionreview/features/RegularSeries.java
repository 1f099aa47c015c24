package org.sessionreview.features;

/**
 * Uniformly sampled values of one channel on a time grid: sample {@code j} is at {@code t0Millis
 * + j * 1000 / rateHz}, its values at {@code values[j * width .. j * width + width - 1]}. Grid
 * points without a sample (a gap, a rejected line) hold NaN.
 *
 * @param t0Millis time of grid point 0, epoch milliseconds
 * @param rateHz sampling rate, Hz
 * @param width values per sample (3 for ACC)
 * @param values the samples
 */
public record RegularSeries(double t0Millis, double rateHz, int width, double[] values) {
    /** Grid points shorter than this (ms) from a boundary count as on it. */
    private static final double EPS_MILLIS = 1e-6;

    /** An empty series. */
    public static RegularSeries empty(double rateHz, int width) {
        return new RegularSeries(0, rateHz, width, new double[0]);
    }

    /** Number of samples (grid points). */
    public int length() {
        return values.length / width;
    }

    /** Time of grid point {@code j}, epoch milliseconds. */
    public double timeMillis(int j) {
        return t0Millis + j * 1000.0 / rateHz;
    }

    /** The first grid index whose time is {@code >= millis}, clamped to {@code [0, length()]}. */
    public int indexAtOrAfter(double millis) {
        if (length() == 0) {
            return 0;
        }
        double j = Math.ceil((millis - t0Millis - EPS_MILLIS) * rateHz / 1000.0);
        return (int) Math.max(0, Math.min(length(), j));
    }

    /** Samples a span of {@code durationMillis} should hold at {@link #rateHz()}. */
    public double expectedSamples(double durationMillis) {
        return durationMillis * rateHz / 1000.0;
    }
}
