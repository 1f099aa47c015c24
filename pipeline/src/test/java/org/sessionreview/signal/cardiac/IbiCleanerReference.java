package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.signal.SelectMedian;

/**
 * {@link IbiCleaner#clean} and {@link IbiCleaner#accept} as they were before the neighbours'
 * intervals were kept sorted in a sliding window (2026-12-06): each eligible beat's neighbours
 * gathered and their median taken by {@link SelectMedian}. The reference {@code
 * IbiCleanerReferenceTest} compares the cleaner with.
 */
final class IbiCleanerReference {
    private IbiCleanerReference() {}

    static boolean[] accept(double[] ibiS, double minS, double maxS, double maxDeviation) {
        int n = ibiS.length;
        double[] position = new double[n];
        boolean[] inRange = new boolean[n];
        for (int i = 0; i < n; i++) {
            position[i] = i;
            inRange[i] = ibiS[i] >= minS && ibiS[i] <= maxS;
        }
        boolean[] deviates = deviatesFromMedian(
                position, ibiS, inRange, IbiCleaner.NEIGHBOURS, Double.POSITIVE_INFINITY, maxDeviation);
        boolean[] accepted = new boolean[n];
        for (int i = 0; i < n; i++) {
            accepted[i] = inRange[i] && !deviates[i];
        }
        return accepted;
    }

    static List<Beat> clean(List<Beat> beats, IbiCleaner.Config config) {
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

    private static boolean[] deviatesFromMedian(
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
