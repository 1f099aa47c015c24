package org.sessionreview.signal.synchrony;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.sessionreview.config.SynchronyConfig;

/**
 * The session cut into consecutive, non-overlapping segments of {@link SynchronyConfig#segmentS()}
 * (the remainder is discarded, as in SUSY), with the lagged z profile of any client segment i
 * against any therapist segment j computed on first use and kept: i == j is the real coupling, i
 * != j a surrogate pairing. Lags run to +-{@link SynchronyConfig#segmentMaxLagS()}.
 *
 * <p>A segment is usable when both wearers are valid on at least {@link
 * SynchronyConfig#minValidShare()} of its samples and its real profile has a value at some lag
 * (neither wearer constant); only usable segments enter the index and the surrogates.
 *
 * <p>Each wearer's segments are prepared once as {@link Stretch}es (centred samples, running sums,
 * runs of equal samples), so a segment's statistics are shared by all its pairings and a profile
 * only sums the cross-products per lag. The profile is SUSY's, R's {@code ccf} ({@link
 * SegmentCcf}), not the windows' Pearson r per lag.
 */
final class SegmentPairs {
    private final DyadSeries series;
    private final SynchronyConfig cfg;
    private final LaggedCorrelation.Profiler profiler;
    private final Stretch[] clientSegments;
    private final Stretch[] therapistSegments;
    private final int segmentSamples;
    private final int maxLag;
    private final int count;
    private final double[][] profiles;
    private final double[] meanAbs;
    private final int[] usable;

    SegmentPairs(DyadSeries series, SynchronyConfig cfg) {
        this(series, cfg, SegmentCcf::zProfile);
    }

    /** With the profiles computed by {@code profiler} (the tests pass a slow reference). */
    SegmentPairs(DyadSeries series, SynchronyConfig cfg, LaggedCorrelation.Profiler profiler) {
        this.series = series;
        this.cfg = cfg;
        this.profiler = profiler;
        this.segmentSamples = series.samples(cfg.segmentS());
        this.maxLag = series.samples(cfg.segmentMaxLagS());
        if (segmentSamples - maxLag < LaggedCorrelation.MIN_PAIRS) {
            throw new IllegalArgumentException(
                    "rate " + series.rateHz() + " Hz gives too few samples for a " + cfg.segmentS() + " s segment");
        }
        this.count = series.length() / segmentSamples;
        this.clientSegments = new Stretch[count];
        this.therapistSegments = new Stretch[count];
        for (int i = 0; i < count; i++) {
            clientSegments[i] = Stretch.of(series.client(), i * segmentSamples, segmentSamples);
            therapistSegments[i] = Stretch.of(series.therapist(), i * segmentSamples, segmentSamples);
        }
        this.profiles = new double[count * count][];
        this.meanAbs = new double[count * count];
        Arrays.fill(meanAbs, Double.NaN);
        this.usable = findUsable();
    }

    private int[] findUsable() {
        return IntStream.range(0, count)
                .filter(i -> series.validShare(i * segmentSamples, segmentSamples) >= cfg.minValidShare())
                .filter(i -> !Double.isNaN(meanAbs(i, i)))
                .toArray();
    }

    /** Full segments in the session. */
    int count() {
        return count;
    }

    /** Indices of the usable segments, ascending. */
    int[] usable() {
        return usable.clone();
    }

    /** Largest lag, samples; profiles have {@code 2 * maxLag() + 1} values. */
    int maxLag() {
        return maxLag;
    }

    /** Signed z per lag (index k + maxLag) of client segment i against therapist segment j. */
    double[] profile(int i, int j) {
        int key = i * count + j;
        if (profiles[key] == null) {
            double[] z = profiler.zProfile(
                    clientSegments[i], therapistSegments[j], maxLag, cfg.minValidShare(), cfg.zClamp());
            profiles[key] = z;
            double sum = 0;
            int n = 0;
            for (double v : z) {
                if (!Double.isNaN(v)) {
                    sum += Math.abs(v);
                    n++;
                }
            }
            meanAbs[key] = n == 0 ? Double.NaN : sum / n;
        }
        return profiles[key];
    }

    /** Mean |z| over the lags of {@link #profile(int, int)}; NaN when no lag has a value. */
    double meanAbs(int i, int j) {
        profile(i, j);
        return meanAbs[i * count + j];
    }
}
