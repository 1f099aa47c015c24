package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.SyntheticSession.windows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.SyntheticSession.Plant;

/**
 * Wearable recordings that start before the video or miss it: only episodes that overlap the
 * video become moments, and a recording that covers little of it says so.
 */
class VideoRangeTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final double DURATION_S = 1800; // SyntheticSession.info's duration
    private static final double ONSET_S = 900;
    private static final double OFFSET_S = 1080;

    /** The planted session of SessionReviewerTest with every window moved by {@code shiftS}. */
    private static List<WindowFeatures> shifted(double shiftS) {
        List<WindowFeatures> ws =
                new ArrayList<>(windows("S1", "client", DURATION_S, 11, new Plant(ONSET_S, OFFSET_S, 1.0)));
        ws.addAll(windows("S1", "therapist", DURATION_S, 12));
        for (WindowFeatures w : ws) {
            w.startS += shiftS;
            w.endS += shiftS;
        }
        return ws;
    }

    private static SessionReview review(double shiftS) {
        return new SessionReviewer().review(SyntheticSession.info("S1"), shifted(shiftS), List.of(), CFG);
    }

    @Test
    void anEpisodeRunningPastTheVideosEndIsCutThere() {
        AnxietyEpisode whole = review(0).episodes(Role.CLIENT).get(0);
        SessionInfo info = SyntheticSession.info("S1");
        info.durationS = 1000; // the video ends inside the planted episode (900-1080 s)
        SessionReview r = new SessionReviewer().review(info, shifted(0), List.of(), CFG);
        assertTrue(whole.endS() > 1000, whole.toString());
        AnxietyEpisode cut = r.episodes(Role.CLIENT).get(0);
        assertEquals(whole.startS(), cut.startS(), "the onset is kept");
        assertEquals(1000.0, cut.endS(), "before: the episode's own end, " + whole.endS());
        assertEquals(whole.peakIndex(), cut.peakIndex());
        assertEquals(1000.0 - whole.startS(), r.sessionRow().anxietyTimeS, 1e-9);
        assertEquals(
                List.of(1000.0),
                r.moments().stream()
                        .filter(m -> m.kind.equals("anxiety_episode"))
                        .map(m -> m.endS)
                        .toList());
    }

    /**
     * Sixth audit (validation/sixth-cohort, seed 62, B2): a client episode from -257.5 to 12.5 s
     * beside one of 222.5 s inside the video gave anxiety_time_s 492.5 s, the time before the
     * video counted although it cannot be watched (the end was cut, the start was not).
     */
    @Test
    void anEpisodeBegunBeforeTheVideoCountsOnlyItsWatchableTime() {
        SessionReview r = review(-960); // the planted episode (900-1080 s) now runs -60..120 s
        AnxietyEpisode e = r.episodes(Role.CLIENT).get(0);
        assertTrue(e.startS() < 0 && e.endS() > 0, e.toString());
        SessionRow row = r.sessionRow();
        assertEquals(e.endS(), row.anxietyTimeS, 1e-9, "before: " + (e.endS() - e.startS()));
        assertEquals(
                e.endS() / 60.0 * e.peakIndex() + CFG.priorityPerEpisode(),
                ReviewPriority.priority(r.episodes(Role.CLIENT), CFG),
                1e-9);
        assertTrue(
                row.flagReasons
                        .get(0)
                        .startsWith(
                                "1 candidate client anxiety episode (" + TimeText.oneDecimal(e.endS() / 60.0) + " min"),
                row.flagReasons.toString());
        assertEquals(
                List.of(e.startS()),
                r.moments().stream()
                        .filter(m -> m.kind.equals("anxiety_episode"))
                        .map(m -> m.startS)
                        .toList(),
                "the onset is kept");
    }

    private static AnxietyEpisode episode(double startS, double endS) {
        return new AnxietyEpisode(Role.CLIENT, startS, endS, 3, startS, 30, java.util.Map.of(), java.util.Map.of());
    }

    /**
     * Sixth audit and review: time before the video does not count, also without a declared
     * duration, and an episode of which less than the minimum episode length lies in the video
     * (the recovery from a walk that ended before it, overlapping it by 2.5 s; one starting 20 s
     * before the video's end) is no episode of the video.
     */
    @Test
    void anEpisodeCountsOnlyWhatCanBeWatchedAndNeedsTheMinimumLengthThere() {
        List<AnxietyEpisode> all = List.of(
                episode(-60, 120), episode(-300, -100), episode(200, 400), episode(-277.5, 2.5), episode(1480, 1600));
        List<AnxietyEpisode> unknown = VideoRange.overlapping(all, 0, 30);
        assertEquals(
                List.of(-60.0, 200.0, 1480.0),
                unknown.stream().map(AnxietyEpisode::startS).toList());
        assertEquals(
                List.of(120.0, 200.0, 120.0),
                unknown.stream().map(AnxietyEpisode::watchableS).toList());
        List<AnxietyEpisode> video = VideoRange.overlapping(all, 1500, 30);
        assertEquals(
                List.of(-60.0, 200.0),
                video.stream().map(AnxietyEpisode::startS).toList());
        List<AnxietyEpisode> anyLength = VideoRange.overlapping(all, 1500, 0);
        assertEquals(
                List.of(120.0, 200.0, 2.5, 20.0),
                anyLength.stream().map(AnxietyEpisode::watchableS).toList());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> all.get(0).watchableFrom(Double.NaN));
    }

    @Test
    void aRecordingTwoHoursBeforeTheVideoGivesNoMomentAndSaysWhy() {
        SessionReview aligned = review(0);
        assertEquals(1, aligned.episodes(Role.CLIENT).size(), "the planted episode, aligned");
        assertTrue(aligned.sessionRow().flagged);

        SessionReview r = review(-7200); // media_start two hours late, e.g. local time written as UTC
        assertTrue(r.episodes().isEmpty(), r.episodes().toString());
        assertTrue(r.moments().isEmpty(), r.moments().toString());
        SessionRow row = r.sessionRow();
        assertFalse(row.flagged);
        assertNull(row.anxietyEpisodes, "no client data during the video: unknown, not none");
        assertNull(row.anxietyTimeS);
        assertNull(row.peakAnxietyIndex, "its windows lie outside the video: unknown as the burden");
        assertEquals(0.0, row.priority);
        assertEquals(
                List.of(
                        "client sensor data cover 0 % of the video (recorded from -2:00:00 to -1:30:00 of its"
                                + " 0:30:00): check media_start and its UTC offset",
                        "therapist sensor data cover 0 % of the video (recorded from -2:00:00 to -1:30:00 of its"
                                + " 0:30:00): check media_start and its UTC offset",
                        "no coded events (video not coded, or every coded event rejected: see the rejects table):"
                                + " ruptures, responses and missed opportunities not judged"),
                row.flagReasons);
        // the windows are still scored and kept for researchers
        assertEquals(aligned.scoredWindows().size(), r.scoredWindows().size());
    }

    @Test
    void anEpisodeBeforeTheVideoStartsIsNoMomentButOneInsideIs() {
        // 20 min early: the episode (15:00-18:00 of the recording) ends 2 min before the video
        SessionReview early = review(-1200);
        assertTrue(early.episodes(Role.CLIENT).isEmpty(), early.episodes().toString());
        assertTrue(early.moments().isEmpty());
        assertTrue(
                early.sessionRow().flagReasons.get(0).startsWith("client sensor data cover 33 % of the video"),
                early.sessionRow().flagReasons.toString());

        // 10 min early: the episode lies at 5:00-8:00 of the video, and two thirds are covered
        SessionReview r = review(-600);
        List<AnxietyEpisode> client = r.episodes(Role.CLIENT);
        assertEquals(1, client.size(), client.toString());
        assertEquals(
                review(0).episodes(Role.CLIENT).get(0).startS() - 600,
                client.get(0).startS(),
                1e-9);
        assertEquals(1, r.moments().size());
        assertTrue(r.sessionRow().flagged);
        // two thirds covered: said (scoring.min_video_coverage 0.9), though it is no flag
        assertTrue(
                r.sessionRow()
                        .flagReasons
                        .contains("client sensor data cover 66 % of the video (recorded from -0:10:00 to 0:20:00 of its"
                                + " 0:30:00): check media_start and its UTC offset, or whether the wristband"
                                + " stopped early or was restarted (list every part of the recording in"
                                + " session.json wearables)"),
                r.sessionRow().flagReasons.toString());
    }

    @Test
    void coverageIsTheUnionOfWindowSpansInsideTheVideo() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (double[] span : new double[][] {{-100, -70}, {-10, 20}, {-5, 25}, {40, 70}, {90, 130}}) {
            WindowFeatures w = new WindowFeatures();
            w.startS = span[0];
            w.endS = span[1];
            w.accQuality = 1;
            ws.add(w);
        }
        // inside 0..100: 0-25, 40-70, 90-100 = 65 s
        assertEquals(0.65, VideoRange.coverage(ws, 100), 1e-12);
        assertEquals(1.0, VideoRange.coverage(ws, 0), "unknown duration");
        assertEquals(0.0, VideoRange.coverage(List.of(), 100));
        assertNull(VideoRange.shortCoverageReason("client", ws, 100, 0.5, false));
        assertEquals(
                "client sensor data cover 65 % of the video (recorded from -0:01:40 to 0:02:10 of its 0:01:40; no"
                        + " data 0:00:25-0:00:40, 0:01:10-0:01:30): the recording has gaps or the wristband was not"
                        + " worn there; if it was restarted, list every part of the recording in session.json wearables",
                VideoRange.shortCoverageReason("client", ws, 100, 0.7, false));
        assertNull(VideoRange.shortCoverageReason("client", List.of(), 100, 0.7, false), "no windows: other reasons");
    }

    @Test
    void shouldCountOnlyWindowsHoldingDataAndSayWhenTheWristbandRecordedNothingValid() {
        // a 25-minute video; every channel missing from 10:00 to 15:00 (the windows are emitted,
        // empty)
        List<WindowFeatures> ws = spans(-60, 1500);
        for (WindowFeatures w : ws) {
            if (w.startS >= 600 && w.endS <= 900) {
                w.accQuality = 0;
            }
        }
        assertEquals(0.8, VideoRange.coverage(ws, 1500), 1e-12);
        // a restart or a band off the wrist: the windows cannot tell, so the advice names both (before:
        // only a restart, wrong for a band taken off in the middle of a session)
        assertEquals(
                "client sensor data cover 80 % of the video (recorded from -0:01:00 to 0:25:00 of its 0:25:00; no"
                        + " data 0:10:00-0:15:00): the recording has gaps or the wristband was not worn there; if it"
                        + " was restarted, list every part of the recording in session.json wearables",
                VideoRange.shortCoverageReason("client", ws, 1500, 0.9, false));
        // movement only, at full quality: a quarter, whatever the gap (it is no poor quality of
        // what was recorded; before, its empty windows lowered it to 0.2)
        assertEquals(0.25, DataQuality.of(ws), 1e-12);
        ws.forEach(w -> w.accQuality = 0);
        assertEquals(
                "client sensor data cover 0 % of the video (recorded from -0:01:00 to 0:25:00 of its 0:25:00): no"
                        + " valid sample while it recorded; check whether the wristband was worn",
                VideoRange.shortCoverageReason("client", ws, 1500, 0.9, false));
        assertEquals(0.0, DataQuality.of(ws));
    }

    @Test
    void shouldSayWhenTheCalibrationStretchTakesMuchOfAShortVideo() {
        // a 6-minute session: minutes 2-6 are two thirds of it, and an episode there became the
        // baseline (before: only "Nothing flagged")
        assertEquals(
                "client baseline from the calibration stretch 0:02:00-0:06:00, 66 % of this 0:06:00 video: arousal"
                        + " there is the reference, not judged (code a BASELINE stretch or give --baselines from"
                        + " earlier sessions)",
                VideoRange.calibrationShareReason("client", "calibration 120-360 s", 360, 120, 360, 0.25));
        assertEquals(
                "client baseline from the calibration stretch 0:02:00-0:06:00, 40 % of this 0:10:00 video: arousal"
                        + " there is the reference, not judged (code a BASELINE stretch or give --baselines from"
                        + " earlier sessions)",
                VideoRange.calibrationShareReason("client", "calibration 120-360 s", 600, 120, 360, 0.25));
        assertNull(VideoRange.calibrationShareReason("client", "calibration 120-360 s", 1560, 120, 360, 0.25), "15 %");
        assertNull(VideoRange.calibrationShareReason(
                "client", "coded BASELINE 400-500 s (f line 2)", 360, 120, 360, 0.25));
        assertNull(VideoRange.calibrationShareReason(
                "client", "whole session (calibration stretch had 3 usable windows)", 360, 120, 360, 0.25));
        assertNull(
                VideoRange.calibrationShareReason("client", "calibration 120-360 s", 0, 120, 360, 0.25),
                "unknown duration");
        // a 3-minute video: the stretch inside it is 2:00-3:00, a third
        assertTrue(VideoRange.calibrationShareReason("client", "calibration 120-360 s", 180, 120, 360, 0.25)
                .contains("33 %"));
    }

    @Test
    void shouldSayWhenADeclaredWearerHasNoWindowAtAll() {
        // an 8 s export (a band switched on and off by mistake): before, no reason at all
        assertEquals(
                "therapist sensor data cover 0 % of the video: its wristband's files give no window of data (a"
                        + " recording shorter than 30 s, or every channel missing or rejected: see missing_channels"
                        + " and the rejects table)",
                VideoRange.noWindowReason("therapist", List.of(), 1500, 30));
        assertNull(VideoRange.noWindowReason("therapist", spans(0, 1500), 1500, 30));
        assertNull(VideoRange.noWindowReason("therapist", List.of(), 0, 30), "duration unknown");
        SessionInfo info = SyntheticSession.info("S1");
        info.wearers = List.of("client", "therapist");
        List<WindowFeatures> clientOnly = windows("S1", "client", DURATION_S, 11);
        List<String> reasons =
                new SessionReviewer().review(info, clientOnly, List.of(), CFG).sessionRow().flagReasons;
        assertTrue(
                reasons.stream().anyMatch(r -> r.startsWith("therapist sensor data cover 0 % of the video: its")),
                reasons.toString());
        info.wearers = List.of("client"); // no therapist band declared: nothing to say
        reasons = new SessionReviewer().review(info, clientOnly, List.of(), CFG).sessionRow().flagReasons;
        assertTrue(reasons.stream().noneMatch(r -> r.startsWith("therapist")), reasons.toString());
    }

    private static List<WindowFeatures> spans(double from, double to) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (double t = from; t + 30 <= to; t += 5) {
            WindowFeatures w = new WindowFeatures();
            w.startS = t;
            w.endS = t + 30;
            w.accQuality = 1;
            ws.add(w);
        }
        return ws;
    }

    @Test
    void shouldNameAStoppedStartedLateOrMisplacedRecordingByWhereItLies() {
        // a 50-minute video; the wristband stopped at 20 minutes (battery, button)
        assertEquals(
                "client sensor data cover 40 % of the video (recorded from -0:00:45 to 0:20:00 of its 0:50:00):"
                        + " check media_start and its UTC offset, or whether the wristband stopped early or was"
                        + " restarted (list every part of the recording in session.json wearables)",
                VideoRange.shortCoverageReason("client", spans(-45, 1200), 3000, 0.5, false));
        // started 30 minutes in
        assertEquals(
                "therapist sensor data cover 40 % of the video (recorded from 0:30:00 to 0:50:00 of its"
                        + " 0:50:00): check media_start and its UTC offset, or whether the wristband started late or"
                        + " was restarted (list every part of the recording in session.json wearables)",
                VideoRange.shortCoverageReason("therapist", spans(1800, 3000), 3000, 0.5, false));
        // wholly before the video, or inside it but away from both ends: media_start only
        assertEquals(
                "client sensor data cover 0 % of the video (recorded from -1:00:00 to -0:10:00 of its 0:50:00):"
                        + " check media_start and its UTC offset",
                VideoRange.shortCoverageReason("client", spans(-3600, -600), 3000, 0.5, false));
        assertEquals(
                "client sensor data cover 33 % of the video (recorded from 0:10:00 to 0:26:40 of its 0:50:00):"
                        + " check media_start and its UTC offset",
                VideoRange.shortCoverageReason("client", spans(600, 1600), 3000, 0.5, false));
    }

    @Test
    void shouldNotAskForPartsToBeListedWhenSessionJsonAlreadyListsSeveral() {
        // a wristband restarted once, both parts listed: the gap between them stays, and the
        // advice no longer asks for what was done (before: "list every part ...")
        List<WindowFeatures> ws = spans(-60, 1500);
        ws.removeIf(w -> w.endS > 600 && w.startS < 900);
        assertEquals(
                "client sensor data cover 80 % of the video (recorded from -0:01:00 to 0:25:00 of its 0:25:00; no"
                        + " data 0:10:00-0:15:00): the recording has gaps (the parts listed in session.json"
                        + " wearables do not cover them) or the wristband was not worn there",
                VideoRange.shortCoverageReason("client", ws, 1500, 0.9, true));
        assertEquals(
                "client sensor data cover 40 % of the video (recorded from -0:00:45 to 0:20:00 of its 0:50:00):"
                        + " check media_start and its UTC offset, or whether the wristband stopped early",
                VideoRange.shortCoverageReason("client", spans(-45, 1200), 3000, 0.5, true));
        assertEquals(
                "therapist sensor data cover 40 % of the video (recorded from 0:30:00 to 0:50:00 of its"
                        + " 0:50:00): check media_start and its UTC offset, or whether the wristband started late",
                VideoRange.shortCoverageReason("therapist", spans(1800, 3000), 3000, 0.5, true));
    }

    @Test
    void shouldSayWhenGrossMovementLeftMuchOfTheVideoUnscored() {
        // a 25-minute video: windows every 5 s from -60 s; the client talks with the hands from
        // 10:00 to 15:00 (12 s of gross movement per window there)
        List<WindowFeatures> ws = spans(-60, 1500);
        int inVideo =
                (int) ws.stream().filter(w -> w.endS > 0 && w.startS < 1500).count();
        int moving = 0;
        for (WindowFeatures w : ws) {
            if (w.startS >= 600 && w.endS <= 900) {
                w.grossMovementS = 12;
                moving++;
            }
        }
        assertEquals(
                "client movement left " + (100 * moving / inVideo) + " % of the video unscored (gross movement in "
                        + moving + " of " + inVideo + " windows with data): arousal there is not judged",
                VideoRange.movementReason("client", ws, 1500, 0.9, 10));
        assertNull(VideoRange.movementReason("client", ws, 1500, 0.7, 10), "within 30 %");
        assertNull(VideoRange.movementReason("client", ws, 1500, 0.9, 15), "12 s does not unscore a window");
        // movement outside the video does not count
        ws.forEach(w -> w.grossMovementS = w.endS <= 0 ? 30 : 0);
        assertNull(VideoRange.movementReason("client", ws, 1500, 0.9, 10));
        assertNull(VideoRange.movementReason("client", List.of(), 1500, 0.9, 10));
    }

    @Test
    void shouldCountAndNameTheRecoveryAfterSustainedMovementAsUnscored() {
        // a walk from 10:00 to 12:30 (every window there full of movement) and its recovery, the
        // windows starting in the next 2 minutes marked: neither alone passes 10 % of the video
        List<WindowFeatures> ws = spans(-60, 1500);
        int inVideo =
                (int) ws.stream().filter(w -> w.endS > 0 && w.startS < 1500).count();
        int moving = 0;
        int recovering = 0;
        for (WindowFeatures w : ws) {
            if (w.startS >= 600 && w.endS <= 750) {
                w.grossMovementS = 30;
                moving++;
            } else if (w.startS >= 750 && w.startS < 870) {
                w.exertionRecovery = true;
                recovering++;
            }
        }
        assertTrue(moving <= 0.1 * inVideo && recovering <= 0.1 * inVideo, moving + ", " + recovering);
        assertEquals(
                "client movement left " + (100 * (moving + recovering) / inVideo)
                        + " % of the video unscored (gross movement in " + moving
                        + " and the recovery after sustained movement in " + recovering + " of " + inVideo
                        + " windows with data): arousal there is not judged",
                VideoRange.movementReason("client", ws, 1500, 0.9, 10));
        ws.forEach(w -> w.exertionRecovery = false);
        assertNull(VideoRange.movementReason("client", ws, 1500, 0.9, 10), "the walk alone is under 10 %");
    }

    @Test
    void clockShowsSignedHoursMinutesSeconds() {
        assertEquals("-2:00:00", VideoRange.clock(-7200));
        assertEquals("0:00:00", VideoRange.clock(-0.4));
        assertEquals("1:02:03", VideoRange.clock(3723.9));
    }
}
