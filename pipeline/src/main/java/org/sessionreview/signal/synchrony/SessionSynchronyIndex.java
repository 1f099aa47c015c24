package org.sessionreview.signal.synchrony;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.sessionreview.config.SynchronyConfig;

/**
 * The session-level synchrony of one signal: SUSY's ES ({@link SusyIndex}), the percentile among
 * segment-shuffled pseudo-sessions ({@link SegmentShuffling}) and the leader share of the windows
 * ({@link WindowedCrossCorrelation}), as one {@link SessionSynchrony}.
 *
 * <p>Deterministic: one {@link Well19937c} seeded with {@link SynchronyConfig#seed()} draws the
 * surrogate pairings (when capped) and then the shuffles, so the same input and configuration
 * give the same result. The whole session must be in memory: a per-session operator calls this
 * once the session ends, with the windows it has already emitted.
 */
public final class SessionSynchronyIndex {
    /** Method sentence written into {@link SessionSynchrony#parameters()}. */
    public static final String METHOD = "Windowed lagged cross-correlation with peak picking"
            + " (Boker et al. 2002); SUSY segment index with surrogate pairings, segment"
            + " cross-correlation as R's ccf"
            + " (Tschacher & Meier 2020); percentile among within-dyad segment shuffles"
            + " (Ramseyer & Tschacher 2011). Fisher z clamped as in rMEA (Kleinbub & Ramseyer"
            + " 2020). Positive lag: the therapist follows the client.";

    private SessionSynchronyIndex() {}

    /** Computes the windows too ({@link WindowedCrossCorrelation#compute}), then the index. */
    public static SessionSynchrony compute(DyadSeries series, SynchronyConfig cfg) {
        return compute(series, WindowedCrossCorrelation.compute(series, cfg), cfg);
    }

    /**
     * As {@link #compute(DyadSeries, SynchronyConfig)}, every window's z profile from {@code
     * profiler} (the segments' SUSY profiles stay {@link SegmentCcf}'s).
     */
    static SessionSynchrony compute(DyadSeries series, SynchronyConfig cfg, LaggedCorrelation.Profiler profiler) {
        return compute(
                series, WindowedCrossCorrelation.compute(series, cfg, profiler), new SegmentPairs(series, cfg), cfg);
    }

    /**
     * The session index from the series and the windows already computed on it.
     *
     * @param series both wearers at one rate and start, the whole session
     * @param windows the session's windows, for the leader share and the window count
     * @param cfg segment, lag, surrogate, shuffle and seed settings
     */
    public static SessionSynchrony compute(DyadSeries series, List<SynchronyWindow> windows, SynchronyConfig cfg) {
        return compute(series, windows, new SegmentPairs(series, cfg), cfg);
    }

    private static SessionSynchrony compute(
            DyadSeries series, List<SynchronyWindow> windows, SegmentPairs pairs, SynchronyConfig cfg) {
        int used = 0;
        int withLeader = 0;
        int clientLed = 0;
        for (SynchronyWindow w : windows) {
            if (w.analysed()) {
                used++;
                withLeader += w.leader() == Leader.NONE ? 0 : 1;
                clientLed += w.leader() == Leader.CLIENT ? 1 : 0;
            }
        }
        double clientShare = withLeader == 0 ? Double.NaN : clientLed / (double) withLeader;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("synchrony.method", METHOD);
        params.put("synchrony.rate_hz", Double.toString(series.rateHz()));
        params.putAll(cfg.parameters());

        int[] usable = pairs.usable();
        double nan = Double.NaN;
        if (usable.length < cfg.minSegments()) {
            return new SessionSynchrony(
                    SessionSynchrony.TOO_FEW_SEGMENTS,
                    nan,
                    nan,
                    nan,
                    nan,
                    nan,
                    nan,
                    nan,
                    0,
                    nan,
                    false,
                    cfg.significancePercentile(),
                    nan,
                    nan,
                    nan,
                    0,
                    clientShare,
                    used,
                    withLeader,
                    usable.length,
                    pairs.count(),
                    params);
        }
        RandomGenerator rng = new Well19937c(cfg.seed());
        SusyIndex.Result susy = SusyIndex.compute(pairs, usable, rng, cfg);
        SegmentShuffling.Result shuffle = SegmentShuffling.compute(pairs, usable, rng, cfg);
        return new SessionSynchrony(
                SessionSynchrony.OK,
                susy.es(),
                susy.esClientLeads(),
                susy.esTherapistLeads(),
                susy.zReal(),
                susy.zPseudo(),
                susy.zPseudoSd(),
                susy.shareOfLagsAbovePseudo(),
                susy.surrogatePairs(),
                shuffle.percentile(),
                shuffle.percentile() > cfg.significancePercentile(),
                cfg.significancePercentile(),
                shuffle.surrogateMean(),
                shuffle.surrogateSd(),
                shuffle.surrogateEs(),
                shuffle.shuffles(),
                clientShare,
                used,
                withLeader,
                usable.length,
                pairs.count(),
                params);
    }
}
