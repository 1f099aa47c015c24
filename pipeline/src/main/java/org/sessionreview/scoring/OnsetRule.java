package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parameters of the episode onset and channel-concordance rules of {@link EpisodeDetector} (see
 * {@link EpisodeOnsets} and {@link Concordance} for the methods). Kept out of {@code
 * ScoringConfig} for now so that they can move into the declared configuration in one step;
 * {@link #DEFAULTS} are the project defaults.
 *
 * @param lookbackS how far before the window that confirmed the entry the onset may lie,
 *     seconds [180]: the longest ramp the rule recovers (120 s) plus the 60 s of the longest
 *     trailing feature span. Bounded, so a live mode can hold that many windows and back-date.
 * @param onsetRiseZ a channel takes part in the onset estimate when its signed z at the entry
 *     window exceeds its lowest value in the look-back by at least this, z units [1.0]; a
 *     channel that sat high all along (a drifting or clamped level) says nothing about when
 *     this rise began
 * @param minFitWindows fewest windows before the knee and after it in the segmented fit [4]
 * @param riseFraction per feature, the share of the knee-to-entry time by which the onset lies
 *     before the knee (dimensionless); only the features listed take part in the onset (see
 *     {@link #DEFAULT_RISE_FRACTION})
 * @param latencyS per feature, seconds added after the rise-shape correction; see {@link
 *     #DEFAULT_LATENCY_S}
 * @param concordanceEnterZ a window may enter an episode only when the index without its
 *     strongest contribution (the support, {@link Concordance#support}) reaches this, z units
 *     [1.0]
 * @param concordanceStayZ inside an episode, a window whose support falls below this counts as
 *     low time, like an index below the leave threshold, z units [0.5]
 */
public record OnsetRule(double lookbackS, double onsetRiseZ, int minFitWindows,
        Map<Feature, Double> riseFraction, Map<Feature, Double> latencyS,
        double concordanceEnterZ, double concordanceStayZ)
        implements Serializable {

    /**
     * Default rise fractions, for the onset features EDA level 0.1, HR 0.45, RMSSD 0.35 (the
     * SCR rate, fidget and temperature slope take no part: {@link EpisodeOnsets}). With
     * {@link #DEFAULT_LATENCY_S} a channel's onset is {@code knee - fraction x (entry - knee) +
     * latency}. Why these sizes, a window standing at its centre c:
     *
     * <ul>
     *   <li>EDA level is the mean tonic over [c - 15, c + 15], the tonic from a zero-phase
     *       0.05 Hz filter cut at +-15 s: a symmetric smoothing, so the series starts to move
     *       up to 30 s before the tonic does but has no lag at its middle. Its knee needs little
     *       rise-shape correction (0.1) and comes a little late against the start of the
     *       smoothed edge: latency 0 s.
     *   <li>HR and RMSSD are means over the trailing 60 s, [c - 45, c + 15]: a window moves
     *       once its end passes the change (c = onset - 15 s), and every rise is stretched by
     *       the 60 s span, so the knee-to-entry time is mostly that stretch. Their knees need the
     *       larger corrections (0.45 HR, 0.35 RMSSD); HR's latency is +15 s (the window's end
     *       leads its centre by 15 s, less what the correction already moved), RMSSD's +5 s
     *       (the beat-to-beat differences react more slowly than the mean rate).
     * </ul>
     *
     * The sizes were fitted (least squares of onset error on knee-to-entry time, rounded) on
     * arousal planted in raw synthetic signals and run through the whole feature chain
     * ({@code EpisodeOnsetChainTest}: raised-cosine ramps of 30-120 s, EDA +0.2 to +2 uS, HR +6
     * to +15 bpm, 4 seeds), and checked on {@code sample-data/} (another generator).
     */
    public static final Map<Feature, Double> DEFAULT_RISE_FRACTION = map(0.1, 0.45, 0.35);

    /** Default latency per onset feature, seconds: EDA level 0, HR +15, RMSSD +5 (see above; 5 s later than the fitted centre, so that the onset errs late rather than early, as the sample cohort's contract, detected onset 0-15 s after the planted start, expects). */
    public static final Map<Feature, Double> DEFAULT_LATENCY_S = map(0.0, 15.0, 5.0);

    /** The project defaults (see the component comments). */
    public static final OnsetRule DEFAULTS = new OnsetRule(180, 1.0, 4, DEFAULT_RISE_FRACTION,
            DEFAULT_LATENCY_S, 1.0, 0.5);

    public OnsetRule {
        riseFraction = copy(riseFraction);
        latencyS = copy(latencyS);
        if (!(lookbackS >= 0) || !(onsetRiseZ > 0) || minFitWindows < 2) {
            throw new IllegalArgumentException("onset rule: lookbackS >= 0, onsetRiseZ > 0,"
                    + " minFitWindows >= 2 required");
        }
        if (!(concordanceEnterZ >= concordanceStayZ)) {
            throw new IllegalArgumentException("onset rule: concordanceEnterZ must be >="
                    + " concordanceStayZ");
        }
    }

    /** The features whose knees time the onset: those with a rise fraction, in {@link Feature} order. */
    public java.util.Set<Feature> onsetFeatures() {
        return riseFraction.keySet();
    }

    /** The rise fraction of {@code f} (0 when not set). */
    public double riseFraction(Feature f) {
        return riseFraction.getOrDefault(f, 0.0);
    }

    /** The latency of {@code f}, seconds (0 when not set). */
    public double latencyS(Feature f) {
        return latencyS.getOrDefault(f, 0.0);
    }

    /** A copy with other concordance levels (use {@code Double.NEGATIVE_INFINITY} to turn it off). */
    public OnsetRule withConcordance(double enterZ, double stayZ) {
        return new OnsetRule(lookbackS, onsetRiseZ, minFitWindows, riseFraction, latencyS, enterZ,
                stayZ);
    }

    /** Footer/run.json entries, {@code scoring.episode.onset.*} and {@code scoring.episode.concordance.*}. */
    public Map<String, Object> asMetadata() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("scoring.episode.onset.lookback_s", lookbackS);
        m.put("scoring.episode.onset.rise_z", onsetRiseZ);
        m.put("scoring.episode.onset.min_fit_windows", minFitWindows);
        for (Feature f : onsetFeatures()) {
            m.put("scoring.episode.onset.rise_fraction." + f.column(), riseFraction(f));
            m.put("scoring.episode.onset.latency_s." + f.column(), latencyS(f));
        }
        m.put("scoring.episode.concordance.enter_z", concordanceEnterZ);
        m.put("scoring.episode.concordance.stay_z", concordanceStayZ);
        return m;
    }

    private static Map<Feature, Double> map(double scl, double hr, double rmssd) {
        EnumMap<Feature, Double> m = new EnumMap<>(Feature.class);
        m.put(Feature.SCL, scl);
        m.put(Feature.HR, hr);
        m.put(Feature.RMSSD, rmssd);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<Feature, Double> copy(Map<Feature, Double> m) {
        EnumMap<Feature, Double> c = new EnumMap<>(Feature.class);
        c.putAll(m);
        return java.util.Collections.unmodifiableMap(c);
    }
}
