package org.sessionreview.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of the coded-event rules: rupture-repair episodes and the 3RS roll-up (DOMAIN.md
 * section 3), the ISTDP pressure overlay (3.7), missed therapeutic opportunities (section 5),
 * safety (2.7) and the coded part of the review priority. Every value is this project's
 * [proposal] default, not a published standard. Immutable and {@link Serializable}; the only way
 * in is {@link #builder()}, whose {@link RuptureConfigBuilder#build()} names the offending option.
 *
 * <p>Each option is documented once, on its builder setter, with unit and default. {@link
 * #asMetadata()} lists every option so outputs can say which parameters produced them.
 *
 * <p>References: Eubanks, Muran &amp; Safran 2015, <i>Rupture Resolution Rating System (3RS):
 * Manual</i>; Safran &amp; Muran 2000, <i>Negotiating the Therapeutic Alliance</i>; Zimmermann et
 * al. 2011 (VR-CoDES); Del Piccolo et al. 2011 (VR-CoDES-P); Abbass &amp; Town 2021.
 */
public final class RuptureConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    final double mergeGapS;
    final double repairWindowS;
    final double quietS;
    final double resolvedWindowS;
    final boolean requireReengagement;
    final ArrayList<String> reengagementCodes;
    final ArrayList<String> reengagementValues;
    final double segmentS;
    final double pressureWindowS;
    final double settleS;
    final int minCueIntensity;
    final double episodeLookbackS;
    final double episodeResponseS;
    final double cueResponseS;
    final boolean useTurns;
    final double turnGraceS;
    final double voicedCueLookbackS;
    final ArrayList<Double> sensitivityWindowsS;
    final double safetyResponseS;
    final double priorityTierStep;
    final double priorityHalfLoad;
    final double weightUnansweredSafety;
    final double weightSafety;
    final double weightUnaddressed;
    final double weightEscalated;
    final double weightMissed;
    final double weightPressure;
    final double weightUnvoiced;
    final double weightAnxiety;

    RuptureConfig(RuptureConfigBuilder b) {
        mergeGapS = b.mergeGapS;
        repairWindowS = b.repairWindowS;
        quietS = b.quietS;
        resolvedWindowS = b.resolvedWindowS;
        requireReengagement = b.requireReengagement;
        reengagementCodes = new ArrayList<>(b.reengagementCodes);
        reengagementValues = new ArrayList<>(b.reengagementValues);
        segmentS = b.segmentS;
        pressureWindowS = b.pressureWindowS;
        settleS = b.settleS;
        minCueIntensity = b.minCueIntensity;
        episodeLookbackS = b.episodeLookbackS;
        episodeResponseS = b.episodeResponseS;
        cueResponseS = b.cueResponseS;
        useTurns = b.useTurns;
        turnGraceS = b.turnGraceS;
        voicedCueLookbackS = b.voicedCueLookbackS;
        sensitivityWindowsS = new ArrayList<>(b.sensitivityWindowsS);
        safetyResponseS = b.safetyResponseS;
        priorityTierStep = b.priorityTierStep;
        priorityHalfLoad = b.priorityHalfLoad;
        weightUnansweredSafety = b.weightUnansweredSafety;
        weightSafety = b.weightSafety;
        weightUnaddressed = b.weightUnaddressed;
        weightEscalated = b.weightEscalated;
        weightMissed = b.weightMissed;
        weightPressure = b.weightPressure;
        weightUnvoiced = b.weightUnvoiced;
        weightAnxiety = b.weightAnxiety;
    }

    /** A builder holding the defaults documented on its setters. */
    public static RuptureConfigBuilder builder() {
        return new RuptureConfigBuilder();
    }

    /** The project defaults. */
    public static RuptureConfig defaults() {
        return builder().build();
    }

    /** A builder preset with this configuration's values. */
    public RuptureConfigBuilder toBuilder() {
        return new RuptureConfigBuilder(this);
    }

    // Getters: see the matching RuptureConfigBuilder setter for unit, default and meaning.

    public double mergeGapS() { return mergeGapS; }

    public double repairWindowS() { return repairWindowS; }

    public double quietS() { return quietS; }

    public double resolvedWindowS() { return resolvedWindowS; }

    public boolean requireReengagement() { return requireReengagement; }

    /** Upper-case canonical codes, in the order given. */
    public List<String> reengagementCodes() { return List.copyOf(reengagementCodes); }

    /** Lower-case modifier values, in the order given. */
    public List<String> reengagementValues() { return List.copyOf(reengagementValues); }

    public double segmentS() { return segmentS; }

    public double pressureWindowS() { return pressureWindowS; }

    public double settleS() { return settleS; }

    public int minCueIntensity() { return minCueIntensity; }

    public double episodeLookbackS() { return episodeLookbackS; }

    public double episodeResponseS() { return episodeResponseS; }

    public double cueResponseS() { return cueResponseS; }

    public boolean useTurns() { return useTurns; }

    public double turnGraceS() { return turnGraceS; }

    public double voicedCueLookbackS() { return voicedCueLookbackS; }

    /** Ascending. */
    public List<Double> sensitivityWindowsS() { return List.copyOf(sensitivityWindowsS); }

    public double safetyResponseS() { return safetyResponseS; }

    public double priorityTierStep() { return priorityTierStep; }

    public double priorityHalfLoad() { return priorityHalfLoad; }

    public double weightUnansweredSafety() { return weightUnansweredSafety; }

    public double weightSafety() { return weightSafety; }

    public double weightUnaddressed() { return weightUnaddressed; }

    public double weightEscalated() { return weightEscalated; }

    public double weightMissed() { return weightMissed; }

    public double weightPressure() { return weightPressure; }

    public double weightUnvoiced() { return weightUnvoiced; }

    public double weightAnxiety() { return weightAnxiety; }

    /** Every option as {@code rupture.<name>} to its value, in declaration order. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rupture.merge_gap_s", num(mergeGapS));
        m.put("rupture.repair_window_s", num(repairWindowS));
        m.put("rupture.quiet_s", num(quietS));
        m.put("rupture.resolved_window_s", num(resolvedWindowS));
        m.put("rupture.require_reengagement", Boolean.toString(requireReengagement));
        m.put("rupture.reengagement_codes", String.join(";", reengagementCodes));
        m.put("rupture.reengagement_values", String.join(";", reengagementValues));
        m.put("rupture.segment_s", num(segmentS));
        m.put("rupture.pressure_window_s", num(pressureWindowS));
        m.put("opportunity.settle_s", num(settleS));
        m.put("opportunity.min_cue_intensity", Integer.toString(minCueIntensity));
        m.put("opportunity.episode_lookback_s", num(episodeLookbackS));
        m.put("opportunity.episode_response_s", num(episodeResponseS));
        m.put("opportunity.cue_response_s", num(cueResponseS));
        m.put("opportunity.use_turns", Boolean.toString(useTurns));
        m.put("opportunity.turn_grace_s", num(turnGraceS));
        m.put("opportunity.voiced_cue_lookback_s", num(voicedCueLookbackS));
        List<String> w = new ArrayList<>();
        sensitivityWindowsS.forEach(v -> w.add(num(v)));
        m.put("opportunity.sensitivity_windows_s", String.join(";", w));
        m.put("safety.response_s", num(safetyResponseS));
        m.put("priority.tier_step", num(priorityTierStep));
        m.put("priority.half_load", num(priorityHalfLoad));
        m.put("priority.weight.unanswered_safety", num(weightUnansweredSafety));
        m.put("priority.weight.safety", num(weightSafety));
        m.put("priority.weight.unaddressed_rupture", num(weightUnaddressed));
        m.put("priority.weight.escalated_rupture", num(weightEscalated));
        m.put("priority.weight.missed_opportunity", num(weightMissed));
        m.put("priority.weight.pressure_above_threshold", num(weightPressure));
        m.put("priority.weight.unvoiced_arousal", num(weightUnvoiced));
        m.put("priority.weight.anxiety_burden", num(weightAnxiety));
        return Collections.unmodifiableMap(m);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuptureConfig && asMetadata().equals(((RuptureConfig) o).asMetadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMetadata());
    }

    @Override
    public String toString() {
        return "RuptureConfig" + asMetadata();
    }

}
