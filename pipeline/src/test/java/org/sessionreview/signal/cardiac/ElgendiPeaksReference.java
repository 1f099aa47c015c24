package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ElgendiPeaks#find} as it was before each sample's threshold test was made once (commit
 * 3b381ed): every test made twice, peaks boxed in a list. The reference {@code
 * ElgendiPeaksReferenceTest} compares the detector with.
 */
final class ElgendiPeaksReference {
    private ElgendiPeaksReference() {}

    static int[] find(double[] cleaned, double rateHz, ElgendiPeaks.Config config) {
        int n = cleaned.length;
        double[] squared = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.max(cleaned[i], 0);
            squared[i] = v * v;
            sum += squared[i];
        }
        int peakWindow = ElgendiPeaks.samples(config.peakWindowS(), rateHz);
        double[] maPeak = Boxcar.smooth(squared, Math.max(1, peakWindow));
        double[] maBeat = Boxcar.smooth(squared, Math.max(1, ElgendiPeaks.samples(config.beatWindowS(), rateHz)));
        double[] offset = config.offsetWindowS() > 0
                ? Boxcar.smooth(squared, Math.max(1, ElgendiPeaks.samples(config.offsetWindowS(), rateHz)))
                : null;
        double globalMean = sum / n;
        int minDelay = ElgendiPeaks.samples(config.minDelayS(), rateHz);
        List<Integer> peaks = new ArrayList<>();
        int last = 0;
        int begin = -1;
        for (int i = 0; i + 1 < n; i++) {
            boolean now = above(maPeak, maBeat, offset, globalMean, config.beatOffset(), i);
            boolean next = above(maPeak, maBeat, offset, globalMean, config.beatOffset(), i + 1);
            if (!now && next) {
                begin = i;
            } else if (now && !next && begin >= 0) {
                int end = i;
                if (end - begin >= peakWindow) {
                    int peak = LocalMaxima.mostProminent(cleaned, begin, end);
                    if (peak >= 0 && peak - last > minDelay) {
                        peaks.add(peak);
                        last = peak;
                    }
                }
                begin = -1;
            }
        }
        return peaks.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean above(
            double[] maPeak, double[] maBeat, double[] offset, double globalMean, double beatOffset, int i) {
        return maPeak[i] > maBeat[i] + beatOffset * (offset == null ? globalMean : offset[i]);
    }
}
