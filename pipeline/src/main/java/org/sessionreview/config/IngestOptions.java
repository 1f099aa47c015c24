package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of reading the inputs: the duration cap and the range of each E4 channel's samples
 * (ACC's is the sensor's own +-2 g, fixed). The other E4 plausibility limits (rate within a factor 4 of
 * nominal, start within 24 h of media start, 4 beats/s, 4096 characters a line) are fixed
 * guards of the reader, not parameters of a method; see {@code E4Limits}.
 */
public final class IngestOptions {
    private IngestOptions() {}

    public static final ConfigOption<Double> E4_MAX_DURATION_H = real(
                    "ingest.e4_max_duration_h",
                    24,
                    "h",
                    "Longest recording read per E4 channel; samples past it are rejected.")
            .range(0.01, 1000);

    public static final ConfigOption<Double> E4_EDA_MAX_US = real(
                    "ingest.e4_eda_max_us",
                    100,
                    "uS",
                    "Largest EDA sample read (the E4 measures 0.01-100 uS); a larger or negative sample is rejected as"
                            + " damaged.")
            .range(1, 1e6);

    public static final ConfigOption<Double> E4_TEMP_MIN_C = real(
                    "ingest.e4_temp_min_c",
                    -20,
                    "degC",
                    "Lowest skin-temperature sample read (worn skin is 25-40 degC, a band off the wrist room"
                            + " temperature); a lower one is rejected as damaged.")
            .range(-273.15, 100);

    public static final ConfigOption<Double> E4_TEMP_MAX_C = real(
                    "ingest.e4_temp_max_c",
                    60,
                    "degC",
                    "Highest skin-temperature sample read; a higher one is rejected as damaged.")
            .range(-273.15, 1000);

    public static final ConfigOption<Double> E4_HR_MIN_BPM = real(
                    "ingest.e4_hr_min_bpm",
                    20,
                    "bpm",
                    "Lowest HR.csv sample read (the device's average heart rate); a lower one is rejected as damaged.")
            .range(0, 1000);

    public static final ConfigOption<Double> E4_HR_MAX_BPM = real(
                    "ingest.e4_hr_max_bpm",
                    250,
                    "bpm",
                    "Highest HR.csv sample read; a higher one is rejected as damaged.")
            .range(1, 10000);

    public static final ConfigOption<Double> E4_BVP_MAX_ABS = real(
                    "ingest.e4_bvp_max_abs",
                    100000,
                    "a.u.",
                    "Largest absolute BVP sample read (recordings stay within a few thousand); a larger one is"
                            + " rejected as damaged.")
            .range(1, 1e12);

    public static final List<ConfigOption<?>> ALL = List.of(
            E4_MAX_DURATION_H,
            E4_EDA_MAX_US,
            E4_TEMP_MIN_C,
            E4_TEMP_MAX_C,
            E4_HR_MIN_BPM,
            E4_HR_MAX_BPM,
            E4_BVP_MAX_ABS);

    /** The ingest settings, checked across options: each range's minimum below its maximum. */
    static Settings checked(Settings s) {
        Settings.require(
                s.get(E4_TEMP_MIN_C) < s.get(E4_TEMP_MAX_C), "ingest.e4_temp_min_c must be < ingest.e4_temp_max_c");
        Settings.require(
                s.get(E4_HR_MIN_BPM) < s.get(E4_HR_MAX_BPM), "ingest.e4_hr_min_bpm must be < ingest.e4_hr_max_bpm");
        return s;
    }
}
