package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/** Options of the coded part of the review priority: tiers and the loads within a tier. [proposal] defaults. */
public final class PriorityOptions {
    private PriorityOptions() {}

    public static final ConfigOption<Double> TIER_STEP = real(
                    "priority.tier_step", 1000, "", "Width of a priority tier; the within-tier term stays below it.")
            .positive();
    public static final ConfigOption<Double> HALF_LOAD = real(
                    "priority.half_load", 20, "", "Load at which the within-tier term reaches half a tier.")
            .positive();
    public static final ConfigOption<Double> WEIGHT_UNANSWERED_SAFETY = real(
                    "priority.weight.unanswered_safety", 10, "", "Load per safety event without a therapist response.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_SAFETY = real(
                    "priority.weight.safety", 5, "", "Load per safety event with a therapist response.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_UNADDRESSED = real(
                    "priority.weight.unaddressed_rupture", 4, "", "Load per unaddressed rupture episode.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_ESCALATED = real(
                    "priority.weight.escalated_rupture", 3, "", "Load per escalated rupture episode.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_MISSED = real(
                    "priority.weight.missed_opportunity", 2, "", "Load per missed opportunity.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_PRESSURE = real(
                    "priority.weight.pressure_above_threshold", 2, "", "Load per pressure-above-threshold candidate.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_UNVOICED = real(
                    "priority.weight.unvoiced_arousal", 1, "", "Load per unvoiced-arousal episode.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_ANXIETY = real(
                    "priority.weight.anxiety_burden", 1, "", "Load per unit of anxiety burden.")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL = List.of(
            TIER_STEP,
            HALF_LOAD,
            WEIGHT_UNANSWERED_SAFETY,
            WEIGHT_SAFETY,
            WEIGHT_UNADDRESSED,
            WEIGHT_ESCALATED,
            WEIGHT_MISSED,
            WEIGHT_PRESSURE,
            WEIGHT_UNVOICED,
            WEIGHT_ANXIETY);
}
