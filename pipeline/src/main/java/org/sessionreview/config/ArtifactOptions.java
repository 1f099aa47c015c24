package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of signal quality and artifacts (artifacts/ rows and the masks behind every feature):
 * Kleckner et al. 2018 (EDA range and jumps, temperature), Taylor et al. 2015 (EDA motion),
 * Vähä-Ypyä et al. 2015 (gross movement: the mean amplitude deviation of the ACC magnitude).
 */
public final class ArtifactOptions {
    private ArtifactOptions() {}

    public static final ConfigOption<Double> EDA_MIN_US = real(
                    "artifacts.eda_min_us", 0.05, "uS", "EDA below this is contact loss.")
            .atLeast(0);
    public static final ConfigOption<Double> EDA_MAX_US = real(
                    "artifacts.eda_max_us",
                    60,
                    "uS",
                    "EDA above this is out of range: no wrist skin conductance reaches it (Kleckner et al. 2018, rule 1).")
            .positive();
    public static final ConfigOption<Double> EDA_MAX_JUMP_US_PER_S = real(
                    "artifacts.eda_max_jump_us_per_s", 10, "uS/s", "EDA changing faster than this is a jump artifact.")
            .positive();
    public static final ConfigOption<Double> EDA_MOTION_MIN_SLOPE_US_PER_S = real(
                    "artifacts.eda_motion_min_slope_us_per_s",
                    1,
                    "uS/s",
                    "Least EDA step steepness that, with an ACC jerk, is a motion artifact.")
            .positive();
    public static final ConfigOption<Double> EDA_MOTION_JERK_G_PER_S = real(
                    "artifacts.eda_motion_jerk_g_per_s",
                    5,
                    "g/s",
                    "Least change of the ACC magnitude per second that is a jerk.")
            .positive();
    public static final ConfigOption<Double> EDA_MOTION_COINCIDENCE_S = real(
                    "artifacts.eda_motion_coincidence_s",
                    1,
                    "s",
                    "Largest time between a steep EDA step and a jerk for a motion artifact.")
            .range(0, 30);
    public static final ConfigOption<Double> TEMP_MIN_C = real(
                    "artifacts.temp_min_c",
                    25,
                    "degC",
                    "Lowest worn skin temperature; below it the band is off the wrist.")
            .range(-50, 60);
    public static final ConfigOption<Double> TEMP_MAX_C = real(
                    "artifacts.temp_max_c", 40, "degC", "Highest worn skin temperature.")
            .range(-50, 60);
    public static final ConfigOption<Double> TEMP_MAX_FALL_C_PER_MIN = real(
                    "artifacts.temp_max_fall_c_per_min",
                    1,
                    "degC/min",
                    "Fastest fall of a worn skin temperature; faster falls are off wrist.")
            .positive();
    public static final ConfigOption<Double> TEMP_MIN_FALL_C = real(
                    "artifacts.temp_min_fall_c", 1, "degC", "Smallest drop that the fall rule masks.")
            .positive();
    public static final ConfigOption<Double> TEMP_FALL_WINDOW_S = real(
                    "artifacts.temp_fall_window_s", 120, "s", "How far back a fall is looked for.")
            .range(1, 200);
    public static final ConfigOption<Double> GROSS_MOVEMENT_G = real(
                    "artifacts.gross_movement_g",
                    0.09,
                    "g",
                    "Mean amplitude deviation of the ACC vector magnitude over 1 s at or above which the second is gross"
                            + " movement (Vaha-Ypya et al. 2015: 0.091 g separates moderate from light activity).")
            .positive();
    public static final ConfigOption<Double> IBI_MAX_GAP_S = real(
                    "artifacts.ibi_max_gap_s",
                    3,
                    "s",
                    "Longest stretch without an accepted device beat that is not an IBI gap.")
            .range(0.1, 60);

    public static final ConfigOption<Double> NOT_WORN_MIN_S = real(
                    "artifacts.not_worn_min_s",
                    5,
                    "s",
                    "Shortest stretch of skin temperature off the wrist together with EDA contact loss that is the band"
                            + " not worn, masked in every channel; a shorter coincidence is a contact shift, left to each"
                            + " channel's own mask.")
            .range(0, 30);

    public static final List<ConfigOption<?>> ALL = List.of(
            EDA_MIN_US,
            EDA_MAX_US,
            EDA_MAX_JUMP_US_PER_S,
            EDA_MOTION_MIN_SLOPE_US_PER_S,
            EDA_MOTION_JERK_G_PER_S,
            EDA_MOTION_COINCIDENCE_S,
            TEMP_MIN_C,
            TEMP_MAX_C,
            TEMP_MAX_FALL_C_PER_MIN,
            TEMP_MIN_FALL_C,
            TEMP_FALL_WINDOW_S,
            GROSS_MOVEMENT_G,
            IBI_MAX_GAP_S,
            NOT_WORN_MIN_S);
}
