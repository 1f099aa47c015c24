package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ScrMethod#ABSOLUTE}: trough-to-peak responses with an absolute threshold, found within
 * each run of valid (non-NaN) samples, so a masked sample always breaks a rise.
 *
 * <p>Turning points come from a hysteresis {@code h = min(minAmplitude, max(0.1 x minAmplitude,
 * }{@value #MIN_HYSTERESIS_US}{@code uS))} (0.005 uS at the default 0.01 uS, about four steps of
 * the E4's ~0.0013 uS resolution): a peak is confirmed once the signal has fallen {@code h} below
 * it, a trough once it has risen {@code h} above it, so noise on a flank does not split a response
 * and a response is final once the fall has been seen. The onset is the foot of the rise: walking
 * back from the steepest step between trough and peak to the first sample whose step into the next
 * is below {@value #ONSET_SLOPE_FRACTION} of the steepest (the trough at the latest). That keeps a
 * slow drift the response rides on (a long noisy baseline, the recovery from an earlier response)
 * out of its amplitude and rise time. A response counts when {@code peak - onset >= minAmplitude}
 * and the rise time lies in {@code [minRise, maxRise]}. Peaks not yet confirmed by a fall at the
 * end of the data are not reported, nor is a rise from the first sample of a run (the signal was
 * already rising when the data began or came back: the E4's start-up ramp from 0 uS in its first
 * second, an electrode regaining contact after a masked stretch), whose foot is unknown.
 *
 * <p>References: Boucsein, W. (2012). <i>Electrodermal Activity</i> (2nd ed.). Springer, ch. 2.3.1;
 * Boucsein, W. et al. (2012). Publication recommendations for electrodermal measurements.
 * Psychophysiology 49, 1017-1034.
 */
final class AbsoluteScrs {
    /** Smallest turning-point hysteresis, microsiemens. */
    static final double MIN_HYSTERESIS_US = 0.005;

    /** The onset is where the rise per sample falls below this fraction of the steepest step. */
    static final double ONSET_SLOPE_FRACTION = 0.1;

    private AbsoluteScrs() {}

    static List<Rise> find(double[] x, double rateHz, double minAmplitudeUs, double minRiseS, double maxRiseS) {
        double h = Math.min(minAmplitudeUs, Math.max(0.1 * minAmplitudeUs, MIN_HYSTERESIS_US));
        List<Rise> found = new ArrayList<>();
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
            List<int[]> turns = turningPoints(x, i, end, h);
            for (int k = 0; k + 1 < turns.size(); k++) {
                int trough = turns.get(k)[0];
                int peak = turns.get(k)[1];
                int onset = onset(x, trough, peak);
                if (onset == i) {
                    // rising from the run's first sample: the foot lies in the gap before it (the
                    // E4's start-up ramp from 0 uS, an electrode regaining contact), not a response
                    continue;
                }
                double amplitude = x[peak] - x[onset];
                double riseS = (peak - onset) / rateHz;
                if (amplitude >= minAmplitudeUs && riseS >= minRiseS && riseS <= maxRiseS) {
                    found.add(new Rise(onset, peak, turns.get(k + 1)[0] + 1));
                }
            }
            i = end;
        }
        return found;
    }

    /**
     * {trough, peak} of each confirmed rise in {@code x[from, to)}, then a last {trough, -1}: the
     * lowest point after the last confirmed peak (where an unconfirmed rise starts), or {@code to -
     * 1} when the signal stays near or above it.
     */
    private static List<int[]> turningPoints(double[] x, int from, int to, double h) {
        List<int[]> turns = new ArrayList<>();
        int lo = from;
        int hi = -1;
        for (int i = from + 1; i < to; i++) {
            double v = x[i];
            if (hi < 0) {
                if (v < x[lo]) {
                    lo = i;
                } else if (v - x[lo] >= h) {
                    hi = i;
                }
            } else if (v > x[hi]) {
                hi = i;
            } else if (x[hi] - v >= h) {
                turns.add(new int[] {lo, hi});
                lo = i;
                hi = -1;
            }
        }
        turns.add(new int[] {hi < 0 ? to - 1 : lo, -1});
        return turns;
    }

    /**
     * Walking back from the steepest step in {@code (trough, peak]}, the first sample whose step
     * into the next one is below {@link #ONSET_SLOPE_FRACTION} of the steepest; the trough at the
     * latest.
     */
    private static int onset(double[] x, int trough, int peak) {
        int steepest = trough + 1;
        for (int j = trough + 1; j <= peak; j++) {
            if (x[j] - x[j - 1] > x[steepest] - x[steepest - 1]) {
                steepest = j;
            }
        }
        double minStep = ONSET_SLOPE_FRACTION * (x[steepest] - x[steepest - 1]);
        int onset = steepest - 1;
        while (onset > trough && x[onset] - x[onset - 1] >= minStep) {
            onset--;
        }
        return onset;
    }
}
