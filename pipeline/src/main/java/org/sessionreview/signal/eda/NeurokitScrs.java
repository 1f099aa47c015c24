package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ScrMethod#NEUROKIT}: NeuroKit2 0.2.9 {@code eda_findpeaks(method="neurokit")} and the
 * onsets of {@code eda_peaks}. {@code signal_findpeaks} takes the local maxima of {@code
 * scipy.signal.find_peaks} (a flat top counts once, at its middle sample, rounded down), keeps
 * those whose {@code scipy.signal.peak_prominences} divided by the largest prominence is at least
 * {@code relativeAmplitudeMin}; the onset is the nearest local minimum ({@code find_peaks(-x)})
 * strictly before the peak.
 *
 * <p>Masked (NaN) samples split the signal into runs that are searched separately (bases and onsets
 * never cross a gap); the largest prominence is taken over all runs. NeuroKit2 has no masking: on a
 * signal without NaN the two agree. Unlike NeuroKit2's {@code SCR_Peaks}, a peak with no local
 * minimum before it in its run (at the very start) is not reported, since it has no onset or
 * amplitude.
 *
 * <p>Reference: Makowski, D. et al. (2021). NeuroKit2, Behavior Research Methods 53, 1689-1696;
 * SciPy {@code scipy.signal.find_peaks}, {@code peak_prominences}.
 */
final class NeurokitScrs {
    private NeurokitScrs() {}

    static List<Rise> find(double[] x, double relativeAmplitudeMin) {
        List<int[]> candidates = new ArrayList<>(); // {peak, runEnd}
        List<Double> prominences = new ArrayList<>();
        List<Integer> onsets = new ArrayList<>();
        double largest = 0;
        int i = 0;
        while (i < x.length) {
            if (Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < x.length && !Double.isNaN(x[end])) {
                end++;
            }
            List<Integer> troughs = localMaxima(x, i, end, -1);
            int t = 0;
            for (int peak : localMaxima(x, i, end, 1)) {
                double prominence = prominence(x, peak, i, end);
                largest = Math.max(largest, prominence);
                candidates.add(new int[] {peak, end});
                prominences.add(prominence);
                while (t < troughs.size() && troughs.get(t) < peak) {
                    t++;
                }
                onsets.add(t > 0 ? troughs.get(t - 1) : -1);
            }
            i = end;
        }
        List<Rise> kept = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (!(prominences.get(k) / largest >= relativeAmplitudeMin) || onsets.get(k) < 0) {
                continue;
            }
            int peak = candidates.get(k)[0];
            kept.add(new Rise(onsets.get(k), peak, candidates.get(k)[1]));
        }
        // the half-recovery search ends at the next kept peak in the same run
        for (int k = 0; k + 1 < kept.size(); k++) {
            Rise r = kept.get(k);
            int next = kept.get(k + 1).peak();
            if (next < r.recoveryLimit()) {
                kept.set(k, new Rise(r.onset(), r.peak(), next));
            }
        }
        return kept;
    }

    /**
     * {@code scipy.signal._peak_finding_utils._local_maxima_1d} on {@code sign * x[from, to)}:
     * samples higher than the one before and, after any run of equal samples, the one after; a flat
     * top is reported at its middle (rounded down). The first and last samples never count.
     */
    static List<Integer> localMaxima(double[] x, int from, int to, int sign) {
        List<Integer> peaks = new ArrayList<>();
        int last = to - 1;
        int i = from + 1;
        while (i < last) {
            if (sign * x[i - 1] < sign * x[i]) {
                int ahead = i + 1;
                while (ahead < last && x[ahead] == x[i]) {
                    ahead++;
                }
                if (sign * x[ahead] < sign * x[i]) {
                    peaks.add((i + ahead - 1) / 2);
                    i = ahead;
                }
            }
            i++;
        }
        return peaks;
    }

    /**
     * {@code scipy.signal.peak_prominences} without a window, within {@code [from, to)}: the peak
     * height above the higher of the lowest points on either side before the signal exceeds it.
     */
    static double prominence(double[] x, int peak, int from, int to) {
        double leftMin = x[peak];
        for (int j = peak; j >= from && x[j] <= x[peak]; j--) {
            leftMin = Math.min(leftMin, x[j]);
        }
        double rightMin = x[peak];
        for (int j = peak; j < to && x[j] <= x[peak]; j++) {
            rightMin = Math.min(rightMin, x[j]);
        }
        return x[peak] - Math.max(leftMin, rightMin);
    }
}
