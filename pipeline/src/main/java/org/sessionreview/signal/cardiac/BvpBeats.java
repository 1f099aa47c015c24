package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.signal.SelectMedian;

/**
 * Beats from wrist blood-volume pulse (E4 BVP, 64 Hz) with artifact rejection, usable on a
 * stream in segments.
 *
 * <p>NeuroKit2's plain PPG pipeline ({@link PpgClean} + {@link ElgendiPeaks}) takes every
 * detected peak as a beat. On wrist BVP, where motion and poor contact are common, that gives
 * intervals from noise peaks and missed beats (RMSSD of 160-200 ms where the device's own IBIs
 * give 55-64 ms). Here each detected peak is checked before its interval is used:
 *
 * <ol>
 *   <li>clean each unmasked run ({@link PpgClean#cleanMasked}) and find peaks with {@link
 *       ElgendiPeaks}, with the threshold offset taken over a centred {@code offsetWindowS}
 *       (default 8 s) instead of the whole input, so that the result does not depend on how
 *       much signal the caller passes;
 *   <li>optionally refine each peak time by a parabola through the peak and its two neighbours
 *       (default on; 64 Hz alone quantises beat times to 15.6 ms);
 *   <li>wave amplitude = peak minus the lowest cleaned sample since the previous peak (at most
 *       {@code maxIbiS} back); a wave smaller than {@code minRelativeAmplitude} (0.5) x the
 *       median amplitude of the other waves within {@code amplitudeWindowS} (8 s) is {@code
 *       low_amplitude}, one larger than {@code maxRelativeAmplitude} (2.0) x that median is
 *       {@code motion};
 *   <li>the interval runs from the previous peak that was not {@code low_amplitude} (a small
 *       spurious wave between two beats is skipped, not allowed to split the interval); it is
 *       rejected as {@code previous_beat_rejected} when that peak was {@code motion}, as {@code
 *       no_previous_beat} without one in the same unmasked run, and as {@code masked} when either
 *       peak lies within {@code guardS} (3 s) of a masked sample or of the buffer's ends, where
 *       the filter has not settled;
 *   <li>{@link IbiCleaner} then applies the range (0.3-2.0 s) and local-median (20 %) rules.
 * </ol>
 *
 * <p><b>Segments.</b> {@link #detect} analyses the whole buffer but reports only the beats whose
 * peak sample lies in {@code [coreFrom, coreTo)}. Every decision depends on the signal within
 * {@link Config#marginSeconds()} (about 36 s with the defaults) of the beat, so when the caller
 * gives at least that much context before the core and look-ahead after it, consecutive cores
 * report each beat exactly once and as a single call over the whole signal would.
 *
 * <p>References: Elgendi, M. et al. (2013), PLoS ONE 8(10), e76585 (peak detector); Berntson,
 * G. G. et al. (1997), Heart rate variability: origins, methods, and interpretive caveats,
 * Psychophysiology 34, 623-648 (artifact rules); Task Force of the ESC and NASPE (1996),
 * Circulation 93, 1043-1065.
 */
public final class BvpBeats {
    /** Time for the zero-phase band-pass to forget a buffer edge to ~1e-7, seconds. */
    static final double FILTER_SETTLE_S = 12.0;

    private BvpBeats() {}

    /**
     * Detection and rejection parameters.
     *
     * @param peaks peak detector ({@link ElgendiPeaks}); default NeuroKit2's with an 8 s local
     *     offset window
     * @param ibi interval rules; default 0.3-2.0 s, 20 % from the median of 5 neighbours a side
     *     within 8 s
     * @param refinePeaks parabolic sub-sample peak times (default true)
     * @param amplitudeWindowS neighbours for the amplitude median, seconds either side (8)
     * @param minRelativeAmplitude below this x median: {@code low_amplitude} (0.5)
     * @param maxRelativeAmplitude above this x median: {@code motion} (2.0)
     * @param guardS distance from masked samples and buffer ends inside which intervals are
     *     rejected as {@code masked}, seconds (3)
     */
    public record Config(
            ElgendiPeaks.Config peaks,
            IbiCleaner.Config ibi,
            boolean refinePeaks,
            double amplitudeWindowS,
            double minRelativeAmplitude,
            double maxRelativeAmplitude,
            double guardS) {
        /** The defaults listed above. */
        public static final Config DEFAULT = new Config(
                ElgendiPeaks.Config.NEUROKIT2.withOffsetWindowS(8.0),
                new IbiCleaner.Config(0.3, 2.0, 0.2, IbiCleaner.NEIGHBOURS, 8.0),
                true,
                8.0,
                0.5,
                2.0,
                3.0);

        public Config {
            if (peaks == null || ibi == null) {
                throw new IllegalArgumentException("peaks and ibi configs are required");
            }
            if (!(peaks.offsetWindowS() > 0)) {
                throw new IllegalArgumentException("a stream needs a local offset window (> 0 s)");
            }
            if (!(amplitudeWindowS > 0
                    && minRelativeAmplitude >= 0
                    && maxRelativeAmplitude > minRelativeAmplitude
                    && guardS >= 0)) {
                throw new IllegalArgumentException(
                        "need amplitudeWindowS > 0, 0 <= min < max " + "relative amplitude and guardS >= 0");
            }
        }

        /**
         * Context before and look-ahead after a core that make its beats independent of where
         * the buffer starts and ends, seconds.
         */
        public double marginSeconds() {
            return FILTER_SETTLE_S
                    + peaks.offsetWindowS() / 2
                    + peaks.beatWindowS() / 2
                    + amplitudeWindowS
                    + ibi.neighbourWindowS()
                    + 2 * ibi.maxIbiS();
        }
    }

    /**
     * Beats whose peak lies in {@code [coreFrom, coreTo)}.
     *
     * @param bvp samples, NaN where masked (contact loss, rejected lines)
     * @param rateHz sampling rate, Hz (> 16)
     * @param coreFrom first sample of the core
     * @param coreTo end of the core (exclusive)
     * @return beats in time order, timed in ms after sample 0 of {@code bvp} ({@link
     *     Beat#shifted} moves them to epoch time), each accepted or with its reason
     */
    public static List<Beat> detect(double[] bvp, double rateHz, int coreFrom, int coreTo, Config config) {
        if (coreFrom < 0 || coreTo > bvp.length || coreFrom > coreTo) {
            throw new IllegalArgumentException(
                    "core [" + coreFrom + ", " + coreTo + ") outside the buffer of " + bvp.length + " samples");
        }
        int guard = (int) Math.ceil(config.guardS() * rateHz);
        double[] clean = PpgClean.cleanMasked(bvp, rateHz, 2 * guard);
        List<Peak> peaks = findPeaks(clean, rateHz, config, guard);
        checkAmplitudes(peaks, rateHz, config);
        List<Beat> candidates = new ArrayList<>(peaks.size());
        Peak previous = null;
        for (Peak p : peaks) {
            if (previous != null && previous.runStart != p.runStart) {
                previous = null;
            }
            candidates.add(candidate(p, previous));
            if (p.reason != RejectReason.LOW_AMPLITUDE) {
                previous = p;
            }
        }
        List<Beat> cleaned = IbiCleaner.clean(candidates, config.ibi());
        List<Beat> core = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) {
            int index = peaks.get(i).index;
            if (index >= coreFrom && index < coreTo) {
                core.add(cleaned.get(i));
            }
        }
        return core;
    }

    /** A detected peak and what is known about its wave. */
    private static final class Peak {
        final int index;
        final double time;
        final int runStart;
        final boolean nearEdge;
        double amplitude;
        RejectReason reason;

        Peak(int index, double time, int runStart, boolean nearEdge) {
            this.index = index;
            this.time = time;
            this.runStart = runStart;
            this.nearEdge = nearEdge;
        }
    }

    private static List<Peak> findPeaks(double[] clean, double rateHz, Config config, int guard) {
        List<Peak> peaks = new ArrayList<>();
        int maxBack = (int) Math.ceil(config.ibi().maxIbiS() * rateHz);
        int i = 0;
        while (i < clean.length) {
            if (Double.isNaN(clean[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < clean.length && !Double.isNaN(clean[end])) {
                end++;
            }
            int previous = -1;
            // the run in place, as a copy of it would be searched
            for (int local : ElgendiPeaks.find(clean, i, end, rateHz, config.peaks())) {
                int index = i + local;
                boolean nearEdge = index - i < guard || end - 1 - index < guard;
                double time = config.refinePeaks() ? refine(clean, index) : index;
                Peak p = new Peak(index, time * 1000.0 / rateHz, i, nearEdge);
                int from = Math.max(i, Math.max(previous, index - maxBack));
                double trough = clean[index];
                for (int k = from; k < index; k++) {
                    trough = Math.min(trough, clean[k]);
                }
                p.amplitude = clean[index] - trough;
                peaks.add(p);
                previous = index;
            }
            i = end;
        }
        return peaks;
    }

    /** Vertex of the parabola through the peak and its neighbours, in samples. */
    private static double refine(double[] x, int i) {
        if (i == 0 || i == x.length - 1 || Double.isNaN(x[i - 1]) || Double.isNaN(x[i + 1])) {
            return i;
        }
        double curvature = x[i - 1] - 2 * x[i] + x[i + 1];
        if (!(curvature < 0)) {
            return i;
        }
        return i + 0.5 * (x[i - 1] - x[i + 1]) / curvature;
    }

    /**
     * Marks each wave {@code low_amplitude} or {@code motion} by the median amplitude of the
     * other waves within {@code amplitudeWindowS}. The window's amplitudes are kept sorted as it
     * slides (each wave inserted and removed once), and the median of the others is read from it
     * with the wave's own amplitude skipped: the same order statistics, so the same median, as a
     * median of the others gathered for each wave ({@code BvpBeatsAmplitudeTest} compares the two).
     */
    private static void checkAmplitudes(List<Peak> peaks, double rateHz, Config config) {
        double windowMillis = config.amplitudeWindowS() * 1000.0;
        int n = peaks.size();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(peaks.get(i).amplitude) || i > 0 && !(peaks.get(i).time > peaks.get(i - 1).time)) {
                checkAmplitudesByGathering(peaks, config); // overflowing input: keep the general code
                return;
            }
        }
        double[] sorted = new double[n];
        int size = 0;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            Peak p = peaks.get(i);
            // peak times increase and amplitudes are finite (a run holds no NaN), so the others are
            // the waves [lo, hi) but p, as the scan of the whole list found them
            while (hi < n && peaks.get(hi).time <= p.time + windowMillis) {
                size = SortedArrays.insert(sorted, size, peaks.get(hi++).amplitude);
            }
            while (peaks.get(lo).time < p.time - windowMillis) {
                size = SortedArrays.remove(sorted, size, peaks.get(lo++).amplitude);
            }
            int count = size - 1;
            if (count == 0) {
                continue;
            }
            int self = SortedArrays.firstNotBelow(sorted, size, p.amplitude);
            // SelectMedian's definition on the others (rank r of the others is sorted[r] before self, else sorted[r +
            // 1])
            double m;
            double pos = 0.5 * (count + 1);
            double fpos = Math.floor(pos);
            int intPos = (int) fpos;
            if (pos >= count) {
                m = sorted[self == 0 ? 1 : 0]; // a single other wave
            } else {
                double lower = sorted[intPos - 1 < self ? intPos - 1 : intPos];
                double upper = sorted[intPos < self ? intPos : intPos + 1];
                m = lower + (pos - fpos) * (upper - lower);
            }
            if (p.amplitude < config.minRelativeAmplitude() * m) {
                p.reason = RejectReason.LOW_AMPLITUDE;
            } else if (p.amplitude > config.maxRelativeAmplitude() * m) {
                p.reason = RejectReason.MOTION;
            }
        }
    }

    /** {@link #checkAmplitudes} gathering each wave's others and taking their median (any input). */
    private static void checkAmplitudesByGathering(List<Peak> peaks, Config config) {
        double windowMillis = config.amplitudeWindowS() * 1000.0;
        SelectMedian median = new SelectMedian();
        double[] others = new double[peaks.size()];
        int lo = 0;
        for (int i = 0; i < peaks.size(); i++) {
            Peak p = peaks.get(i);
            while (peaks.get(lo).time < p.time - windowMillis) {
                lo++;
            }
            int count = 0;
            for (int j = lo; j < peaks.size() && peaks.get(j).time <= p.time + windowMillis; j++) {
                if (j != i) {
                    others[count++] = peaks.get(j).amplitude;
                }
            }
            if (count == 0) {
                continue;
            }
            double m = median.of(others, 0, count);
            if (p.amplitude < config.minRelativeAmplitude() * m) {
                p.reason = RejectReason.LOW_AMPLITUDE;
            } else if (p.amplitude > config.maxRelativeAmplitude() * m) {
                p.reason = RejectReason.MOTION;
            }
        }
    }

    private static Beat candidate(Peak p, Peak previous) {
        double ibi = previous == null ? Double.NaN : p.time - previous.time;
        Beat beat = Beat.accepted(p.time, ibi, Beat.Source.BVP);
        if (p.reason != null) {
            return beat.reject(p.reason);
        }
        if (p.nearEdge || (previous != null && previous.nearEdge)) {
            return beat.reject(RejectReason.MASKED);
        }
        if (previous == null) {
            return beat.reject(RejectReason.NO_PREVIOUS_BEAT);
        }
        if (previous.reason != null) {
            return beat.reject(RejectReason.PREVIOUS_BEAT_REJECTED);
        }
        return beat;
    }
}
