package org.sessionreview.scoring;

import org.sessionreview.config.ScoringConfig;

/**
 * The rise regressor of {@link EpisodeOnsets}: what a window feature shows of a rise that starts
 * at t0 in the signal. The signal rises as {@code (t - t0)^p} after t0 (seconds); a window
 * feature is the mean of the signal over the window's span {@code [e - S, e]}, e its leading edge
 * (window centre + half the window length) and S its span (EDA level: the 30 s window; HR and
 * RMSSD: the trailing {@code cardiac.time_span_s}, 60 s, ending at the window end). So the
 * window series of a rise is
 *
 * <pre>g(e) = [(e - t0)_+^(p+1) - (e - S - t0)_+^(p+1)] / ((p + 1) S)</pre>
 *
 * zero until the leading edge reaches t0, smoothed over S after it. Fitting g instead of the
 * signal's own shape puts the onset t0 in signal time for every channel at once, whatever its
 * span: the knee of a window series lies half a window before the onset for a smooth start and
 * at the span's centre for a full-slope start, and the regressor takes care of both.
 *
 * <p>{@link #EXPONENT} [1.2] describes how the rise starts over the stretch the fit sees (from
 * the onset to the window that entered the episode, typically part-way up the rise): 1 for a
 * rise at full slope from its onset, 2 for one with zero slope (the start of a raised cosine).
 * The value is not fitted per episode: profiling p per episode, or choosing between p = 1 and the
 * quadratic by likelihood, lets baseline wander decide the shape and moves onsets by up to a
 * minute (README, Methods). 1.2 is the exponent at which 96 synthetic episodes of each of four
 * rise shapes (raised cosine, linear, saturating, logistic; {@code EpisodeOnsetChainTest}) give
 * the most onsets within 15 s without fewer raised-cosine onsets within 15 s than the quadratic
 * rule before it; it was chosen on those synthetic episodes, not derived.
 *
 * <p>The exponent trades the saturating rise against the logistic one (without the ramp time,
 * onsets within 15 s of 96
 * per shape, 16 seeds, raised cosine / linear / saturating / logistic): p = 1: 78 / 92 / 83 / 59;
 * 1.1: 80 / 91 / 68 / 67; 1.2: 86 / 86 / 56 / 73; 1.3: 89 / 77 / 42 / 79; 1.5: 84 / 46 / 21 / 82.
 * None of these reaches 87 (90 %) for both. The gap is in the shapes themselves: over a 120 s
 * ramp a saturating rise reaches 5 % of its size 2 s after its onset and a logistic one 26 s
 * after it (2 %: 1 and 17 s; 10 %: 4 and 34 s), so a rule that times the rise it can see places
 * the two some 15-30 s apart before any noise. The alternatives tried for issue 8 did not close
 * it: fitting only the rise up to half (or 70 %) of its size in the look-back, or up to the
 * first window above the enter threshold; a rise that levels off after a free ramp time (kept,
 * {@link #RAMPS_S}, for sudden onsets: on these slow shapes 301 -> 304 of 384, saturating 56 ->
 * 70, logistic 73 -> 63); a free mix of a linear and a quadratic start; weighting each channel's log SSE by its independent
 * windows (hop / span). Those that brought saturating onsets closer moved logistic ones later
 * (the weighting changed little either way).
 */
final class RiseKernel {
    /** Exponent p of the rise's start, dimensionless [1.2]; see the class comment. */
    static final double EXPONENT = 1.2;

    /**
     * The ramp times R the onset fit tries, seconds [0, 5, 10, 20, 40, 80, and infinity]: a rise
     * that reaches its level R after its onset and stays there ({@link #at(double, double,
     * double, double, double)}); 0 is a step, infinity a rise still climbing where the fit ends.
     * A doubling grid from the 5 s hop up to the longest ramp the look-back recovers; see the
     * class comment for why the plateau is modelled.
     */
    static final double[] RAMPS_S = {0, 5, 10, 20, 40, 80, Double.POSITIVE_INFINITY};

    private RiseKernel() {}

    /**
     * The span S a window of feature f averages over, seconds: the trailing {@code
     * cardiac.time_span_s} (default 60 s) for HR and RMSSD, the window length (30 s) for the
     * others.
     */
    static double spanS(Feature f, ScoringConfig cfg) {
        return f == Feature.HR || f == Feature.RMSSD ? cfg.cardiacSpanS() : cfg.windowLengthS();
    }

    /**
     * g(e) of the class comment: the mean over {@code [edge - span, edge]} of {@code (t - t0)_+^p}.
     *
     * @param edgeS the window's leading edge, seconds
     * @param spanS the span S, seconds (&gt; 0)
     * @param t0 the onset, seconds
     * @param p the exponent (&gt; 0)
     */
    static double at(double edgeS, double spanS, double t0, double p) {
        double q = p + 1;
        return (pow(edgeS - t0, q) - pow(edgeS - spanS - t0, q)) / (q * spanS);
    }

    /**
     * The window series of a rise that levels off: the mean over {@code [edge - span, edge]} of
     * {@code min((t - t0)_+ / R, 1)^p}, R the ramp time; for R infinite, {@link #at(double,
     * double, double, double)} (the same shape up to a factor, which the fit's coefficient takes).
     *
     * @param rampS the ramp time R, seconds (&gt;= 0; 0 is a step at t0)
     */
    static double at(double edgeS, double spanS, double t0, double p, double rampS) {
        if (Double.isInfinite(rampS)) {
            return at(edgeS, spanS, t0, p);
        }
        return (integral(edgeS - t0, p, rampS) - integral(edgeS - spanS - t0, p, rampS)) / spanS;
    }

    /** The integral from 0 to u of {@code min(v / r, 1)^p} dv (u, r in seconds). */
    private static double integral(double u, double p, double r) {
        if (u <= 0) {
            return 0;
        }
        if (u >= r) {
            return r / (p + 1) + (u - r);
        }
        return Math.pow(u, p + 1) / ((p + 1) * Math.pow(r, p));
    }

    private static double pow(double d, double q) {
        return d <= 0 ? 0 : Math.pow(d, q);
    }
}
