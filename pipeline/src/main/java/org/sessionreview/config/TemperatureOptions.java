package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/** Options of the skin-temperature slope (least squares, Vinkers et al. 2013). */
public final class TemperatureOptions {
    private TemperatureOptions() {}

    public static final ConfigOption<Double> SLOPE_SPAN_S = real(
                    "temperature.slope_span_s",
                    60,
                    "s",
                    "Trailing span of the least-squares slope, ending at the window end.")
            .range(1, 3600);
    public static final ConfigOption<Double> SLOPE_MIN_VALID_SHARE = real(
                    "temperature.slope_min_valid_share",
                    0.5,
                    "",
                    "Least share of worn (unmasked) samples in the span for a slope.")
            .range(0, 1);

    public static final List<ConfigOption<?>> ALL = List.of(SLOPE_SPAN_S, SLOPE_MIN_VALID_SHARE);
}
