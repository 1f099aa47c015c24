package org.sessionreview.config;

import static org.sessionreview.config.Settings.require;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Settings of the scoring layer (DOMAIN.md 4.0): the options of {@link ScoringOptions}, {@link
 * ExertionOptions} and {@link TemperatureScoringOptions}, each
 * declared there once with unit, default and description, plus the feature windows' hop and
 * length, which {@link PipelineConfig} copies from {@link FeatureConfig} so that the two cannot
 * disagree (they are listed once, under {@code features.*}). Immutable and {@link Serializable}.
 */
public final class ScoringConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Every option of this component, in declaration order. */
    public static final List<ConfigOption<?>> ALL =
            FeatureConfig.concat(ScoringOptions.ALL, ExertionOptions.ALL, TemperatureScoringOptions.ALL);

    private final Settings values;
    private final double windowHopS;
    private final double windowLengthS;
    private final double cardiacSpanS;

    private ScoringConfig(Settings values) {
        this(
                values,
                FeatureOptions.HOP_S.defaultValue(),
                FeatureOptions.WINDOW_S.defaultValue(),
                CardiacOptions.TIME_SPAN_S.defaultValue());
    }

    private ScoringConfig(Settings values, double windowHopS, double windowLengthS, double cardiacSpanS) {
        this.values = values;
        this.windowHopS = windowHopS;
        this.windowLengthS = windowLengthS;
        this.cardiacSpanS = cardiacSpanS;
        require(baselineEndS() > baselineStartS(), "scoring.baseline_end_s must be > scoring.baseline_start_s");
        require(
                weightScr() + weightScl() + weightHr() + weightRmssd() + weightFidget() + weightTemp() > 0,
                "at least one scoring.weight.* must be > 0");
        require(
                leaveThreshold() <= enterThreshold(),
                "scoring.episode.leave_threshold must be <= scoring.episode.enter_threshold");
        require(windowHopS > 0 && windowHopS <= windowLengthS, "the window hop must be > 0 and <= the window length");
    }

    /** Every option at its declared default (for tests and tools; the pipeline passes its configured values). */
    public static ScoringConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Settings.Builder<ScoringConfig> builder() {
        return new Settings.Builder<>(ALL, ScoringConfig::new);
    }

    /** A builder starting from this configuration's values (the window is the default one). */
    public Settings.Builder<ScoringConfig> toBuilder() {
        return new Settings.Builder<>(values, ScoringConfig::new);
    }

    /**
     * The same options for feature windows of this hop and length and heart features over this
     * trailing span, seconds ({@code features.hop_s}, {@code features.window_s}, {@code
     * cardiac.time_span_s}: the feature configuration's values, passed on by {@link PipelineConfig}).
     */
    public ScoringConfig withWindow(double hopS, double lengthS, double cardiacSpanS) {
        return new ScoringConfig(values, hopS, lengthS, cardiacSpanS);
    }

    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** Every option's key to its value as text, sorted by key (the window is under {@code features.*}). */
    public Map<String, String> parameters() {
        return values.asText();
    }

    /** Hop of the feature windows, seconds ({@code features.hop_s}). */
    public double windowHopS() {
        return windowHopS;
    }

    /** Length of the feature windows, seconds ({@code features.window_s}). */
    public double windowLengthS() {
        return windowLengthS;
    }

    /** Trailing span of the heart-rate and HRV window features, seconds ({@code cardiac.time_span_s}). */
    public double cardiacSpanS() {
        return cardiacSpanS;
    }

    public double baselineStartS() {
        return values.get(ScoringOptions.BASELINE_START_S);
    }

    public double baselineEndS() {
        return values.get(ScoringOptions.BASELINE_END_S);
    }

    public int minBaselineWindows() {
        return values.get(ScoringOptions.MIN_BASELINE_WINDOWS);
    }

    public double madScale() {
        return values.get(ScoringOptions.MAD_SCALE);
    }

    public double sclFloorUs() {
        return values.get(ScoringOptions.SCL_FLOOR_US);
    }

    public double scrRateFloorPerMin() {
        return values.get(ScoringOptions.SCR_RATE_FLOOR_PER_MIN);
    }

    public double hrFloorBpm() {
        return values.get(ScoringOptions.HR_FLOOR_BPM);
    }

    public double rmssdFloorMs() {
        return values.get(ScoringOptions.RMSSD_FLOOR_MS);
    }

    public double fidgetFloorRelative() {
        return values.get(ScoringOptions.FIDGET_FLOOR_RELATIVE);
    }

    public double fidgetFloorG2() {
        return values.get(ScoringOptions.FIDGET_FLOOR_G2);
    }

    public double tempSlopeFloorCPerMin() {
        return values.get(ScoringOptions.TEMP_SLOPE_FLOOR_C_PER_MIN);
    }

    /** Upper bound (degC/min) of the temperature slope's reference; see {@link TemperatureScoringOptions}. */
    public double tempSlopeMaxReferenceCPerMin() {
        return values.get(TemperatureScoringOptions.MAX_REFERENCE_C_PER_MIN);
    }

    public double zClamp() {
        return values.get(ScoringOptions.Z_CLAMP);
    }

    /** Lower bound (z units, as a positive number) of a channel's signed contribution; see {@link ScoringOptions#CONTRIBUTION_FLOOR}. */
    public double contributionFloor() {
        return values.get(ScoringOptions.CONTRIBUTION_FLOOR);
    }

    public double weightScr() {
        return values.get(ScoringOptions.WEIGHT_SCR);
    }

    public double weightScl() {
        return values.get(ScoringOptions.WEIGHT_SCL);
    }

    public double weightHr() {
        return values.get(ScoringOptions.WEIGHT_HR);
    }

    public double weightRmssd() {
        return values.get(ScoringOptions.WEIGHT_RMSSD);
    }

    public double weightFidget() {
        return values.get(ScoringOptions.WEIGHT_FIDGET);
    }

    public double weightTemp() {
        return values.get(ScoringOptions.WEIGHT_TEMP);
    }

    public double grossMovementMaxS() {
        return values.get(ScoringOptions.GROSS_MOVEMENT_MAX_S);
    }

    public double qualityThreshold() {
        return values.get(ScoringOptions.QUALITY_THRESHOLD);
    }

    public double enterThreshold() {
        return values.get(ScoringOptions.ENTER_THRESHOLD);
    }

    public double enterHoldS() {
        return values.get(ScoringOptions.ENTER_HOLD_S);
    }

    public double leaveThreshold() {
        return values.get(ScoringOptions.LEAVE_THRESHOLD);
    }

    public double leaveHoldS() {
        return values.get(ScoringOptions.LEAVE_HOLD_S);
    }

    /**
     * Longest stretch of unscored windows (null index) that an episode goes on through, seconds of
     * window cells ({@code scoring.episode.max_unscored_bridge_s}, default 60 s); see {@code
     * EpisodeDetector}.
     */
    public double maxUnscoredBridgeS() {
        return values.get(ScoringOptions.MAX_UNSCORED_BRIDGE_S);
    }

    public double minEpisodeS() {
        return values.get(ScoringOptions.MIN_EPISODE_S);
    }

    public double mergeGapS() {
        return values.get(ScoringOptions.MERGE_GAP_S);
    }

    public double cueLookbackS() {
        return values.get(ScoringOptions.CUE_LOOKBACK_S);
    }

    public double risingChannelZ() {
        return values.get(ScoringOptions.RISING_CHANNEL_Z);
    }

    public double priorityPerEpisode() {
        return values.get(ScoringOptions.PRIORITY_PER_EPISODE);
    }

    public double lowDataQuality() {
        return values.get(ScoringOptions.LOW_DATA_QUALITY);
    }

    public double minVideoCoverage() {
        return values.get(ScoringOptions.MIN_VIDEO_COVERAGE);
    }

    public double calibrationNoteShare() {
        return values.get(ScoringOptions.CALIBRATION_NOTE_SHARE);
    }

    public boolean therapistMoments() {
        return values.get(ScoringOptions.THERAPIST_MOMENTS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringConfig c
                && values.equals(c.values)
                && windowHopS == c.windowHopS
                && windowLengthS == c.windowLengthS
                && cardiacSpanS == c.cardiacSpanS;
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ScoringConfig" + values;
    }
}
