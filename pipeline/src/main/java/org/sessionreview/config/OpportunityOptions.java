package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.flag;
import static org.sessionreview.config.ConfigOption.integer;
import static org.sessionreview.config.ConfigOption.real;
import static org.sessionreview.config.ConfigOption.reals;

import java.util.List;

/**
 * Options of missed therapeutic opportunities (DOMAIN.md section 5; VR-CoDES, Zimmermann et al.
 * 2011, Del Piccolo et al. 2011) and of safety events (2.7). [proposal] defaults.
 */
public final class OpportunityOptions {
    private OpportunityOptions() {}

    public static final ConfigOption<Double> SETTLE_S = real(
                    "opportunity.settle_s",
                    120,
                    "s",
                    "Triggers before this time from media start are ignored, and episode onsets with less than"
                            + " this of client data before them (from where the data start or resume).")
            .atLeast(0);
    public static final ConfigOption<Integer> MIN_CUE_INTENSITY = integer(
                    "opportunity.min_cue_intensity",
                    2,
                    "",
                    "A coded ANX_* cue is a trigger when its intensity (1-3) is at least this or not coded.")
            .atLeast(1);
    public static final ConfigOption<Double> EPISODE_LOOKBACK_S = real(
                    "opportunity.episode_lookback_s",
                    10,
                    "s",
                    "The response window of an anxiety-episode onset starts this long before the onset.")
            .atLeast(0);
    public static final ConfigOption<Double> EPISODE_RESPONSE_S = real(
                    "opportunity.episode_response_s",
                    30,
                    "s",
                    "The response window of an anxiety-episode onset ends this long after the onset.")
            .atLeast(0);
    public static final ConfigOption<Double> CUE_RESPONSE_S = real(
                    "opportunity.cue_response_s",
                    10,
                    "s",
                    "Response window after a coded cue when no client turn is coded.")
            .atLeast(0);
    public static final ConfigOption<Boolean> USE_TURNS = flag(
            "opportunity.use_turns",
            true,
            "Whether a coded client turn holding the cue ends its window at the turn end + grace (next turn).");
    public static final ConfigOption<Double> TURN_GRACE_S = real(
                    "opportunity.turn_grace_s",
                    5,
                    "s",
                    "Time after the end of the client's turn still counted as the response.")
            .atLeast(0);
    public static final ConfigOption<Double> VOICED_CUE_LOOKBACK_S = real(
                    "opportunity.voiced_cue_lookback_s",
                    30,
                    "s",
                    "An anxiety episode is voiced when a coded client cue overlaps [onset - this, end].")
            .atLeast(0);
    public static final ConfigOption<List<Double>> SENSITIVITY_WINDOWS_S = reals(
                    "opportunity.sensitivity_windows_s",
                    List.of(5.0, 10.0, 20.0, 30.0),
                    "s",
                    "Response windows of the missed-opportunity sensitivity column.")
            .atLeast(0)
            .ascending();
    public static final ConfigOption<Double> SAFETY_RESPONSE_S = real(
                    "safety.response_s", 60, "s", "A safety event needs a therapist code within this long.")
            .atLeast(0);

    public static final ConfigOption<Integer> SEVERE_DISSOCIATION_INTENSITY = integer(
                    "safety.severe_dissociation_intensity",
                    3,
                    "",
                    "A client ANX_CPD coded at this intensity (1-3) or more is a SAFE_SEVERE_DISSOCIATION"
                            + " safety event (DOMAIN.md 2.7).")
            .range(1, 3);
    public static final ConfigOption<Double> SEVERE_DISSOCIATION_S = real(
                    "safety.severe_dissociation_s",
                    30,
                    "s",
                    "A client ANX_CPD lasting longer than this is a SAFE_SEVERE_DISSOCIATION safety event"
                            + " (DOMAIN.md 2.7).")
            .atLeast(0);
    public static final ConfigOption<Double> SAME_EVENT_S = real(
                    "safety.same_event_s",
                    10,
                    "s",
                    "A coded SAFE_SEVERE_DISSOCIATION within this long of a severe ANX_CPD (or overlapping it) is"
                            + " the same event, surfaced once.")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL = List.of(
            SETTLE_S,
            MIN_CUE_INTENSITY,
            EPISODE_LOOKBACK_S,
            EPISODE_RESPONSE_S,
            CUE_RESPONSE_S,
            USE_TURNS,
            TURN_GRACE_S,
            VOICED_CUE_LOOKBACK_S,
            SENSITIVITY_WINDOWS_S,
            SAFETY_RESPONSE_S,
            SEVERE_DISSOCIATION_INTENSITY,
            SEVERE_DISSOCIATION_S,
            SAME_EVENT_S);
}
