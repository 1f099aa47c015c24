package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.flag;
import static org.sessionreview.config.ConfigOption.real;
import static org.sessionreview.config.ConfigOption.words;

import java.util.List;

/**
 * Options of rupture-repair episodes, the 3RS roll-up (DOMAIN.md section 3; Eubanks, Muran &amp;
 * Safran 2015; Safran &amp; Muran 2000) and the ISTDP pressure overlay (3.7). Every default is
 * this project's [proposal], not a published standard. {@link RuptureConfig} holds these with
 * {@link OpportunityOptions} and {@link PriorityOptions}.
 */
public final class RuptureOptions {
    private RuptureOptions() {}

    public static final ConfigOption<Double> MERGE_GAP_S = real(
                    "rupture.merge_gap_s",
                    120,
                    "s",
                    "A marker extends its class's open episode when it starts at most this long after the episode's"
                            + " last marker (rule 1).")
            .atLeast(0);
    public static final ConfigOption<Double> REPAIR_WINDOW_S = real(
                    "rupture.repair_window_s",
                    300,
                    "s",
                    "A repair attaches to an open episode when it starts before its last marker's end + this (rule 2).")
            .atLeast(0);
    public static final ConfigOption<Double> QUIET_S = real(
                    "rupture.quiet_s",
                    300,
                    "s",
                    "An episode closes after this long without a marker of its class (rule 3; >= the merge gap).")
            .positive();
    public static final ConfigOption<Double> RESOLVED_WINDOW_S = real(
                    "rupture.resolved_window_s",
                    120,
                    "s",
                    "Resolved needs no marker of the episode's class within this after the last repair (rule 4).")
            .atLeast(0);
    public static final ConfigOption<Boolean> REQUIRE_REENGAGEMENT = flag(
            "rupture.require_reengagement",
            false,
            "Whether resolved also needs a coded client re-engagement after the last repair.");
    public static final ConfigOption<List<String>> REENGAGEMENT_CODES = words(
            "rupture.reengagement_codes",
            List.of("AFF_CONCERN"),
            "Canonical client codes that count as re-engagement (any case).");
    public static final ConfigOption<List<String>> REENGAGEMENT_VALUES = words(
            "rupture.reengagement_values",
            List.of("self_assertion", "elaboration", "vulnerability"),
            "Values of a client's reengagement or stage modifier that count as re-engagement (any case).");
    public static final ConfigOption<Double> SEGMENT_S = real(
                    "rupture.segment_s", 300, "s", "Length of the 3RS roll-up segments from media start (rule 6).")
            .positive();
    public static final ConfigOption<Double> PRESSURE_WINDOW_S = real(
                    "rupture.pressure_window_s",
                    30,
                    "s",
                    "A pressure intervention this soon after an above-threshold cue is flagged (rule 7).")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL = List.of(
            MERGE_GAP_S,
            REPAIR_WINDOW_S,
            QUIET_S,
            RESOLVED_WINDOW_S,
            REQUIRE_REENGAGEMENT,
            REENGAGEMENT_CODES,
            REENGAGEMENT_VALUES,
            SEGMENT_S,
            PRESSURE_WINDOW_S);
}
