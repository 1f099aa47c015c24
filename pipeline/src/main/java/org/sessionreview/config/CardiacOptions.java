package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.flag;
import static org.sessionreview.config.ConfigOption.integer;
import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of the cardiac steps: cleaning of the device's inter-beat intervals (Berntson et al.
 * 1997; Malik et al. 1989, 20 % rule), beats from the pulse wave (Elgendi et al. 2013 peaks with
 * NeuroKit2's defaults, Makowski et al. 2021, then amplitude and interval rejection) and the
 * windows of heart rate and HRV (Task Force of the ESC/NASPE 1996). The interval range,
 * deviation and neighbour count apply to device and pulse-wave beats alike; the pulse-wave
 * beats' band-pass is NeuroKit2's {@code ppg_clean(method="elgendi")} (3rd-order Butterworth,
 * 0.5-8 Hz, zero phase), part of the method and named in the {@code methods} footer entry.
 */
public final class CardiacOptions {
    private CardiacOptions() {}

    public static final ConfigOption<Double> IBI_MIN_S = real(
                    "cardiac.ibi_min_s", 0.3, "s", "Shortest plausible inter-beat interval (200 bpm).")
            .positive();
    public static final ConfigOption<Double> IBI_MAX_S = real(
                    "cardiac.ibi_max_s", 2.0, "s", "Longest plausible inter-beat interval (30 bpm).")
            .range(0.1, 10);
    public static final ConfigOption<Double> IBI_MAX_DEVIATION = real(
                    "cardiac.ibi_max_deviation", 0.2, "", "Largest accepted |ibi - local median| / local median.")
            .between(0, 1);
    public static final ConfigOption<Integer> IBI_NEIGHBOURS = integer(
                    "cardiac.ibi_neighbours",
                    5,
                    "",
                    "Eligible intervals taken on each side of a beat for its local median.")
            .range(1, 50);
    public static final ConfigOption<Double> IBI_NEIGHBOUR_WINDOW_S = real(
                    "cardiac.ibi_neighbour_window_s",
                    15,
                    "s",
                    "Farthest a neighbour may lie from a device beat for its local median.")
            .range(1, 60);
    public static final ConfigOption<Double> DEVICE_COVER_S = real(
                    "cardiac.device_cover_s",
                    1.5,
                    "s",
                    "A pulse-wave beat fills in for heart rate only when no accepted device beat lies this close.")
            .range(0, 10);
    public static final ConfigOption<Double> TIME_SPAN_S = real(
                    "cardiac.time_span_s",
                    60,
                    "s",
                    "Trailing span of HR, RMSSD, SDNN and pNN50, ending at the window end.")
            .range(10, 240);
    public static final ConfigOption<Integer> MIN_PAIRS = integer(
                    "cardiac.min_pairs", 5, "", "Fewest adjacent accepted beat pairs for RMSSD and pNN50.")
            .atLeast(1);
    public static final ConfigOption<Double> FREQUENCY_SPAN_S = real(
                    "cardiac.frequency_span_s",
                    180,
                    "s",
                    "Trailing span of LF, HF and LF/HF (Lomb-Scargle), ending at the window end.")
            .range(30, 240);
    public static final ConfigOption<Double> FREQUENCY_MIN_SPAN_S = real(
                    "cardiac.frequency_min_span_s", 120, "s", "Least time covered by beats for LF and HF.")
            .positive();
    public static final ConfigOption<Double> FREQUENCY_MIN_COVERAGE = real(
                    "cardiac.frequency_min_coverage",
                    0.5,
                    "",
                    "Least share of the span covered by accepted intervals for LF and HF.")
            .range(0, 1);
    public static final ConfigOption<Double> LF_LOW_HZ =
            real("cardiac.lf_low_hz", 0.04, "Hz", "Lower edge of the LF band.").positive();
    public static final ConfigOption<Double> LF_HIGH_HZ = real(
                    "cardiac.lf_high_hz", 0.15, "Hz", "Upper edge of the LF band and lower edge of the HF band.")
            .positive();
    public static final ConfigOption<Double> HF_HIGH_HZ =
            real("cardiac.hf_high_hz", 0.4, "Hz", "Upper edge of the HF band.").positive();
    public static final ConfigOption<Double> FREQUENCY_STEP_HZ = real(
                    "cardiac.frequency_step_hz", 0.005, "Hz", "Frequency grid of the Lomb-Scargle periodogram.")
            .range(1e-4, 0.05);
    /**
     * Irregular rhythm ({@link org.sessionreview.signal.cardiac.IrregularRhythm}; Dash et al.
     * 2009, Ann. Biomed. Eng. 37, 1701): the least share of a span's in-range device beats
     * rejected for deviating from their local median at which the rhythm is irregular. Sinus
     * rhythms, strong RSA included, have none; premature beats every 20-60 beats give 3-11 %; the
     * real wrist recordings of Stress-Predict S02-S08 reach 15 % in 7 of 4,694 windows (artifacts
     * over 20-26 beats, below {@link #IRREGULAR_MIN_BEATS});
     * atrial fibrillation (interval CV 15-25 %) 14-50 %, CV 18 % 21-38 % (10th-90th percentile).
     * A value above 1 turns the rule off.
     */
    public static final ConfigOption<Double> IRREGULAR_MIN_SHARE = real(
                    "cardiac.irregular_min_share",
                    0.15,
                    "",
                    "Least share of a span's in-range device beats deviating from their local median for an irregular"
                            + " rhythm: heart rate from all of them, z(HR) scaled with its sampling error; above 1: off.")
            .range(0.01, 2);
    /**
     * Hysteresis of the irregular-rhythm judgement, per wearer: once a window's span is irregular,
     * the next window's span stays irregular while at least this share of its in-range device
     * beats deviate from their local median (and they number at least {@link
     * #IRREGULAR_MIN_BEATS}); it enters only at {@link #IRREGULAR_MIN_SHARE}. Without it, in an
     * atrial-fibrillation-like rhythm of interval CV 15 % (share about 21 %, 5th percentile 14 %)
     * some spans fell below the entry share and took the kept beats' rate and the narrow scale of
     * z(HR) again, between irregular neighbours. The same two-threshold pattern as the episodes'
     * enter and leave thresholds (Methods, Episodes). Sinus rhythms never enter (share 0), premature
     * beats every 20-60 beats give 3-11 % and do not enter; but once an artifact cluster has made a
     * sinus wearer's span irregular, the span stays so while 10 % deviate (FLIRT: 10 windows
     * instead of 2), and premature beats every 10-20 beats keep it irregular. A value
     * at or above {@code cardiac.irregular_min_share} turns the hysteresis off.
     */
    public static final ConfigOption<Double> IRREGULAR_LEAVE_SHARE = real(
                    "cardiac.irregular_leave_share",
                    0.10,
                    "",
                    "Share of deviating device beats below which a wearer's irregular rhythm ends (hysteresis; it"
                            + " enters at cardiac.irregular_min_share); at or above that share: no hysteresis.")
            .range(0.01, 2);
    /**
     * Fewest in-range device beats in the trailing span for the irregular-rhythm judgement
     * (default 30, half a minute at 60 bpm): over fewer, one deviating beat moves the share by
     * more than 3 %, and the AF detectors' segments are 64-128 beats (Dash et al. 2009). The
     * real wrist spans of Stress-Predict S02-S08 that reached a 15 % share held 20-26 beats (7
     * of 4,694 windows), an AF-like wearer's 30 or more in 96-99 % of its windows.
     */
    public static final ConfigOption<Integer> IRREGULAR_MIN_BEATS = integer(
                    "cardiac.irregular_min_beats",
                    30,
                    "",
                    "Fewest in-range device beats in the trailing span for it to be judged irregular.")
            .atLeast(2);

    public static final ConfigOption<Double> PPG_PEAK_WINDOW_S = real(
                    "cardiac.ppg_peak_window_s",
                    0.111,
                    "s",
                    "Pulse-wave peak detector: peak moving average and shortest block (Elgendi et al. 2013).")
            .range(0.01, 1);
    public static final ConfigOption<Double> PPG_BEAT_WINDOW_S = real(
                    "cardiac.ppg_beat_window_s",
                    0.667,
                    "s",
                    "Pulse-wave peak detector: beat moving average, the threshold's base (Elgendi et al. 2013).")
            .range(0.05, 5);
    public static final ConfigOption<Double> PPG_BEAT_OFFSET = real(
                    "cardiac.ppg_beat_offset",
                    0.02,
                    "",
                    "Pulse-wave peak detector: threshold offset as a share of the local mean squared signal.")
            .between(0, 1);
    public static final ConfigOption<Double> PPG_MIN_DELAY_S = real(
                    "cardiac.ppg_min_delay_s", 0.3, "s", "Pulse-wave peaks must lie more than this apart.")
            .range(0, 2);
    public static final ConfigOption<Double> PPG_OFFSET_WINDOW_S = real(
                    "cardiac.ppg_offset_window_s",
                    8,
                    "s",
                    "Centred span of the mean squared signal behind the peak threshold's offset (local on a stream).")
            .range(1, 60);
    public static final ConfigOption<Boolean> PPG_REFINE_PEAKS = flag(
            "cardiac.ppg_refine_peaks",
            true,
            "Pulse-wave beat times refined by a parabola through the peak sample and its neighbours.");
    public static final ConfigOption<Double> PPG_AMPLITUDE_WINDOW_S = real(
                    "cardiac.ppg_amplitude_window_s",
                    8,
                    "s",
                    "Pulse waves within this distance either side give the median a wave's amplitude is judged by.")
            .range(1, 60);
    public static final ConfigOption<Double> PPG_MIN_RELATIVE_AMPLITUDE = real(
                    "cardiac.ppg_min_relative_amplitude",
                    0.5,
                    "",
                    "A pulse wave below this x the median amplitude of its neighbours is low_amplitude (skipped).")
            .between(0, 1);
    public static final ConfigOption<Double> PPG_MAX_RELATIVE_AMPLITUDE = real(
                    "cardiac.ppg_max_relative_amplitude",
                    2.0,
                    "",
                    "A pulse wave above this x the median amplitude of its neighbours is motion (rejected).")
            .range(1, 100);
    public static final ConfigOption<Double> PPG_GUARD_S = real(
                    "cardiac.ppg_guard_s",
                    3,
                    "s",
                    "Pulse-wave intervals this close to a masked sample, where the band-pass has not settled, are masked.")
            .range(0, 30);
    public static final ConfigOption<Double> PPG_NEIGHBOUR_WINDOW_S = real(
                    "cardiac.ppg_neighbour_window_s",
                    8,
                    "s",
                    "Farthest a neighbour may lie from a pulse-wave beat for its local median.")
            .range(1, 60);

    public static final List<ConfigOption<?>> ALL = List.of(
            IBI_MIN_S,
            IBI_MAX_S,
            IBI_MAX_DEVIATION,
            IBI_NEIGHBOURS,
            IBI_NEIGHBOUR_WINDOW_S,
            DEVICE_COVER_S,
            TIME_SPAN_S,
            MIN_PAIRS,
            FREQUENCY_SPAN_S,
            FREQUENCY_MIN_SPAN_S,
            FREQUENCY_MIN_COVERAGE,
            LF_LOW_HZ,
            LF_HIGH_HZ,
            HF_HIGH_HZ,
            FREQUENCY_STEP_HZ,
            IRREGULAR_MIN_SHARE,
            IRREGULAR_LEAVE_SHARE,
            IRREGULAR_MIN_BEATS,
            PPG_PEAK_WINDOW_S,
            PPG_BEAT_WINDOW_S,
            PPG_BEAT_OFFSET,
            PPG_MIN_DELAY_S,
            PPG_OFFSET_WINDOW_S,
            PPG_REFINE_PEAKS,
            PPG_AMPLITUDE_WINDOW_S,
            PPG_MIN_RELATIVE_AMPLITUDE,
            PPG_MAX_RELATIVE_AMPLITUDE,
            PPG_GUARD_S,
            PPG_NEIGHBOUR_WINDOW_S);
}
