package org.sessionreview.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of the scoring layer: personal baseline, anxiety index, anxiety episodes and the
 * session review (DOMAIN.md section 4.0). Immutable and {@link Serializable} so that Flink
 * operators can carry it. The only way in is {@link #builder()}; {@link ScoringConfigBuilder#build()} checks
 * every value and names the offending option in its message.
 *
 * <p>Each option is documented once, on its builder setter, with unit and default. {@link
 * #asMetadata()} lists every option with its value so that output files can say which
 * parameters produced them.
 */
public final class ScoringConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    final double baselineStartS;
    final double baselineEndS;
    final int minBaselineWindows;
    final double madScale;
    final double sclFloorUs;
    final double scrRateFloorPerMin;
    final double hrFloorBpm;
    final double rmssdFloorMs;
    final double fidgetFloorRelative;
    final double fidgetFloorG2;
    final double tempSlopeFloorCPerMin;
    final double zClamp;
    final double weightScr;
    final double weightScl;
    final double weightHr;
    final double weightRmssd;
    final double weightFidget;
    final double weightTemp;
    final double grossMovementMaxS;
    final double qualityThreshold;
    final double enterThreshold;
    final double enterHoldS;
    final double leaveThreshold;
    final double leaveHoldS;
    final double minEpisodeS;
    final double mergeGapS;
    final double windowHopS;
    final double windowLengthS;
    final double cueLookbackS;
    final double risingChannelZ;
    final double priorityPerEpisode;
    final double lowDataQuality;
    final boolean therapistMoments;

    ScoringConfig(ScoringConfigBuilder b) {
        baselineStartS = b.baselineStartS;
        baselineEndS = b.baselineEndS;
        minBaselineWindows = b.minBaselineWindows;
        madScale = b.madScale;
        sclFloorUs = b.sclFloorUs;
        scrRateFloorPerMin = b.scrRateFloorPerMin;
        hrFloorBpm = b.hrFloorBpm;
        rmssdFloorMs = b.rmssdFloorMs;
        fidgetFloorRelative = b.fidgetFloorRelative;
        fidgetFloorG2 = b.fidgetFloorG2;
        tempSlopeFloorCPerMin = b.tempSlopeFloorCPerMin;
        zClamp = b.zClamp;
        weightScr = b.weightScr;
        weightScl = b.weightScl;
        weightHr = b.weightHr;
        weightRmssd = b.weightRmssd;
        weightFidget = b.weightFidget;
        weightTemp = b.weightTemp;
        grossMovementMaxS = b.grossMovementMaxS;
        qualityThreshold = b.qualityThreshold;
        enterThreshold = b.enterThreshold;
        enterHoldS = b.enterHoldS;
        leaveThreshold = b.leaveThreshold;
        leaveHoldS = b.leaveHoldS;
        minEpisodeS = b.minEpisodeS;
        mergeGapS = b.mergeGapS;
        windowHopS = b.windowHopS;
        windowLengthS = b.windowLengthS;
        cueLookbackS = b.cueLookbackS;
        risingChannelZ = b.risingChannelZ;
        priorityPerEpisode = b.priorityPerEpisode;
        lowDataQuality = b.lowDataQuality;
        therapistMoments = b.therapistMoments;
    }

    /** A builder holding the defaults documented on its setters. */
    public static ScoringConfigBuilder builder() {
        return new ScoringConfigBuilder();
    }

    /** The project defaults (DOMAIN.md section 4.0). */
    public static ScoringConfig defaults() {
        return builder().build();
    }

    /** A builder preset with this configuration's values, to change a few of them. */
    public ScoringConfigBuilder toBuilder() {
        return new ScoringConfigBuilder(this);
    }

    // Getters: see the matching ScoringConfigBuilder setter for unit, default and meaning.

    public double baselineStartS() {
        return baselineStartS;
    }

    public double baselineEndS() {
        return baselineEndS;
    }

    public int minBaselineWindows() {
        return minBaselineWindows;
    }

    public double madScale() {
        return madScale;
    }

    public double sclFloorUs() {
        return sclFloorUs;
    }

    public double scrRateFloorPerMin() {
        return scrRateFloorPerMin;
    }

    public double hrFloorBpm() {
        return hrFloorBpm;
    }

    public double rmssdFloorMs() {
        return rmssdFloorMs;
    }

    public double fidgetFloorRelative() {
        return fidgetFloorRelative;
    }

    public double fidgetFloorG2() {
        return fidgetFloorG2;
    }

    public double tempSlopeFloorCPerMin() {
        return tempSlopeFloorCPerMin;
    }

    public double zClamp() {
        return zClamp;
    }

    public double weightScr() {
        return weightScr;
    }

    public double weightScl() {
        return weightScl;
    }

    public double weightHr() {
        return weightHr;
    }

    public double weightRmssd() {
        return weightRmssd;
    }

    public double weightFidget() {
        return weightFidget;
    }

    /** See {@link ScoringConfigBuilder#grossMovementMaxS(double)}. */
    public double grossMovementMaxS() {
        return grossMovementMaxS;
    }

    public double weightTemp() {
        return weightTemp;
    }

    public double qualityThreshold() {
        return qualityThreshold;
    }

    public double enterThreshold() {
        return enterThreshold;
    }

    public double enterHoldS() {
        return enterHoldS;
    }

    public double leaveThreshold() {
        return leaveThreshold;
    }

    public double leaveHoldS() {
        return leaveHoldS;
    }

    public double minEpisodeS() {
        return minEpisodeS;
    }

    public double mergeGapS() {
        return mergeGapS;
    }

    public double windowHopS() {
        return windowHopS;
    }

    public double windowLengthS() {
        return windowLengthS;
    }

    public double cueLookbackS() {
        return cueLookbackS;
    }

    public double risingChannelZ() {
        return risingChannelZ;
    }

    public double priorityPerEpisode() {
        return priorityPerEpisode;
    }

    public double lowDataQuality() {
        return lowDataQuality;
    }

    public boolean therapistMoments() {
        return therapistMoments;
    }

    /**
     * Every option as {@code scoring.<name>} to its value, in declaration order: for the
     * Parquet footer and run summaries (DOMAIN.md 4.0, "every output row says which method and
     * parameters produced it").
     */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scoring.baseline_start_s", num(baselineStartS));
        m.put("scoring.baseline_end_s", num(baselineEndS));
        m.put("scoring.min_baseline_windows", Integer.toString(minBaselineWindows));
        m.put("scoring.mad_scale", num(madScale));
        m.put("scoring.floor.scl_us", num(sclFloorUs));
        m.put("scoring.floor.scr_rate_per_min", num(scrRateFloorPerMin));
        m.put("scoring.floor.hr_bpm", num(hrFloorBpm));
        m.put("scoring.floor.rmssd_ms", num(rmssdFloorMs));
        m.put("scoring.floor.fidget_relative", num(fidgetFloorRelative));
        m.put("scoring.floor.fidget_g2", num(fidgetFloorG2));
        m.put("scoring.floor.temp_slope_c_per_min", num(tempSlopeFloorCPerMin));
        m.put("scoring.z_clamp", num(zClamp));
        m.put("scoring.weight.scr_rate", num(weightScr));
        m.put("scoring.weight.scl", num(weightScl));
        m.put("scoring.weight.hr", num(weightHr));
        m.put("scoring.weight.rmssd", num(weightRmssd));
        m.put("scoring.weight.fidget", num(weightFidget));
        m.put("scoring.weight.temp_slope", num(weightTemp));
        m.put("scoring.gross_movement_max_s", num(grossMovementMaxS));
        m.put("scoring.quality_threshold", num(qualityThreshold));
        m.put("scoring.episode.enter_threshold", num(enterThreshold));
        m.put("scoring.episode.enter_hold_s", num(enterHoldS));
        m.put("scoring.episode.leave_threshold", num(leaveThreshold));
        m.put("scoring.episode.leave_hold_s", num(leaveHoldS));
        m.put("scoring.episode.min_s", num(minEpisodeS));
        m.put("scoring.episode.merge_gap_s", num(mergeGapS));
        m.put("scoring.window_hop_s", num(windowHopS));
        m.put("scoring.window_length_s", num(windowLengthS));
        m.put("scoring.cue_lookback_s", num(cueLookbackS));
        m.put("scoring.rising_channel_z", num(risingChannelZ));
        m.put("scoring.priority_per_episode", num(priorityPerEpisode));
        m.put("scoring.low_data_quality", num(lowDataQuality));
        m.put("scoring.therapist_moments", Boolean.toString(therapistMoments));
        return Collections.unmodifiableMap(m);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringConfig && asMetadata().equals(((ScoringConfig) o).asMetadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMetadata());
    }

    @Override
    public String toString() {
        return "ScoringConfig" + asMetadata();
    }

}
