package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ScoringConfigTest {

    @Test
    void shouldCarryTheDomainDefaultsWhenBuiltWithoutChanges() {
        ScoringConfig c = ScoringConfig.defaults();
        assertEquals(120.0, c.baselineStartS());
        assertEquals(360.0, c.baselineEndS());
        assertEquals(12, c.minBaselineWindows());
        assertEquals(1.4826, c.madScale());
        assertEquals(0.05, c.sclFloorUs());
        assertEquals(2.0, c.scrRateFloorPerMin());
        assertEquals(2.0, c.hrFloorBpm());
        assertEquals(5.0, c.rmssdFloorMs());
        assertEquals(0.10, c.fidgetFloorRelative());
        assertEquals(0.05, c.tempSlopeFloorCPerMin());
        assertEquals(10.0, c.zClamp());
        assertEquals(0.5, c.weightScr());
        assertEquals(1.0, c.weightScl());
        assertEquals(1.0, c.weightHr());
        assertEquals(0.5, c.weightRmssd());
        assertEquals(0.25, c.weightFidget());
        assertEquals(0.25, c.weightTemp());
        assertEquals(10.0, c.grossMovementMaxS());
        assertEquals(0.5, c.qualityThreshold());
        assertEquals(2.0, c.enterThreshold());
        assertEquals(20.0, c.enterHoldS());
        assertEquals(1.0, c.leaveThreshold());
        assertEquals(20.0, c.leaveHoldS());
        assertEquals(30.0, c.minEpisodeS());
        assertEquals(30.0, c.mergeGapS());
        assertEquals(5.0, c.windowHopS());
        assertEquals(30.0, c.windowLengthS());
        assertEquals(30.0, c.cueLookbackS());
    }

    @Test
    void shouldNameTheOptionWhenTheLeaveThresholdExceedsTheEnterThreshold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().leave(2.5, 20).build());
        assertEquals("Invalid scoring configuration: leave threshold (2.5) must not exceed the"
                + " enter threshold (2.0)", e.getMessage());
    }

    @Test
    void shouldRejectAnEmptyBaselineStretchWhenEndIsNotAfterStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().baselineStretchS(300, 300).build());
        assertTrue(e.getMessage().contains("baseline stretch end (300.0 s) must be after its"
                + " start (300.0 s)"), e.getMessage());
    }

    @Test
    void shouldRejectNonPositiveFloorsAndNegativeWeightsWhenBuilding() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().hrFloorBpm(0).build())
                .getMessage().contains("hrFloorBpm must be > 0, got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().weightFidget(-1).build())
                .getMessage().contains("weightFidget must be >= 0, got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().madScale(Double.NaN).build())
                .getMessage().contains("madScale must be > 0, got NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().window(40, 30).build())
                .getMessage().contains("window hop (40.0 s) must not exceed the window length"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().qualityThreshold(1.5).build())
                .getMessage().contains("qualityThreshold must be within 0..1, got 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScoringConfig.builder().minBaselineWindows(0).build())
                .getMessage().contains("minBaselineWindows must be at least 1, got 0"));
    }

    @Test
    void shouldRejectAllZeroWeightsWhenBuilding() {
        ScoringConfigBuilder b = ScoringConfig.builder().weightScr(0).weightScl(0).weightHr(0)
                .weightRmssd(0).weightFidget(0).weightTemp(0);
        assertTrue(assertThrows(IllegalArgumentException.class, b::build).getMessage()
                .contains("at least one anxiety-index weight must be positive"));
    }

    @Test
    void shouldKeepOtherValuesWhenChangedThroughToBuilder() {
        ScoringConfig base = ScoringConfig.builder().enter(2.5, 25).build();
        ScoringConfig changed = base.toBuilder().weightTemp(0).build();
        assertEquals(2.5, changed.enterThreshold());
        assertEquals(25.0, changed.enterHoldS());
        assertEquals(0.0, changed.weightTemp());
        assertNotEquals(base, changed);
        assertEquals(base, base.toBuilder().build());
    }

    @Test
    void shouldSurviveJavaSerializationWhenShippedToOperators() throws Exception {
        ScoringConfig c = ScoringConfig.builder().mergeGapS(45).therapistMoments(false).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertEquals(c, back);
        assertEquals(45.0, ((ScoringConfig) back).mergeGapS());
    }

    @Test
    void shouldListEveryOptionWhenAskedForMetadata() {
        ScoringConfig c = ScoringConfig.builder().enter(2.2, 20).build();
        assertEquals("2.2", c.asMetadata().get("scoring.episode.enter_threshold"));
        assertEquals("1.4826", c.asMetadata().get("scoring.mad_scale"));
        assertEquals(33, c.asMetadata().size());
    }
}
