package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.OnsetBaseline;
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
 *       [180 s], stopping at the end of the previous episode, at a gap in the windows and at a
 *       window without an index (gross movement, or no channel passing quality: the index
 *       refuses to score it, so an onset placed there would send a supervisor to a movement
 *       bout, as on the Stress-Predict recordings before 2026-12-05).
 *       <b>Across unscored windows</b> ({@link OnsetRule#acrossUnscored()} [true]): where the
 *       look-back stopped at such windows, it is tried again past them (other stops kept), the
 *       fit below using the scored windows and, in the unscored ones, the EDA level alone
 *       ({@link OnsetLookBack#measuredThroughMovement}: skin conductance is measured through
 *       wrist motion, the pulse wave is not, and exertion raises heart rate within seconds).
 *       That onset is kept when it lies at least one hop before the leading edge of the last
 *       scored window before the unscored stretch nearest the entry (the rise shows in scored
 *       windows before the movement), or when it lies before the cell of the first scored window
 *       after that stretch and the EDA level is one of its rising channels with a z in the
 *       unscored windows (the movement stretch is measured, so an onset inside it is timed by a
 *       channel, not by where the scored windows resume). Otherwise the onset stays after the
 *       movement, from the scored windows after it as before: an onset after a measured stretch
 *       is not moved by it. Clients gesture while they talk, and a burst of gestures as an
 *       arousal begins hid its onset: on the second independent cohort (2026-12-06, {@code
 *       validation/second-cohort}) the scored windows alone moved 13 of 89 found onsets, 11
 *       towards the planted onset (dense gestures: median +27.5 s, 4/9 within 15 s, before;
 *       -0.9 s, 5/9 after) and 2 away from it (to -77 s, where the EDA level rose during the
 *       gestures a minute before the planted episode, and to -56 s); the EDA level through the
 *       movement (2026-12-06 night) moved 14 of 110, main set client 43/52 -> 46/52 within 15 s
 *       (gesture at the onset +36.3, +55.0 -> +3.8, +6.5 s), follow-up 32/37 -> 35/37, one onset
 *       out of 15 s (-8.5 -> -18.5 s); the first independent cohort unchanged (no onset moved).
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
 *   <li><b>The window series of a rise.</b> A window stands at its centre c but averages the
 *       signal over its span ending at its leading edge e = c + L/2 (L the window length, 30 s:
 *       EDA level over [c - 15, c + 15], HR and RMSSD over the trailing 60 s [c - 45, c + 15]).
 *       A rise of the signal from t0, {@code (t - t0)_+^p}, shows in the series as its window
 *       average g(e; t0) ({@link RiseKernel}): zero until the leading edge reaches t0, then
 *       smoothed over the span. Each channel gets a continuous two-phase regression of its signed
 *       z on the leading edge, {@code y = a + b0 (e - e0) + b1 g(e; t0)} (b1 &gt; 0; the line
 *       alone where the best rise would be downwards), least squares (segmented regression,
 *       Hinkley 1971; Muggeo 2003). Since g is in signal time, t0 is the onset itself for every
 *       channel and span (latency aside); the quadratic knee on window centres used before
 *       (onset = knee + L/2) placed a rise at full slope from its onset early (linear rises:
 *       median -8.5 s; saturating: -12 s).
 *   <li><b>One onset for all rising channels.</b> t0 is shared: it minimises {@code sum_f n_f
 *       log SSE_f(t0)}, the profile likelihood of one change point with each channel's own
 *       coefficients and noise variance, searched on a 1 s grid with at least {@link
 *       OnsetRule#minFitWindows()} [4] windows of every channel with their leading edge on each
 *       side. A channel whose series bends clearly narrows the onset more than a noisy one (the
 *       median of per-channel knees used before let one noisy channel move the onset by up to a
 *       minute). The free slope before the onset lets a drifting channel have an onset of its
 *       own; using every window of the look-back keeps one noisy window from moving the onset.
 *   <li><b>The level before the onset.</b> With {@link OnsetRule#baseline()} {@code
 *       LINE_OR_WALK} [default] or {@code LINE_OR_WANDER}, each channel, at each candidate (t0,
 *       R), counts with whichever of two models of its resting level leaves the smaller residual
 *       variance per value: the line above with independent noise, or a level that wanders as a
 *       random walk (the same rise fitted to the increments between consecutive windows: {@code
 *       dy = b1 dg} without a drift, the default, below; {@code dy = b0 dx + b1 dg} with drift
 *       b0; {@link RiseFit}). The comparison is by residual variance per value,
 *       a Gaussian likelihood per value, not a strict likelihood-ratio choice (the walk,
 *       conditioned on the first window, fits one value fewer and, without a drift, two
 *       parameters fewer, one with it, and counts with the line's n; a window missing from one
 *       channel makes one longer increment, taken with the same noise). The variances per value
 *       ({@code SSE / n} of the line after 3 coefficients, {@code SSE / (n - 1)} of the walk
 *       after 1, 2 with a drift) are not corrected for degrees of freedom, a stated property: the
 *       choice leans towards the line by a factor {@code n (n - 2) / ((n - 1) (n - 3))} in
 *       residual variance, about 2/n in its log (7 % at 30 windows, 6 % at the 37 of a full
 *       look-back, 37 % at the fewest a channel may have, 8), with a drift {@code n / (n - 1)}.
 *       A resting level wanders over minutes (tonic EDA by 0.1-0.3 uS, heart rate by a few bpm) and a 30-60 s
 *       window average turns that into a smooth series the line cannot follow; it then bent
 *       the fit at the wander instead of at the onset (an independent cohort: onsets up to 88 s
 *       early, 30/46 within 15 s; with the random walk 37/46). In increments a wander is noise
 *       around the drift, and the sharp change of the onset stands out. {@code LINE} is the rule
 *       before 2026-12-06. <b>Without a drift</b> ({@code LINE_OR_WALK} [default], 2026-12-06
 *       evening): the walk's increments have mean zero, so a persistent trend is the line's (its
 *       slope) and a wander the walk's. With a drift ({@code LINE_OR_WANDER}) the walk estimated
 *       the drift from the look-back's increments, which under a wandering level its last
 *       excursion dominates (a minute of falling or rising before the onset), and the rise was
 *       bent to undo that trend, mostly by starting early: rises of 3 wander SDs over 5-45 s, 120
 *       series ({@code EpisodeOnsetsTest}), 87 within 15 s and 31 more than 15 s early with the
 *       drift, 103 and 17 without.
 *   <li><b>Exponent.</b> p = {@link RiseKernel#EXPONENT} [1.2], between a rise at full slope
 *       (1) and one with zero slope at its onset (2), fixed, not fitted per episode (see {@link
 *       RiseKernel} for why and how it was chosen).
 *   <li><b>Ramp time.</b> The rise may level off R after its onset ({@link RiseKernel#RAMPS_S}:
 *       a step, 5-80 s on a doubling grid, or still climbing where the fit ends), one R for all
 *       channels, chosen with t0 by the same likelihood. Without it a sudden change (its level
 *       reached within 2-20 s: a straight climb over the span in the window series, then a
 *       level) was read as a slow start and placed a median 15 s early.
 *   <li><b>Latency.</b> {@link OnsetRule#latencyS(Feature)} is a physiological latency per
 *       channel [0 s for all: an SCR follows its stimulus by 1-3 s (Boucsein 2012) and heart
 *       rate within a few beats, less than the 5 s hop]; it shifts that channel's leading edges
 *       before the shared fit.
 *   <li><b>Bounds.</b> The onset is kept within [the look-back's start, the start of the
 *       elevated run that entered]: never later than the crossing-based start.
 * </ol>
 *
 * Beyond the window geometry, the knee's minimum side (4 windows = 20 s, the enter hold) and the
 * exponent enter. Windows that carry no feature z (scored elsewhere, only an index) have no
 * channel to fit; the episode then starts at the start of the elevated run, as before this rule.
 * Synthetic figures (24 ramps of 30-120 s x 16 seeds per rise shape, {@code
 * EpisodeOnsetChainTest}): raised cosine 87/96 within 15 s (median +5 s), linear 90/96 (-6 s),
 * saturating 80/96 (-6 s), logistic 56/96 (+11 s); sudden onsets (level within 2-20 s) raised
 * cosine 94/96 (-1.8 s), saturating 95/96 (-4 s); seeds 1-8 / 9-16 ({@code -Donset.seedFrom}):
 * raised cosine 45/48 / 42/48, linear 43/48 / 47/48, saturating 41/48 / 39/48, logistic 30/48 /
 * 26/48 (the walk with drift, before 2026-12-06 evening: 84, 87, 73, 60; sudden 96, 95; the line
 * alone, before 2026-12-06: 84, 87, 70, 63; sudden 90, 88). The exponent was chosen on all 16
 * seeds, so neither range is held out for it. A saturating rise is placed early and a logistic
 * one late by any fixed start shape: what moves one towards its onset moves the other away (see
 * {@link RiseKernel}).
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
    public static double onset(
            List<WindowFeatures> ws, int runStartIdx, int entryIdx, double floorS, ScoringConfig cfg, OnsetRule rule) {
        double half = cfg.windowHopS() / 2.0;
        double runStartS = EpisodeDetector.centreS(ws.get(runStartIdx), cfg) - half;
        int lo = OnsetLookBack.start(ws, entryIdx, floorS, cfg, rule, false);
        Double t0 = fit(ws, lo, entryIdx, cfg, rule);
        int across = rule.acrossUnscored() ? OnsetLookBack.start(ws, entryIdx, floorS, cfg, rule, true) : lo;
        if (across < lo) {
            // the look-back met windows the index refused (gross movement): fit across them with the
            // scored windows and the EDA level measured through the movement; keep that onset where
            // the rise shows before them, or where it lies inside them timed by the EDA level there
            Double t0Across = fit(ws, across, entryIdx, cfg, rule);
            int before = lo - 1;
            while (before >= across && ws.get(before).anxietyIndex == null) {
                before--;
            }
            double lastEdge = before < across
                    ? Double.NEGATIVE_INFINITY
                    : EpisodeDetector.centreS(ws.get(before), cfg) + cfg.windowLengthS() / 2.0;
            double afterS = EpisodeDetector.centreS(ws.get(lo), cfg) - half; // first scored cell after
            if (t0Across != null
                    && (t0Across <= lastEdge - cfg.windowHopS() + EPS
                            || (t0Across < afterS - EPS
                                    && OnsetLookBack.edaThroughMovement(
                                            ws, across, entryIdx, before + 1, lo - 1, cfg, rule)))) {
                lo = across;
                t0 = t0Across;
            }
        }
        if (t0 == null) {
            return runStartS;
        }
        double lowest = Math.max(floorS, EpisodeDetector.centreS(ws.get(lo), cfg) - half);
        return Math.max(lowest, Math.min(runStartS, t0));
    }

    /** The shared onset of the rising channels over the scored windows lo..entry; null when none rose. */
    private static Double fit(List<WindowFeatures> ws, int lo, int entryIdx, ScoringConfig cfg, OnsetRule rule) {
        List<double[][]> series = new ArrayList<>();
        List<Double> spans = new ArrayList<>();
        for (Feature f : rule.onsetFeatures()) {
            double[][] xy = OnsetLookBack.risingSeries(ws, lo, entryIdx, f, cfg, rule);
            if (xy != null) {
                series.add(xy);
                spans.add(RiseKernel.spanS(f, cfg));
            }
        }
        return series.isEmpty()
                ? null
                : sharedOnset(
                        series, spans, rule.minFitWindows(), RiseKernel.EXPONENT, RiseKernel.RAMPS_S, rule.baseline());
    }

    /**
     * The onset shared by the channels' series ({x = leading edge}, {y} pairs, x ascending; span
     * S of each channel's windows, seconds), on a 1 s grid with at least k points of every series
     * on each side: the t0 minimising {@code sum n log SSE} of {@link #riseSse}; null when no t0
     * leaves k points each side in every series.
     */
    static Double sharedOnset(List<double[][]> series, List<Double> spans, int k, double p) {
        return sharedOnset(series, spans, k, p, new double[] {Double.POSITIVE_INFINITY});
    }

    /**
     * As {@link #sharedOnset(List, List, int, double)}, the rise levelling off after a ramp time R
     * shared by the channels and chosen with t0 from {@code rampsS} (seconds, infinity for a rise
     * that does not level off; {@link RiseKernel#at(double, double, double, double, double)}):
     * the (t0, R) minimising {@code sum n log SSE}, the earliest t0 and then the first R of the
     * list on a tie.
     */
    static Double sharedOnset(List<double[][]> series, List<Double> spans, int k, double p, double[] rampsS) {
        return sharedOnset(series, spans, k, p, rampsS, OnsetBaseline.LINE);
    }

    /**
     * As {@link #sharedOnset(List, List, int, double, double[])}, each channel's level before the
     * onset taken as {@code baseline} says: with {@link OnsetBaseline#LINE_OR_WALK} or {@link
     * OnsetBaseline#LINE_OR_WANDER}, a channel contributes {@code n log} of the smaller residual
     * variance per value of the line fit ({@code SSE / n}) and of the random walk's ({@code SSE /
     * (n - 1)} of the increments, without or with a drift): a Gaussian
     * likelihood per value, weighted by the line's n for both (not a strict likelihood ratio; see
     * the class comment).
     */
    static Double sharedOnset(
            List<double[][]> series, List<Double> spans, int k, double p, double[] rampsS, OnsetBaseline baseline) {
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        for (double[][] xy : series) {
            from = Math.max(from, xy[0][k - 1]);
            to = Math.min(to, xy[0][xy[0].length - k]);
        }
        boolean wander = baseline != OnsetBaseline.LINE;
        RiseFit[] fits = new RiseFit[series.size()];
        RiseFit[] walks = new RiseFit[series.size()];
        for (int s = 0; s < fits.length; s++) {
            fits[s] = new RiseFit(series.get(s)[0], series.get(s)[1], false);
            walks[s] = wander
                    ? new RiseFit(series.get(s)[0], series.get(s)[1], true, baseline == OnsetBaseline.LINE_OR_WANDER)
                    : null;
        }
        double best = Double.POSITIVE_INFINITY;
        Double bestT0 = null;
        for (double t0 = from; t0 <= to + EPS; t0 += GRID_S) {
            for (double ramp : rampsS) {
                double total = 0;
                for (int s = 0; s < fits.length; s++) {
                    double sse = fits[s].sse(t0, spans.get(s), p, ramp);
                    double perValue = Math.log(Math.max(sse, TINY_SSE) / fits[s].n());
                    if (walks[s] != null) {
                        double walk = walks[s].sse(t0, spans.get(s), p, ramp);
                        perValue = Math.min(perValue, Math.log(Math.max(walk, TINY_SSE) / walks[s].n()));
                    }
                    total += fits[s].n() * perValue;
                }
                if (total < best - 1e-12) {
                    best = total;
                    bestT0 = t0;
                }
            }
        }
        return bestT0;
    }

    /**
     * Residual sum of squares of {@code y = a + b0 (x - x0) + b1 g(x; t0)} with b1 &gt; 0, g the
     * window average over span S of {@code (t - t0)_+^p} ({@link RiseKernel#at}), levelling off
     * after rampS; of the line {@code a + b0 (x - x0)} when the free fit bends downwards (the
     * constrained optimum then lies on b1 = 0). See {@link RiseFit}.
     */
    static double riseSse(double[] x, double[] y, double t0, double spanS, double p, double rampS) {
        return new RiseFit(x, y).sse(t0, spanS, p, rampS);
    }

    /** As {@link #riseSse(double[], double[], double, double, double, double)} for a rise still climbing. */
    static double riseSse(double[] x, double[] y, double t0, double spanS, double p) {
        return riseSse(x, y, t0, spanS, p, Double.POSITIVE_INFINITY);
    }
}
