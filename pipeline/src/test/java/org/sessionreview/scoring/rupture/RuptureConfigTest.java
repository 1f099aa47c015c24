package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;

/** RuptureConfig lives in config; its tests run with the rupture rules it parameterises. */
class RuptureConfigTest {
    @Test
    void shouldHoldTheDomainDefaultsWhenBuiltPlain() {
        RuptureConfig c = RuptureConfig.defaults();
        assertEquals(120, c.mergeGapS());
        assertEquals(300, c.repairWindowS());
        assertEquals(300, c.quietS());
        assertEquals(120, c.resolvedWindowS());
        assertEquals(300, c.segmentS());
        assertEquals(30, c.pressureWindowS());
        assertEquals(120, c.settleS());
        assertEquals(2, c.minCueIntensity());
        assertEquals(10, c.episodeLookbackS());
        assertEquals(30, c.episodeResponseS());
        assertEquals(10, c.cueResponseS());
        assertEquals(5, c.turnGraceS());
        assertEquals(List.of(5.0, 10.0, 20.0, 30.0), c.sensitivityWindowsS());
        assertEquals(60, c.safetyResponseS());
        assertEquals(List.of("AFF_CONCERN"), c.reengagementCodes());
    }

    @Test
    void shouldListEveryOptionInMetadataWhenAsked() {
        var m = RuptureConfig.defaults().asMetadata();
        assertEquals(29, m.size());
        assertEquals("120.0", m.get("rupture.merge_gap_s"));
        assertEquals("5.0;10.0;20.0;30.0", m.get("opportunity.sensitivity_windows_s"));
        assertEquals("self_assertion;elaboration;vulnerability",
                m.get("rupture.reengagement_values"));
        assertTrue(m.keySet().stream().allMatch(k -> k.matches("[a-z_.]+")));
    }

    @Test
    void shouldNameTheBadOptionWhenInvalid() {
        assertMessage("quietS must be > 0", () -> RuptureConfig.builder().quietS(0).build());
        assertMessage("quietS (60.0) must not be below mergeGapS",
                () -> RuptureConfig.builder().quietS(60).build());
        assertMessage("'AFF_NOPE' is not a canonical code",
                () -> RuptureConfig.builder().reengagementCodes(List.of("aff_nope")).build());
        assertMessage("strictly ascending", () -> RuptureConfig.builder()
                .sensitivityWindowsS(List.of(10.0, 5.0)).build());
        assertMessage("minCueIntensity", () -> RuptureConfig.builder().minCueIntensity(0).build());
        assertMessage("weightMissed", () -> RuptureConfig.builder().weightMissed(-1).build());
        assertMessage("settleS", () -> RuptureConfig.builder().settleS(Double.NaN).build());
    }

    @Test
    void shouldNormaliseCodesAndValuesWhenBuilt() {
        RuptureConfig c = RuptureConfig.builder().reengagementCodes(List.of(" aff_concern "))
                .reengagementValues(List.of("Self Assertion")).build();
        assertEquals(List.of("AFF_CONCERN"), c.reengagementCodes());
        assertEquals(List.of("self_assertion"), c.reengagementValues());
    }

    @Test
    void shouldRoundTripThroughBuilderAndSerializationWhenCopied() throws Exception {
        RuptureConfig c = RuptureConfig.builder().mergeGapS(90).useTurns(false).build();
        assertEquals(c, c.toBuilder().build());
        assertNotEquals(RuptureConfig.defaults(), c);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
