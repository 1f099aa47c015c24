package org.sessionreview.parquet;

import static org.sessionreview.parquet.ColumnType.BOOLEAN;
import static org.sessionreview.parquet.ColumnType.DATE;
import static org.sessionreview.parquet.ColumnType.DOUBLE;
import static org.sessionreview.parquet.ColumnType.INT32;
import static org.sessionreview.parquet.ColumnType.INT64;
import static org.sessionreview.parquet.ColumnType.STRING;
import static org.sessionreview.parquet.ColumnType.STRING_LIST;
import static org.sessionreview.parquet.ColumnType.TIMESTAMP_UTC;

import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.ScrRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.SynchronyRow;

/**
 * The output tables: each one a folder under {@code --out}, its columns the public contract that
 * later issues and users rely on. Times relative to the video are seconds from media start
 * ({@code *_s}); absolute times are UTC timestamps ({@code *_utc}).
 */
public final class Tables {
    private Tables() {}

    public static final TableSchema<SessionRow> SESSIONS = TableSchema.<SessionRow>builder("sessions")
            .description("One row per session: what to review first, and why.")
            .required("session_id", STRING, "Session identifier from session.json", r -> r.sessionId)
            .required("therapist_id", STRING, "Therapist (trainee) identifier", r -> r.therapistId)
            .required(
                    "client_key",
                    STRING,
                    "HMAC-SHA256 pseudonym of the site's client identifier (hex)",
                    r -> r.clientKey)
            .required("session_number", INT32, "Session number for this client, from 1", r -> r.sessionNumber)
            .required(
                    "session_date",
                    DATE,
                    "Calendar date of the session in the offset of media_start",
                    r -> r.sessionDate)
            .required("media_start_utc", TIMESTAMP_UTC, "Second 0 of the session video", r -> r.mediaStartMillis)
            .required("duration_s", DOUBLE, "Session duration, seconds", r -> r.durationS)
            .optional(
                    "anxiety_episodes",
                    INT32,
                    "Number of client anxiety episodes; null without client data (unknown, not none)",
                    r -> r.anxietyEpisodes)
            .optional(
                    "anxiety_time_s",
                    DOUBLE,
                    "Total client time in anxiety episodes, seconds; null without client data",
                    r -> r.anxietyTimeS)
            .optional(
                    "peak_anxiety_index",
                    DOUBLE,
                    "Highest client anxiety index (robust z units); null without scored windows",
                    r -> r.peakAnxietyIndex)
            .required("flagged", BOOLEAN, "True when the session has moments to review", r -> r.flagged)
            .required("priority", DOUBLE, "Review order: higher first; 0 when nothing to review", r -> r.priority)
            .required(
                    "flag_reasons",
                    STRING_LIST,
                    "Readable reasons for the flag, most important first",
                    r -> r.flagReasons)
            .required("data_quality_client", DOUBLE, "Client sensor data quality 0..1", r -> r.dataQualityClient)
            .required(
                    "data_quality_therapist",
                    DOUBLE,
                    "Therapist sensor data quality 0..1 (0 without a therapist wearable)",
                    r -> r.dataQualityTherapist)
            .required(
                    "consent_supervision",
                    BOOLEAN,
                    "Consent to use in supervision, from session.json",
                    r -> r.consentSupervision)
            .required(
                    "consent_research",
                    BOOLEAN,
                    "Consent to use in research, from session.json",
                    r -> r.consentResearch)
            .required(
                    "annotation_count",
                    INT32,
                    "Canonical annotations accepted for this session",
                    r -> r.annotationCount)
            .optional(
                    "baseline_source", STRING, "Where each wearer's personal baseline came from", r -> r.baselineSource)
            .required("safety_events", INT32, "Coded SAFE_* events", r -> r.safetyEvents)
            .required("ruptures_withdrawal", INT32, "Withdrawal rupture episodes", r -> r.rupturesWithdrawal)
            .required("ruptures_confrontation", INT32, "Confrontation rupture episodes", r -> r.rupturesConfrontation)
            .required("ruptures_resolved", INT32, "Rupture episodes resolved", r -> r.rupturesResolved)
            .required("ruptures_partial", INT32, "Rupture episodes partially resolved", r -> r.rupturesPartial)
            .required(
                    "ruptures_unaddressed",
                    INT32,
                    "Rupture episodes with no repair attempt",
                    r -> r.rupturesUnaddressed)
            .required(
                    "ruptures_escalated",
                    INT32,
                    "Rupture episodes whose significance rose after a repair attempt",
                    r -> r.rupturesEscalated)
            .optional(
                    "median_time_to_repair_s",
                    DOUBLE,
                    "Median seconds from a rupture's first marker to its first repair attempt",
                    r -> r.medianTimeToRepairS)
            .optional(
                    "segments_with_w_share",
                    DOUBLE,
                    "Share of 5-minute segments with a withdrawal marker (3RS roll-up)",
                    r -> r.segmentsWithWithdrawalShare)
            .optional(
                    "segments_with_c_share",
                    DOUBLE,
                    "Share of 5-minute segments with a confrontation marker (3RS roll-up)",
                    r -> r.segmentsWithConfrontationShare)
            .optional(
                    "resolution_ratio",
                    DOUBLE,
                    "Resolved rupture episodes / (resolved + partially resolved + unaddressed), DOMAIN.md 3 rule 6;"
                            + " escalated ones left out; null without such episodes",
                    r -> r.resolutionRatio)
            .optional(
                    "missed_opportunities",
                    INT32,
                    "Candidate missed therapeutic opportunities (DOMAIN.md 5); null when not coded (unknown, not none)",
                    r -> r.missedOpportunities)
            .optional(
                    "missed_opportunity_sensitivity",
                    STRING,
                    "Missed of all voiced opportunities (coded cues and episodes with a coded cue; the population of missed_opportunities) at 5/10/20/30 s response windows, 5s=m/n;...",
                    r -> r.missedOpportunitySensitivity)
            .optional(
                    "synchrony_es",
                    DOUBLE,
                    "Session EDA synchrony effect size (SUSY-style, DOMAIN.md 4.3 B); not a z-score",
                    r -> r.synchronyEs)
            .optional(
                    "synchrony_percentile",
                    DOUBLE,
                    "Percentile of the real synchrony among segment-shuffle surrogates, 0..100",
                    r -> r.synchronyPercentile)
            .optional(
                    "client_leads_share",
                    DOUBLE,
                    "Of the EDA synchrony windows with status ok and a leader (not none), the share the client leads, 0..1",
                    r -> r.clientLeadsShare)
            .optional(
                    "synchrony_es_client_leads",
                    DOUBLE,
                    "Synchrony effect size over the lags where the client leads (DOMAIN.md 4.3 B)",
                    r -> r.synchronyEsClientLeads)
            .optional(
                    "synchrony_es_therapist_leads",
                    DOUBLE,
                    "Synchrony effect size over the lags where the therapist leads (DOMAIN.md 4.3 B)",
                    r -> r.synchronyEsTherapistLeads)
            .optional(
                    "synchrony_share_above_pseudo",
                    DOUBLE,
                    "Share of lags whose real synchrony exceeds the surrogates' (%>Pseudo, DOMAIN.md 4.3 B), 0..1",
                    r -> r.synchronyShareAbovePseudo)
            .optional(
                    "synchrony_surrogate_es",
                    DOUBLE,
                    "(real - mean of the segment shuffles) / their SD (DOMAIN.md 4.3 D)",
                    r -> r.synchronySurrogateEs)
            .required(
                    "missing_channels",
                    STRING_LIST,
                    "Channels of a declared wristband with no file or no accepted record, role:CHANNEL; none for a wearer without a wristband",
                    r -> r.missingChannels)
            .build();

    public static final TableSchema<MomentRow> MOMENTS = TableSchema.<MomentRow>builder("moments")
            .description("One row per moment of video to review.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("kind", STRING, "Moment kind, e.g. anxiety_episode", r -> r.kind)
            .optional("role", STRING, "Whose signal or behaviour the moment is about: client or therapist", r -> r.role)
            .required("start_s", DOUBLE, "Start, seconds from media start (jump there in the video)", r -> r.startS)
            .required("end_s", DOUBLE, "End, seconds from media start", r -> r.endS)
            .required("start_utc", TIMESTAMP_UTC, "Start as an absolute instant", r -> r.startMillis)
            .required("severity", DOUBLE, "Salience; for anxiety episodes the peak anxiety index", r -> r.severity)
            .required(
                    "evidence",
                    STRING,
                    "Readable evidence: which channels rose, which coded cues fall inside",
                    r -> r.evidence)
            .build();

    public static final TableSchema<WindowFeatures> WINDOWS = TableSchema.<WindowFeatures>builder("windows")
            .description("One row per session x role x analysis window: features, quality, anxiety index.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("role", STRING, "Wearer: client or therapist", r -> r.role)
            .required("start_s", DOUBLE, "Window start, seconds from media start", r -> r.startS)
            .required("end_s", DOUBLE, "Window end, seconds from media start", r -> r.endS)
            .required("start_utc", TIMESTAMP_UTC, "Window start as an absolute instant", r -> r.startMillis)
            .optional("eda_scl_us", DOUBLE, "Skin conductance level (mean tonic EDA), microsiemens", r -> r.edaSclUs)
            .optional("eda_scr_per_min", DOUBLE, "Skin conductance responses per minute", r -> r.edaScrPerMin)
            .optional("hr_bpm", DOUBLE, "Heart rate, bpm: beats over the trailing 60 s, else E4 HR.csv", r -> r.hrBpm)
            .optional(
                    "hrv_rmssd_ms",
                    DOUBLE,
                    "RMSSD of adjacent accepted inter-beat intervals, milliseconds",
                    r -> r.hrvRmssdMs)
            .optional(
                    "eda_scr_amplitude_sum_us",
                    DOUBLE,
                    "Sum of the amplitudes of SCRs peaking in the window, microsiemens",
                    r -> r.edaScrAmplitudeSumUs)
            .optional("hrv_sdnn_ms", DOUBLE, "SDNN of accepted intervals (n-1), milliseconds", r -> r.hrvSdnnMs)
            .optional("hrv_pnn50", DOUBLE, "Successive differences over 50 ms, percent", r -> r.hrvPnn50)
            .optional("hrv_lf_ms2", DOUBLE, "LF power 0.04-0.15 Hz (Lomb-Scargle), ms^2", r -> r.hrvLfMs2)
            .optional("hrv_hf_ms2", DOUBLE, "HF power 0.15-0.4 Hz (Lomb-Scargle), ms^2", r -> r.hrvHfMs2)
            .optional("hrv_lf_hf", DOUBLE, "LF / HF; null for a rhythm without variability", r -> r.hrvLfHf)
            .optional(
                    "motion_mag_g",
                    DOUBLE,
                    "Mean absolute deviation of the acceleration magnitude from its window median, g",
                    r -> r.motionMagG)
            .optional(
                    "fidget_power",
                    DOUBLE,
                    "Acceleration-magnitude power in the 2-6 Hz fidget band, g^2",
                    r -> r.fidgetPower)
            .optional("fidget_freq_hz", DOUBLE, "Dominant frequency in the 2-6 Hz fidget band, Hz", r -> r.fidgetFreqHz)
            .required(
                    "gross_movement_s",
                    DOUBLE,
                    "Seconds with gross movement (1 s mean amplitude deviation of the ACC magnitude >= artifacts.gross_movement_g);"
                            + " at least scoring.gross_movement_max_s (10 s): no anxiety index",
                    r -> r.grossMovementS)
            .optional(
                    "temp_slope_c_per_min",
                    DOUBLE,
                    "Skin temperature slope, degrees C per minute",
                    r -> r.tempSlopeCPerMin)
            .required("eda_quality", DOUBLE, "Valid EDA sample fraction 0..1", r -> r.edaQuality)
            .required(
                    "cardiac_quality",
                    DOUBLE,
                    "Share of the trailing 60 s covered by accepted beats; when HR fell back to the E4's HR.csv,"
                            + " share of the window's 1 Hz HR samples in 30-200 bpm; 0..1",
                    r -> r.cardiacQuality)
            .required("acc_quality", DOUBLE, "Valid acceleration sample fraction 0..1", r -> r.accQuality)
            .required("temp_quality", DOUBLE, "Valid skin temperature sample fraction 0..1", r -> r.tempQuality)
            .optional("z_scr", DOUBLE, "Robust z of SCR rate against the wearer's baseline", r -> r.zScr)
            .optional("z_scl", DOUBLE, "Robust z of skin conductance level", r -> r.zScl)
            .optional("z_hr", DOUBLE, "Robust z of heart rate", r -> r.zHr)
            .optional("z_rmssd", DOUBLE, "Robust z of RMSSD", r -> r.zRmssd)
            .optional("z_fidget", DOUBLE, "Robust z of fidget power", r -> r.zFidget)
            .optional("z_temp", DOUBLE, "Robust z of skin temperature slope", r -> r.zTemp)
            .optional(
                    "anxiety_index",
                    DOUBLE,
                    "Weighted mean of signed z over channels passing quality; null when none passes",
                    r -> r.anxietyIndex)
            .optional(
                    "exertion_recovery",
                    BOOLEAN,
                    "True in the recovery after sustained exertion (walking, stairs): not scored, anxiety_index null;"
                            + " always written, null only in tables written before the column",
                    r -> r.exertionRecovery)
            .optional(
                    "irregular_rhythm",
                    BOOLEAN,
                    "True when the trailing 60 s span's heart rhythm is irregular (hr_bpm from all in-range beats,"
                            + " unless they cover less than half the span or the band was not worn);"
                            + " always written, null only in tables written before the column",
                    r -> r.irregularRhythm)
            .build();

    public static final TableSchema<BaselineRow> BASELINES = TableSchema.<BaselineRow>builder("baselines")
            .description("One row per session x wearer x feature: the personal baseline the z-scores are against.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("role", STRING, "Wearer: client or therapist", r -> r.role)
            .required("person", STRING, "client:<client_key> or therapist:<therapist_id>", r -> r.person)
            .required("session_number", INT32, "Session number for this client", r -> r.sessionNumber)
            .required("session_date", DATE, "Calendar date of the session", r -> r.sessionDate)
            .required("feature", STRING, "Feature column of windows/, e.g. eda_scl_us", r -> r.feature)
            .required("median", DOUBLE, "Baseline median, in the feature's unit", r -> r.median)
            .required("mad", DOUBLE, "Median absolute deviation (unscaled), in the feature's unit", r -> r.mad)
            .required("windows", INT32, "Windows the baseline was computed from", r -> r.windows)
            .required(
                    "source",
                    STRING,
                    "calibration stretch, coded BASELINE, stored from earlier runs, or whole session",
                    r -> r.source)
            .build();

    public static final TableSchema<ScrRow> SCR = TableSchema.<ScrRow>builder("scr")
            .description("One row per skin conductance response.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("role", STRING, "Wearer: client or therapist", r -> r.role)
            .required("onset_s", DOUBLE, "Onset, seconds from media start", r -> r.onsetS)
            .required("peak_s", DOUBLE, "Peak, seconds from media start", r -> r.peakS)
            .required(
                    "amplitude_us",
                    DOUBLE,
                    "Trough-to-peak amplitude of the phasic signal, microsiemens",
                    r -> r.amplitudeUs)
            .required("rise_s", DOUBLE, "Rise time (peak - onset), seconds", r -> r.riseS)
            .optional(
                    "half_recovery_s",
                    DOUBLE,
                    "Peak to half recovery, seconds; null when not reached",
                    r -> r.halfRecoveryS)
            .required("quality", DOUBLE, "EDA valid fraction, onset - 5 s to peak + 5 s, 0..1", r -> r.quality)
            .build();

    public static final TableSchema<BeatRow> BEATS = TableSchema.<BeatRow>builder("beats")
            .description("One row per heart beat: the interval ending at it, its source and whether it was accepted.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("role", STRING, "Wearer: client or therapist", r -> r.role)
            .required("t_s", DOUBLE, "Beat time, seconds from media start", r -> r.tS)
            .optional("ibi_ms", DOUBLE, "Interval from the previous beat, milliseconds", r -> r.ibiMs)
            .required("source", STRING, "device (IBI file) or bvp (pulse-wave detection)", r -> r.source)
            .required("accepted", BOOLEAN, "Whether the interval passed artifact rejection", r -> r.accepted)
            .optional("reject_reason", STRING, "Why the interval was rejected", r -> r.rejectReason)
            .build();

    public static final TableSchema<ArtifactRow> ARTIFACTS = TableSchema.<ArtifactRow>builder("artifacts")
            .description("One row per masked stretch of a channel: never fed into features.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("role", STRING, "Wearer: client or therapist", r -> r.role)
            .required(
                    "channel",
                    STRING,
                    "EDA, ACC, TEMP, IBI (or BVP, HR: no_data), or E4: the whole band",
                    r -> r.channel)
            .required("kind", STRING, "Artifact kind, e.g. eda_contact_loss", r -> r.kind)
            .required("start_s", DOUBLE, "Start, seconds from media start", r -> r.startS)
            .required("end_s", DOUBLE, "End, seconds from media start", r -> r.endS)
            .build();

    public static final TableSchema<SynchronyRow> SYNCHRONY = TableSchema.<SynchronyRow>builder("synchrony")
            .description(
                    "One row per session x synchrony window: windowed lagged cross-correlation of client and therapist EDA.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("signal", STRING, "Signal compared, e.g. eda", r -> r.signal)
            .required("start_s", DOUBLE, "Window start, seconds from media start", r -> r.startS)
            .required("end_s", DOUBLE, "Window end, seconds from media start", r -> r.endS)
            .optional("z_lag0", DOUBLE, "Fisher z of the correlation at lag 0", r -> r.zLag0)
            .optional("mean_abs_z", DOUBLE, "Mean |z| over lags -5..+5 s", r -> r.meanAbsZ)
            .optional(
                    "peak_lag_s",
                    DOUBLE,
                    "Lag of the largest |z|, seconds; positive = the therapist follows",
                    r -> r.peakLagS)
            .optional("peak_z", DOUBLE, "Signed z at the peak lag", r -> r.peakZ)
            .optional("client_leads_z", DOUBLE, "Mean z over positive lags (client leads)", r -> r.clientLeadsZ)
            .optional(
                    "therapist_leads_z", DOUBLE, "Mean z over negative lags (therapist leads)", r -> r.therapistLeadsZ)
            .optional("leader", STRING, "client, therapist or none", r -> r.leader)
            .required("valid_share", DOUBLE, "Share of valid samples in the window", r -> r.validShare)
            .optional("status", STRING, "ok, masked or flat", r -> r.status)
            .optional(
                    "during_rupture",
                    BOOLEAN,
                    "True when the window overlaps an open rupture episode",
                    r -> r.duringRupture)
            .build();

    public static final TableSchema<Annotation> ANNOTATIONS = TableSchema.<Annotation>builder("annotations")
            .description("Canonical coded session events (no free-text notes).")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("code", STRING, "Canonical code (DOMAIN.md section 2)", r -> r.code)
            .required("family", STRING, "Code family: ANX, RUP, RES, INT, AFF, SAFE, STRUCT", r -> r.family)
            .required("actor", STRING, "client, therapist or dyad", r -> r.actor)
            .required("start_s", DOUBLE, "Start, seconds from media start", r -> r.startS)
            .optional("end_s", DOUBLE, "End, seconds from media start; null for a point event", r -> r.endS)
            .optional("significance", INT32, "Significance 1-5 or intensity 1-3 when coded", r -> r.significance)
            .optional("modifiers", STRING, "Other modifiers, key=value;...", r -> r.modifiers)
            .optional("label", STRING, "Label as written in the source file", r -> r.label)
            .required("source_file", STRING, "Source file, relative to the sessions root", r -> r.sourceFile)
            .required("source_line", INT64, "Line or record number in the source file", r -> r.sourceLine)
            .build();

    public static final TableSchema<Reject> REJECTS = TableSchema.<Reject>builder("rejects")
            .description("One row per rejected input record, with the reason.")
            .optional("session_id", STRING, "Session identifier when known", r -> r.sessionId)
            .required("source_file", STRING, "Source file, relative to the sessions root", r -> r.sourceFile)
            .required("line", INT64, "1-based line or record number; 0 when the whole file is rejected", r -> r.line)
            .required("reason", STRING, "Why the record was rejected", r -> r.reason)
            .optional("raw", STRING, "The raw text, cut to 200 characters", r -> r.raw)
            .build();
}
