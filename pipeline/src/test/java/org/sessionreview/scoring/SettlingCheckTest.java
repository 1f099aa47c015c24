package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.Windows.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.WindowFeatures;

/**
 * {@link SettlingCheck}: a wearer who arrives aroused and calms over the first minutes gets the
 * later, settled stretch as baseline; one channel falling alone (skin habituating, a wearer
 * sitting down) does not move it.
 */
class SettlingCheckTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final double REST_SCL = 3.6;
    private static final double REST_HR = 72;

    /** Exponential settling from an aroused arrival: {@code amplitude x e^(-t / 200 s)}. */
    private static DoubleUnaryOperator settling(double rest, double amplitude) {
        return t -> rest + amplitude * Math.exp(-t / 200.0);
    }

    private static DoubleUnaryOperator flat(double rest) {
        return t -> rest;
    }

    /**
     * Windows every 5 s over 30 min, at each window centre the given levels plus small noise
     * (SD 0.03 uS, 0.8 bpm; fixed seed).
     */
    private static List<WindowFeatures> windows(DoubleUnaryOperator scl, DoubleUnaryOperator hr) {
        Random rnd = new Random(7);
        List<WindowFeatures> ws = new ArrayList<>();
        for (double s = 0; s <= 1800; s += 5) {
            WindowFeatures w = window("client", s);
            double c = s + 15;
            w.edaSclUs = scl.applyAsDouble(c) + 0.03 * rnd.nextGaussian();
            w.hrBpm = hr.applyAsDouble(c) + 0.8 * rnd.nextGaussian();
            ws.add(w);
        }
        return ws;
    }

    private static double median(List<WindowFeatures> ws, double from, double to, boolean scl) {
        return new Median()
                .evaluate(ws.stream()
                        .filter(w -> w.startS >= from && w.endS <= to)
                        .mapToDouble(w -> scl ? w.edaSclUs : w.hrBpm)
                        .toArray());
    }

    @Test
    void shouldTakeTheSettledStretchWhenEdaLevelAndHeartRateBothFall() {
        List<WindowFeatures> ws = windows(settling(REST_SCL, 1.5), settling(REST_HR, 30));

        SettlingCheck.Settled s = SettlingCheck.find(ws, CFG).orElseThrow();
        Baseline b = BaselineEstimator.calibration(ws, CFG);

        // the calmest later stretch that ends by 900 s is the last one tried
        assertEquals(660, s.fromS(), 1e-9);
        assertEquals(900, s.toS(), 1e-9);
        assertArrayEquals(new double[] {660, 900}, b.stretch().orElseThrow());
        assertTrue(b.source().startsWith("calibration 660-900 s (settling from 120-360 s: EDA level "), b.source());
        assertEquals(
                median(ws, 660, 900, true), b.get(Feature.SCL).orElseThrow().median(), 1e-12);
        assertEquals(
                median(ws, 660, 900, false), b.get(Feature.HR).orElseThrow().median(), 1e-12);
        // the calibration stretch read about 0.4 uS and 8 bpm above the rest
        assertTrue(median(ws, 120, 360, true) - b.get(Feature.SCL).orElseThrow().median() > 0.3);
        assertTrue(median(ws, 120, 360, false) - b.get(Feature.HR).orElseThrow().median() > 6);
    }

    @Test
    void shouldKeepTheCalibrationStretchWhenOnlyOneLevelFalls() {
        // skin habituating while heart rate stays: Stress-Predict S05's pattern
        List<WindowFeatures> sclOnly = windows(settling(REST_SCL, 1.5), flat(REST_HR));
        // heart rate settling after walking in, EDA level flat: msr2023's pattern
        List<WindowFeatures> hrOnly = windows(flat(REST_SCL), settling(REST_HR, 30));

        assertEquals(Optional.empty(), SettlingCheck.find(sclOnly, CFG));
        assertEquals(Optional.empty(), SettlingCheck.find(hrOnly, CFG));
        Baseline b = BaselineEstimator.calibration(sclOnly, CFG);
        assertEquals("calibration 120-360 s", b.source());
        assertArrayEquals(new double[] {120, 360}, b.stretch().orElseThrow());
        assertEquals(
                median(sclOnly, 120, 360, true),
                b.get(Feature.SCL).orElseThrow().median(),
                1e-12);
    }

    @Test
    void shouldFollowItsOptions() {
        List<WindowFeatures> ws = windows(settling(REST_SCL, 1.5), settling(REST_HR, 30));

        ScoringConfig off = CFG.toBuilder().set(ScoringOptions.SETTLING, false).build();
        ScoringConfig strict =
                CFG.toBuilder().set(ScoringOptions.SETTLING_MIN_FALL_Z, 50.0).build();
        ScoringConfig noRoom =
                CFG.toBuilder().set(ScoringOptions.SETTLING_SEARCH_END_S, 400.0).build();
        ScoringConfig sooner =
                CFG.toBuilder().set(ScoringOptions.SETTLING_SEARCH_END_S, 600.0).build();

        assertEquals(Optional.empty(), SettlingCheck.find(ws, off));
        assertEquals(
                "calibration 120-360 s", BaselineEstimator.calibration(ws, off).source());
        assertEquals(Optional.empty(), SettlingCheck.find(ws, strict));
        assertEquals(Optional.empty(), SettlingCheck.find(ws, noRoom));
        SettlingCheck.Settled s = SettlingCheck.find(ws, sooner).orElseThrow();
        assertEquals(360, s.fromS(), 1e-9);
        assertEquals(600, s.toS(), 1e-9);
    }

    @Test
    void shouldOnlyTryStretchesTheDataHavePassed() {
        List<WindowFeatures> ws = windows(settling(REST_SCL, 1.5), settling(REST_HR, 30));
        // the data end at 720 s: the stretches ending at 780-900 s would be judged on part of
        // themselves (and, live, change as data arrive)
        ws.removeIf(w -> w.endS > 720);

        SettlingCheck.Settled s = SettlingCheck.find(ws, CFG).orElseThrow();

        assertTrue(s.toS() <= 720, s.toString());
        assertEquals(480, s.fromS(), 1e-9);
    }

    @Test
    void shouldLeaveAWholeSessionFallbackAsItWas() {
        // too few calibration windows (the band put on at minute 5): no test, the whole session,
        // the configured stretch kept for the drift anchor, as before the check
        List<WindowFeatures> ws = windows(settling(REST_SCL, 1.5), settling(REST_HR, 30));
        ws.removeIf(w -> w.startS < 300);

        Baseline b = BaselineEstimator.calibration(ws, CFG);

        assertEquals(Optional.empty(), SettlingCheck.find(ws, CFG));
        assertTrue(b.source().startsWith("whole session (calibration stretch had "), b.source());
        assertArrayEquals(new double[] {120, 360}, b.stretch().orElseThrow());
        assertFalse(b.settled());
        double median = b.get(Feature.SCL).orElseThrow().median();
        assertArrayEquals(
                DriftFollowingLevel.references(ws, median, CFG, DriftFollowingLevel.Params.of(CFG)),
                DriftFollowingLevel.references(ws, median, 120, 360, CFG, DriftFollowingLevel.Params.of(CFG)));
    }

    @Test
    void shouldNotTestWithoutHeartRateInTheCalibrationStretch() {
        List<WindowFeatures> ws = windows(settling(REST_SCL, 1.5), settling(REST_HR, 30));
        ws.forEach(w -> w.hrBpm = null);

        assertEquals(Optional.empty(), SettlingCheck.find(ws, CFG));
    }

    @Test
    void shouldAnchorTheTonicFloorAndExplainItInTheSessionRow() {
        // settling, then a slow rise of the tonic level by 1 uS from minute 15 to 30
        DoubleUnaryOperator scl = t -> settling(REST_SCL, 1.5).applyAsDouble(t) + Math.max(0, (t - 900) / 900.0);
        List<WindowFeatures> ws = windows(scl, settling(REST_HR, 30));

        SessionReview review = new SessionReviewer(BaselineProvider.CALIBRATION)
                .review(SyntheticSession.info(Windows.SESSION), ws, List.of(), CFG);

        Baseline b = review.baselines().get(org.sessionreview.model.Role.CLIENT);
        double median = b.get(Feature.SCL).orElseThrow().median();
        double[] settledAnchor =
                DriftFollowingLevel.references(ws, median, 660, 900, CFG, DriftFollowingLevel.Params.of(CFG));
        double[] calibrationAnchor =
                DriftFollowingLevel.references(ws, median, CFG, DriftFollowingLevel.Params.of(CFG));
        int last = ws.size() - 1;
        // anchored at the settled floor the drift is followed in full; at the aroused
        // calibration stretch's floor (its 10th percentile, still about 0.25 uS above the
        // rest) it is followed by that much less
        assertTrue(
                settledAnchor[last] - calibrationAnchor[last] > 0.2,
                settledAnchor[last] + " " + calibrationAnchor[last]);
        // the review scores with the settled anchor: z(SCL) of the last window from its reference
        WindowFeatures lastScored = review.scoredWindows().stream()
                .filter(w -> w.startS == ws.get(last).startS)
                .findFirst()
                .orElseThrow();
        double scale =
                Math.max(CFG.madScale() * b.get(Feature.SCL).orElseThrow().mad(), CFG.sclFloorUs());
        assertEquals(
                Math.min(CFG.zClamp(), (ws.get(last).edaSclUs - settledAnchor[last]) / scale), lastScored.zScl, 1e-9);
        List<String> reasons = review.sessionRow().flagReasons;
        assertTrue(
                reasons.stream()
                        .anyMatch(r -> r.startsWith("client baseline from 0:11:00-0:15:00, not the calibration"
                                + " stretch 0:02:00-0:06:00")),
                reasons.toString());
        assertFalse(review.sessionRow().baselineSource.contains("therapist"));
    }
}
