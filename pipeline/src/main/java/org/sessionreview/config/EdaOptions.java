package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.choice;
import static org.sessionreview.config.ConfigOption.real;

import java.util.List;
import org.sessionreview.signal.eda.EdaCleanMethod;

/**
 * Options of the EDA steps: cleaning, tonic/phasic split and SCRs (NeuroKit2, Makowski et al.
 * 2021; Boucsein 2012). {@code eda.method} NEUROKIT runs NeuroKit2's own split and relative SCR
 * threshold over the whole recording; the other options apply to both methods where they have a
 * meaning (the absolute threshold only to STREAMING, the relative one only to NEUROKIT).
 */
public final class EdaOptions {
    private EdaOptions() {}

    public static final ConfigOption<EdaMethod> METHOD = choice(
            "eda.method",
            EdaMethod.class,
            EdaMethod.STREAMING,
            "Tonic/phasic split and SCR method: STREAMING (bounded, in cores) or NEUROKIT"
                    + " (NeuroKit2's whole-recording pipeline).");
    public static final ConfigOption<EdaCleanMethod> CLEAN_METHOD = choice(
            "eda.clean_method",
            EdaCleanMethod.class,
            EdaCleanMethod.NEUROKIT,
            "Cleaning: NEUROKIT (4th-order 3 Hz low-pass, skipped at or below 6 Hz) or NONE.");
    public static final ConfigOption<Double> TONIC_CUTOFF_HZ = real(
                    "eda.tonic_cutoff_hz",
                    0.05,
                    "Hz",
                    "Cut-off of the zero-phase Butterworth that separates tonic from phasic.")
            .between(0, 1);
    public static final ConfigOption<Double> SCR_MIN_AMPLITUDE_US = real(
                    "eda.scr_min_amplitude_us", 0.05, "uS", "Absolute SCR threshold: least phasic rise (STREAMING).")
            .range(0.001, 9.999);
    public static final ConfigOption<Double> SCR_RELATIVE_AMPLITUDE_MIN = real(
                    "eda.scr_relative_amplitude_min",
                    0.1,
                    "",
                    "Relative SCR threshold: share of the largest amplitude (NEUROKIT).")
            .range(1e-6, 1);
    public static final ConfigOption<Double> SCR_MIN_RISE_S = real(
                    "eda.scr_min_rise_s", 0.5, "s", "Shortest accepted SCR rise time (onset to peak).")
            .range(0, 60);
    public static final ConfigOption<Double> SCR_MAX_RISE_S = real(
                    "eda.scr_max_rise_s", 5, "s", "Longest accepted SCR rise time (onset to peak).")
            .range(0, 60);
    public static final ConfigOption<Double> SUPPORT_S = real(
                    "eda.support_s", 15, "s", "Half-width at which the streaming tonic response is cut (tapered).")
            .range(1, 600);
    public static final ConfigOption<Double> CONTEXT_S = real(
                    "eda.context_s",
                    30,
                    "s",
                    "Data before each core seen by the streaming split (at least eda.support_s).")
            .range(1, 3600);
    public static final ConfigOption<Double> LOOK_AHEAD_S = real(
                    "eda.look_ahead_s",
                    20,
                    "s",
                    "Data after each core seen by the streaming split (at least eda.support_s); the SCR latency.")
            .range(1, 3600);

    public static final List<ConfigOption<?>> ALL = List.of(
            METHOD,
            CLEAN_METHOD,
            TONIC_CUTOFF_HZ,
            SCR_MIN_AMPLITUDE_US,
            SCR_RELATIVE_AMPLITUDE_MIN,
            SCR_MIN_RISE_S,
            SCR_MAX_RISE_S,
            SUPPORT_S,
            CONTEXT_S,
            LOOK_AHEAD_S);
}
