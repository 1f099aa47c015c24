package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
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
 *   <li><b>One knee for all rising channels.</b> For each channel a continuous two-phase
 *       regression of its signed z on the window centre over the look-back, {@code y = a + b0 (c -
 *       c0) + b1 max(0, c - tau)^2} (b1 &gt; 0; the line alone where the best bend would be
 *       downwards), least squares (segmented regression, Hinkley 1971; Muggeo 2003). The knee
 *       tau is shared: it minimises {@code sum_f n_f log SSE_f(tau)}, the profile likelihood of
 *       one change point with each channel's own coefficients and noise variance, searched on a
 *       1 s grid with at least {@link OnsetRule#minFitWindows()} [4] windows of every channel on
 *       each side. A channel whose series bends clearly narrows the knee more than a noisy one;
 *       the earlier rule took the median of per-channel knees, and one channel's noise moved the
 *       onset by up to a minute (24 planted ramps x 16 seeds: 77 of 96 within 15 s, range -56 to
 *       +25 s; shared knee: 84 of 96, range -22 to +21 s). The second phase is quadratic, not
 *       linear, because a physiological rise starts smoothly (zero slope at its onset, like a
 *       raised cosine or a logistic): a linear hinge then meets the baseline part-way up the
 *       rise, late by about a fifth of the rise time. A rise that starts at full slope (linear,
 *       saturating) is then placed early by a median 5-12 s (README, Methods). The free slope
 *       before the knee lets a drifting channel have an onset of its own; using every window of
 *       the look-back, not the first window over a level, keeps one noisy window from moving the
 *       onset.
 *   <li><b>Window lead.</b> A window stands at its centre c but sees the signal up to c + L/2
 *       (L the window length, 30 s: EDA level over [c - 15, c + 15], HR and RMSSD over the
 *       trailing 60 s [c - 45, c + 15]), so a window series starts to bend when its leading
 *       edge reaches the change, half a window before its centre does. The channel's onset is
 *       {@code tau + L/2 + latency_f}; {@link OnsetRule#latencyS(Feature)} is the physiological
 *       latency on top [0 s for all: an SCR follows its stimulus by 1-3 s (Boucsein 2012) and
 *       heart rate within a few beats, less than the 5 s hop; the onset asked for is that of the
 *       physiological change].
 *   <li><b>Bounds.</b> The onset is kept within [the look-back's start, the start of the
 *       elevated run that entered]: never later than the crossing-based start.
 * </ol>
 *
 * Only one number beyond the window geometry enters (the knee's minimum side, 4 windows = 20 s,
 * the enter hold); nothing is fitted to test data. Windows that carry no feature z (scored
 * elsewhere, only an index) have no channel to fit; the episode then starts at the start of the
 * elevated run, as before this rule. Per-channel latencies ({@link OnsetRule#latencyS}) shift
 * that channel's window times before the shared fit.
 *
 * <p>References: Hinkley 1971, <i>Inference in two-phase regression</i>, JASA 66(336); Muggeo
 * 2003, <i>Estimating regression models with unknown break-points</i>, Stat. Med. 22(19);
 * Boucsein 2012, <i>Electrodermal Activity</i> (SCR latency).
 */
public final class EpisodeOnsets {
    private static final double EPS = 1e-6;
    private static final double GRID_S = 1.0;
    /** Floor of a channel's SSE in the profile likelihood (a perfect fit would give log 0). */
    private static final double TINY_SSE = 1e-12;

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
        List<double[][]> series = new ArrayList<>();
        for (Feature f : rule.onsetFeatures()) {
            double[][] xy = risingSeries(ws, lo, entryIdx, f, cfg, rule);
            if (xy != null) {
                series.add(xy);
            }
        }
        Double tau = series.isEmpty() ? null : sharedKnee(series, rule.minFitWindows());
        if (tau == null) {
            return runStartS;
        }
        return Math.max(lowest, Math.min(runStartS, tau + cfg.windowLengthS() / 2.0));
    }

    /**
     * Feature f's points over windows lo..entry, {x = window centre - latency (s), y = signed z},
     * up to its first clamped window; null when f has no z at the entry, did not rise by {@link
     * OnsetRule#onsetRiseZ()} there, or has fewer than twice {@link OnsetRule#minFitWindows()}
     * windows.
     */
    static double[][] risingSeries(List<WindowFeatures> ws, int lo, int entry, Feature f,
            ScoringConfig cfg, OnsetRule rule) {
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
                pts.add(new double[] {EpisodeDetector.centreS(ws.get(j), cfg) - rule.latencyS(f), y});
                if (y >= cfg.zClamp() - EPS) {
                    break; // the rest of the rise is hidden by the clamp
                }
            }
        }
        int n = pts.size();
        if (n < 2 * rule.minFitWindows() || f.sign() * zEntry - min < rule.onsetRiseZ()) {
            return null;
        }
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    /**
     * The knee shared by the channels' series ({x}, {y} pairs, x ascending), on a 1 s grid with
     * at least k points of every series on each side: the tau minimising {@code sum n log SSE};
     * null when no tau leaves k points each side in every series.
     */
    static Double sharedKnee(List<double[][]> series, int k) {
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        for (double[][] xy : series) {
            from = Math.max(from, xy[0][k - 1]);
            to = Math.min(to, xy[0][xy[0].length - k]);
        }
        double best = Double.POSITIVE_INFINITY;
        Double bestTau = null;
        for (double tau = from; tau <= to + EPS; tau += GRID_S) {
            double total = 0;
            for (double[][] xy : series) {
                total += xy[0].length * Math.log(Math.max(kneeSse(xy[0], xy[1], tau), TINY_SSE));
            }
            if (total < best - 1e-12) {
                best = total;
                bestTau = tau;
            }
        }
        return bestTau;
    }

    /**
     * Residual sum of squares of {@code y = a + b0 (x - x0) + b1 max(0, x - tau)^2} with b1 &gt; 0;
     * of the line {@code a + b0 (x - x0)} when the free fit bends downwards (the constrained
     * optimum then lies on b1 = 0).
     */
    static double kneeSse(double[] x, double[] y, double tau) {
        int n = x.length;
        double[] one = new double[n];
        double[] dx = new double[n];
        double[] h2 = new double[n];
        for (int i = 0; i < n; i++) {
            one[i] = 1;
            dx[i] = x[i] - x[0];
            double h = Math.max(0, x[i] - tau);
            h2[i] = h * h;
        }
        double[] quad = leastSquares(y, one, dx, h2);
        if (quad != null && quad[2] > 0) {
            return quad[3];
        }
        double[] line = leastSquares(y, one, dx);
        return line == null ? Double.POSITIVE_INFINITY : line[2];
    }

    /**
     * Least squares of y on the given columns (QR decomposition, Commons Math): the coefficients
     * followed by the residual sum of squares, or null when the columns are rank-deficient.
     */
    static double[] leastSquares(double[] y, double[]... cols) {
        int n = y.length;
        int p = cols.length;
        if (n <= p) {
            return null;
        }
        RealMatrix a = new Array2DRowRealMatrix(n, p);
        for (int j = 0; j < p; j++) {
            a.setColumn(j, cols[j]);
        }
        DecompositionSolver solver = new QRDecomposition(a, 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        double[] b = solver.solve(new ArrayRealVector(y, false)).toArray();
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i];
            for (int j = 0; j < p; j++) {
                e -= b[j] * cols[j][i];
            }
            sse += e * e;
        }
        double[] out = Arrays.copyOf(b, p + 1);
        out[p] = sse;
        return out;
    }
}
