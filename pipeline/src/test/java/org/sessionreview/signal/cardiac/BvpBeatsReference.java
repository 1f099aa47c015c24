package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.signal.SelectMedian;
import org.sessionreview.signal.filter.Sos;
import org.sessionreview.signal.filter.SosFiltFiltReference;

/**
 * {@link BvpBeats} as it was before the amplitude medians came from a sliding sorted window
 * (commit 26e862c): the median of each wave's others gathered and selected afresh. The reference
 * {@code BvpBeatsAmplitudeTest} and {@code CoreScratchReferenceTest} compare the detector with.
 * Since the peak search and the band-pass wrote into arrays kept per thread (2026-12-06), it
 * also cleans with {@link SosFiltFiltReference} (a new extension, a copy per run, reversed
 * copies) and searches each run's copy with {@link ElgendiPeaksReference}: nothing of the code
 * it is compared with.
 */
final class BvpBeatsReference {
    /** Time for the zero-phase band-pass to forget a buffer edge to ~1e-7, seconds. */
    static final double FILTER_SETTLE_S = BvpBeats.FILTER_SETTLE_S;

    private BvpBeatsReference() {}

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
    static List<Beat> detect(double[] bvp, double rateHz, int coreFrom, int coreTo, BvpBeats.Config config) {
        if (coreFrom < 0 || coreTo > bvp.length || coreFrom > coreTo) {
            throw new IllegalArgumentException(
                    "core [" + coreFrom + ", " + coreTo + ") outside the buffer of " + bvp.length + " samples");
        }
        int guard = (int) Math.ceil(config.guardS() * rateHz);
        double[] clean = cleanMasked(bvp, rateHz, 2 * guard);
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

    /** {@link PpgClean#cleanMasked} with each run copied and filtered by {@link SosFiltFiltReference}. */
    static double[] cleanMasked(double[] ppg, double rateHz, int minRunSamples) {
        Sos sos = PpgClean.filter(rateHz);
        double[] out = new double[ppg.length];
        Arrays.fill(out, Double.NaN);
        int i = 0;
        while (i < ppg.length) {
            if (!Double.isFinite(ppg[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < ppg.length && Double.isFinite(ppg[end])) {
                end++;
            }
            if (end - i > Math.max(minRunSamples, sos.padLength())) {
                double[] run = SosFiltFiltReference.filtFilt(sos, Arrays.copyOfRange(ppg, i, end), sos.padLength());
                System.arraycopy(run, 0, out, i, run.length);
            }
            i = end;
        }
        return out;
    }

    private static List<Peak> findPeaks(double[] clean, double rateHz, BvpBeats.Config config, int guard) {
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
            double[] run = Arrays.copyOfRange(clean, i, end);
            int previous = -1;
            for (int local : ElgendiPeaksReference.find(run, rateHz, config.peaks())) {
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

    private static void checkAmplitudes(List<Peak> peaks, double rateHz, BvpBeats.Config config) {
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
