package org.sessionreview.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * Robust z-scores and the anxiety index of one window against the wearer's {@link Baseline}
 * (DOMAIN.md 4.0). Pure functions: the input window is never modified.
 *
 * <p><b>Robust z</b> of feature f with value x (Leys et al. 2013):
 *
 * <pre>
 *   z_f = clamp( (x - median_f) / max(1.4826 * MAD_f, floor_f), -10, +10 )
 * </pre>
 *
 * <p>Two features are judged against another reference than median_f, with the same scale: the
 * SCL against a {@link DriftFollowingLevel} reference when one is given, and the skin-temperature
 * slope against min(median_f, {@code scoring.temp_slope.max_reference_c_per_min}) (default 0
 * degC/min): a warming in the calibration stretch (cold hands) is no reference, since its slowing
 * later is no vasoconstriction ({@link org.sessionreview.config.TemperatureScoringOptions}). The
 * heart rate of an irregular rhythm ({@link WindowFeatures#hrSeBpm} set) is judged with its
 * sampling error added to the scale in quadrature ({@link #zWithSamplingError}).
 *
 * <p>z_f is null when x is null or not finite, when the feature's channel quality is below
 * {@link ScoringConfig#qualityThreshold()} (bad stretches are masked, never scored), or when the
 * baseline has no value for f. The MAD scale, floors and clamp come from {@link ScoringConfig}.
 *
 * <p><b>Anxiety index</b> over the set P of features with a non-null z and a positive weight:
 *
 * <pre>
 *   index = sum_{f in P} w_f * s_f * z_f  /  sum_{f in P} w_f
 * </pre>
 *
 * with s_f = -1 for RMSSD and the temperature slope, +1 otherwise (see {@link Feature#sign()}),
 * so the weights are renormalised over the channels present; null when P is empty. Default
 * weights: SCR rate 0.5, SCL 1, HR 1, RMSSD 0.5, fidget 0, temperature slope 0.25 (see {@link
 * org.sessionreview.config.ScoringOptions} for why). A feature with weight 0 keeps its z-score
 * (windows table, episode evidence) but does not enter the index.
 *
 * <p>A window with gross movement ({@link WindowFeatures#grossMovementS} at least {@link
 * ScoringConfig#grossMovementMaxS()}, default 10 s) keeps its z-scores but gets no index: exertion raises EDA and heart rate too, so it is marked and not
 * scored as anxiety (DOMAIN.md 4.0).
 *
 * <p>References: Leys, Ley, Klein, Bernard &amp; Licata 2013, <i>Detecting outliers: do not use
 * standard deviation around the mean, use absolute deviation around the median</i>.
 */
public final class AnxietyIndex {
    private AnxietyIndex() {}

    /** Robust z of one value against one feature baseline, clamped; see the class comment. */
    public static double robustZ(Feature f, double value, FeatureBaseline b, ScoringConfig cfg) {
        double scale = b.robustScale(cfg.madScale(), f.scaleFloor(cfg, b.median()));
        double z = (value - b.median()) / scale;
        return Math.max(-cfg.zClamp(), Math.min(cfg.zClamp(), z));
    }

    /** Robust z of a value against {@code reference} with the baseline's robust scale, clamped. */
    private static double zAgainst(Feature f, double value, double reference, FeatureBaseline b, ScoringConfig cfg) {
        double scale = b.robustScale(cfg.madScale(), f.scaleFloor(cfg, b.median()));
        double z = (value - reference) / scale;
        return Math.max(-cfg.zClamp(), Math.min(cfg.zClamp(), z));
    }

    /**
     * z(HR) of an irregular rhythm's heart rate ({@link WindowFeatures#hrSeBpm}): against the
     * baseline median, with the robust scale (floored) and the window's sampling error {@code
     * seBpm} added in quadrature, {@code sqrt(scale^2 + se^2)}, clamped. The calibration
     * stretch's MAD cannot hold that error: its 4 minutes give about 4 independent 60 s heart
     * rates, and its floor (2 bpm) is set for the wander of a sinus rhythm.
     */
    static double zWithSamplingError(double value, double seBpm, FeatureBaseline b, ScoringConfig cfg) {
        double scale = b.robustScale(cfg.madScale(), Feature.HR.scaleFloor(cfg, b.median()));
        double z = (value - b.median()) / Math.sqrt(scale * scale + seBpm * seBpm);
        return Math.max(-cfg.zClamp(), Math.min(cfg.zClamp(), z));
    }

    /**
     * The z-scores of a window's scorable features, in {@link Feature} order. In a window whose
     * rhythm is irregular ({@link WindowFeatures#hrSeBpm} set) RMSSD is not scored: there it
     * measures the irregularity, not vagal tone (its value stays in {@code windows/}).
     */
    public static Map<Feature, Double> zScores(WindowFeatures w, Baseline baseline, ScoringConfig cfg) {
        return zScores(w, baseline, cfg, null);
    }

    /**
     * As {@link #zScores(WindowFeatures, Baseline, ScoringConfig)}, with the SCL judged against
     * {@code sclReference} (uS; a {@link DriftFollowingLevel} reference) instead of the baseline
     * median; the baseline's robust scale is kept. Null = the baseline median.
     */
    public static Map<Feature, Double> zScores(
            WindowFeatures w, Baseline baseline, ScoringConfig cfg, Double sclReference) {
        EnumMap<Feature, Double> z = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            Optional<FeatureBaseline> b = baseline.get(f);
            if (f == Feature.RMSSD && w.hrSeBpm != null) {
                continue; // irregular rhythm: RMSSD is no vagal measure
            }
            if (b.isPresent() && f.usable(w, cfg)) {
                FeatureBaseline fb = b.get();
                if (f == Feature.SCL && sclReference != null && Double.isFinite(sclReference)) {
                    z.put(f, zAgainst(f, f.value(w), sclReference, fb, cfg));
                } else if (f == Feature.TEMP_SLOPE && fb.median() > cfg.tempSlopeMaxReferenceCPerMin()) {
                    z.put(f, zAgainst(f, f.value(w), cfg.tempSlopeMaxReferenceCPerMin(), fb, cfg));
                } else if (f == Feature.HR && w.hrSeBpm != null && Double.isFinite(w.hrSeBpm)) {
                    z.put(f, zWithSamplingError(f.value(w), w.hrSeBpm, fb, cfg));
                } else {
                    z.put(f, robustZ(f, f.value(w), fb, cfg));
                }
            }
        }
        return Collections.unmodifiableMap(z);
    }

    /**
     * Weighted mean of the signed z-scores, weights renormalised over the features present;
     * null when no feature with a positive weight is present.
     */
    public static Double index(Map<Feature, Double> z, ScoringConfig cfg) {
        double weighted = 0;
        double weights = 0;
        for (Feature f : Feature.values()) {
            Double zf = z.get(f);
            double wf = f.weight(cfg);
            if (zf != null && wf > 0) {
                weighted += wf * f.contribution(zf, cfg);
                weights += wf;
            }
        }
        return weights > 0 ? weighted / weights : null;
    }

    /**
     * A copy of the window with its six z fields and {@code anxietyIndex} filled (z fields of
     * features that cannot be scored are null). End-of-stream markers are copied unscored.
     */
    public static WindowFeatures score(WindowFeatures w, Baseline baseline, ScoringConfig cfg) {
        return score(w, baseline, cfg, null);
    }

    /** As {@link #score(WindowFeatures, Baseline, ScoringConfig)} with an SCL reference (uS). */
    public static WindowFeatures score(WindowFeatures w, Baseline baseline, ScoringConfig cfg, Double sclReference) {
        WindowFeatures out = WindowCopy.of(w);
        if (w.endOfStream) {
            return out;
        }
        Map<Feature, Double> z = zScores(w, baseline, cfg, sclReference);
        for (Feature f : Feature.values()) {
            f.setZ(out, z.get(f));
        }
        out.anxietyIndex = w.grossMovementS >= cfg.grossMovementMaxS() ? null : index(z, cfg);
        return out;
    }
}
