package org.sessionreview.config;

import static org.sessionreview.config.Settings.require;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * Settings of the coded-event rules: rupture-repair episodes and the 3RS roll-up ({@link
 * RuptureOptions}), missed opportunities and safety ({@link OpportunityOptions}) and the coded
 * review priority ({@link PriorityOptions}); each option is declared there once with unit,
 * default and description. Immutable and {@link Serializable}.
 *
 * <p>References: Eubanks, Muran &amp; Safran 2015 (3RS manual); Safran &amp; Muran 2000;
 * Zimmermann et al. 2011 (VR-CoDES); Del Piccolo et al. 2011 (VR-CoDES-P); Abbass &amp; Town 2021.
 */
public final class RuptureConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Every option of this component, in declaration order. */
    public static final List<ConfigOption<?>> ALL =
            FeatureConfig.concat(RuptureOptions.ALL, OpportunityOptions.ALL, PriorityOptions.ALL);

    private final Settings values;

    private RuptureConfig(Settings values) {
        this.values = values;
        require(quietS() >= mergeGapS(), "rupture.quiet_s must be >= rupture.merge_gap_s");
        for (String c : reengagementCodes()) {
            require(CodeTaxonomy.isCanonical(c), "rupture.reengagement_codes: '" + c + "' is not a canonical code");
        }
    }

    /** Every option at its declared default (for tests and tools; the pipeline passes its configured values). */
    public static RuptureConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Settings.Builder<RuptureConfig> builder() {
        return new Settings.Builder<>(ALL, RuptureConfig::new);
    }

    /** A builder starting from this configuration's values. */
    public Settings.Builder<RuptureConfig> toBuilder() {
        return new Settings.Builder<>(values, RuptureConfig::new);
    }

    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** Every option's key to its value as text, sorted by key. */
    public Map<String, String> parameters() {
        return values.asText();
    }

    /** Upper-case canonical codes, in the order given. */
    public List<String> reengagementCodes() {
        return values.get(RuptureOptions.REENGAGEMENT_CODES).stream()
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .toList();
    }

    /** Lower-case modifier values ('-' and spaces read as '_'), in the order given. */
    public List<String> reengagementValues() {
        return values.get(RuptureOptions.REENGAGEMENT_VALUES).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", "_"))
                .toList();
    }

    public double mergeGapS() {
        return values.get(RuptureOptions.MERGE_GAP_S);
    }

    public double repairWindowS() {
        return values.get(RuptureOptions.REPAIR_WINDOW_S);
    }

    public double quietS() {
        return values.get(RuptureOptions.QUIET_S);
    }

    public double resolvedWindowS() {
        return values.get(RuptureOptions.RESOLVED_WINDOW_S);
    }

    public boolean requireReengagement() {
        return values.get(RuptureOptions.REQUIRE_REENGAGEMENT);
    }

    public double segmentS() {
        return values.get(RuptureOptions.SEGMENT_S);
    }

    public double pressureWindowS() {
        return values.get(RuptureOptions.PRESSURE_WINDOW_S);
    }

    public double settleS() {
        return values.get(OpportunityOptions.SETTLE_S);
    }

    public int minCueIntensity() {
        return values.get(OpportunityOptions.MIN_CUE_INTENSITY);
    }

    public double episodeLookbackS() {
        return values.get(OpportunityOptions.EPISODE_LOOKBACK_S);
    }

    public double episodeResponseS() {
        return values.get(OpportunityOptions.EPISODE_RESPONSE_S);
    }

    public double cueResponseS() {
        return values.get(OpportunityOptions.CUE_RESPONSE_S);
    }

    public boolean useTurns() {
        return values.get(OpportunityOptions.USE_TURNS);
    }

    public double turnGraceS() {
        return values.get(OpportunityOptions.TURN_GRACE_S);
    }

    public double voicedCueLookbackS() {
        return values.get(OpportunityOptions.VOICED_CUE_LOOKBACK_S);
    }

    public List<Double> sensitivityWindowsS() {
        return values.get(OpportunityOptions.SENSITIVITY_WINDOWS_S);
    }

    public double safetyResponseS() {
        return values.get(OpportunityOptions.SAFETY_RESPONSE_S);
    }

    public int severeDissociationIntensity() {
        return values.get(OpportunityOptions.SEVERE_DISSOCIATION_INTENSITY);
    }

    public double severeDissociationS() {
        return values.get(OpportunityOptions.SEVERE_DISSOCIATION_S);
    }

    public double safetySameEventS() {
        return values.get(OpportunityOptions.SAME_EVENT_S);
    }

    public double priorityTierStep() {
        return values.get(PriorityOptions.TIER_STEP);
    }

    public double priorityHalfLoad() {
        return values.get(PriorityOptions.HALF_LOAD);
    }

    public double weightUnansweredSafety() {
        return values.get(PriorityOptions.WEIGHT_UNANSWERED_SAFETY);
    }

    public double weightSafety() {
        return values.get(PriorityOptions.WEIGHT_SAFETY);
    }

    public double weightUnaddressed() {
        return values.get(PriorityOptions.WEIGHT_UNADDRESSED);
    }

    public double weightEscalated() {
        return values.get(PriorityOptions.WEIGHT_ESCALATED);
    }

    public double weightMissed() {
        return values.get(PriorityOptions.WEIGHT_MISSED);
    }

    public double weightPressure() {
        return values.get(PriorityOptions.WEIGHT_PRESSURE);
    }

    public double weightUnvoiced() {
        return values.get(PriorityOptions.WEIGHT_UNVOICED);
    }

    public double weightAnxiety() {
        return values.get(PriorityOptions.WEIGHT_ANXIETY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuptureConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "RuptureConfig" + values;
    }
}
