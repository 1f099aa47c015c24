package org.sessionreview.signal.cardiac;

import java.util.List;

/**
 * Time-domain HRV from inter-beat intervals with gaps (the E4 drops beats it cannot detect, so
 * two consecutive rows of IBI.csv are not always consecutive beats).
 *
 * <p>A used beat {@code i} and the used beat {@code p} before it are <em>adjacent</em> when the
 * time between them equals beat {@code i}'s interval within {@value #ADJACENCY_TOLERANCE} of
 * that interval: {@code |(t[i] - t[p]) - ibi[i]| <= 0.1 ibi[i]}. Successive differences are
 * taken over adjacent pairs only, so a gap never produces a spurious large difference, while a
 * spurious peak that was skipped (its neighbours' interval spans it) does not break a pair.
 *
 * <p>Definitions ({@link #compute}), over the accepted beats whose time lies in the span:
 *
 * <ul>
 *   <li>mean NN = mean interval (ms); mean HR = 60000 / mean NN (bpm);
 *   <li>SDNN = sample standard deviation of the intervals (n - 1, as NeuroKit2);
 *   <li>RMSSD = root mean square of the successive differences of adjacent pairs (ms);
 *   <li>pNN50 = 100 x (adjacent pairs differing by more than 50 ms) / (intervals that belong to
 *       at least one adjacent pair). On an unbroken series of n intervals this is NN50 / n, the
 *       Task Force definition and NeuroKit2's {@code hrv_time}; with gaps it does not count the
 *       isolated intervals that could never form a pair;
 *   <li>coverage = share of the span covered by the accepted intervals, each clipped to the
 *       span (0..1).
 * </ul>
 *
 * <p>NeuroKit2 reports the mean of the interpolated instantaneous rate as "mean HR": see {@link
 * SignalRate#meanRate}.
 *
 * <p>References: Task Force of the ESC and NASPE (1996), Heart rate variability: standards of
 * measurement, physiological interpretation and clinical use, Circulation 93, 1043-1065;
 * Makowski, D. et al. (2021), NeuroKit2: A Python toolbox for neurophysiological signal
 * processing, Behavior Research Methods 53, 1689-1696.
 */
public final class HrvTimeDomain {
    /** Relative tolerance of the adjacency test. */
    public static final double ADJACENCY_TOLERANCE = 0.1;

    /** Successive difference (ms) above which a pair counts in NN50. */
    public static final double NN50_MS = 50.0;

    private HrvTimeDomain() {}

    /**
     * RMSSD and the number of successive differences it averages.
     *
     * @param rmssdMs root mean square of successive differences, milliseconds; NaN when pairs = 0
     * @param pairs adjacent pairs used
     */
    public record Rmssd(double rmssdMs, int pairs) {}

    /**
     * Time-domain statistics of a span; NaN where undefined (no beats, fewer than 2 intervals for
     * SDNN, no adjacent pair for RMSSD and pNN50).
     *
     * @param meanHrBpm 60000 / meanNnMs, beats per minute
     * @param meanNnMs mean accepted interval, milliseconds
     * @param sdnnMs sample standard deviation of the intervals (n - 1), milliseconds
     * @param rmssdMs RMSSD over adjacent pairs, milliseconds
     * @param pnn50Percent pNN50, percent (see class comment)
     * @param beats accepted beats in the span
     * @param pairs adjacent pairs
     * @param coverage share of the span covered by accepted intervals, 0..1
     */
    public record Result(
            double meanHrBpm,
            double meanNnMs,
            double sdnnMs,
            double rmssdMs,
            double pnn50Percent,
            int beats,
            int pairs,
            double coverage) {}

    /** True when beat {@code i} directly follows beat {@code i-1} (see class comment). */
    public static boolean adjacent(double previousBeatS, double beatS, double ibiS) {
        return Math.abs((beatS - previousBeatS) - ibiS) <= ADJACENCY_TOLERANCE * ibiS;
    }

    /**
     * RMSSD over adjacent pairs of used beats.
     *
     * @param beatTimesS beat times, seconds (any origin), increasing
     * @param ibiS intervals ending at those beats, seconds
     * @param use which beats may enter (accepted and inside the window)
     */
    public static Rmssd rmssd(double[] beatTimesS, double[] ibiS, boolean[] use) {
        double sumSq = 0;
        int pairs = 0;
        int previous = -1;
        for (int i = 0; i < ibiS.length; i++) {
            if (!use[i]) {
                continue;
            }
            if (previous >= 0 && adjacent(beatTimesS[previous], beatTimesS[i], ibiS[i])) {
                double d = (ibiS[i] - ibiS[previous]) * 1000.0;
                sumSq += d * d;
                pairs++;
            }
            previous = i;
        }
        return new Rmssd(pairs == 0 ? Double.NaN : Math.sqrt(sumSq / pairs), pairs);
    }

    /**
     * Statistics of the accepted beats whose time lies in {@code [fromMillis, toMillis)}.
     *
     * @param beats in time order (device or BVP beats, as cleaned by {@link IbiCleaner})
     * @param fromMillis span start, same time base as the beats
     * @param toMillis span end (exclusive), > fromMillis
     */
    public static Result compute(List<Beat> beats, double fromMillis, double toMillis) {
        if (!(toMillis > fromMillis)) {
            throw new IllegalArgumentException("empty span " + fromMillis + ".." + toMillis);
        }
        int n = 0;
        double mean = 0;
        double m2 = 0;
        double covered = 0;
        double diffSq = 0;
        int pairs = 0;
        int nn50 = 0;
        int paired = 0;
        Beat previous = null;
        boolean previousPaired = false;
        for (Beat b : beats) {
            if (!b.accepted() || b.tMillis() < fromMillis || b.tMillis() >= toMillis) {
                continue;
            }
            double ibi = b.ibiMs();
            n++;
            double delta = ibi - mean; // Welford's running mean and sum of squares
            mean += delta / n;
            m2 += delta * (ibi - mean);
            covered += b.tMillis() - Math.max(fromMillis, b.startMillis());
            boolean pairsWithPrevious = previous != null && adjacent(previous.tMillis(), b.tMillis(), ibi);
            if (pairsWithPrevious) {
                double d = ibi - previous.ibiMs();
                diffSq += d * d;
                pairs++;
                if (Math.abs(d) > NN50_MS) {
                    nn50++;
                }
                paired += previousPaired ? 1 : 2;
            }
            previousPaired = pairsWithPrevious;
            previous = b;
        }
        double meanNn = n == 0 ? Double.NaN : mean;
        double sdnn = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        double rmssd = pairs == 0 ? Double.NaN : Math.sqrt(diffSq / pairs);
        double pnn50 = pairs == 0 ? Double.NaN : 100.0 * nn50 / paired;
        double coverage = Math.min(1.0, covered / (toMillis - fromMillis));
        return new Result(60000.0 / meanNn, meanNn, sdnn, rmssd, pnn50, n, pairs, coverage);
    }
}
