package org.sessionreview.signal.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link ArtifactKind#NO_DATA} for the whole wristband: stretches inside a recording of at least
 * {@code minGapSeconds} (the pipeline passes the window length, {@code features.window_s},
 * default 30 s) in which no channel has a sample, as between the parts of a restarted wristband or
 * in a live stream that fell silent. Shorter dropouts are left to each channel's own detectors
 * and quality; a window without any sample already has quality 0 in every channel, and this row
 * says why.
 *
 * <p>A regular sample at {@code t} stands for {@code [t, t + period)} (as in {@link Artifact}); a
 * beat, if the caller counts beats as samples, is a point (the pipeline does not: the E4 derives
 * its beats from its pulse wave, and their gaps are {@link IbiGapDetector}'s). A gap runs from
 * the end of the last sample before it to the first sample after it, so nothing before the first
 * sample and nothing after the last is a gap (the recording's own ends).
 *
 * <p>Streaming: {@link #detect(List, double)} takes the end of the data seen before (the previous
 * core's {@link Result#dataEndMillis()}) and reports each gap once, whole, in the core in which
 * its first sample after the gap lies; nothing else needs to be carried.
 */
public final class NoDataDetector {
    /** Default shortest gap, s: the default window length. */
    public static final double DEFAULT_MIN_GAP_SECONDS = 30;

    private final double minGapMillis;

    /**
     * The sample times of one channel.
     *
     * @param timesMillis times of the samples present (not missing), epoch ms, ascending
     * @param periodMillis the time each sample stands for, ms (1000 / rate; 0 for beats)
     */
    public record Samples(double[] timesMillis, double periodMillis) {}

    /**
     * @param gaps the gaps closed by these samples, time-ordered
     * @param dataEndMillis the end of the data seen so far (the latest sample's end), epoch ms;
     *     -infinity before the first sample
     */
    public record Result(List<Artifact> gaps, double dataEndMillis) {}

    /** @param minGapSeconds shortest stretch without samples reported, s (> 0) */
    public NoDataDetector(double minGapSeconds) {
        if (!(minGapSeconds > 0)) {
            throw new IllegalArgumentException("minGapSeconds must be > 0, got " + minGapSeconds);
        }
        this.minGapMillis = minGapSeconds * 1000;
    }

    /** Gaps of at least 30 s. */
    public static NoDataDetector defaults() {
        return new NoDataDetector(DEFAULT_MIN_GAP_SECONDS);
    }

    /** Gaps over a whole recording. */
    public List<Artifact> detect(List<Samples> channels) {
        return detect(channels, Double.NEGATIVE_INFINITY).gaps();
    }

    /**
     * Gaps ending at the given samples.
     *
     * @param channels the samples of every channel, of one stretch (a core) following earlier ones
     * @param dataEndMillis end of the data before them, epoch ms (-infinity: none, so no gap
     *     before the first sample)
     */
    public Result detect(List<Samples> channels, double dataEndMillis) {
        List<double[]> runs = new ArrayList<>();
        for (Samples c : channels) {
            addRuns(c, runs);
        }
        runs.sort(Comparator.comparingDouble(r -> r[0]));
        List<Artifact> gaps = new ArrayList<>();
        double end = dataEndMillis;
        for (double[] r : runs) {
            if (Double.isFinite(end) && r[0] - end >= minGapMillis) {
                gaps.add(new Artifact(ArtifactKind.NO_DATA, end, r[0]));
            }
            end = Math.max(end, r[1]);
        }
        return new Result(gaps, end);
    }

    /**
     * The channel's samples as runs {@code [first start, last end)} that no gap of the minimum
     * length interrupts: a gap of every channel must be one of each channel, so only those count.
     */
    private void addRuns(Samples c, List<double[]> runs) {
        double[] t = c.timesMillis();
        double period = c.periodMillis();
        int i = 0;
        while (i < t.length) {
            int j = i;
            while (j + 1 < t.length && t[j + 1] - (t[j] + period) < minGapMillis) {
                j++;
            }
            runs.add(new double[] {t[i], t[j] + period});
            i = j + 1;
        }
    }
}
