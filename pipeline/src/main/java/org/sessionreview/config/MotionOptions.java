package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/** Options of the motion features: fidget band power and its dominant frequency (FFT, Hann frames). */
public final class MotionOptions {
    private MotionOptions() {}

    public static final ConfigOption<Double> FIDGET_LOW_HZ = real(
                    "motion.fidget_low_hz", 2, "Hz", "Lower edge of the fidget band of the ACC magnitude (inclusive).")
            .positive();
    public static final ConfigOption<Double> FIDGET_HIGH_HZ = real(
                    "motion.fidget_high_hz",
                    6,
                    "Hz",
                    "Upper edge of the fidget band (inclusive), below half the ACC rate.")
            .positive();
    public static final ConfigOption<Double> FFT_FRAME_S = real(
                    "motion.fft_frame_s", 4, "s", "FFT frame of the fidget power and frequency (128 samples at 32 Hz).")
            .range(0.25, 60);
    public static final ConfigOption<Double> FIDGET_MIN_POWER_G2 = real(
                    "motion.fidget_min_power_g2",
                    1e-4,
                    "g^2",
                    "Band power below which no dominant fidget frequency is reported.")
            .atLeast(0);

    public static final List<ConfigOption<?>> ALL =
            List.of(FIDGET_LOW_HZ, FIDGET_HIGH_HZ, FFT_FRAME_S, FIDGET_MIN_POWER_G2);
}
