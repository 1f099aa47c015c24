package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds skin conductance responses (SCRs) in the phasic EDA by the trough-to-peak method with an
 * absolute amplitude threshold, usable on a stream (DOMAIN.md 4.0).
 *
 * <p>Turning points are found with a hysteresis {@code h = max(0.1 x minAmplitude, }{@value
 * #MIN_HYSTERESIS_US}{@code  uS)} (0.005 uS at the default 0.05 uS; about four steps of the E4's
 * ~0.0013 uS resolution): a peak is confirmed once the signal has fallen {@code h} below it, a
 * trough once it has risen {@code h} above it, so noise on a rising flank does not split a
 * response. The onset is found by slope, walking back from the steepest step of the rise to the
 * first sample where the signal rose by less than {@value #ONSET_SLOPE_FRACTION} of that step
 * (never before the trough). This keeps a slow drift the response rides on out of its rise time
 * and amplitude: the recovery from a causal high-pass undershoot, or a long, flat, noisy
 * baseline. A response counts when {@code peak - onset >= minAmplitude} and the rise time lies
 * in {@code [minRise, maxRise]} (default 0.5-5 s). Responses must lie within one run of valid
 * samples; a peak not yet confirmed by a fall at the end of the data is not reported.
 *
 * <p>References: Boucsein (2012), <i>Electrodermal Activity</i> (2nd ed.), Springer, ch. 2.3.1
 * (SCR amplitude and rise time conventions); Boucsein et al. (2012), Publication recommendations
 * for electrodermal measurements, Psychophysiology 49, 1017-1034.
 */
public final class ScrDetector {
    /** Smallest turning-point hysteresis, microsiemens. */
    public static final double MIN_HYSTERESIS_US = 0.005;
    /** The onset is where the rise per sample falls below this fraction of the steepest step. */
    public static final double ONSET_SLOPE_FRACTION = 0.1;

    private ScrDetector() {}

    /**
     * One response.
     *
     * @param onsetIndex sample index of the onset (where the rise starts)
     * @param peakIndex sample index of the peak
     * @param amplitudeUs peak minus onset, microsiemens
     * @param riseTimeS peak time minus onset time, seconds
     */
    public record Scr(int onsetIndex, int peakIndex, double amplitudeUs, double riseTimeS) {}

    /**
     * Detects responses.
     *
     * @param phasicUs phasic EDA, microsiemens, uniformly sampled
     * @param valid validity per sample; responses never span an invalid sample
     * @param rateHz sampling rate, Hz
     * @param minAmplitudeUs smallest onset-to-peak amplitude, microsiemens (> 0)
     * @param minRiseS shortest rise time, seconds
     * @param maxRiseS longest rise time, seconds
     * @return the responses in time order
     */
    public static List<Scr> detect(double[] phasicUs, boolean[] valid, double rateHz,
            double minAmplitudeUs, double minRiseS, double maxRiseS) {
        double h = Math.max(0.1 * minAmplitudeUs, MIN_HYSTERESIS_US);
        List<Scr> found = new ArrayList<>();
        int i = 0;
        while (i < phasicUs.length) {
            if (!valid[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < phasicUs.length && valid[end]) {
                end++;
            }
            for (int[] rise : rises(phasicUs, i, end, h)) {
                int onset = onset(phasicUs, rise[0], rise[1]);
                double amplitude = phasicUs[rise[1]] - phasicUs[onset];
                double riseTime = (rise[1] - onset) / rateHz;
                if (amplitude >= minAmplitudeUs && riseTime >= minRiseS && riseTime <= maxRiseS) {
                    found.add(new Scr(onset, rise[1], amplitude, riseTime));
                }
            }
            i = end;
        }
        return found;
    }

    /** Confirmed (trough, peak) pairs in {@code x[from, to)} by hysteresis {@code h}. */
    private static List<int[]> rises(double[] x, int from, int to, double h) {
        List<int[]> pairs = new ArrayList<>();
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
                pairs.add(new int[] {lo, hi});
                lo = i;
                hi = -1;
            }
        }
        return pairs;
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
