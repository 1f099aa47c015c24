package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * Where an anxiety episode begins: the onset of the physiological change, not the first window
 * that is fully above the enter threshold (GitHub issue 8: episodes started a median 55 s after
 * the change, and therapists who answered within half a minute were counted as missing it).
 *
 * <p>The enter threshold is crossed part-way up a rise: every window feature is an average over
 * 30-60 s, so a change reaches it gradually, and a ramp of a minute or two is still climbing when
 * the hold is complete. The rule, once an episode has been entered (the hold complete at the
 * <i>entry window</i>):
 *
 * <ol>
 *   <li><b>Look-back.</b> The windows from the entry window back {@link OnsetRule#lookbackS()}
 *       [180 s], stopping at the end of the previous episode and at a gap in the windows.
 *       Bounded, so a stream can back-date an onset from a buffer of about 40 windows.
 *   <li><b>Rising channels.</b> Each onset feature ({@link OnsetRule#onsetFeatures()} [EDA
 *       level, HR, RMSSD]: the level-like features whose window series are smooth; the SCR rate
 *       is too sparse over 30 s to time a change, fidget and temperature have non-emotional
 *       causes) whose signed z ({@code sign x z}) at the entry window lies at least {@link
 *       OnsetRule#onsetRiseZ()} [1.0] above its lowest value in the look-back. A channel that
 *       was high all along (a drifting level) has no onset here and is left out.
 *   <li><b>Clamped windows.</b> A z held at the clamp ({@code ScoringConfig.zClamp}, 10) says
 *       only that the change is large, not how it goes on; a channel's series is used up to its
 *       first clamped window.
 *   <li><b>Knee per channel.</b> A continuous two-phase regression of the channel's signed z on
 *       the window centre over the look-back, {@code y = a + b0 (c - c0) + b1 max(0, c - tau)^2},
 *       with the knee tau searched on a 1 s grid (at least {@link OnsetRule#minFitWindows()} [4]
 *       windows on each side, b1 &gt; 0), least squares (segmented regression, Hinkley 1971;
 *       Muggeo 2003). The second phase is quadratic, not linear, because a physiological rise
 *       starts smoothly (zero slope at its onset, like a raised cosine or a logistic): a linear
 *       hinge then meets the baseline part-way up the rise, late by about a fifth of the rise
 *       time (+20 to +30 s for 2-minute ramps), and the lateness depends on the unknown rise
 *       time. The free slope before the knee lets a drifting channel have an onset of its own;
 *       using every window of the look-back, not the first window over a level, keeps one
 *       noisy window from moving the onset.
 *   <li><b>Window lead.</b> A window stands at its centre c but sees the signal up to c + L/2
 *       (L the window length, 30 s: EDA level over [c - 15, c + 15], HR and RMSSD over the
 *       trailing 60 s [c - 45, c + 15]), so a window series starts to bend when its leading
 *       edge reaches the change, half a window before its centre does. The channel's onset is
 *       {@code tau + L/2 + latency_f}; {@link OnsetRule#latencyS(Feature)} is the physiological
 *       latency on top [0 s for all: an SCR follows its stimulus by 1-3 s (Boucsein 2012) and
 *       heart rate within a few beats, less than the 5 s hop; the onset asked for is that of the
 *       physiological change].
 *   <li><b>Combine.</b> The median of the rising channels' onsets (one channel off by noise does
 *       not move it), then kept within [the look-back's start, the start of the elevated run
 *       that entered]: the onset is never later than the crossing-based start.
 * </ol>
 *
 * Only one number beyond the window geometry enters (the knee's minimum side, 4 windows = 20 s,
 * the enter hold); nothing is fitted to test data. Windows that carry no feature z (scored
 * elsewhere, only an index) have no channel to fit; the episode then starts at the start of the
 * elevated run, as before this rule.
 *
 * <p>References: Hinkley 1971, <i>Inference in two-phase regression</i>, JASA 66(336); Muggeo
 * 2003, <i>Estimating regression models with unknown break-points</i>, Stat. Med. 22(19);
 * Boucsein 2012, <i>Electrodermal Activity</i> (SCR latency).
 */
public final class EpisodeOnsets {
    private static final double EPS = 1e-6;
    private static final double GRID_S = 1.0;

    private EpisodeOnsets() {}

    /**
     * The onset of the episode entered at {@code ws.get(entryIdx)}.
     *
     * @param ws one wearer's scored windows in time order
     * @param runStartIdx the first window of the elevated run that entered
     * @param entryIdx the window that completed the enter hold
     * @param floorS the onset is not earlier than this (the previous episode's end), seconds
     * @return the onset, seconds from media start
     */
    public static double onset(List<WindowFeatures> ws, int runStartIdx, int entryIdx,
            double floorS, ScoringConfig cfg, OnsetRule rule) {
        double half = cfg.windowHopS() / 2.0;
        double runStartS = EpisodeDetector.centreS(ws.get(runStartIdx), cfg) - half;
        double entryC = EpisodeDetector.centreS(ws.get(entryIdx), cfg);
        int lo = entryIdx;
        while (lo > 0) {
            double c = EpisodeDetector.centreS(ws.get(lo - 1), cfg);
            double next = EpisodeDetector.centreS(ws.get(lo), cfg);
            if (c < entryC - rule.lookbackS() - EPS || c - half < floorS - EPS
                    || next - c > cfg.windowHopS() * 1.5 + EPS) {
                break;
            }
            lo--;
        }
        double lowest = Math.max(floorS, EpisodeDetector.centreS(ws.get(lo), cfg) - half);
        List<Double> onsets = new ArrayList<>();
        for (Feature f : rule.onsetFeatures()) {
            Double knee = knee(ws, lo, entryIdx, f, cfg, rule);
            if (knee != null) {
                onsets.add(knee + cfg.windowLengthS() / 2.0 + rule.latencyS(f));
            }
        }
        if (onsets.isEmpty()) {
            return runStartS;
        }
        double[] o = onsets.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double m = o.length % 2 == 1 ? o[o.length / 2] : (o[o.length / 2 - 1] + o[o.length / 2]) / 2;
        return Math.max(lowest, Math.min(runStartS, m));
    }

    /**
     * The knee (start of the quadratic phase, window-centre time) of feature f over windows
     * lo..entry, or null when f did not rise there.
     */
    static Double knee(List<WindowFeatures> ws, int lo, int entry, Feature f, ScoringConfig cfg,
            OnsetRule rule) {
        Double zEntry = f.z(ws.get(entry));
        if (zEntry == null) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        for (int j = lo; j <= entry; j++) {
            Double z = f.z(ws.get(j));
            if (z != null) {
                double y = f.sign() * z;
                min = Math.min(min, y);
                pts.add(new double[] {EpisodeDetector.centreS(ws.get(j), cfg), y});
                if (y >= cfg.zClamp() - EPS) {
                    break; // the rest of the rise is hidden by the clamp
                }
            }
        }
        int n = pts.size();
        int k = rule.minFitWindows();
        if (n < 2 * k || f.sign() * zEntry - min < rule.onsetRiseZ()) {
            return null;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pts.get(i)[0] - pts.get(0)[0];
            y[i] = pts.get(i)[1];
        }
        double bestSse = Double.POSITIVE_INFINITY;
        Double best = null;
        for (double tau = x[k - 1]; tau <= x[n - k] + EPS; tau += GRID_S) {
            double[] fit = fit(x, y, tau);
            if (fit != null && fit[2] > 0 && fit[3] < bestSse - 1e-12) {
                bestSse = fit[3];
                best = tau;
            }
        }
        return best == null ? null : best + pts.get(0)[0];
    }

    /** Least squares of y on [1, x, max(0, x - tau)^2]: {a, b0, b1, sse}, or null if singular. */
    static double[] fit(double[] x, double[] y, double tau) {
        double[][] a = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double h = Math.max(0, x[i] - tau);
            double[] r = {1, x[i], h * h};
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 3; q++) {
                    a[p][q] += r[p] * r[q];
                }
                a[p][3] += r[p] * y[i];
            }
        }
        double[] b = solve(a);
        if (b == null) {
            return null;
        }
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            double h = Math.max(0, x[i] - tau);
            double e = y[i] - b[0] - b[1] * x[i] - b[2] * h * h;
            sse += e * e;
        }
        return new double[] {b[0], b[1], b[2], sse};
    }

    /** Gaussian elimination with partial pivoting of a 3x3 augmented system. */
    private static double[] solve(double[][] m) {
        double[][] a = new double[3][];
        for (int i = 0; i < 3; i++) {
            a[i] = Arrays.copyOf(m[i], 4);
        }
        for (int c = 0; c < 3; c++) {
            int p = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(a[p][c]) < 1e-9) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < 3; r++) {
                if (r != c) {
                    double g = a[r][c] / a[c][c];
                    for (int q = c; q < 4; q++) {
                        a[r][q] -= g * a[c][q];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }
}
