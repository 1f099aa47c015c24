package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of the per-window feature stage: windowing, cores and the quality gate (DOMAIN.md
 * 4.0). The signal steps' options are declared beside it: {@link EdaOptions}, {@link
 * CardiacOptions}, {@link MotionOptions}, {@link TemperatureOptions}, {@link ArtifactOptions};
 * {@link FeatureConfig} holds all of them.
 */
public final class FeatureOptions {
    private FeatureOptions() {}

    public static final ConfigOption<Double> WINDOW_S = real(
                    "features.window_s", 30, "s", "Length of the analysis windows.")
            .range(0.001, 3600);
    public static final ConfigOption<Double> HOP_S = real(
                    "features.hop_s", 5, "s", "Step between window starts; windows start at k x hop from media start.")
            .range(0.001, 3600);
    public static final ConfigOption<Double> CONTEXT_S = real(
                    "features.context_s", 60, "s", "Data before a window that the filters see so that they settle.")
            .range(0, 3600);
    public static final ConfigOption<Double> BLOCK_S = real(
                    "features.block_s", 30, "s", "Time span of one block of samples (all channels) on the stream.")
            .positive();
    public static final ConfigOption<Double> CORE_S = real(
                    "features.core_s",
                    60,
                    "s",
                    "Length of the stretches in which SCRs, beats and artifacts are detected once each.")
            .range(10, 3600);
    public static final ConfigOption<Double> MIN_QUALITY = real(
                    "features.min_quality",
                    0.5,
                    "",
                    "Least channel quality (valid share of the window) for the channel's features to be reported.")
            .range(0, 1);
    public static final ConfigOption<Double> MAX_CHANNEL_SKEW_S = real(
                    "features.max_channel_skew_s",
                    60,
                    "s",
                    "How far the most advanced channel may run past a window's end before the window is computed"
                            + " without the channels that have not reached it (at least the block length).")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL =
            List.of(WINDOW_S, HOP_S, CONTEXT_S, BLOCK_S, CORE_S, MIN_QUALITY, MAX_CHANNEL_SKEW_S);
}
