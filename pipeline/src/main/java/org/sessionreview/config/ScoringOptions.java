package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.choice;
import static org.sessionreview.config.ConfigOption.flag;
import static org.sessionreview.config.ConfigOption.integer;
import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of the scoring layer: personal baseline, anxiety index, anxiety episodes and the
 * physiological part of the review (DOMAIN.md 4.0). Weights: SCL and HR are reliable over 30 s
 * and weigh 1; the SCR rate and RMSSD are noisy over 30 s and weigh 0.5; the temperature slope
 * also changes for other reasons and weighs 0.25. Fidget power weighs 0 by default (its z is
 * still computed and shown in the evidence): 2-6 Hz wrist acceleration comes from any use of the
 * hand (gesturing while speaking, handling objects; McNeill 1992) as much as from anxious
 * fidgeting, and its power is heavy-tailed against a still calibration stretch whose robust
 * scale sits near the sensor's noise floor, so its z stood at the clamp (10) in 12-57 % of the
 * windows of every Stress-Predict development subject, whatever the task (README, Methods). The
 * window length and hop come from {@link FeatureOptions}.
 */
public final class ScoringOptions {
    private ScoringOptions() {}

    public static final ConfigOption<Double> BASELINE_START_S = real(
                    "scoring.baseline_start_s",
                    120,
                    "s",
                    "Start of the calibration stretch, from media start (the first 2 min let the sensors settle).")
            .atLeast(0);
    public static final ConfigOption<Double> BASELINE_END_S = real(
                    "scoring.baseline_end_s",
                    360,
                    "s",
                    "End of the calibration stretch; a window belongs to it when it lies wholly inside.")
            .atLeast(0);
    public static final ConfigOption<Integer> MIN_BASELINE_WINDOWS = integer(
                    "scoring.min_baseline_windows",
                    12,
                    "",
                    "Fewest usable calibration windows per feature; with fewer the whole session is the baseline.")
            .atLeast(1);
    public static final ConfigOption<Boolean> SETTLING = flag(
            "scoring.settling.enabled",
            true,
            "Whether a calibration stretch taken while the wearer was still settling (EDA level and heart rate"
                    + " both falling to a later stretch) gives way to that later stretch.");
    public static final ConfigOption<Double> SETTLING_SEARCH_END_S = real(
                    "scoring.settling.search_end_s",
                    900,
                    "s",
                    "Latest end of a later stretch that may replace a calibration stretch taken while settling.")
            .atLeast(0);
    public static final ConfigOption<Double> SETTLING_STEP_S = real(
                    "scoring.settling.step_s",
                    60,
                    "s",
                    "Step between the later stretches tried for a settled baseline.")
            .positive();
    public static final ConfigOption<Double> SETTLING_MIN_FALL_Z = real(
                    "scoring.settling.min_fall_z",
                    3,
                    "",
                    "How far, in the later stretch's robust SDs (floored), both EDA level and heart rate must fall"
                            + " below the calibration stretch for it to count as settling (Leys et al. 2013).")
            .positive();
    public static final ConfigOption<Double> MAD_SCALE = real(
                    "scoring.mad_scale",
                    1.4826,
                    "",
                    "Factor turning the median absolute deviation into a standard deviation (Leys et al. 2013).")
            .positive();
    public static final ConfigOption<Double> SCL_FLOOR_US = real(
                    "scoring.floor.scl_us", 0.05, "uS", "Floor on the robust scale of the skin conductance level.")
            .positive();
    public static final ConfigOption<Double> SCR_RATE_FLOOR_PER_MIN = real(
                    "scoring.floor.scr_rate_per_min",
                    2,
                    "1/min",
                    "Floor on the robust scale of the SCR rate (one response in 30 s is 2 /min).")
            .positive();
    public static final ConfigOption<Double> HR_FLOOR_BPM = real(
                    "scoring.floor.hr_bpm", 2, "bpm", "Floor on the robust scale of the heart rate.")
            .positive();
    public static final ConfigOption<Double> RMSSD_FLOOR_MS = real(
                    "scoring.floor.rmssd_ms", 5, "ms", "Floor on the robust scale of RMSSD.")
            .positive();
    public static final ConfigOption<Double> FIDGET_FLOOR_RELATIVE = real(
                    "scoring.floor.fidget_relative",
                    0.10,
                    "",
                    "Floor on the robust scale of fidget power as a share of the baseline median.")
            .atLeast(0);
    public static final ConfigOption<Double> FIDGET_FLOOR_G2 = real(
                    "scoring.floor.fidget_g2",
                    5e-6,
                    "g^2",
                    "Absolute floor on the robust scale of fidget power (about the E4's 2-6 Hz quantisation noise).")
            .positive();
    public static final ConfigOption<Double> TEMP_SLOPE_FLOOR_C_PER_MIN = real(
                    "scoring.floor.temp_slope_c_per_min",
                    0.05,
                    "degC/min",
                    "Floor on the robust scale of the skin-temperature slope.")
            .positive();
    public static final ConfigOption<Double> Z_CLAMP = real(
                    "scoring.z_clamp", 10, "", "Robust z-scores are clamped to +-this.")
            .positive();
    public static final ConfigOption<Double> CONTRIBUTION_FLOOR = real(
                    "scoring.contribution_floor",
                    3,
                    "",
                    "A channel's signed contribution (sign x z) to the index and its support counts at least -this: a channel far"
                            + " below baseline does not cancel the others' rise.")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_SCR = real(
                    "scoring.weight.scr_rate", 0.5, "", "Weight of z(SCR rate) in the anxiety index (sign +).")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_SCL = real(
                    "scoring.weight.scl", 1, "", "Weight of z(skin conductance level) in the anxiety index (sign +).")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_HR = real(
                    "scoring.weight.hr", 1, "", "Weight of z(heart rate) in the anxiety index (sign +).")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_RMSSD = real(
                    "scoring.weight.rmssd",
                    0.5,
                    "",
                    "Weight of z(RMSSD) in the anxiety index (sign -: anxiety lowers vagal HRV).")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_FIDGET = real(
                    "scoring.weight.fidget",
                    0,
                    "",
                    "Weight of z(fidget power) in the anxiety index (sign +); 0 by default: any hand use raises it"
                            + " and its z saturates (McNeill 1992; README, Methods).")
            .atLeast(0);
    public static final ConfigOption<Double> WEIGHT_TEMP = real(
                    "scoring.weight.temp_slope",
                    0.25,
                    "",
                    "Weight of z(skin-temperature slope) in the anxiety index (sign -: vasoconstriction cools).")
            .atLeast(0);
    public static final ConfigOption<Double> GROSS_MOVEMENT_MAX_S = real(
                    "scoring.gross_movement_max_s",
                    10,
                    "s",
                    "A window with at least this much gross movement gets no anxiety index and is no rest window for baselines.")
            .atLeast(0);
    public static final ConfigOption<Double> QUALITY_THRESHOLD = real(
                    "scoring.quality_threshold",
                    0.5,
                    "",
                    "Least channel quality for a feature to enter the baseline and the index.")
            .range(0, 1);
    public static final ConfigOption<Double> ENTER_THRESHOLD = real(
            "scoring.episode.enter_threshold",
            2,
            "",
            "An anxiety episode starts when the index stays at or above this for the enter hold.");
    public static final ConfigOption<Double> ENTER_HOLD_S = real(
                    "scoring.episode.enter_hold_s",
                    20,
                    "s",
                    "How long the index must stay at or above the enter threshold.")
            .atLeast(0);
    public static final ConfigOption<Double> LEAVE_THRESHOLD = real(
            "scoring.episode.leave_threshold",
            1,
            "",
            "An episode ends when the index stays below this for the leave hold (see max_unscored_bridge_s for a"
                    + " null index).");
    public static final ConfigOption<Double> LEAVE_HOLD_S = real(
                    "scoring.episode.leave_hold_s", 20, "s", "How long the index must stay below the leave threshold.")
            .atLeast(0);
    public static final ConfigOption<Double> MAX_UNSCORED_BRIDGE_S = real(
                    "scoring.episode.max_unscored_bridge_s",
                    60,
                    "s",
                    "Inside an episode, a stretch of windows without an index (gross movement, or no channel passing"
                            + " quality) up to this long is unknown time: the episode goes on through it when the first"
                            + " scored window after it is not low; a longer stretch counts as low time from its start"
                            + " (0 = every unscored window is low time: the rule before this option).")
            .atLeast(0);
    public static final ConfigOption<Double> MIN_EPISODE_S = real(
                    "scoring.episode.min_s",
                    30,
                    "s",
                    "Episodes shorter than this (after merging), or with less than this inside the video, are dropped.")
            .atLeast(0);
    public static final ConfigOption<Double> MERGE_GAP_S = real(
                    "scoring.episode.merge_gap_s", 30, "s", "Episodes separated by less than this are merged.")
            .atLeast(0);
    public static final ConfigOption<Double> CUE_LOOKBACK_S = real(
                    "scoring.cue_lookback_s",
                    30,
                    "s",
                    "A coded ANX_* cue counts as inside an episode when it overlaps the episode extended by this"
                            + " before its start (SCR latency).")
            .atLeast(0);
    public static final ConfigOption<Double> RISING_CHANNEL_Z = real(
                    "scoring.rising_channel_z",
                    1,
                    "",
                    "A channel is named in an episode's evidence when its mean z in the anxiety direction reaches this.")
            .atLeast(0);
    public static final ConfigOption<Double> PRIORITY_PER_EPISODE = real(
                    "scoring.priority_per_episode",
                    0.5,
                    "",
                    "Anxiety burden added per client episode, on top of minutes x peak index.")
            .atLeast(0);
    public static final ConfigOption<Double> LOW_DATA_QUALITY = real(
                    "scoring.low_data_quality",
                    0.5,
                    "",
                    "Client data quality below which a flag reason asks to review sensor placement.")
            .range(0, 1);
    public static final ConfigOption<Double> MIN_VIDEO_COVERAGE = real(
                    "scoring.min_video_coverage",
                    0.9,
                    "",
                    "A wearer's share of the video covered by its data below which a flag reason names the"
                            + " stretches without data and asks to check media_start or the wristband; also the"
                            + " client's share of scored windows (not unscored by gross movement) below which a"
                            + " flag reason says movement hid part of the video.")
            .range(0, 1);
    public static final ConfigOption<Double> CALIBRATION_NOTE_SHARE = real(
                    "scoring.calibration_note_share",
                    0.25,
                    "",
                    "Share of the video the calibration stretch may take before a reason says that arousal there is"
                            + " the baseline's reference, not judged (a short session; a coded BASELINE or --baselines"
                            + " avoids it).")
            .range(0, 1);
    public static final ConfigOption<Boolean> THERAPIST_MOMENTS = flag(
            "scoring.therapist_moments",
            true,
            "Whether therapist anxiety episodes also become moments (they never count for the session).");

    public static final ConfigOption<Double> ONSET_LOOKBACK_S = real(
                    "scoring.episode.onset_lookback_s",
                    180,
                    "s",
                    "How far before the entry window an episode's onset may lie (the rise's knee is fitted within it;"
                            + " Hinkley 1971, Muggeo 2003).")
            .atLeast(0);
    public static final ConfigOption<Double> ONSET_RISE_Z = real(
                    "scoring.episode.onset_rise_z",
                    1,
                    "",
                    "A channel takes part in placing the onset when its z rose at least this much within the look-back.")
            .positive();
    public static final ConfigOption<Integer> ONSET_MIN_FIT_WINDOWS = integer(
                    "scoring.episode.onset_min_fit_windows", 4, "", "Fewest windows on each side of a fitted knee.")
            .atLeast(2);
    public static final ConfigOption<OnsetBaseline> ONSET_BASELINE = choice(
            "scoring.episode.onset_baseline",
            OnsetBaseline.class,
            OnsetBaseline.LINE_OR_WALK,
            "The level before an onset: LINE (a line with independent noise), LINE_OR_WANDER (per channel,"
                    + " the line or a random walk with drift, whichever leaves the smaller residual variance) or"
                    + " LINE_OR_WALK (the same with a walk without drift: a trend is the line's), so a wandering"
                    + " resting level is not read as the start of the rise.");
    public static final ConfigOption<Boolean> ONSET_ACROSS_UNSCORED = flag(
            "scoring.episode.onset_across_unscored",
            true,
            "Whether the onset look-back goes on past windows the index did not score (gross movement), fitting"
                    + " the scored windows and the EDA level measured through the movement (not heart rate: the"
                    + " pulse wave is lost to motion); the onset found is kept where the rise shows in scored"
                    + " windows before them or the EDA level through them times it.");
    public static final ConfigOption<Double> CONCORDANCE_ENTER_Z = real(
            "scoring.episode.concordance_enter_z",
            1,
            "",
            "To enter an episode the index without its strongest channel must also reach this: one channel"
                    + " alone (a drifting level) makes no episode (Kreibig 2010).");
    public static final ConfigOption<Double> CONCORDANCE_STAY_Z = real(
            "scoring.episode.concordance_stay_z",
            0.5,
            "",
            "Inside an episode, time when the index without its strongest channel is below this counts as low.");
    public static final ConfigOption<Double> LEVEL_SHIFT_S = real(
                    "scoring.episode.level_shift_s",
                    360,
                    "s",
                    "A window's strongest channel that stood at or above the enter threshold in at least half of this"
                            + " trailing span (half of it being the 180 s onset look-back: its rise began before any"
                            + " onset the rule places) is a shifted level, not a response: the window then enters only"
                            + " with concordance_shift_z.")
            .positive();
    public static final ConfigOption<Double> CONCORDANCE_SHIFT_Z = real(
            "scoring.episode.concordance_shift_z",
            2,
            "",
            "To enter an episode while the strongest channel is a shifted level (level_shift_s), the index"
                    + " without it must reach this: the other channels carry the episode on their own.");
    public static final ConfigOption<SilentChannelRule> SILENT_CHANNELS = choice(
            "scoring.episode.silent_channels",
            SilentChannelRule.class,
            SilentChannelRule.EDA_NON_RESPONDER,
            "Channels whose calibration baseline has median and MAD 0 and whose calibration rest windows all"
                    + " read 0 (no SCR at all) carry no baseline information: KEEP counts them in the concordance"
                    + " support, CHANNEL leaves them out where they do not rise, EDA_NON_RESPONDER also leaves out"
                    + " the EDA level of a wearer without SCRs (Venables & Mitchell 1996). Coded and stored"
                    + " baselines are not judged.");
    public static final ConfigOption<Boolean> SCL_DRIFT_FOLLOWING = flag(
            "scoring.scl_drift.enabled",
            true,
            "Whether z(SCL) is taken against a reference that follows a slow upward drift of the tonic floor"
                    + " (Boucsein 2012; Benedek & Kaernbach 2010) instead of the fixed baseline median.");
    public static final ConfigOption<Double> SCL_DRIFT_SEGMENT_S = real(
                    "scoring.scl_drift.segment_s",
                    600,
                    "s",
                    "Length of each trailing segment whose low percentile is a floor of the tonic level.")
            .positive();
    public static final ConfigOption<Integer> SCL_DRIFT_SEGMENTS = integer(
                    "scoring.scl_drift.segments",
                    4,
                    "",
                    "How many trailing segments give floors (look-back = segments x segment length).")
            .atLeast(1);
    public static final ConfigOption<Double> SCL_DRIFT_PERCENTILE = real(
                    "scoring.scl_drift.percentile",
                    0.10,
                    "",
                    "The percentile of a segment's window SCLs taken as its floor.")
            .range(0, 1);
    public static final ConfigOption<Double> SCL_DRIFT_MIN_SEGMENT_FILL = real(
                    "scoring.scl_drift.min_segment_fill",
                    0.5,
                    "",
                    "Share of a segment's windows that must have a usable SCL for its floor to count.")
            .range(0, 1);
    public static final ConfigOption<Integer> SCL_DRIFT_MIN_SEGMENTS_FOR_SLOPE = integer(
                    "scoring.scl_drift.min_segments_for_slope", 3, "", "Floors needed before a drift slope is used.")
            .atLeast(2);

    public static final List<ConfigOption<?>> ALL = List.of(
            BASELINE_START_S,
            BASELINE_END_S,
            MIN_BASELINE_WINDOWS,
            SETTLING,
            SETTLING_SEARCH_END_S,
            SETTLING_STEP_S,
            SETTLING_MIN_FALL_Z,
            MAD_SCALE,
            SCL_FLOOR_US,
            SCR_RATE_FLOOR_PER_MIN,
            HR_FLOOR_BPM,
            RMSSD_FLOOR_MS,
            FIDGET_FLOOR_RELATIVE,
            FIDGET_FLOOR_G2,
            TEMP_SLOPE_FLOOR_C_PER_MIN,
            Z_CLAMP,
            CONTRIBUTION_FLOOR,
            WEIGHT_SCR,
            WEIGHT_SCL,
            WEIGHT_HR,
            WEIGHT_RMSSD,
            WEIGHT_FIDGET,
            WEIGHT_TEMP,
            GROSS_MOVEMENT_MAX_S,
            QUALITY_THRESHOLD,
            ENTER_THRESHOLD,
            ENTER_HOLD_S,
            LEAVE_THRESHOLD,
            LEAVE_HOLD_S,
            MAX_UNSCORED_BRIDGE_S,
            MIN_EPISODE_S,
            MERGE_GAP_S,
            CUE_LOOKBACK_S,
            RISING_CHANNEL_Z,
            PRIORITY_PER_EPISODE,
            LOW_DATA_QUALITY,
            MIN_VIDEO_COVERAGE,
            CALIBRATION_NOTE_SHARE,
            THERAPIST_MOMENTS,
            ONSET_LOOKBACK_S,
            ONSET_RISE_Z,
            ONSET_MIN_FIT_WINDOWS,
            ONSET_BASELINE,
            ONSET_ACROSS_UNSCORED,
            CONCORDANCE_ENTER_Z,
            CONCORDANCE_STAY_Z,
            LEVEL_SHIFT_S,
            CONCORDANCE_SHIFT_Z,
            SILENT_CHANNELS,
            SCL_DRIFT_FOLLOWING,
            SCL_DRIFT_SEGMENT_S,
            SCL_DRIFT_SEGMENTS,
            SCL_DRIFT_PERCENTILE,
            SCL_DRIFT_MIN_SEGMENT_FILL,
            SCL_DRIFT_MIN_SEGMENTS_FOR_SLOPE);
}
