package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds skin conductance responses (SCRs) in the phasic EDA by the trough-to-peak method with an
 * absolute amplitude threshold, usable on a stream (DOMAIN.md 4.0).
 *
 * <p>Turning points are found with a hysteresis {@code h = 0.1 x minAmplitude} (0.005 uS at the
 * default 0.05 uS): a peak is confirmed once the signal has fallen {@code h} below it, a trough
 * once it has risen {@code h} above it, so dips smaller than {@code h} on a rising flank (noise,
 * the E4's ~0.0013 uS quantisation) do not split a response. The onset is the last sample before
 * the peak that lies within {@code h} of the trough (so a long flat, noisy baseline does not
 * inflate the rise time). A response counts when {@code peak - onset >= minAmplitude} and the
 * rise time lies in {@code [minRise, maxRise]} (default 0.5-5 s). Responses must lie within one
 * run of valid samples; a peak not yet confirmed by a fall at the end of the data is not
 * reported.
 *
 * <p>References: Boucsein (2012), <i>Electrodermal Activity</i> (2nd ed.), Springer, ch. 2.3.1
 * (SCR amplitude and rise time conventions); Boucsein et al. (2012), Publication recommendations
 * for electrodermal measurements, Psychophysiology 49, 1017-1034.
 */
public final class ScrDetector {
    private ScrDetector() {}

    /**
     * One response.
     *
     * @param onsetIndex sample index of the onset (trough)
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
        double h = 0.1 * minAmplitudeUs;
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
                int onset = onset(phasicUs, rise[0], rise[1], h);
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

    /** The last index before {@code peak} whose value is within {@code h} of the trough. */
    private static int onset(double[] x, int trough, int peak, double h) {
        int onset = trough;
        for (int j = trough; j < peak; j++) {
            if (x[j] - x[trough] <= h) {
                onset = j;
            }
        }
        return onset;
    }
}
