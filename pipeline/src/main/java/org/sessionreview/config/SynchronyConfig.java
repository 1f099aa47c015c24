package org.sessionreview.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of dyadic physiological synchrony (DOMAIN.md section 4.3): the windowed lagged
 * cross-correlation (method A), the session index with segment surrogates (methods B and D), the
 * synchrony-drop comparison and the alignment of both wearers' series. Immutable and {@link
 * Serializable} so that Flink operators can carry it; the only way in is {@link #builder()}, and
 * {@link SynchronyConfigBuilder#build()} checks every value and names the offending option.
 *
 * <p>Each option is documented once, on its builder setter, with unit and default. {@link
 * #asMetadata()} lists every option with its value for Parquet footers and run summaries.
 *
 * <p>References: Boker, Xu, Rotondo &amp; King 2002 (windowed cross-correlation and peak picking);
 * Behrens, Moulder, Boker &amp; Kret 2020 (window size matters more than maximum lag); Tschacher
 * &amp; Meier 2020 and CRAN {@code SUSY} (segments, surrogates, ES); Ramseyer &amp; Tschacher
 * 2010/2011 (segment shuffling); Kleinbub &amp; Ramseyer 2020, {@code rMEA} (Fisher z clamp 10).
 */
public final class SynchronyConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Fewest shuffles DOMAIN.md 4.3 D accepts for a surrogate percentile. */
    public static final int MIN_SHUFFLES = 100;

    final double windowS;
    final double stepS;
    final double maxLagS;
    final double zClamp;
    final double minValidShare;
    final double leaderMinPeakZ;
    final double segmentS;
    final double segmentMaxLagS;
    final int maxSurrogatePairs;
    final int shuffles;
    final long seed;
    final double significancePercentile;
    final int minSegments;
    final double dropEffectThreshold;
    final int dropMinWindows;
    final double dropPrecedingS;
    final double alignRateHz;
    final double alignMinValidShare;

    SynchronyConfig(SynchronyConfigBuilder b) {
        windowS = b.windowS;
        stepS = b.stepS;
        maxLagS = b.maxLagS;
        zClamp = b.zClamp;
        minValidShare = b.minValidShare;
        leaderMinPeakZ = b.leaderMinPeakZ;
        segmentS = b.segmentS;
        segmentMaxLagS = b.segmentMaxLagS;
        maxSurrogatePairs = b.maxSurrogatePairs;
        shuffles = b.shuffles;
        seed = b.seed;
        significancePercentile = b.significancePercentile;
        minSegments = b.minSegments;
        dropEffectThreshold = b.dropEffectThreshold;
        dropMinWindows = b.dropMinWindows;
        dropPrecedingS = b.dropPrecedingS;
        alignRateHz = b.alignRateHz;
        alignMinValidShare = b.alignMinValidShare;
    }

    /** A builder holding the defaults documented on its setters. */
    public static SynchronyConfigBuilder builder() {
        return new SynchronyConfigBuilder();
    }

    /** The project defaults (DOMAIN.md section 4.3). */
    public static SynchronyConfig defaults() {
        return builder().build();
    }

    /** A builder preset with this configuration's values, to change a few of them. */
    public SynchronyConfigBuilder toBuilder() {
        return builder().window(windowS, stepS).maxLagS(maxLagS).zClamp(zClamp)
                .minValidShare(minValidShare).leaderMinPeakZ(leaderMinPeakZ)
                .segment(segmentS, segmentMaxLagS).maxSurrogatePairs(maxSurrogatePairs)
                .shuffles(shuffles).seed(seed).significancePercentile(significancePercentile)
                .minSegments(minSegments).dropEffectThreshold(dropEffectThreshold)
                .dropMinWindows(dropMinWindows).dropPrecedingS(dropPrecedingS)
                .alignRateHz(alignRateHz).alignMinValidShare(alignMinValidShare);
    }

    // Getters: see the matching SynchronyConfigBuilder setter for unit, default and meaning.

    public double windowS() {
        return windowS;
    }

    public double stepS() {
        return stepS;
    }

    public double maxLagS() {
        return maxLagS;
    }

    public double zClamp() {
        return zClamp;
    }

    public double minValidShare() {
        return minValidShare;
    }

    public double leaderMinPeakZ() {
        return leaderMinPeakZ;
    }

    public double segmentS() {
        return segmentS;
    }

    public double segmentMaxLagS() {
        return segmentMaxLagS;
    }

    public int maxSurrogatePairs() {
        return maxSurrogatePairs;
    }

    public int shuffles() {
        return shuffles;
    }

    public long seed() {
        return seed;
    }

    public double significancePercentile() {
        return significancePercentile;
    }

    public int minSegments() {
        return minSegments;
    }

    public double dropEffectThreshold() {
        return dropEffectThreshold;
    }

    public int dropMinWindows() {
        return dropMinWindows;
    }

    public double dropPrecedingS() {
        return dropPrecedingS;
    }

    public double alignRateHz() {
        return alignRateHz;
    }

    public double alignMinValidShare() {
        return alignMinValidShare;
    }

    /** Every option as {@code synchrony.<name>} to its value, in declaration order. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("synchrony.window_s", num(windowS));
        m.put("synchrony.step_s", num(stepS));
        m.put("synchrony.max_lag_s", num(maxLagS));
        m.put("synchrony.z_clamp", num(zClamp));
        m.put("synchrony.min_valid_share", num(minValidShare));
        m.put("synchrony.leader_min_peak_z", num(leaderMinPeakZ));
        m.put("synchrony.segment_s", num(segmentS));
        m.put("synchrony.segment_max_lag_s", num(segmentMaxLagS));
        m.put("synchrony.max_surrogate_pairs", Integer.toString(maxSurrogatePairs));
        m.put("synchrony.shuffles", Integer.toString(shuffles));
        m.put("synchrony.seed", Long.toString(seed));
        m.put("synchrony.significance_percentile", num(significancePercentile));
        m.put("synchrony.min_segments", Integer.toString(minSegments));
        m.put("synchrony.drop.effect_threshold", num(dropEffectThreshold));
        m.put("synchrony.drop.min_windows", Integer.toString(dropMinWindows));
        m.put("synchrony.drop.preceding_s", num(dropPrecedingS));
        m.put("synchrony.align.rate_hz", num(alignRateHz));
        m.put("synchrony.align.min_valid_share", num(alignMinValidShare));
        return Collections.unmodifiableMap(m);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynchronyConfig
                && asMetadata().equals(((SynchronyConfig) o).asMetadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMetadata());
    }

    @Override
    public String toString() {
        return "SynchronyConfig" + asMetadata();
    }

}
