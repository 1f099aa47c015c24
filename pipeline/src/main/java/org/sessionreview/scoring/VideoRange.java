package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * The video's time range, 0 to {@code duration_s} seconds from media start: what a supervisor can
 * watch. Wearables usually start before the video and may run on after it; their windows outside
 * the range are scored and kept in {@code windows/} (the baseline and the episode rule see the
 * whole recording), but only an episode that overlaps the video becomes a moment or counts for
 * the session's flag and priority. A recording whose data cover too little of the video (a wrong
 * UTC offset in {@code media_start}, a wristband started late, stopped, restarted or not worn)
 * gets a flag reason that says so.
 */
final class VideoRange {
    /** The most stretches without data a reason names. */
    static final int LISTED_GAPS = 3;

    private VideoRange() {}

    /**
     * The episodes that can be watched: those overlapping the video (end after 0 s and start
     * before {@code durationS}) by at least {@code minWatchableS}, an episode running past the
     * video's end cut there: what lies beyond cannot be watched, and its time is not the
     * session's (a heart-beat file that ran on for a day after a 12-minute video made a 23-hour
     * episode, its burden and flag reason). The start is kept: it is the onset the
     * missed-opportunity rule measures from; the time before the video is left out of its
     * {@link AnxietyEpisode#watchableS()}. An episode of which less than {@code minWatchableS}
     * lies in the video (the minimum episode length, 30 s by default: the recovery from a walk
     * that ended minutes before the video and overlapped it by 2.5 s, sixth audit) is no episode
     * of the video and is dropped, as one wholly outside it. When the duration is not positive
     * (unknown) the video's end is unknown: nothing is cut there.
     *
     * @param durationS the video's duration, seconds
     * @param minWatchableS least time of an episode inside the video, seconds
     */
    static List<AnxietyEpisode> overlapping(List<AnxietyEpisode> episodes, double durationS, double minWatchableS) {
        double videoEnd = durationS > 0 ? durationS : Double.POSITIVE_INFINITY;
        List<AnxietyEpisode> kept = new ArrayList<>(episodes.size());
        for (AnxietyEpisode e : episodes) {
            if (e.endS() <= 0 || e.startS() >= videoEnd) {
                continue;
            }
            AnxietyEpisode cut = e.endS() > videoEnd ? e.endingAt(videoEnd) : e;
            cut = cut.startS() < 0 ? cut.watchableFrom(0) : cut;
            if (cut.watchableS() >= minWatchableS - 1e-9) {
                kept.add(cut);
            }
        }
        return kept;
    }

    /**
     * The share of the video, 0..1, that the wearer's data cover: the {@link DataRuns} of its
     * windows (windows holding any valid sample) clipped to 0..{@code durationS}; 1 when the
     * duration is not positive (unknown).
     *
     * @param windows one wearer's windows, any order
     * @param durationS the video's duration, seconds
     */
    static double coverage(List<WindowFeatures> windows, double durationS) {
        if (!(durationS > 0)) {
            return 1.0;
        }
        return Math.min(1.0, DataRuns.of(windows).covered(durationS) / durationS);
    }

    /**
     * The flag reason for a wearer whose data cover less than {@code minCoverage} of the video,
     * e.g. {@code client sensor data cover 0 % of the video (recorded from -2:00:00 to -1:32:40):
     * check media_start and its UTC offset}, naming the stretches of the video without data inside
     * the recorded span (at most {@value #LISTED_GAPS}); for a recording that ends early or starts late it also names a
     * wristband stopped, started late or restarted, for one with gaps inside the parts of a
     * restarted one, and for one that recorded the video but holds no valid sample a wristband
     * not worn ({@link #advice}); gaps inside a recording that reaches both ends of the video may
     * be a restart or a band off the wrist, and the advice names both; null when the coverage
     * suffices or there are no windows.
     *
     * @param role {@code client} or {@code therapist}
     * @param windows the wearer's windows
     * @param durationS the video's duration, seconds
     * @param minCoverage the least share of the video, 0..1
     * @param partsListed whether {@code session.json} lists the wearer's recording in more than one
     *     part (then the advice does not ask for them to be listed)
     */
    static String shortCoverageReason(
            String role, List<WindowFeatures> windows, double durationS, double minCoverage, boolean partsListed) {
        if (windows.isEmpty() || !(durationS > 0)) {
            return null;
        }
        double coverage = coverage(windows, durationS);
        if (coverage >= minCoverage) {
            return null;
        }
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (WindowFeatures w : windows) {
            first = Math.min(first, w.startS);
            last = Math.max(last, w.endS);
        }
        // gaps inside the recorded span (before or after it, "recorded from" says so). A gap is a
        // stretch without a valid EDA, movement or temperature sample: the band stopped or was
        // restarted, or it recorded off the wrist; the windows cannot tell which (the windower
        // emits windows of missing samples between a restarted band's parts too)
        List<DataRuns.Run> gaps = new ArrayList<>();
        for (DataRuns.Run g : DataRuns.of(windows).gaps(durationS)) {
            if (g.startS() > first && g.endS() < last) {
                gaps.add(g);
            }
        }
        String without = coverage > 0 ? listed("; no data ", gaps) : "";
        boolean recordedDuringVideo = first < durationS && last > 0;
        String check = coverage <= 0 && recordedDuringVideo
                ? "no valid sample while it recorded; check whether the wristband was worn"
                : advice(first, last, durationS, coverage, partsListed);
        return String.format(
                Locale.ROOT,
                "%s sensor data cover %d %% of the video (recorded from %s to %s of its %s%s): %s",
                role,
                (long) Math.floor(coverage * 100 + 1e-9),
                clock(first),
                clock(last),
                clock(durationS),
                without,
                check);
    }

    /** {@code <head>0:10:00-0:20:00, ...} for at most {@value #LISTED_GAPS} stretches; empty for none. */
    private static String listed(String head, List<DataRuns.Run> stretches) {
        if (stretches.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(head);
        for (int i = 0; i < Math.min(LISTED_GAPS, stretches.size()); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append(clock(stretches.get(i).startS()))
                    .append("-")
                    .append(clock(stretches.get(i).endS()));
        }
        if (stretches.size() > LISTED_GAPS) {
            sb.append(" and ").append(stretches.size() - LISTED_GAPS).append(" more");
        }
        return sb.toString();
    }

    /**
     * The flag reason for a declared wearer without a single window (a recording shorter than a
     * window, or every channel file missing or rejected): {@code therapist sensor data cover 0 %
     * of the video: its wristband's files give no window of data (...)}; null when the wearer has
     * windows or the duration is not positive (unknown).
     */
    static String noWindowReason(String role, List<WindowFeatures> windows, double durationS, double windowS) {
        if (!windows.isEmpty() || !(durationS > 0)) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s sensor data cover 0 %% of the video: its wristband's files give no window of data (a recording"
                        + " shorter than %s s, or every channel missing or rejected: see missing_channels and the"
                        + " rejects table)",
                role,
                TimeText.seconds(windowS));
    }

    /**
     * What to check, from where the recording lies against the video: wholly outside it, a wrong
     * media_start (or its UTC offset) is the likely cause; ending early or starting late, that or a
     * wristband stopped, started late or restarted (whose other part can be listed in {@code
     * wearables}); both ends within a tenth of the video of its ends, gaps inside the recording.
     * When the parts are already listed ({@code partsListed}) it does not ask for them again.
     */
    private static String advice(double first, double last, double durationS, double coverage, boolean partsListed) {
        String restarted =
                partsListed ? "" : " or was restarted (list every part of the recording in session.json wearables)";
        double near = 0.1 * durationS;
        boolean startsOnTime = first <= near;
        boolean endsOnTime = last >= durationS - near;
        if (coverage <= 0) {
            return "check media_start and its UTC offset";
        }
        if (startsOnTime && endsOnTime) {
            return partsListed
                    ? "the recording has gaps (the parts listed in session.json wearables do not cover them) or"
                            + " the wristband was not worn there"
                    : "the recording has gaps or the wristband was not worn there; if it was restarted, list every"
                            + " part of the recording in session.json wearables";
        }
        if (startsOnTime) {
            return "check media_start and its UTC offset, or whether the wristband stopped early" + restarted;
        }
        if (endsOnTime) {
            return "check media_start and its UTC offset, or whether the wristband started late" + restarted;
        }
        return "check media_start and its UTC offset";
    }

    /**
     * The flag reason for a wearer whose gross movement left more than {@code 1 - minCoverage} of
     * the video's windows with data unscored (a window with at least {@code grossMovementMaxS} s
     * of gross movement keeps its z-scores but has no index), e.g. {@code client movement left 27
     * % of the video unscored (gross movement in 97 of 360 windows with data): arousal there is
     * not judged}; null otherwise or without windows in the video. Windows left unscored as the
     * recovery after sustained exertion ({@link WindowFeatures#exertionRecovery}) count too and are
     * named ({@code gross movement in 97 and the recovery after sustained movement in 20 of 360
     * windows}). Walking, vigorous gestures
     * or adjusting the band can hide a stretch of the session from the index; the data quality,
     * which judges the sensors, does not show it.
     *
     * @param role {@code client} or {@code therapist}
     * @param windows the wearer's windows
     * @param durationS the video's duration, seconds
     * @param minCoverage the least share of the video, 0..1 ({@code scoring.min_video_coverage})
     * @param grossMovementMaxS gross movement that unscores a window, seconds ({@code
     *     scoring.gross_movement_max_s})
     */
    static String movementReason(
            String role, List<WindowFeatures> windows, double durationS, double minCoverage, double grossMovementMaxS) {
        java.util.function.Predicate<WindowFeatures> holds = DataRuns.holdsData(windows);
        int withData = 0;
        int moving = 0;
        int recovering = 0;
        for (WindowFeatures w : windows) {
            boolean inVideo = !(durationS > 0) || (w.endS > 0 && w.startS < durationS);
            if (!w.endOfStream && inVideo && holds.test(w)) {
                withData++;
                moving += w.grossMovementS >= grossMovementMaxS ? 1 : 0;
                recovering += w.exertionRecovery ? 1 : 0;
            }
        }
        if (withData == 0 || moving + recovering <= (1 - minCoverage) * withData) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s movement left %d %% of the video unscored (gross movement in %d%s of %d windows with data):"
                        + " arousal there is not judged",
                role,
                (long) Math.floor(100.0 * (moving + recovering) / withData + 1e-9),
                moving,
                recovering == 0 ? "" : " and the recovery after sustained movement in " + recovering,
                withData);
    }

    /**
     * The reason for a short video whose calibration stretch ({@code fromS}-{@code toS}) takes more
     * than {@code maxShare} of it, when the wearer's baseline came from that stretch: arousal there
     * is the reference and is not judged, e.g. {@code client baseline from the calibration stretch
     * 0:02:00-0:06:00, 67 % of this 0:06:00 video: arousal there is the reference, not judged (code a
     * BASELINE stretch or give --baselines from earlier sessions)}; null otherwise.
     */
    static String calibrationShareReason(
            String role, String baselineSource, double durationS, double fromS, double toS, double maxShare) {
        if (baselineSource == null || !baselineSource.startsWith("calibration") || !(durationS > 0)) {
            return null;
        }
        double share = Math.max(0, Math.min(toS, durationS) - Math.max(fromS, 0)) / durationS;
        if (share <= maxShare) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s baseline from the calibration stretch %s-%s, %d %% of this %s video: arousal there is the"
                        + " reference, not judged (code a BASELINE stretch or give --baselines from earlier sessions)",
                role,
                clock(fromS),
                clock(toS),
                (long) Math.floor(share * 100 + 1e-9),
                clock(durationS));
    }

    /**
     * The reason for a wearer whose baseline came from a later stretch than the calibration
     * stretch because the wearer was still settling there ({@link SettlingCheck}), e.g. {@code
     * client baseline from 0:10:00-0:14:00, not the calibration stretch 0:02:00-0:06:00: EDA level
     * and heart rate were still falling there (see baseline_source); arousal in the first minutes
     * is judged against the later rest}; null for any other baseline. Informs, never flags.
     */
    static String settlingReason(String role, Baseline b, ScoringConfig cfg) {
        double[] s = b == null || !b.settled() ? null : b.stretch().orElse(null);
        if (s == null) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s baseline from %s-%s, not the calibration stretch %s-%s: EDA level and heart rate were still"
                        + " falling there (see baseline_source); arousal in the first minutes is judged against the"
                        + " later rest (code a BASELINE stretch to choose the rest period)",
                role,
                clock(s[0]),
                clock(s[1]),
                clock(cfg.baselineStartS()),
                clock(cfg.baselineEndS()));
    }

    /** Signed video time as {@code [-]h:mm:ss}, truncated to the second. */
    static String clock(double seconds) {
        long s = (long) Math.floor(Math.abs(seconds));
        String sign = seconds < 0 && s > 0 ? "-" : "";
        return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60);
    }
}
