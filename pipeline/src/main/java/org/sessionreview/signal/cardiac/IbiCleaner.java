package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.signal.SelectMedian;

/**
 * Accepts or rejects inter-beat intervals (DOMAIN.md 4.0/4.1): an IBI is accepted when it lies
 * in the physiological range and differs from the median of its neighbours by at most a given
 * fraction of that median.
 *
 * <p>Neighbours are the up to {@code neighbours} (default {@value #NEIGHBOURS}) <em>eligible</em>
 * intervals on each side of the beat, in beat order, the beat itself excluded. Eligible = in
 * range and not already rejected by an earlier stage (e.g. {@link BvpBeats}' wave-shape checks).
 * {@link #clean} also bounds the neighbours in time ({@code neighbourWindowS}, default 15 s), so
 * that an interval is never judged by beats minutes away across a device gap, and so that a
 * stream needs only a bounded look-ahead. With fewer than 2 neighbours (an isolated beat between
 * device gaps) the range check alone decides. Defaults: range 0.3-2.0 s, deviation 20 %.
 *
 * <p>Works on device IBIs (E4 {@code IBI.csv}, whose rows have gaps where the device dropped
 * beats) and on beats from the pulse wave alike.
 *
 * <p>References: Berntson, G. G. et al. (1997), Heart rate variability: origins, methods, and
 * interpretive caveats, Psychophysiology 34, 623-648 (artifact editing); Task Force of the ESC
 * and NASPE (1996), Heart rate variability: standards of measurement, physiological
 * interpretation and clinical use, Circulation 93, 1043-1065 (editing of ectopic and missed
 * beats); Malik et al. (1989), Heart rate variability in relation to prognosis after myocardial
 * infarction: selection of optimal processing techniques, Eur. Heart J. 10, 1060-1074 (20 %
 * rule).
 */
public final class IbiCleaner {
    /** In-range neighbours considered on each side of a beat. */
    public static final int NEIGHBOURS = 5;

    private IbiCleaner() {}

    /**
     * Cleaning parameters.
     *
     * @param minIbiS shortest plausible interval, seconds (default 0.3, i.e. 200 bpm)
     * @param maxIbiS longest plausible interval, seconds (default 2.0, i.e. 30 bpm)
     * @param maxDeviation largest accepted |ibi - median| / median (default 0.2)
     * @param neighbours eligible neighbours taken on each side (default {@value #NEIGHBOURS})
     * @param neighbourWindowS farthest a neighbour may lie from the beat, seconds (default 15;
     *     {@code Double.POSITIVE_INFINITY} = by position only)
     */
    public record Config(double minIbiS, double maxIbiS, double maxDeviation, int neighbours, double neighbourWindowS) {
        /** 0.3-2.0 s, 20 %, 5 neighbours within 15 s. */
        public static final Config DEFAULT = new Config(0.3, 2.0, 0.2, NEIGHBOURS, 15.0);

        public Config {
            if (!(minIbiS > 0 && maxIbiS > minIbiS)) {
                throw new IllegalArgumentException("need 0 < minIbiS < maxIbiS, got " + minIbiS + ", " + maxIbiS);
            }
            if (!(maxDeviation > 0) || neighbours < 1 || !(neighbourWindowS > 0)) {
                throw new IllegalArgumentException("maxDeviation and neighbourWindowS must be > 0"
                        + " and neighbours >= 1, got " + maxDeviation + ", " + neighbourWindowS
                        + ", " + neighbours);
            }
        }
    }

    /**
     * Which IBIs to keep (neighbours by position only, no time bound).
     *
     * @param ibiS inter-beat intervals, seconds, in beat order
     * @param minS shortest plausible interval, seconds
     * @param maxS longest plausible interval, seconds
     * @param maxDeviation largest accepted |ibi - median| / median (e.g. 0.2)
     * @return true where the interval is accepted
     */
    public static boolean[] accept(double[] ibiS, double minS, double maxS, double maxDeviation) {
        int n = ibiS.length;
        double[] position = new double[n];
        boolean[] inRange = new boolean[n];
        for (int i = 0; i < n; i++) {
            position[i] = i;
            inRange[i] = ibiS[i] >= minS && ibiS[i] <= maxS;
        }
        boolean[] deviates =
                deviatesFromMedian(position, ibiS, inRange, NEIGHBOURS, Double.POSITIVE_INFINITY, maxDeviation);
        boolean[] accepted = new boolean[n];
        for (int i = 0; i < n; i++) {
            accepted[i] = inRange[i] && !deviates[i];
        }
        return accepted;
    }

    /**
     * Device inter-beat intervals as cleaned beats, e.g. from an E4 IBI channel.
     *
     * @param originMillis origin of the offsets, epoch milliseconds
     * @param offsetsS beat times in seconds after the origin, increasing
     * @param ibiS intervals ending at those beats, seconds
     */
    public static List<Beat> fromDevice(double originMillis, double[] offsetsS, double[] ibiS, Config config) {
        if (offsetsS.length != ibiS.length) {
            throw new IllegalArgumentException(
                    "offsets (" + offsetsS.length + ") and intervals (" + ibiS.length + ") differ in length");
        }
        List<Beat> beats = new ArrayList<>(ibiS.length);
        for (int i = 0; i < ibiS.length; i++) {
            beats.add(Beat.accepted(originMillis + offsetsS[i] * 1000.0, ibiS[i] * 1000.0, Beat.Source.DEVICE));
        }
        return clean(beats, config);
    }

    /**
     * Applies the range and local-median rules to the beats that are still accepted; beats
     * already rejected keep their reason and do not serve as neighbours. An accepted beat with an
     * unknown (NaN) interval is rejected as {@link RejectReason#NO_PREVIOUS_BEAT}.
     *
     * @param beats in time order
     * @return a new list, same order and length, with reasons for the rejected beats
     */
    public static List<Beat> clean(List<Beat> beats, Config config) {
        int n = beats.size();
        double[] tS = new double[n];
        double[] ibiS = new double[n];
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) {
            Beat b = beats.get(i);
            tS[i] = b.tMillis() / 1000.0;
            ibiS[i] = b.ibiMs() / 1000.0;
            eligible[i] = b.accepted() && ibiS[i] >= config.minIbiS() && ibiS[i] <= config.maxIbiS();
        }
        boolean[] deviates = deviatesFromMedian(
                tS, ibiS, eligible, config.neighbours(), config.neighbourWindowS(), config.maxDeviation());
        List<Beat> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Beat b = beats.get(i);
            if (!b.accepted()) {
                out.add(b);
            } else if (Double.isNaN(ibiS[i])) {
                out.add(b.reject(RejectReason.NO_PREVIOUS_BEAT));
            } else if (!eligible[i]) {
                out.add(b.reject(RejectReason.OUT_OF_RANGE));
            } else if (deviates[i]) {
                out.add(b.reject(RejectReason.DEVIATES_FROM_LOCAL_MEDIAN));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * For each eligible beat: does it deviate from the median of its eligible neighbours? With
     * finite times in order and a window of at least 0 s, the neighbours of the eligible beats,
     * taken in order, are a window over the eligible beats whose ends only move forward (the
     * {@code perSide} nearest on each side, cut where the time bound first fails, and that bound
     * fails for all beats farther out once it fails for one). Their intervals are kept sorted as
     * the window slides, each inserted and removed once, and the median of the others is read
     * from it with the beat's own interval skipped (found by comparing, not searched for): the same order statistics, so the same median,
     * as gathering and sorting each beat's neighbours ({@link #deviatesByGathering}, kept for any
     * other input; {@code IbiCleanerReferenceTest} compares the two).
     */
    private static boolean[] deviatesFromMedian(
            double[] t, double[] ibi, boolean[] eligible, int perSide, double windowS, double maxDeviation) {
        int n = ibi.length;
        if (perSide < 1 || !(windowS >= 0)) {
            return deviatesByGathering(t, ibi, eligible, perSide, windowS, maxDeviation);
        }
        int[] e = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(t[i]) || i > 0 && !(t[i] >= t[i - 1])) {
                return deviatesByGathering(t, ibi, eligible, perSide, windowS, maxDeviation);
            }
            if (eligible[i]) {
                e[m++] = i; // an eligible interval is in range: finite and positive
            }
        }
        boolean[] deviates = new boolean[n];
        double[] sorted = new double[2 * perSide + 1];
        int size = 0;
        int lo = 0;
        int hi = 0;
        for (int p = 0; p < m; p++) {
            int i = e[p];
            // the window [lo, hi) of eligible beats: p's neighbours and p (those leaving first:
            // they lie before p, where the last window already reached)
            while (lo < p - perSide || !(t[i] - t[e[lo]] <= windowS)) {
                size = SortedArrays.remove(sorted, size, ibi[e[lo++]]);
            }
            while (hi < m && hi <= p + perSide && t[e[hi]] - t[i] <= windowS) {
                size = SortedArrays.insert(sorted, size, ibi[e[hi++]]);
            }
            int count = size - 1;
            if (count < 2) {
                continue;
            }
            // SelectMedian's definition on the others: rank r of the others is sorted[r] when the
            // beat's own interval (the first value not below it) lies after r, i.e. when sorted[r]
            // is below it, else sorted[r + 1]
            double own = ibi[i];
            double pos = 0.5 * (count + 1);
            double fpos = Math.floor(pos);
            int intPos = (int) fpos;
            double lower = sorted[intPos - 1] < own ? sorted[intPos - 1] : sorted[intPos];
            double upper = sorted[intPos] < own ? sorted[intPos] : sorted[intPos + 1];
            double median = lower + (pos - fpos) * (upper - lower);
            deviates[i] = Math.abs(own - median) > maxDeviation * median;
        }
        return deviates;
    }

    /** {@link #deviatesFromMedian} by gathering each eligible beat's neighbours and taking their median (any input). */
    private static boolean[] deviatesByGathering(
            double[] t, double[] ibi, boolean[] eligible, int perSide, double windowS, double maxDeviation) {
        int n = ibi.length;
        boolean[] deviates = new boolean[n];
        double[] neighbours = new double[2 * perSide];
        SelectMedian median = new SelectMedian();
        for (int i = 0; i < n; i++) {
            if (!eligible[i]) {
                continue;
            }
            int count = 0;
            for (int j = i - 1, taken = 0; j >= 0 && taken < perSide && t[i] - t[j] <= windowS; j--) {
                if (eligible[j]) {
                    neighbours[count++] = ibi[j];
                    taken++;
                }
            }
            for (int j = i + 1, taken = 0; j < n && taken < perSide && t[j] - t[i] <= windowS; j++) {
                if (eligible[j]) {
                    neighbours[count++] = ibi[j];
                    taken++;
                }
            }
            if (count >= 2) {
                double m = median.of(neighbours, 0, count);
                deviates[i] = Math.abs(ibi[i] - m) > maxDeviation * m;
            }
        }
        return deviates;
    }
}
