package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of how the skin-temperature slope is scored ({@code org.sessionreview.scoring.AnxietyIndex}).
 *
 * <p>Peripheral skin temperature falls under stress (vasoconstriction, DOMAIN.md 4.0), so the index
 * counts a slope below the wearer's baseline. A wearer whose hands warm through the calibration
 * stretch (cold hands after coming in from outside, a cool room: skin temperature 26-28 degC rising
 * 2-3 degC over a session) has a positive baseline slope, and every later minute in which the
 * warming slows read as a fall (eighth audit, 2026-12-07: z(temp slope) -2 to -3.5 through the
 * second half of calm sessions, one false therapist episode with a chance rise of the EDA level).
 * A slower warming is no vasoconstriction, so the slope's reference is the baseline median but at
 * most {@link #MAX_REFERENCE_C_PER_MIN} (0 degC/min: a steady temperature); its robust scale is the
 * baseline's. A baseline median at or below the bound is used as before.
 *
 * <p>So a wearer who keeps warming at the calibration's own rate scores a positive z (evidence
 * against arousal, as any warming is; its contribution is bounded by {@code
 * scoring.contribution_floor}, -3: the index at most about 0.23 lower). Scoring every slope from
 * the bound up to the median as z 0 instead (a band; review of 2026-12-07) flattens the ranking of
 * slowed warmings, which carries the tasks in the lab data: Stress-Predict S02-S08 with the
 * defaults, median 0.818 -> 0.817, mean 0.791 -> 0.788, S02 0.867 -> 0.861, S03 0.706 -> 0.696,
 * S08 0.854 -> 0.851, leave-one-subject-out 0.708 -> 0.706; not adopted.
 */
public final class TemperatureScoringOptions {
    private TemperatureScoringOptions() {}

    public static final ConfigOption<Double> MAX_REFERENCE_C_PER_MIN = real(
            "scoring.temp_slope.max_reference_c_per_min",
            0,
            "degC/min",
            "z(temp slope) is taken against the baseline median slope but at most this: a warming in the calibration"
                    + " stretch (cold hands) is no reference, its slowing later is no vasoconstriction; a large value"
                    + " restores the plain median.");

    public static final List<ConfigOption<?>> ALL = List.of(MAX_REFERENCE_C_PER_MIN);
}
