package org.sessionreview.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void shouldKeepModifiersOnlyWhenEveryPairIsAllowed() {
        assertTrue(Vocabulary.allowedModifiers("significance=3"));
        assertTrue(Vocabulary.allowedModifiers("channel=striated;immediacy=yes;observation=2"));
        assertFalse(Vocabulary.allowedModifiers("coder=Alice"));
        assertFalse(Vocabulary.allowedModifiers("significance=3;coder=Alice"));
        assertFalse(Vocabulary.allowedModifiers("channel=Alice"));
        assertFalse(Vocabulary.allowedModifiers("significance=9"));
        assertFalse(Vocabulary.allowedModifiers("Significance=3"), "only the policy's own spelling");
        assertFalse(Vocabulary.allowedModifiers(""));
        assertFalse(Vocabulary.allowedModifiers("significance"));
    }

    @Test
    void shouldAcceptStrategiesOfCanonicalCodesWithAllowedModifiers() {
        assertTrue(Vocabulary.STRATEGY_CODE.test("RES_INVITE_DISCUSS_RELATIONSHIP"));
        assertTrue(Vocabulary.STRATEGY_CODE.test("RES_INVITE_DISCUSS_RELATIONSHIP[immediacy=yes]"));
        assertFalse(Vocabulary.STRATEGY_CODE.test("RES_INVITE_DISCUSS_RELATIONSHIP[coder=alice]"));
        assertFalse(Vocabulary.STRATEGY_CODE.test("ALICE_SMITH"));
    }

    @Test
    void shouldCheckGeneratedTextAgainstItsPattern() {
        assertTrue(Vocabulary.MARKER_COUNTS.test(""));
        assertTrue(Vocabulary.MARKER_COUNTS.test("RUP_C_REJECTS_INTERVENTION=1;RUP_W_MINIMAL=2"));
        assertFalse(Vocabulary.MARKER_COUNTS.test("ALICE=1"));
        assertTrue(Vocabulary.MISSED_SENSITIVITY.test("5s=0/1;10s=0/1;20s=0/1;30s=0/1"));
        assertFalse(Vocabulary.MISSED_SENSITIVITY.test("5s=0/1;Alice"));
        assertTrue(Vocabulary.MISSING_CHANNEL.test("therapist:TEMP"));
        assertFalse(Vocabulary.MISSING_CHANNEL.test("alice:TEMP"));
        assertTrue(Vocabulary.MOMENT_KIND.test("anxiety_episode"));
        assertTrue(Vocabulary.MOMENT_KIND.test("synchrony_drop"));
        assertFalse(Vocabulary.MOMENT_KIND.test("Alice"));
        assertTrue(Vocabulary.PERIOD.test("all") && Vocabulary.PERIOD.test("2026-03"));
        assertTrue(Vocabulary.LEADER.test("none")
                && Vocabulary.SYNCHRONY_STATUS.test("flat")
                && Vocabulary.RUPTURE_CLASS.test("W"));
        assertTrue(Vocabulary.OUTCOME.test("partially_resolved") && !Vocabulary.OUTCOME.test("PARTIALLY_RESOLVED"));
        assertTrue(Vocabulary.CODE.test("ANX_STR_SIGH"));
        assertFalse(Vocabulary.CODE.test("sigh with Alice"));
    }

    @Test
    void shouldReduceBaselineSourcesToCategoriesWithoutFileNames() {
        assertEquals("calibration", Vocabulary.baselineCategory("calibration 120-360 s"));
        assertEquals(
                "coded_baseline",
                Vocabulary.baselineCategory(
                        "coded BASELINE 120-360 s (2026-03-02_Alice_Smith/annotations.jsonl line 3)"));
        assertEquals(
                "coded_baseline+whole_session_fallback",
                Vocabulary.baselineCategory(
                        "coded BASELINE 120-360 s (Alice/a.jsonl line 3); whole session for HR, RMSSD (calibration stretch had 3 usable windows)"));
        assertEquals(
                "stored", Vocabulary.baselineCategory("stored baseline from baselines.json (calibration 120-360 s)"));
        assertEquals(
                "whole_session",
                Vocabulary.baselineCategory("whole session (calibration stretch had 2 usable windows)"));
        assertEquals("none", Vocabulary.baselineCategory("none (no usable windows)"));
        // since the sources name the windows gross movement took (2026-12-06 night)
        assertEquals(
                "calibration+whole_session_fallback",
                Vocabulary.baselineCategory(
                        "calibration 120-360 s; whole session for HR (calibration stretch had 3 usable"
                                + " windows, 45 more with gross movement)"));
        assertEquals("none", Vocabulary.baselineCategory("none (no usable windows, 30 more with gross movement)"));
        assertEquals("other", Vocabulary.baselineCategory("Alice"));
        assertEquals(
                "client: calibration; therapist: coded_baseline",
                Vocabulary.sessionBaselineCategories(
                        "client: calibration 120-360 s; therapist: coded BASELINE 60-200 s (Dr Alice/x.jsonl line 2)"));
        assertEquals(
                "client: coded_baseline",
                Vocabulary.sessionBaselineCategories("client: coded BASELINE 60-200 s (a; b/x.jsonl line 2)"));
        assertEquals(
                "therapist: stored",
                Vocabulary.sessionBaselineCategories("therapist: stored baseline from b.json (x)"));
        assertEquals("none", Vocabulary.sessionBaselineCategories("none (no sensor data)"));
    }

    @Test
    void shouldCoarsenDatesToTheIsoWeek() {
        assertEquals("2026-W12", IsoWeek.of("2026-03-19"));
        assertEquals("2026-W10", IsoWeek.of("2026-03-02"));
        assertEquals("2026-W01", IsoWeek.of("2025-12-29"), "the week-based year");
        assertEquals("2020-W53", IsoWeek.of("2021-01-03"));
        assertEquals(null, IsoWeek.of(null));
    }
}
