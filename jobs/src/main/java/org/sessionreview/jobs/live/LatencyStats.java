package org.sessionreview.jobs.live;

import java.util.Collection;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Count, median, 95th and 99th percentile and maximum of a sample (latencies in ms, delays in s:
 * the unit is the caller's). Percentiles are Commons Math's {@link
 * org.apache.commons.math3.stat.descriptive.rank.Percentile} with its default estimation (for
 * {@code n} values, the {@code p}-th percentile interpolates at position {@code p (n + 1) / 100},
 * clamped to the smallest and largest value). An empty sample has count 0 and NaN elsewhere.
 *
 * @param count values in the sample
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest value
 */
public record LatencyStats(long count, double p50, double p95, double p99, double max) {
    /** The statistics of no value. */
    public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The statistics of {@code values} (each value once per occurrence). */
    public static LatencyStats of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        DescriptiveStatistics s = new DescriptiveStatistics(values);
        return new LatencyStats(s.getN(), s.getPercentile(50), s.getPercentile(95), s.getPercentile(99), s.getMax());
    }

    /** The statistics of {@code values}. */
    public static LatencyStats of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }
}
