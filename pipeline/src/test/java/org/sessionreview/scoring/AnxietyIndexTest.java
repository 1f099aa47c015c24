package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.config.ScoringOptions.*;
import static org.sessionreview.scoring.Windows.window;

import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

class AnxietyIndexTest {
    /**
     * MAD scale 1 and floors below 1, so that with the unit baseline below z = value; the
     * DOMAIN.md proposal's weights (1, 1, 1, 1, 0.5, 0.5) pinned so the arithmetic below holds
     * whatever the defaults are.
     */
    private static final ScoringConfig UNIT = ScoringConfig.builder()
            .set(MAD_SCALE, 1.0)
            .set(HR_FLOOR_BPM, 0.5)
            .set(RMSSD_FLOOR_MS, 0.5)
            .set(SCR_RATE_FLOOR_PER_MIN, 0.5)
            .set(WEIGHT_SCR, 1.0)
            .set(WEIGHT_SCL, 1.0)
            .set(WEIGHT_HR, 1.0)
            .set(WEIGHT_RMSSD, 1.0)
            .set(WEIGHT_FIDGET, 0.5)
            .set(WEIGHT_TEMP, 0.5)
            .build();

    /** Every feature: median 0, MAD 1. */
    private static Baseline unitBaseline() {
        Baseline.Builder b = Baseline.builder("test");
        for (Feature f : Feature.values()) {
            b.put(f, new FeatureBaseline(0.0, 1.0, 20));
        }
        return b.build();
    }

    /** z: SCR 3, SCL 2, HR 1, RMSSD -2, fidget 4, temp -1. */
    private static WindowFeatures allSix() {
        WindowFeatures w = window("client", 600);
        w.edaScrPerMin = 3.0;
        w.edaSclUs = 2.0;
        w.hrBpm = 1.0;
        w.hrvRmssdMs = -2.0;
        w.fidgetPower = 4.0;
        w.tempSlopeCPerMin = -1.0;
        return w;
    }

    @Test
    void shouldLeaveRmssdUnscoredAndWidenHrInAWindowWhoseRhythmIsIrregular() {
        WindowFeatures regular = allSix();
        var zRegular = AnxietyIndex.zScores(regular, unitBaseline(), UNIT);
        assertEquals(-2.0, zRegular.get(Feature.RMSSD), 1e-12);
        assertEquals(1.0, zRegular.get(Feature.HR), 1e-12);

        WindowFeatures irregular = allSix();
        irregular.hrSeBpm = 0.75; // sqrt(1^2 + 0.75^2) = 1.25
        var z = AnxietyIndex.zScores(irregular, unitBaseline(), UNIT);
        assertNull(z.get(Feature.RMSSD)); // RMSSD measures the irregularity there, not vagal tone
        assertEquals(1.0 / 1.25, z.get(Feature.HR), 1e-12);
        assertEquals(2.0, z.get(Feature.SCL), 1e-12);
        // index without RMSSD: (3 + 2 + 0.8 + 0.5 x 4 + 0.5 x 1) / (1 + 1 + 1 + 0.5 + 0.5)
        assertEquals((3 + 2 + 0.8 + 2.0 + 0.5) / 4.0, AnxietyIndex.index(z, UNIT), 1e-12);
    }

    @Test
    void shouldComputeMadBasedZWhenTheScaleIsAboveItsFloor() {
        FeatureBaseline b = new FeatureBaseline(2.0, 0.1, 40);
        double z = AnxietyIndex.robustZ(Feature.SCL, 2.3, b, ScoringConfig.defaults());
        assertEquals(0.3 / (1.4826 * 0.1), z, 1e-12);
    }

    @Test
    void shouldUseTheFloorWhenTheBaselineIsNearlyFlat() {
        FeatureBaseline flat = new FeatureBaseline(2.0, 0.01, 40);
        assertEquals(
                2.0,
                AnxietyIndex.robustZ(Feature.SCL, 2.1, flat, ScoringConfig.defaults()),
                1e-12); // 0.1 / max(0.0148, 0.05)
        FeatureBaseline fidget = new FeatureBaseline(1e-3, 0.0, 40);
        assertEquals(
                2.0,
                AnxietyIndex.robustZ(Feature.FIDGET, 1.2e-3, fidget, ScoringConfig.defaults()),
                1e-9); // relative floor 10 % of 1e-3
    }

    @Test
    void shouldClampZWhenTheValueIsFarOutside() {
        FeatureBaseline b = new FeatureBaseline(70, 2, 40);
        assertEquals(10.0, AnxietyIndex.robustZ(Feature.HR, 200, b, ScoringConfig.defaults()));
        assertEquals(-10.0, AnxietyIndex.robustZ(Feature.HR, 0, b, ScoringConfig.defaults()));
    }

    @Test
    void shouldAverageSignedZWithTheConfiguredWeightsWhenAllChannelsPass() {
        WindowFeatures scored = AnxietyIndex.score(allSix(), unitBaseline(), UNIT);
        // (1*3 + 1*2 + 1*1 + 1*2 + 0.5*4 + 0.5*1) / 5
        assertEquals(10.5 / 5, scored.anxietyIndex, 1e-12);
        assertEquals(-2.0, scored.zRmssd, 1e-12);
        assertEquals(-1.0, scored.zTemp, 1e-12);
        assertEquals(4.0, scored.zFidget, 1e-12);
    }

    @Test
    void shouldRenormaliseWeightsWhenAFeatureIsMissing() {
        WindowFeatures w = allSix();
        w.hrBpm = null;
        WindowFeatures scored = AnxietyIndex.score(w, unitBaseline(), UNIT);
        assertNull(scored.zHr);
        assertEquals(9.5 / 4, scored.anxietyIndex, 1e-12);
    }

    @Test
    void shouldDropCardiacFeaturesWhenCardiacQualityFails() {
        WindowFeatures w = allSix();
        w.cardiacQuality = 0.2;
        WindowFeatures scored = AnxietyIndex.score(w, unitBaseline(), UNIT);
        assertNull(scored.zHr);
        assertNull(scored.zRmssd);
        assertEquals(7.5 / 3, scored.anxietyIndex, 1e-12);
    }

    @Test
    void shouldLeaveTheIndexNullWhenNoChannelPasses() {
        WindowFeatures w = allSix();
        w.edaQuality = 0.49;
        w.cardiacQuality = 0;
        w.accQuality = 0.1;
        w.tempQuality = 0;
        WindowFeatures scored = AnxietyIndex.score(w, unitBaseline(), UNIT);
        assertNull(scored.anxietyIndex);
        for (Feature f : Feature.values()) {
            assertNull(f.z(scored), f.name());
        }
    }

    @Test
    void shouldBoundAChannelFarBelowBaselineAtTheContributionFloorWhenItWouldCancelTheOthers() {
        // SCL 8 robust SDs below its baseline (a level that habituated after the calibration
        // stretch), HR and SCR rate raised by 3: the SCL counts -3 (the default floor), not -8
        WindowFeatures w = window("client", 600);
        w.edaSclUs = -8.0;
        w.hrBpm = 3.0;
        w.edaScrPerMin = 3.0;
        assertEquals(3.0, UNIT.contributionFloor(), 0.0);
        WindowFeatures scored = AnxietyIndex.score(w, unitBaseline(), UNIT);
        assertEquals(-8.0, scored.zScl, 1e-12); // the z itself is kept
        assertEquals((-3.0 + 3.0 + 3.0) / 3, scored.anxietyIndex, 1e-12);
        // support: without the strongest contribution (3), the floored SCL and the other 3
        assertEquals((-3.0 + 3.0) / 2, Concordance.support(scored, UNIT), 1e-12);
        // a floor at the clamp is the plain weighted mean
        ScoringConfig off = UNIT.toBuilder().set(CONTRIBUTION_FLOOR, 10.0).build();
        assertEquals((-8.0 + 3.0 + 3.0) / 3, AnxietyIndex.score(w, unitBaseline(), off).anxietyIndex, 1e-12);
        assertEquals((-8.0 + 3.0) / 2, Concordance.support(AnxietyIndex.score(w, unitBaseline(), off), off), 1e-12);
        // RMSSD far above its baseline (sign -) is bounded the same way
        WindowFeatures rmssd = window("client", 0);
        rmssd.hrvRmssdMs = 6.0;
        rmssd.hrBpm = 2.0;
        assertEquals((-3.0 + 2.0) / 2, AnxietyIndex.score(rmssd, unitBaseline(), UNIT).anxietyIndex, 1e-12);
    }

    @Test
    void shouldRaiseTheIndexWhenRmssdOrTemperatureSlopeFall() {
        WindowFeatures rmssdOnly = window("client", 0);
        rmssdOnly.hrvRmssdMs = -3.0;
        assertEquals(3.0, AnxietyIndex.score(rmssdOnly, unitBaseline(), UNIT).anxietyIndex, 1e-12);
        WindowFeatures tempOnly = window("client", 0);
        tempOnly.tempSlopeCPerMin = 1.5; // warming skin: calmer
        assertEquals(-1.5, AnxietyIndex.score(tempOnly, unitBaseline(), UNIT).anxietyIndex, 1e-12);
    }

    @Test
    void shouldSkipFeaturesWithoutBaselineOrWeightWhenScoring() {
        Baseline noScl = Baseline.builder("partial")
                .put(Feature.SCR_RATE, new FeatureBaseline(0, 1, 20))
                .put(Feature.HR, new FeatureBaseline(0, 1, 20))
                .build();
        ScoringConfig noHrWeight = UNIT.toBuilder().set(WEIGHT_HR, 0.0).build();
        WindowFeatures scored = AnxietyIndex.score(allSix(), noScl, noHrWeight);
        assertNull(scored.zScl);
        assertEquals(1.0, scored.zHr, 1e-12); // scored, but weight 0
        assertEquals(3.0, scored.anxietyIndex, 1e-12); // SCR only
    }

    @Test
    void shouldNotModifyTheInputWhenScoring() {
        WindowFeatures w = allSix();
        WindowFeatures scored = AnxietyIndex.score(w, unitBaseline(), UNIT);
        assertNull(w.anxietyIndex);
        assertNull(w.zScr);
        assertTrue(scored != w);
        assertEquals(w.startS, scored.startS);
        assertEquals(w.edaSclUs, scored.edaSclUs);
    }

    @Test
    void shouldLeaveWindowUnscoredWhenGrossMovementFillsAThirdOfIt() {
        WindowFeatures moving = allSix();
        moving.grossMovementS = 10;
        WindowFeatures scored = AnxietyIndex.score(moving, unitBaseline(), UNIT);
        assertEquals(null, scored.anxietyIndex);
        assertEquals(moving.edaSclUs, scored.zScl, 1e-12); // z-scores stay for researchers
        WindowFeatures gesture = allSix();
        gesture.grossMovementS = 3;
        assertEquals(
                AnxietyIndex.score(allSix(), unitBaseline(), UNIT).anxietyIndex,
                AnxietyIndex.score(gesture, unitBaseline(), UNIT).anxietyIndex);
    }

    /**
     * Cold hands (eighth audit): skin temperature warming at 0.165 degC/min through the calibration
     * stretch (MAD 0.034: scale 1.4826 x 0.034 = 0.0504 degC/min, above the 0.05 floor). A later
     * steady temperature is no fall (z 0, not (0 - 0.165) / 0.0504 = -3.27), a real fall still is,
     * a baseline that does not warm is used as before, and a large bound restores the plain median.
     */
    @Test
    void shouldNotReadASlowedWarmingAsAFallOfSkinTemperature() {
        double scale = 1.4826 * 0.034;
        Baseline warming = Baseline.builder("test")
                .put(Feature.TEMP_SLOPE, new FeatureBaseline(0.165, 0.034, 43))
                .build();
        ScoringConfig cfg = ScoringConfig.defaults();
        assertEquals(0.0, AnxietyIndex.score(temp(0.0), warming, cfg).zTemp, 1e-12);
        assertEquals(-0.2 / scale, AnxietyIndex.score(temp(-0.2), warming, cfg).zTemp, 1e-9);
        assertEquals(0.3 / scale, AnxietyIndex.score(temp(0.3), warming, cfg).zTemp, 1e-9);
        // warming on at the calibration's rate is evidence against arousal, as any warming is
        // (the trade-off TemperatureScoringOptions documents), its contribution floored at -3 z
        assertEquals(0.165 / scale, AnxietyIndex.score(temp(0.165), warming, cfg).zTemp, 1e-9);
        assertEquals(-3.0, AnxietyIndex.score(temp(0.165), warming, cfg).anxietyIndex, 1e-9);
        // the index of a window with only the temperature: -z, so 0 for the steady temperature
        assertEquals(0.0, AnxietyIndex.score(temp(0.0), warming, cfg).anxietyIndex, 1e-12);

        Baseline cooling = Baseline.builder("test")
                .put(Feature.TEMP_SLOPE, new FeatureBaseline(-0.03, 0.02, 43))
                .build();
        assertEquals(0.03 / 0.05, AnxietyIndex.score(temp(0.0), cooling, cfg).zTemp, 1e-9);

        ScoringConfig plain = ScoringConfig.builder()
                .set(org.sessionreview.config.TemperatureScoringOptions.MAX_REFERENCE_C_PER_MIN, 1e9)
                .build();
        assertEquals(-0.165 / scale, AnxietyIndex.score(temp(0.0), warming, plain).zTemp, 1e-9);
    }

    private static WindowFeatures temp(double slopeCPerMin) {
        WindowFeatures w = window("client", 1200);
        w.tempSlopeCPerMin = slopeCPerMin;
        return w;
    }
}
