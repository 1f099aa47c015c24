package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of the exertion-recovery rule ({@code org.sessionreview.scoring.ExertionRecovery}):
 * after sustained gross movement (walking, stairs) the minutes in which heart rate and sweat fall
 * back are not scored as anxiety. Either length at 0 turns the rule off (the review before
 * 2026-12-06 night). See README, Methods (Exertion recovery), for the reasons and references.
 */
public final class ExertionOptions {
    private ExertionOptions() {}

    public static final ConfigOption<Double> SUSTAINED_S = real(
                    "scoring.exertion.sustained_s",
                    60,
                    "s",
                    "Sustained exertion: consecutive windows, each with gross movement over at least movement_share of it,"
                            + " whose cells cover this much (5 s a window); 0 turns the recovery rule off.")
            .atLeast(0);
    public static final ConfigOption<Double> MOVEMENT_SHARE = real(
                    "scoring.exertion.movement_share",
                    0.95,
                    "",
                    "Share of a window that gross movement must fill for the window to count towards sustained exertion"
                            + " (0.95: 29 of 30 s, counted in whole seconds; a still pause of 3 s or more always"
                            + " breaks a run, 2 s on whole seconds, as gestures pause).")
            .range(0, 1);
    public static final ConfigOption<Double> MAX_RECOVERY_S = real(
                    "scoring.exertion.max_recovery_s",
                    180,
                    "s",
                    "After sustained exertion, windows are not scored (windows.exertion_recovery) until the index falls"
                            + " below the leave threshold or their centre lies this far past its end; 0 turns the rule off.")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL = List.of(SUSTAINED_S, MOVEMENT_SHARE, MAX_RECOVERY_S);
}
