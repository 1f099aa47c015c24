package org.sessionreview.signal.synchrony;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.SynchronyConfig;

/**
 * Windowed lagged cross-correlation with peak picking (DOMAIN.md 4.3 A; Boker, Xu, Rotondo &amp;
 * King 2002): windows of {@link SynchronyConfig#windowS()} (default 30 s) every {@link
 * SynchronyConfig#stepS()} (5 s), lags up to +-{@link SynchronyConfig#maxLagS()} (5 s) in steps of
 * one sample, r_k = corr(c[t], h[t + k]) inside the window ({@link LaggedCorrelation}), Fisher z
 * clamped to |z| &lt;= 10 (rMEA). <b>k &gt; 0 means the therapist follows the client.</b> Each
 * window yields a {@link SynchronyWindow}: z at lag 0, mean |z| over the lags, the peak lag and its
 * signed z, the mean signed z over client-leading and therapist-leading lags, the leader, and the
 * share of valid samples. A window with fewer than {@link SynchronyConfig#minValidShare()} valid
 * samples is skipped and says so ({@link WindowStatus}).
 *
 * <p>Two entry points: {@link #compute} for a whole session held in memory, and {@link #window}
 * for one window, so that a streaming operator can keep the last {@link #windowSamples} samples of
 * each wearer and call it every {@link #stepSamples} new samples (a window needs no data outside
 * itself).
 *
 * <p>Each window prepares both wearers' samples once ({@link Stretch}: centred, with running sums
 * and sums of squares), so every lag's means and variances are O(1) and only its cross-products
 * are summed ({@link LaggedCorrelation}; a slow reference in test scope checks it). The sums are
 * not carried from one overlapping window to the next: a window's values then depend on its own
 * samples alone, bit for bit, whether the whole session is computed or one streamed window.
 *
 * <p>Window size matters more than the maximum lag and smaller windows separate real from pseudo
 * synchrony better (Behrens, Moulder, Boker &amp; Kret 2020); 15 and 60 s are the alternatives
 * DOMAIN.md offers. A single window's z says nothing about chance: read it against the session's
 * surrogates ({@link SessionSynchronyIndex}).
 *
 * <p>References: Boker, S. M., Xu, M., Rotondo, J. L., &amp; King, K. (2002). Windowed
 * cross-correlation and peak picking for the analysis of variability in the association between
 * behavioral time series. Psychological Methods 7(3), 338-355. Behrens, F., Moulder, R. G., Boker,
 * S. M., &amp; Kret, M. E. (2020). Quantifying physiological synchrony through windowed
 * cross-correlation analysis: statistical and theoretical considerations. bioRxiv. Kleinbub, J. R.,
 * &amp; Ramseyer, F. T. (2020). rMEA: an R package to assess nonverbal synchronization in motion
 * energy analysis time-series. Psychotherapy Research 31(6), 817-830.
 */
public final class WindowedCrossCorrelation {
    private WindowedCrossCorrelation() {}

    /** Window length in samples at {@code rateHz}: {@code round(windowS * rateHz)}. */
    public static int windowSamples(double rateHz, SynchronyConfig cfg) {
        return (int) Math.round(cfg.windowS() * rateHz);
    }

    /** Window step in samples at {@code rateHz}: {@code round(stepS * rateHz)}, at least 1. */
    public static int stepSamples(double rateHz, SynchronyConfig cfg) {
        return Math.max(1, (int) Math.round(cfg.stepS() * rateHz));
    }

    /** Largest lag in samples at {@code rateHz}: {@code round(maxLagS * rateHz)}. */
    public static int maxLagSamples(double rateHz, SynchronyConfig cfg) {
        return (int) Math.round(cfg.maxLagS() * rateHz);
    }

    /**
     * Every full window of the session, starting at sample 0 and moving by {@link #stepSamples};
     * a trailing part shorter than a window is not analysed.
     *
     * @param series both wearers at one rate and start
     * @param cfg window, step, lag, clamp and masking settings
     * @return windows in time order, skipped ones included
     */
    public static List<SynchronyWindow> compute(DyadSeries series, SynchronyConfig cfg) {
        return compute(series, cfg, LaggedCorrelation::zProfile);
    }

    /** As {@link #compute(DyadSeries, SynchronyConfig)}, the z profiles from {@code profiler}. */
    static List<SynchronyWindow> compute(DyadSeries series, SynchronyConfig cfg, LaggedCorrelation.Profiler profiler) {
        int w = windowSamples(series.rateHz(), cfg);
        int step = stepSamples(series.rateHz(), cfg);
        List<SynchronyWindow> out = new ArrayList<>();
        for (int from = 0; from + w <= series.length(); from += step) {
            out.add(window(series, from, cfg, profiler));
        }
        return out;
    }

    /**
     * One window, {@code [fromSample, fromSample + windowSamples)}.
     *
     * @throws IllegalArgumentException when the window does not fit in the series, or the rate is
     *     too low for the configured window and lag
     */
    public static SynchronyWindow window(DyadSeries series, int fromSample, SynchronyConfig cfg) {
        return window(series, fromSample, cfg, LaggedCorrelation::zProfile);
    }

    /** As {@link #window(DyadSeries, int, SynchronyConfig)}, z from {@code profiler}. */
    static SynchronyWindow window(
            DyadSeries series, int fromSample, SynchronyConfig cfg, LaggedCorrelation.Profiler profiler) {
        int w = windowSamples(series.rateHz(), cfg);
        int maxLag = maxLagSamples(series.rateHz(), cfg);
        if (w - maxLag < LaggedCorrelation.MIN_PAIRS) {
            throw new IllegalArgumentException(
                    "rate " + series.rateHz() + " Hz gives too few samples for a " + cfg.windowS() + " s window");
        }
        if (fromSample < 0 || fromSample + w > series.length()) {
            throw new IllegalArgumentException("window [" + fromSample + ", " + (fromSample + w)
                    + ") outside the series of " + series.length() + " samples");
        }
        double startS = series.timeS(fromSample);
        double endS = startS + w / series.rateHz();
        double share = series.validShare(fromSample, w);
        if (share < cfg.minValidShare()) {
            return SynchronyWindow.skipped(startS, endS, WindowStatus.TOO_MANY_MASKED, share);
        }
        double[] z = profiler.zProfile(
                Stretch.of(series.client(), fromSample, w),
                Stretch.of(series.therapist(), fromSample, w),
                maxLag,
                cfg.minValidShare(),
                cfg.zClamp());
        return summarise(z, maxLag, series.rateHz(), startS, endS, share, cfg);
    }

    private static SynchronyWindow summarise(
            double[] z, int maxLag, double rateHz, double startS, double endS, double share, SynchronyConfig cfg) {
        int peak = peakIndex(z, maxLag);
        if (peak < 0) {
            return SynchronyWindow.skipped(startS, endS, WindowStatus.NO_VARIANCE, share);
        }
        int peakLag = peak - maxLag;
        double peakZ = z[peak];
        Leader leader = Leader.NONE;
        if (Math.abs(peakZ) >= cfg.leaderMinPeakZ() && peakLag != 0) {
            leader = peakLag > 0 ? Leader.CLIENT : Leader.THERAPIST;
        }
        return new SynchronyWindow(
                startS,
                endS,
                WindowStatus.OK,
                share,
                z[maxLag],
                meanAbs(z, 0, z.length),
                peakLag / rateHz,
                peakZ,
                mean(z, maxLag + 1, z.length),
                mean(z, 0, maxLag),
                leader);
    }

    /**
     * Index of the largest |z|; lags are visited from 0 outwards (0, +1, -1, +2, ...) and only a
     * strictly larger value replaces the best, so ties go to the lag nearest 0. -1 when none.
     */
    static int peakIndex(double[] z, int maxLag) {
        int best = -1;
        double bestAbs = -1;
        for (int d = 0; d <= maxLag; d++) {
            for (int k : d == 0 ? new int[] {0} : new int[] {d, -d}) {
                double v = Math.abs(z[k + maxLag]);
                if (!Double.isNaN(v) && v > bestAbs) {
                    bestAbs = v;
                    best = k + maxLag;
                }
            }
        }
        return best;
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double meanAbs(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                sum += Math.abs(v[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
