package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.sessionreview.config.OnsetBaseline;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;

/**
 * Parameters of the episode onset and channel-concordance rules of {@link EpisodeDetector} (see
 * {@link EpisodeOnsets} and {@link Concordance} for the methods). {@link #of(ScoringConfig)}
 * builds it from the declared options ({@code scoring.episode.onset_*}, {@code
 * scoring.episode.concordance_*}); the bracketed values below are their defaults.
 *
 * @param lookbackS how far before the window that confirmed the entry the onset may lie,
 *     seconds [180]: the longest ramp the rule recovers (120 s) plus the 60 s of the longest
 *     trailing feature span. Bounded, so a live mode can hold that many windows and back-date.
 * @param onsetRiseZ a channel takes part in the onset estimate when its signed z at the entry
 *     window exceeds its lowest value in the look-back by at least this, z units [1.0]; a
 *     channel that sat high all along (a drifting or clamped level) says nothing about when
 *     this rise began
 * @param minFitWindows fewest windows whose leading edge lies before the onset, and after it,
 *     in the segmented fit [4]:
 *     the enter hold (4 windows, 20 s), so that neither phase rests on fewer windows than an
 *     episode needs to be entered
 * @param onsetFeatures the features whose rises time the onset [EDA level, HR, RMSSD]; see
 *     {@link EpisodeOnsets} for why these
 * @param latencyS per onset feature, the physiological latency added after the window lead,
 *     seconds [0 for all]; see {@link #DEFAULT_LATENCY_S}
 * @param baseline the level before the onset in each channel's fit [LINE_OR_WALK]: per channel a
 *     line with independent noise or a random walk without drift, whichever leaves the smaller
 *     residual variance per value ({@code LINE_OR_WANDER}: the walk with drift; {@code LINE}: the
 *     line alone; {@link OnsetBaseline}, {@link EpisodeOnsets})
 * @param acrossUnscored whether the look-back goes on past windows without an index (gross
 *     movement), the fit using the scored windows and the EDA level measured through the
 *     movement, its onset kept where the rise shows in scored windows before them or the EDA level
 *     through them times it [true] ({@link EpisodeOnsets}, {@link OnsetLookBack})
 * @param concordanceEnterZ a window may enter an episode only when the index without its
 *     strongest contribution (the support, {@link Concordance#support}) reaches this, z units
 *     [1.0]
 * @param concordanceStayZ inside an episode, a window whose support falls below this counts as
 *     low time, like an index below the leave threshold, z units [0.5]
 *     <p>The shifted-level form of the entry test ({@code scoring.episode.level_shift_s} [360 s],
 *     {@code scoring.episode.concordance_shift_z} [2.0]) is not held here: {@link EpisodeDetector}
 *     reads it from the {@link ScoringConfig} and applies it through {@link
 *     Concordance#levelShift}.
 */
public record OnsetRule(
        double lookbackS,
        double onsetRiseZ,
        int minFitWindows,
        Set<Feature> onsetFeatures,
        Map<Feature, Double> latencyS,
        OnsetBaseline baseline,
        boolean acrossUnscored,
        double concordanceEnterZ,
        double concordanceStayZ)
        implements Serializable {

    /** Default onset features: EDA level, HR, RMSSD. */
    public static final Set<Feature> DEFAULT_ONSET_FEATURES =
            Collections.unmodifiableSet(EnumSet.of(Feature.SCL, Feature.HR, Feature.RMSSD));

    /**
     * Default physiological latency per onset feature, seconds: 0 for EDA level, HR and RMSSD.
     * The onset of {@link EpisodeOnsets} is that of the physiological change itself, and the
     * window geometry (leading edge, span) is already modelled ({@link RiseKernel}); what a
     * channel adds on top is
     * its response latency to the change, 1-3 s for a skin conductance response (Boucsein 2012)
     * and a few beats for heart rate, less than the 5 s hop. A positive value moves that
     * channel's onset later.
     */
    public static final Map<Feature, Double> DEFAULT_LATENCY_S = map(0.0, 0.0, 0.0);

    /** The project defaults (see the component comments). */
    public OnsetRule {
        onsetFeatures = onsetFeatures.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(onsetFeatures));
        latencyS = copy(latencyS);
        java.util.Objects.requireNonNull(baseline, "onset rule: baseline");
        if (!(lookbackS >= 0) || !(onsetRiseZ > 0) || minFitWindows < 2) {
            throw new IllegalArgumentException(
                    "onset rule: lookbackS >= 0, onsetRiseZ > 0," + " minFitWindows >= 2 required");
        }
        if (!(concordanceEnterZ >= concordanceStayZ)) {
            throw new IllegalArgumentException("onset rule: concordanceEnterZ must be >=" + " concordanceStayZ");
        }
    }

    /** The latency of {@code f}, seconds (0 when not set). */
    /**
     * The rule as configured: look-back, rise, fit and concordance from {@link ScoringOptions};
     * the onset channels (SCL, HR, RMSSD) and their latencies (0 s: an SCR follows its stimulus by
     * 1-3 s and the heart rate within a few beats, both under the 5 s hop) are part of the method.
     */
    public static OnsetRule of(ScoringConfig cfg) {
        return new OnsetRule(
                cfg.get(ScoringOptions.ONSET_LOOKBACK_S),
                cfg.get(ScoringOptions.ONSET_RISE_Z),
                cfg.get(ScoringOptions.ONSET_MIN_FIT_WINDOWS),
                DEFAULT_ONSET_FEATURES,
                DEFAULT_LATENCY_S,
                cfg.get(ScoringOptions.ONSET_BASELINE),
                cfg.get(ScoringOptions.ONSET_ACROSS_UNSCORED),
                cfg.get(ScoringOptions.CONCORDANCE_ENTER_Z),
                cfg.get(ScoringOptions.CONCORDANCE_STAY_Z));
    }

    public double latencyS(Feature f) {
        return latencyS.getOrDefault(f, 0.0);
    }

    /** A copy with other concordance levels (use {@code Double.NEGATIVE_INFINITY} to turn it off). */
    public OnsetRule withConcordance(double enterZ, double stayZ) {
        return new OnsetRule(
                lookbackS, onsetRiseZ, minFitWindows, onsetFeatures, latencyS, baseline, acrossUnscored, enterZ, stayZ);
    }

    /** A copy with another level before the onset. */
    public OnsetRule withBaseline(OnsetBaseline b) {
        return new OnsetRule(
                lookbackS,
                onsetRiseZ,
                minFitWindows,
                onsetFeatures,
                latencyS,
                b,
                acrossUnscored,
                concordanceEnterZ,
                concordanceStayZ);
    }

    /** Footer/run.json entries, {@code scoring.episode.onset.*} and {@code scoring.episode.concordance.*}. */
    private static Map<Feature, Double> map(double scl, double hr, double rmssd) {
        EnumMap<Feature, Double> m = new EnumMap<>(Feature.class);
        m.put(Feature.SCL, scl);
        m.put(Feature.HR, hr);
        m.put(Feature.RMSSD, rmssd);
        return Collections.unmodifiableMap(m);
    }

    private static Map<Feature, Double> copy(Map<Feature, Double> m) {
        EnumMap<Feature, Double> c = new EnumMap<>(Feature.class);
        c.putAll(m);
        return Collections.unmodifiableMap(c);
    }
}
