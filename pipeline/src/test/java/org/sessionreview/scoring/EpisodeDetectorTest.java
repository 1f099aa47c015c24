package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.Windows.indexed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * Windows start every 5 s from 0 and last 30 s, so window k has centre 5k + 15 and stands for
 * the cell [5k + 12.5, 5k + 17.5).
 */
class EpisodeDetectorTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final Double HIGH = 3.0;
    private static final Double MID = 1.5;
    private static final Double LOW = 0.2;

    /** Builds windows from runs: {@code runs(5, LOW, 8, HIGH)} = 5 low windows, then 8 high. */
    private static List<WindowFeatures> runs(Object... countThenIndex) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < countThenIndex.length; i += 2) {
            int n = (Integer) countThenIndex[i];
            Double idx = (Double) countThenIndex[i + 1];
            for (int k = 0; k < n; k++) {
                ws.add(indexed(5.0 * ws.size(), idx));
            }
        }
        return ws;
    }

    private static double cellStart(int window) {
        return 5.0 * window + 12.5;
    }

    private static List<AnxietyEpisode> detect(List<WindowFeatures> ws) {
        return EpisodeDetector.detect(Role.CLIENT, ws, CFG);
    }

    @Test
    void shouldStartAtTheFirstElevatedCellAndEndWhereTheIndexFellWhenHeld() {
        List<AnxietyEpisode> eps = detect(runs(10, LOW, 8, HIGH, 10, LOW));
        assertEquals(1, eps.size());
        AnxietyEpisode e = eps.get(0);
        assertEquals(cellStart(10), e.startS(), 1e-9);
        assertEquals(cellStart(18), e.endS(), 1e-9);
        assertEquals(40.0, e.durationS(), 1e-9);
        assertEquals(8, e.windowCount());
        assertEquals(3.0, e.peakIndex(), 1e-12);
        assertEquals(Role.CLIENT, e.role());
    }

    /**
     * 80 windows; EDA level and HR z rise linearly from 0 at signal time 300 s to 6 at 420 s and
     * stay there (a window's z at its leading edge, centre + 15 s); index = their mean. Windows whose
     * centre lies in [fromS, toS] are unscored (gross movement: no index, the z-scores kept): their
     * HR z high as exertion and a swamped pulse wave would make it, their EDA-level z the rise's, as
     * measured through the movement ({@link OnsetLookBack#measuredThroughMovement}).
     */
    private static List<WindowFeatures> riseWithMovement(double fromS, double toS) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            WindowFeatures w = indexed(5.0 * k, null);
            double edge = 5.0 * k + 30;
            double z = Math.max(0, Math.min(6, (edge - 300) / 20.0));
            w.zScl = z;
            w.zHr = z;
            w.anxietyIndex = z;
            double c = 5.0 * k + 15;
            if (c >= fromS && c <= toS) {
                w.anxietyIndex = null;
                w.zHr = 9.0;
            }
            ws.add(w);
        }
        return ws;
    }

    @Test
    void shouldTakeNoPeaksFromWindowsTheIndexRefusedToScoreWhenMovementHidesTheOnset() {
        AnxietyEpisode clean = detect(riseWithMovement(-1, -1)).get(0);
        assertEquals(300, clean.startS(), 5, "the rise is back-dated to its onset (entered at 322.5 s)");
        // movement from centre 280 to 310 s, over the rise's start: its HR z 9 is no peak (before
        // 2026-12-05 it became the evidence's); the onset is timed by the EDA level measured through
        // the movement (OnsetAcrossMovementTest)
        AnxietyEpisode moved = detect(riseWithMovement(280, 310)).get(0);
        assertEquals(300, moved.startS(), 15, "the rise's onset inside the movement: " + moved.startS());
        assertEquals(6.0, moved.peakZ().get(Feature.SCL), 1e-12);
        assertEquals(6.0, moved.peakZ().get(Feature.HR), 1e-12);
        // movement inside the episode, 380-390 s: its windows' z 9 are no peak and no part of
        // the mean (before: peak 9.0, mean 4.01)
        AnxietyEpisode inside = detect(riseWithMovement(380, 390)).get(0);
        AnxietyEpisode reference = detect(riseWithMovement(-1, -1)).get(0);
        assertEquals(6.0, inside.peakZ().get(Feature.SCL), 1e-12);
        assertTrue(
                inside.meanZ().get(Feature.SCL) < reference.meanZ().get(Feature.SCL) + 0.5,
                "mean of the scored windows: " + inside.meanZ().get(Feature.SCL));
    }

    @Test
    void shouldBackDateAcrossMovementOnlyWhenTheRiseShowsBeforeItOrTheEdaMeasuredThroughIt() {
        // the rise starts at 300 s and shows in the scored windows up to centre 315 (edge 330);
        // movement at centres 320-345 s hides the entry, which comes after it
        List<WindowFeatures> ws = riseWithMovement(320, 345);
        AnxietyEpisode across = detect(ws).get(0);
        // (this test's z follows the rise at each window's leading edge, not a window average of
        // it, which the onset fit reads as an earlier start: 276 s here)
        assertEquals(300, across.startS(), 30, "back-dated across the movement to the rise's onset");
        assertTrue(across.startS() < 320 - 15, "before the movement's windows: " + across.startS());
        ScoringConfig off =
                CFG.toBuilder().set(ScoringOptions.ONSET_ACROSS_UNSCORED, false).build();
        AnxietyEpisode stopped = EpisodeDetector.detect(Role.CLIENT, ws, off).get(0);
        assertTrue(stopped.startS() >= 347.5 - 1e-9, "the look-back stops at the movement: " + stopped.startS());
        // the rise hidden by the movement itself (flat scored windows before it) and the EDA not
        // measured through it (no EDA z there): not back-dated into the movement
        List<WindowFeatures> lost = riseWithMovement(280, 310);
        for (WindowFeatures w : lost) {
            w.zScl = w.anxietyIndex == null ? null : w.zScl;
        }
        AnxietyEpisode hidden = detect(lost).get(0);
        assertTrue(hidden.startS() >= 312.5 - 1e-9, "not inside the unmeasured windows: " + hidden.startS());
        // the same, with a second movement a minute earlier (centres 230-240 s) through which the
        // EDA level was measured: that stretch does not vouch for the unmeasured one nearer the
        // entry (before: 300.0 s, inside the unmeasured windows)
        List<WindowFeatures> twoStretches = riseWithMovement(280, 310);
        for (WindowFeatures w : twoStretches) {
            double c = w.startS + 15;
            if (w.anxietyIndex == null) {
                w.zScl = null;
            } else if (c >= 230 && c <= 240) {
                w.anxietyIndex = null;
                w.zHr = 9.0;
            }
        }
        AnxietyEpisode notVouched = detect(twoStretches).get(0);
        assertTrue(
                notVouched.startS() >= 312.5 - 1e-9,
                "not inside the unmeasured windows nearest the entry: " + notVouched.startS());
    }

    @Test
    void shouldNotEnterWhenTheElevatedRunIsShorterThanTheHold() {
        assertTrue(detect(runs(10, LOW, 3, HIGH, 10, LOW)).isEmpty()); // 15 s < 20 s
        assertTrue(detect(runs(10, LOW, 2, HIGH, 1, MID, 2, HIGH, 10, LOW)).isEmpty());
    }

    @Test
    void shouldDropEpisodesShorterThanTheMinimumWhenTheyEnteredAndLeft() {
        // 4 windows = 20 s: enough to enter, shorter than the 30 s minimum
        assertTrue(detect(runs(10, LOW, 4, HIGH, 10, LOW)).isEmpty());
        assertEquals(1, detect(runs(10, LOW, 6, HIGH, 10, LOW)).size()); // 30 s
    }

    @Test
    void shouldStayInsideWhenTheIndexIsBetweenThresholdsOrLowForLessThanTheHold() {
        List<AnxietyEpisode> eps = detect(runs(10, LOW, 4, HIGH, 6, MID, 3, LOW, 4, HIGH, 10, LOW));
        assertEquals(1, eps.size());
        assertEquals(cellStart(10), eps.get(0).startS(), 1e-9);
        assertEquals(cellStart(27), eps.get(0).endS(), 1e-9);
    }

    @Test
    void shouldMergeEpisodesWhenTheGapIsShorterThanTheMergeGap() {
        // leave held after 4 low windows (20 s), so the raw episodes are 20 s apart
        List<WindowFeatures> ws = runs(10, LOW, 7, HIGH, 4, LOW, 7, HIGH, 10, LOW);
        List<AnxietyEpisode> merged = detect(ws);
        assertEquals(1, merged.size());
        assertEquals(cellStart(10), merged.get(0).startS(), 1e-9);
        assertEquals(cellStart(28), merged.get(0).endS(), 1e-9);

        List<AnxietyEpisode> apart = EpisodeDetector.detect(
                Role.CLIENT,
                ws,
                CFG.toBuilder().set(ScoringOptions.MERGE_GAP_S, 10.0).build());
        assertEquals(2, apart.size());
        assertEquals(cellStart(17), apart.get(0).endS(), 1e-9);
        assertEquals(cellStart(21), apart.get(1).startS(), 1e-9);
    }

    @Test
    void shouldKeepEpisodesApartWhenTheGapReachesTheMergeGap() {
        List<AnxietyEpisode> eps = detect(runs(10, LOW, 7, HIGH, 6, LOW, 7, HIGH, 10, LOW));
        assertEquals(2, eps.size());
        assertEquals(30.0, eps.get(1).startS() - eps.get(0).endS(), 1e-9);
    }

    private static List<AnxietyEpisode> detect(List<WindowFeatures> ws, double maxBridgeS) {
        return EpisodeDetector.detect(
                Role.CLIENT,
                ws,
                CFG.toBuilder()
                        .set(ScoringOptions.MAX_UNSCORED_BRIDGE_S, maxBridgeS)
                        .build());
    }

    @Test
    void shouldGoOnThroughUnscoredStretchesWhenTheIndexAfterThemIsNotLow() {
        // 8 high, 5 unscored (25 s), 8 high, 12 unscored (60 s = the default limit), 8 high
        List<WindowFeatures> ws = runs(10, LOW, 8, HIGH, 5, null, 8, HIGH, 12, null, 8, HIGH, 10, LOW);
        List<AnxietyEpisode> eps = detect(ws);
        assertEquals(1, eps.size(), "movement hides the arousal, it does not end it");
        assertEquals(cellStart(10), eps.get(0).startS(), 1e-9);
        assertEquals(cellStart(51), eps.get(0).endS(), 1e-9);
        assertEquals(41, eps.get(0).windowCount(), "the unscored windows inside are counted");
        assertEquals(3.0, eps.get(0).peakIndex(), 1e-12);
        // one raw span: before, each stretch ended the episode (3 raw spans, the 25 s stretch
        // then merged back by the 30 s merge gap, the 60 s one not: 2 episodes)
        assertEquals(1, EpisodeDetector.hysteresis(ws, CFG).size());
        // a window between the thresholds after the stretch is not low either
        List<AnxietyEpisode> mid = detect(runs(10, LOW, 8, HIGH, 8, null, 2, MID, 6, HIGH, 10, LOW));
        assertEquals(1, mid.size());
        assertEquals(cellStart(34), mid.get(0).endS(), 1e-9);
    }

    @Test
    void shouldEndWhereTheUnscoredStretchBeganWhenTheIndexAfterItIsLow() {
        List<AnxietyEpisode> eps = detect(runs(10, LOW, 8, HIGH, 6, null, 10, LOW));
        assertEquals(1, eps.size());
        assertEquals(cellStart(18), eps.get(0).endS(), 1e-9, "not where the low windows began");
        // a short stretch and the low run after it make one low run (leave hold 20 s)
        List<double[]> raw = EpisodeDetector.hysteresis(runs(10, LOW, 8, HIGH, 2, null, 2, LOW, 8, HIGH), CFG);
        assertEquals(2, raw.size());
        assertEquals(cellStart(18), raw.get(0)[1], 1e-9, "10 s unscored + 10 s low reach the hold");
        // trailing unscored windows: the open episode ends where they began
        List<AnxietyEpisode> open = detect(runs(10, LOW, 8, HIGH, 4, null));
        assertEquals(cellStart(18), open.get(0).endS(), 1e-9);
        // outside an episode an unscored window still breaks the run towards entry
        assertTrue(detect(runs(10, LOW, 3, HIGH, 1, null, 3, HIGH, 10, LOW)).isEmpty());
    }

    @Test
    void shouldEndWhereTheUnscoredStretchBeganWhenItIsLongerThanTheLimit() {
        // 13 unscored windows = 65 s > 60 s
        List<AnxietyEpisode> eps = detect(runs(10, LOW, 8, HIGH, 13, null, 8, HIGH, 10, LOW));
        assertEquals(2, eps.size());
        assertEquals(cellStart(18), eps.get(0).endS(), 1e-9);
        assertEquals(cellStart(31), eps.get(1).startS(), 1e-9, "the onset look-back stops at unscored windows");
        assertEquals(cellStart(39), eps.get(1).endS(), 1e-9);
    }

    @Test
    void shouldFollowTheLimitOptionWhenBridgingUnscoredStretches() {
        List<WindowFeatures> ws60 = runs(10, LOW, 8, HIGH, 12, null, 8, HIGH, 10, LOW);
        List<WindowFeatures> ws65 = runs(10, LOW, 8, HIGH, 13, null, 8, HIGH, 10, LOW);
        assertEquals(1, detect(ws60, 60.0).size());
        assertEquals(2, detect(ws60, 55.0).size());
        assertEquals(1, detect(ws65, 65.0).size());
        // 0: every unscored window is low time (the rule before the limit): 6 unscored windows
        // (30 s) end the first episode, the second starts after them, no merge
        List<AnxietyEpisode> old = detect(runs(10, LOW, 8, HIGH, 6, null, 10, HIGH), 0.0);
        assertEquals(2, old.size());
        assertEquals(cellStart(18), old.get(0).endS(), 1e-9);
        assertEquals(cellStart(24), old.get(1).startS(), 1e-9);
        assertEquals(1, detect(runs(10, LOW, 8, HIGH, 6, null, 10, HIGH)).size());
        // 0 still needs the leave hold of low time: 2 unscored windows and 1 low are 15 s
        List<double[]> raw0 = EpisodeDetector.hysteresis(
                runs(10, LOW, 8, HIGH, 2, null, 1, LOW, 8, HIGH),
                CFG.toBuilder().set(ScoringOptions.MAX_UNSCORED_BRIDGE_S, 0.0).build());
        assertEquals(1, raw0.size());
    }

    @Test
    void shouldEndAtTheUnscoredStretchWhenMissingTimeCutsIt() {
        List<WindowFeatures> ws = runs(10, LOW, 8, HIGH, 3, null); // windows 18-20 unscored
        for (int k = 25; k < 33; k++) {
            ws.add(indexed(5.0 * k, HIGH)); // windows 21-24 missing (20 s)
        }
        List<AnxietyEpisode> eps = detect(ws);
        assertEquals(2, eps.size(), "unscored 15 s + missing 20 s is low time, 35 s apart");
        assertEquals(cellStart(18), eps.get(0).endS(), 1e-9);
        assertEquals(cellStart(25), eps.get(1).startS(), 1e-9);
    }

    @Test
    void shouldTreatMissingWindowsAsLowTimeWhenTheSequenceHasAGap() {
        List<WindowFeatures> ws = runs(10, LOW, 8, HIGH);
        for (int k = 0; k < 8; k++) {
            ws.add(indexed(200.0 + 5 * k, HIGH)); // windows 18..39 missing
        }
        List<AnxietyEpisode> eps = detect(ws);
        assertEquals(2, eps.size());
        assertEquals(cellStart(18), eps.get(0).endS(), 1e-9);
        assertEquals(200 + 12.5, eps.get(1).startS(), 1e-9);
        assertEquals(200 + 5 * 7 + 17.5, eps.get(1).endS(), 1e-9); // open at the last window

        List<WindowFeatures> broken = runs(10, LOW, 2, HIGH);
        broken.add(indexed(5.0 * 13, HIGH)); // window 12 missing
        broken.add(indexed(5.0 * 14, HIGH));
        assertTrue(detect(broken).isEmpty());
    }

    @Test
    void shouldReportPeakAndMeanZInTheAnxietyDirectionWhenSummarising() {
        List<WindowFeatures> ws = runs(10, LOW, 6, HIGH, 10, LOW);
        double[] rmssd = {-1.0, -2.5, -0.5, -3.0, 0.5, -1.5};
        for (int k = 0; k < 6; k++) {
            WindowFeatures w = ws.get(10 + k);
            w.zRmssd = rmssd[k];
            w.zScl = 1.0 + k;
            w.anxietyIndex = 2.0 + k * 0.1;
        }
        ws.get(12).zScl = null;
        ws.get(3).zScl = 9.0; // outside the episode: ignored
        // summary statistics only: these hand-made z's are not concordant, so the rule is off here
        AnxietyEpisode e = EpisodeDetector.detect(
                        Role.CLIENT,
                        ws,
                        CFG,
                        OnsetRule.of(org.sessionreview.config.ScoringConfig.defaults())
                                .withConcordance(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .get(0);
        assertEquals(-3.0, e.peakZ().get(Feature.RMSSD), 1e-12);
        assertEquals(-8.0 / 6, e.meanZ().get(Feature.RMSSD), 1e-12);
        assertEquals(6.0, e.peakZ().get(Feature.SCL), 1e-12);
        assertEquals((1 + 2 + 4 + 5 + 6) / 5.0, e.meanZ().get(Feature.SCL), 1e-12);
        assertEquals(2.5, e.peakIndex(), 1e-12);
        assertEquals(5.0 * 15 + 15, e.peakS(), 1e-9);
        assertTrue(!e.peakZ().containsKey(Feature.HR));
    }

    @Test
    void shouldGiveTheSameEpisodesWhenTheInputIsShuffled() {
        List<WindowFeatures> ws = runs(10, LOW, 7, HIGH, 4, LOW, 9, HIGH, 12, LOW, 6, HIGH);
        List<AnxietyEpisode> expected = detect(ws);
        List<WindowFeatures> shuffled = new ArrayList<>(ws);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(expected, detect(shuffled));
        assertEquals(2, expected.size());
    }
}
