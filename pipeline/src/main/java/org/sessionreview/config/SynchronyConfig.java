package org.sessionreview.config;

import static org.sessionreview.config.Settings.require;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Settings of dyadic synchrony (DOMAIN.md 4.3): the options of {@link SynchronyOptions}, each
 * declared there once with unit, default and description. Immutable and {@link Serializable}.
 */
public final class SynchronyConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Fewest shuffles DOMAIN.md 4.3 D accepts for a surrogate percentile. */
    public static final int MIN_SHUFFLES = SynchronyOptions.MIN_SHUFFLES;

    /** Every option of this component, in declaration order. */
    public static final List<ConfigOption<?>> ALL = SynchronyOptions.ALL;

    private final Settings values;

    private SynchronyConfig(Settings values) {
        this.values = values;
        require(windowS() >= 2 * maxLagS(), "synchrony.window_s must be at least twice synchrony.max_lag_s");
        require(
                segmentS() >= 2 * segmentMaxLagS(),
                "synchrony.segment_s must be at least twice synchrony.segment_max_lag_s");
    }

    /** Every option at its declared default (for tests and tools; the pipeline passes its configured values). */
    public static SynchronyConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Settings.Builder<SynchronyConfig> builder() {
        return new Settings.Builder<>(ALL, SynchronyConfig::new);
    }

    /** A builder starting from this configuration's values. */
    public Settings.Builder<SynchronyConfig> toBuilder() {
        return new Settings.Builder<>(values, SynchronyConfig::new);
    }

    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** Every option's key to its value as text, sorted by key. */
    public Map<String, String> parameters() {
        return values.asText();
    }

    public double windowS() {
        return values.get(SynchronyOptions.WINDOW_S);
    }

    public double stepS() {
        return values.get(SynchronyOptions.STEP_S);
    }

    public double maxLagS() {
        return values.get(SynchronyOptions.MAX_LAG_S);
    }

    public double zClamp() {
        return values.get(SynchronyOptions.Z_CLAMP);
    }

    public double minValidShare() {
        return values.get(SynchronyOptions.MIN_VALID_SHARE);
    }

    public double leaderMinPeakZ() {
        return values.get(SynchronyOptions.LEADER_MIN_PEAK_Z);
    }

    public double segmentS() {
        return values.get(SynchronyOptions.SEGMENT_S);
    }

    public double segmentMaxLagS() {
        return values.get(SynchronyOptions.SEGMENT_MAX_LAG_S);
    }

    public int maxSurrogatePairs() {
        return values.get(SynchronyOptions.MAX_SURROGATE_PAIRS);
    }

    public int shuffles() {
        return values.get(SynchronyOptions.SHUFFLES);
    }

    public long seed() {
        return values.get(SynchronyOptions.SEED);
    }

    public double significancePercentile() {
        return values.get(SynchronyOptions.SIGNIFICANCE_PERCENTILE);
    }

    public int minSegments() {
        return values.get(SynchronyOptions.MIN_SEGMENTS);
    }

    public double dropEffectThreshold() {
        return values.get(SynchronyOptions.DROP_EFFECT_THRESHOLD);
    }

    public int dropMinWindows() {
        return values.get(SynchronyOptions.DROP_MIN_WINDOWS);
    }

    /** What the span after an unaddressed rupture is compared with [REST_OF_SESSION]. */
    public DropReference dropReference() {
        return values.get(SynchronyOptions.DROP_REFERENCE);
    }

    public double dropPrecedingS() {
        return values.get(SynchronyOptions.DROP_PRECEDING_S);
    }

    public double alignRateHz() {
        return values.get(SynchronyOptions.ALIGN_RATE_HZ);
    }

    public double alignMinValidShare() {
        return values.get(SynchronyOptions.ALIGN_MIN_VALID_SHARE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynchronyConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SynchronyConfig" + values;
    }
}
