package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * {@link DriftFollowingLevel} on synthetic tonic levels: linear and saturating-exponential rises
 * of 1-5 uS over 30-50 min (electrode hydration), with and without a real 2-4 min response on
 * top. Window SCLs every 5 s (30 s windows) around 2 uS with 0.02 uS of window-level noise, so
 * the calibration scale is the 0.05 uS floor: a reference error of 0.1 uS is already z = 2.
 */
class DriftFollowingLevelTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final double SESSION_S = 3600;

    private static List<WindowFeatures> session(DoubleUnaryOperator level, long seed) {
        Random rnd = new Random(seed);
        List<WindowFeatures> out = new ArrayList<>();
        for (double s = 0; s + 30 <= SESSION_S; s += 5) {
            out.add(Windows.scl(s, 2.0 + level.applyAsDouble(s + 15) + 0.02 * rnd.nextGaussian()));
        }
        return out;
    }

    private static DoubleUnaryOperator linear(double riseUs, double overS) {
        return t -> riseUs * Math.min(t, overS) / overS;
    }

    /** Saturating rise: 95 % of {@code riseUs} reached after {@code overS} (time constant overS / 3). */
    private static DoubleUnaryOperator exponential(double riseUs, double overS) {
        return t -> riseUs * (1 - Math.exp(-3 * t / overS)) / (1 - Math.exp(-3));
    }

    /** A response of {@code amplitudeUs} from {@code startS}, 30 s rise and fall, lasting {@code lengthS}. */
    private static DoubleUnaryOperator plus(
            DoubleUnaryOperator drift, double startS, double lengthS, double amplitudeUs) {
        return t -> {
            double e = 0;
            if (t >= startS && t < startS + lengthS) {
                e = amplitudeUs * Math.min(1, Math.min((t - startS) / 30, (startS + lengthS - t) / 30));
            }
            return drift.applyAsDouble(t) + e;
        };
    }

    private static List<WindowFeatures> scored(List<WindowFeatures> windows, DriftFollowingLevel.Params p) {
        return new SessionReviewer(BaselineProvider.CALIBRATION, p)
                .review(SyntheticSession.info(Windows.SESSION), windows, List.of(), CFG)
                .scoredWindows();
    }

    private static double maxZ(List<WindowFeatures> scored, double fromS, double toS) {
        return scored.stream()
                .filter(w -> w.startS >= fromS && w.startS < toS)
                .mapToDouble(w -> w.zScl)
                .max()
                .orElseThrow();
    }

    @Test
    void shouldKeepSclZLowUnderDriftAloneOnceThreeFloorsAreKnown() {
        for (double rise : new double[] {1, 3, 5}) {
            for (double over : new double[] {1800, 3000}) {
                for (int shape = 0; shape < 2; shape++) {
                    DoubleUnaryOperator drift = shape == 0 ? linear(rise, over) : exponential(rise, over);
                    String what = String.format(
                            Locale.ROOT,
                            "%s rise of %.0f uS over %.0f min",
                            shape == 0 ? "linear" : "exponential",
                            rise,
                            over / 60);
                    List<WindowFeatures> w = session(drift, 7);
                    double fixed = maxZ(scored(w, DriftFollowingLevel.Params.OFF), 1800, SESSION_S);
                    double follow = maxZ(
                            scored(w, DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults())),
                            1800,
                            SESSION_S);
                    double early = maxZ(
                            scored(w, DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults())),
                            600,
                            1800);
                    System.out.printf(
                            Locale.ROOT,
                            "%s: max z(SCL) from minute 30: fixed %.1f, drift-following %.1f"
                                    + " (minutes 10-30: %.1f)%n",
                            what,
                            fixed,
                            follow,
                            early);
                    assertTrue(fixed > 5, what + ": the fixed baseline calls the drift an episode: " + fixed);
                    assertTrue(follow < 2, what + ": z(SCL) " + follow);
                }
            }
        }
    }

    @Test
    void shouldStillRaiseSclZForARealResponseOnTopOfDrift() {
        for (double rise : new double[] {1, 5}) {
            for (double lengthS : new double[] {120, 240}) {
                DoubleUnaryOperator drift = linear(rise, 3000);
                List<WindowFeatures> alone = scored(
                        session(drift, 11),
                        DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()));
                List<WindowFeatures> with = scored(
                        session(plus(drift, 2400, lengthS, 0.5), 11),
                        DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()));
                double base = maxZ(alone, 2400, 2400 + lengthS);
                double peak = maxZ(with, 2400, 2400 + lengthS);
                System.out.printf(
                        Locale.ROOT,
                        "%.0f uS over 50 min, +0.5 uS for %.0f s at minute 40: max z(SCL)"
                                + " %.1f (drift alone %.1f)%n",
                        rise,
                        lengthS,
                        peak,
                        base);
                // the calibration minutes drift too, so their MAD (the z scale) grows with the drift
                // rate: 0.5 uS is z 10 on a flat level and about z 3.5 on a 5 uS / 50 min drift
                assertTrue(peak >= 3 && peak - base >= 3, "response absorbed: z " + peak + " vs " + base);
            }
        }
    }

    @Test
    void shouldNotAbsorbAResponseOnAFlatLevel() {
        List<WindowFeatures> w = scored(
                session(plus(t -> 0, 2400, 240, 0.5), 3),
                DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()));
        assertEquals(10, maxZ(w, 2400, 2640), 1e-9, "0.5 uS over a 0.05 uS scale clamps at 10");
        double quiet = maxZ(w, 600, 2400);
        System.out.printf(Locale.ROOT, "flat level: max z(SCL) before the response %.2f%n", quiet);
        // white noise of 0.4 scale units per window: the reference never falls below the baseline
        // median, so this is the fixed baseline's own noise (single windows reach z 3)
        assertTrue(quiet < 4, "noise alone: " + quiet);
    }

    @Test
    void shouldUseTheBaselineMedianUntilASegmentOfHistoryExists() {
        List<WindowFeatures> w = session(linear(5, 1800), 5);
        double[] ref = DriftFollowingLevel.references(
                w, 1.234, CFG, DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()));
        assertEquals(1.234, ref[0]);
        assertEquals(1.234, ref[(int) (250 / 5)], "under half a segment of history");
        assertTrue(ref[(int) (2400 / 5)] > 4.5, "follows the drift: " + ref[(int) (2400 / 5)]);
        double[] off = DriftFollowingLevel.references(w, 1.234, CFG, DriftFollowingLevel.Params.OFF);
        for (double r : off) {
            assertEquals(1.234, r);
        }
    }
    /**
     * Review finding (2026-12-06): walking through the calibration stretch (gross movement, the
     * level raised by sweat) set the anchor floor, so a later drift was not followed until it
     * climbed past the walk. The anchor comes from rest windows, as the baseline does.
     */
    @Test
    void shouldAnchorOnRestWindowsNotOnAWalkInTheCalibrationStretch() {
        DoubleUnaryOperator drift = linear(1.0, SESSION_S);
        List<WindowFeatures> calm = session(drift, 9);
        List<WindowFeatures> walk = session(drift, 9);
        int walking = 0;
        for (WindowFeatures w : walk) {
            if (w.startS >= 100 && w.endS <= 400) {
                w.edaSclUs += 1.2;
                w.grossMovementS = CFG.grossMovementMaxS() + 5;
                walking++;
            }
        }
        DriftFollowingLevel.Params p = DriftFollowingLevel.Params.of(CFG);
        int late = (int) (3000 / 5);
        double calmRef = DriftFollowingLevel.references(calm, 2.0, CFG, p)[late];
        double walkRef = DriftFollowingLevel.references(walk, 2.0, CFG, p)[late];
        assertTrue(walking > 0 && calmRef > 2.5, "the drift is followed at rest: " + calmRef);
        assertEquals(calmRef, walkRef, 0.05, "a walk in minutes 2-6 does not raise the anchor");
    }
}
