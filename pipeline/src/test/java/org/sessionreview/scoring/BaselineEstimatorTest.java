package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.Windows.scl;
import static org.sessionreview.scoring.Windows.window;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.WindowFeatures;

class BaselineEstimatorTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final double[] CALIBRATION_SCL = {2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0, 10.0};

    /** 12 windows wholly inside 120-360 s (starts 120, 135, ..., 285). */
    private static List<WindowFeatures> calibrationWindows() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < CALIBRATION_SCL.length; i++) {
            ws.add(scl(120 + 15 * i, CALIBRATION_SCL[i]));
        }
        return ws;
    }

    @Test
    void shouldUseMedianAndMadOfTheCalibrationStretchWhenItHasEnoughWindows() {
        List<WindowFeatures> ws = calibrationWindows();
        ws.add(scl(0, 50.0)); // before the stretch
        ws.add(scl(335, 50.0)); // starts inside, ends at 365: not wholly inside
        ws.add(scl(400, 50.0)); // after
        WindowFeatures badQuality = scl(200, 50.0);
        badQuality.edaQuality = 0.3;
        ws.add(badQuality);
        ws.add(window("client", 210)); // no SCL at all

        Baseline b = BaselineEstimator.calibration(ws, CFG);

        FeatureBaseline scl = b.get(Feature.SCL).orElseThrow();
        // sorted values: median of 2.5 and 2.6; |x - 2.55| sorted: ..., 0.25, 0.35, ... -> 0.30
        assertEquals(2.55, scl.median(), 1e-12);
        assertEquals(0.30, scl.mad(), 1e-12);
        assertEquals(12, scl.count());
        assertEquals("calibration 120-360 s", b.source());
        assertFalse(b.get(Feature.HR).isPresent());
    }

    @Test
    void shouldFallBackToTheWholeSessionWhenTheStretchHasTooFewWindows() {
        List<WindowFeatures> ws = new ArrayList<>();
        double[] all = new double[20];
        for (int i = 0; i < 20; i++) {
            double start = i < 5 ? 150 + 10 * i : 600 + 10 * i; // 5 inside the stretch
            all[i] = 1.0 + 0.37 * i * i % 3.1;
            ws.add(scl(start, all[i]));
        }

        Baseline b = BaselineEstimator.calibration(ws, CFG);

        FeatureBaseline scl = b.get(Feature.SCL).orElseThrow();
        assertEquals(new Median().evaluate(all), scl.median(), 1e-12);
        assertEquals(20, scl.count());
        assertEquals("whole session (calibration stretch had 5 usable windows)", b.source());
    }

    @Test
    void shouldRecordWhichFeaturesFellBackWhenOnlySomeLackCalibrationData() {
        List<WindowFeatures> ws = calibrationWindows();
        for (int i = 0; i < ws.size(); i++) {
            WindowFeatures w = ws.get(i);
            w.hrBpm = 70.0 + i;
            if (i >= 3) {
                w.edaQuality = 0.0; // SCL usable in 3 windows only
            }
        }
        Baseline b = BaselineEstimator.calibration(
                ws,
                ScoringConfig.builder()
                        .set(ScoringOptions.QUALITY_THRESHOLD, 0.5)
                        .build());

        assertEquals(
                "calibration 120-360 s; whole session for EDA level" + " (calibration stretch had 3 usable windows)",
                b.source());
        assertEquals(75.5, b.get(Feature.HR).orElseThrow().median(), 1e-12);
        assertEquals(3, b.get(Feature.SCL).orElseThrow().count());
    }

    @Test
    void shouldBeEmptyWhenNoWindowIsUsable() {
        WindowFeatures w = scl(150, 2.0);
        w.edaQuality = 0;
        Baseline b = BaselineEstimator.calibration(List.of(w), CFG);
        assertTrue(b.isEmpty());
        assertEquals("none (no usable windows)", b.source());
    }

    @Test
    void shouldUseTheGivenLabelWhenEstimatingFromAnotherStretch() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ws.add(scl(900 + 5 * i, 4.0 + (i % 2)));
        }
        ws.add(scl(150, 100.0));
        Baseline b = BaselineEstimator.fromStretch(ws, 900, 1000, "coded BASELINE 900-1000 s", "coded stretch", CFG);
        assertEquals("coded BASELINE 900-1000 s", b.source());
        assertEquals(4.5, b.get(Feature.SCL).orElseThrow().median(), 1e-12);
        assertEquals(0.5, b.get(Feature.SCL).orElseThrow().mad(), 1e-12);
    }

    /**
     * Sixth audit (validation/sixth-cohort, session D4): a 3-minute session after which the
     * client walked on, so the calibration stretch (120-360 s from media start) held walking
     * windows only; their heart rate (111.5 bpm against a rest of 66.8) became the baseline and
     * the episode planted in the video (+16 bpm) read low. Windows the index does not score for
     * gross movement are exertion, not rest (DOMAIN.md 4.0), so they stay out of the baseline.
     */
    @Test
    void shouldLeaveWindowsWithGrossMovementOutOfTheBaseline() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WindowFeatures rest = window("client", 120 + 15 * i);
            rest.hrBpm = 70.0 + 0.1 * i;
            rest.cardiacQuality = 1.0;
            rest.grossMovementS = CFG.grossMovementMaxS() - 1; // some movement, still scored
            ws.add(rest);
            WindowFeatures walking = window("client", 125 + 15 * i);
            walking.hrBpm = 110.0;
            walking.cardiacQuality = 1.0;
            walking.grossMovementS = CFG.grossMovementMaxS();
            ws.add(walking);
        }

        Baseline b = BaselineEstimator.calibration(ws, CFG);

        FeatureBaseline hr = b.get(Feature.HR).orElseThrow();
        assertEquals(70.55, hr.median(), 1e-9);
        assertEquals(12, hr.count());
        assertEquals("calibration 120-360 s", b.source());
    }

    @Test
    void shouldFallBackToTheRestOfTheRecordingWhenOnlyWalkingFillsTheStretch() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double start = 120 + 5 * i; // 120-315: walking
            WindowFeatures walking = window("client", start);
            walking.hrBpm = 110.0;
            walking.cardiacQuality = 1.0;
            walking.grossMovementS = 30;
            ws.add(walking);
            WindowFeatures rest = window("client", 1000 + 5 * i);
            rest.hrBpm = 66.0 + 0.05 * i;
            rest.cardiacQuality = 1.0;
            ws.add(rest);
        }

        Baseline b = BaselineEstimator.calibration(ws, CFG);

        FeatureBaseline hr = b.get(Feature.HR).orElseThrow();
        assertEquals(40, hr.count());
        assertEquals(66.975, hr.median(), 1e-9);
        assertEquals(
                "whole session (calibration stretch had 0 usable windows, 40 more with gross movement)", b.source());
    }

    /** Review finding: a stretch empty because the wearer moved says so, down to "none". */
    @Test
    void shouldSayWhenOnlyMovementLeftNoRestWindow() {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            WindowFeatures walking = window("client", 100 + 5 * i);
            walking.hrBpm = 110.0;
            walking.cardiacQuality = 1.0;
            walking.grossMovementS = 30;
            ws.add(walking);
        }

        assertEquals(
                "none (no usable windows, 30 more with gross movement)",
                BaselineEstimator.calibration(ws, CFG).source());
        assertEquals("", BaselineEstimator.movementNote(List.of(scl(120, 2.0)), 0, 400, CFG));
    }
}
