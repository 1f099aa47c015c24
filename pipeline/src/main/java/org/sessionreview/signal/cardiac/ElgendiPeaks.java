package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Systolic peaks of a cleaned photoplethysmogram by Elgendi et al.'s two-moving-average method,
 * exactly as NeuroKit2's {@code _ppg_findpeaks_elgendi} (0.2.x) with its defaults:
 *
 * <ol>
 *   <li>clip negative samples to 0 and square: {@code s = max(x, 0)^2};
 *   <li>moving averages of {@code s} over {@code rint(0.111 rate)} samples (peak) and {@code
 *       rint(0.667 rate)} samples (beat), centred, edges repeated ({@link Boxcar}, NeuroKit2's
 *       {@code signal_smooth(kernel="boxcar")}; {@code rint} rounds half to even);
 *   <li>threshold = beat average + 0.02 x mean(s) over the whole input;
 *   <li>blocks of interest = runs where the peak average exceeds the threshold; a block spans
 *       from the last sample below to the last sample above (NeuroKit2's indexing) and is kept
 *       when at least {@code rint(0.111 rate)} samples long;
 *   <li>in each block the most prominent local maximum of the cleaned signal is the peak
 *       (scipy's {@code find_peaks}; usually the block maximum, see {@link LocalMaxima});
 *   <li>a peak is kept when more than {@code rint(0.3 rate)} samples after the previous kept
 *       peak; the first must lie that far after sample 0 (NeuroKit2 starts from a dummy peak at
 *       0).
 * </ol>
 *
 * <p>{@link Config#offsetWindowS()} > 0 replaces the whole-input mean in step 3 by a centred
 * moving mean over that many seconds, which makes the result local (needed on a stream, see
 * {@link BvpBeats}); NeuroKit2 compatibility needs 0.
 *
 * <p>References: Elgendi, M., Norton, I., Brearley, M., Abbott, D. and Schuurmans, D. (2013),
 * Systolic peak detection in acceleration photoplethysmograms measured from emergency responders
 * in tropical conditions, PLoS ONE 8(10), e76585; Makowski, D. et al. (2021), NeuroKit2: A
 * Python toolbox for neurophysiological signal processing, Behavior Research Methods 53,
 * 1689-1696.
 */
public final class ElgendiPeaks {
    private ElgendiPeaks() {}

    /**
     * Detector parameters.
     *
     * @param peakWindowS peak moving-average window and shortest block, seconds (0.111)
     * @param beatWindowS beat moving-average window, seconds (0.667)
     * @param beatOffset threshold offset as a fraction of the mean squared signal (0.02)
     * @param minDelayS peaks must be more than this apart, seconds (0.3)
     * @param offsetWindowS 0 = mean over the whole input (NeuroKit2); > 0 = centred moving mean
     *     over this many seconds
     */
    public record Config(
            double peakWindowS, double beatWindowS, double beatOffset, double minDelayS, double offsetWindowS) {
        /** NeuroKit2's defaults: 0.111 s, 0.667 s, 0.02, 0.3 s, whole-input mean. */
        public static final Config NEUROKIT2 = new Config(0.111, 0.667, 0.02, 0.3, 0);

        public Config {
            if (!(peakWindowS > 0 && beatWindowS > 0 && beatOffset >= 0 && minDelayS >= 0 && offsetWindowS >= 0)) {
                throw new IllegalArgumentException("windows must be > 0 and offset, delay, "
                        + "offset window >= 0: " + peakWindowS + ", " + beatWindowS + ", "
                        + beatOffset + ", " + minDelayS + ", " + offsetWindowS);
            }
        }

        /** The same parameters with a local offset mean over {@code seconds}. */
        public Config withOffsetWindowS(double seconds) {
            return new Config(peakWindowS, beatWindowS, beatOffset, minDelayS, seconds);
        }
    }

    /** Peaks with NeuroKit2's defaults ({@link Config#NEUROKIT2}). */
    public static int[] find(double[] cleaned, double rateHz) {
        return find(cleaned, rateHz, Config.NEUROKIT2);
    }

    /**
     * Peak sample indices, increasing.
     *
     * @param cleaned band-passed PPG/BVP ({@link PpgClean}), finite samples
     * @param rateHz sampling rate, Hz
     */
    public static int[] find(double[] cleaned, double rateHz, Config config) {
        return find(cleaned, 0, cleaned.length, rateHz, config);
    }

    /**
     * The peaks of {@code cleaned[from, to)} as {@link #find(double[], double, Config)} finds them
     * in a copy of that range: indices from {@code from}, the same bits. The squared samples go
     * into an array kept per thread ({@link #squaredScratch}), not a new one per call; every
     * element this call reads it has written first.
     */
    public static int[] find(double[] cleaned, int from, int to, double rateHz, Config config) {
        int n = to - from;
        double[] squared = squaredScratch(n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.max(cleaned[from + i], 0);
            squared[i] = v * v;
            sum += squared[i];
        }
        int peakWindow = samples(config.peakWindowS(), rateHz);
        if (n == 0) {
            return new int[0];
        }
        // the three moving averages, each sample's once and in order (the values Boxcar.smooth gives)
        Boxcar.Running maPeak = new Boxcar.Running(squared, n, Math.max(1, peakWindow));
        Boxcar.Running maBeat = new Boxcar.Running(squared, n, Math.max(1, samples(config.beatWindowS(), rateHz)));
        Boxcar.Running offset = config.offsetWindowS() > 0
                ? new Boxcar.Running(squared, n, Math.max(1, samples(config.offsetWindowS(), rateHz)))
                : null;
        double globalMean = sum / n;
        double beatOffset = config.beatOffset();
        int minDelay = samples(config.minDelayS(), rateHz);
        int[] peaks = new int[16];
        int count = 0;
        int last = 0;
        int begin = -1;
        boolean next = above(maPeak, maBeat, offset, globalMean, beatOffset);
        for (int i = 0; i + 1 < n; i++) {
            boolean now = next; // each sample's test once: it is the next of one step and the now of the following
            next = above(maPeak, maBeat, offset, globalMean, beatOffset);
            if (!now && next) {
                begin = i;
            } else if (now && !next && begin >= 0) {
                int end = i;
                if (end - begin >= peakWindow) {
                    // the range's local maxima: mostProminent reads x[from + begin, from + end) only
                    int peak = LocalMaxima.mostProminent(cleaned, from + begin, from + end);
                    peak = peak < 0 ? peak : peak - from;
                    if (peak >= 0 && peak - last > minDelay) {
                        if (count == peaks.length) {
                            peaks = Arrays.copyOf(peaks, 2 * count);
                        }
                        peaks[count++] = peak;
                        last = peak;
                    }
                }
                begin = -1;
            }
        }
        return Arrays.copyOf(peaks, count);
    }

    /** This thread's array for {@code n} squared samples (grown as needed up to {@link #KEPT_MAX}; old contents left). */
    static double[] squaredScratch(int n) {
        if (n > KEPT_MAX) {
            return new double[n]; // a whole long recording: not kept
        }
        double[] a = SQUARED.get();
        if (a.length < n) {
            a = new double[Math.min(KEPT_MAX, Math.max(n, a.length + (a.length >> 1)))];
            SQUARED.set(a);
        }
        return a;
    }

    /**
     * Longest kept array, samples (512 KB): a 60 s pulse-wave core with its margins is about 8,500;
     * longer inputs (a whole recording at once) get an array of their own.
     */
    static final int KEPT_MAX = 1 << 16;

    /**
     * The squared samples of the running call on this thread: not state, nothing in it outlives a
     * call ({@link #find} writes every element it reads, and calls on one thread do not nest).
     */
    private static final ThreadLocal<double[]> SQUARED = ThreadLocal.withInitial(() -> new double[0]);

    /** The threshold test of the next sample: its peak average above its beat average plus the offset. */
    private static boolean above(
            Boxcar.Running maPeak, Boxcar.Running maBeat, Boxcar.Running offset, double globalMean, double beatOffset) {
        double peak = maPeak.next();
        double beat = maBeat.next();
        return peak > beat + beatOffset * (offset == null ? globalMean : offset.next());
    }

    /** Seconds to samples as NeuroKit2 does: {@code int(np.rint(seconds * rate))}. */
    static int samples(double seconds, double rateHz) {
        return (int) Math.rint(seconds * rateHz);
    }

    /**
     * The peaks as beats, every interval accepted (NeuroKit2's {@code hrv_time} does no
     * cleaning); the first peak has no interval and is rejected as {@link
     * RejectReason#NO_PREVIOUS_BEAT}.
     *
     * @return beats timed in ms after sample 0
     */
    public static List<Beat> beats(int[] peaks, double rateHz) {
        List<Beat> beats = new ArrayList<>(peaks.length);
        for (int i = 0; i < peaks.length; i++) {
            double t = peaks[i] * 1000.0 / rateHz;
            if (i == 0) {
                beats.add(Beat.rejected(t, Double.NaN, Beat.Source.BVP, RejectReason.NO_PREVIOUS_BEAT));
            } else {
                beats.add(Beat.accepted(t, (peaks[i] - peaks[i - 1]) * 1000.0 / rateHz, Beat.Source.BVP));
            }
        }
        return beats;
    }
}
