package org.sessionreview.signal.cardiac;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Accepts or rejects inter-beat intervals (DOMAIN.md 4.0/4.1): an IBI is accepted when it lies
 * in the physiological range and differs from the median of its neighbours by at most a given
 * fraction of that median.
 *
 * <p>Neighbours are the up to {@value #NEIGHBOURS} in-range IBIs on each side of the beat, by
 * position in the series (the beat itself excluded). With fewer than 2 neighbours (an isolated
 * beat between device gaps) the range check alone decides. Defaults in {@code FeatureConfig}:
 * range 0.3-2.0 s, deviation 20 %.
 *
 * <p>References: Task Force of the ESC and NASPE (1996), Heart rate variability: standards of
 * measurement, physiological interpretation and clinical use, Circulation 93, 1043-1065
 * (editing of ectopic and missed beats); Malik et al. (1989), Heart rate variability in relation
 * to prognosis after myocardial infarction: selection of optimal processing techniques, Eur.
 * Heart J. 10, 1060-1074 (20 % rule).
 */
public final class IbiCleaner {
    /** In-range neighbours considered on each side of a beat. */
    public static final int NEIGHBOURS = 5;

    private IbiCleaner() {}

    /**
     * Which IBIs to keep.
     *
     * @param ibiS inter-beat intervals, seconds, in beat order
     * @param minS shortest plausible interval, seconds
     * @param maxS longest plausible interval, seconds
     * @param maxDeviation largest accepted |ibi - median| / median (e.g. 0.2)
     * @return true where the interval is accepted
     */
    public static boolean[] accept(double[] ibiS, double minS, double maxS, double maxDeviation) {
        int n = ibiS.length;
        boolean[] inRange = new boolean[n];
        for (int i = 0; i < n; i++) {
            inRange[i] = ibiS[i] >= minS && ibiS[i] <= maxS;
        }
        boolean[] accepted = new boolean[n];
        double[] neighbours = new double[2 * NEIGHBOURS];
        Median median = new Median();
        for (int i = 0; i < n; i++) {
            if (!inRange[i]) {
                continue;
            }
            int count = 0;
            for (int j = i - 1, taken = 0; j >= 0 && taken < NEIGHBOURS; j--) {
                if (inRange[j]) {
                    neighbours[count++] = ibiS[j];
                    taken++;
                }
            }
            for (int j = i + 1, taken = 0; j < n && taken < NEIGHBOURS; j++) {
                if (inRange[j]) {
                    neighbours[count++] = ibiS[j];
                    taken++;
                }
            }
            if (count < 2) {
                accepted[i] = true;
                continue;
            }
            double m = median.evaluate(neighbours, 0, count);
            accepted[i] = Math.abs(ibiS[i] - m) <= maxDeviation * m;
        }
        return accepted;
    }
}
