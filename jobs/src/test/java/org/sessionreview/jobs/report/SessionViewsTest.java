package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SessionViewsTest {
    @Test
    void shouldShowACodedBaselineWithoutItsFileAndLine() {
        // before: the page showed "(2026-03-02_T01_1000_Jane/codes.jsonl line 22)": folder and file names
        assertEquals(
                "client: coded BASELINE 120-360 s; therapist: calibration 120-360 s",
                SessionViews.withoutSourceFiles("client: coded BASELINE 120-360 s (2026-03-02_T01_1000_Jane/codes.jsonl"
                        + " line 22); therapist: calibration 120-360 s"));
        assertEquals("client: stored baseline", SessionViews.withoutSourceFiles("client: stored baseline"));
        // found by the privacy audit: the --baselines file's name reached the page
        assertEquals(
                "client: stored baseline (3 sessions); therapist: calibration 120-360 s",
                SessionViews.withoutSourceFiles(
                        "client: stored baseline from baselines_Jane_Doe.json (3 sessions); therapist: calibration"
                                + " 120-360 s"));
        assertNull(SessionViews.withoutSourceFiles(null));
    }

    @Test
    void shouldSayNotCodedRatherThanZeroPercentWhenNoAnnotationWasAccepted() {
        java.util.Map<String, Object> s = new java.util.HashMap<>();
        s.put("annotation_count", 0);
        s.put("segments_with_w_share", 0.0);
        s.put("segments_with_c_share", 0.0);
        s.put("missed_opportunity_sensitivity", "5s=0/0;10s=0/0;20s=0/0;30s=0/0");
        SessionView.Rollup none = SessionViews.rollup(s, java.util.List.of());
        assertEquals("not coded", none.segmentsWithW());
        assertEquals("not coded", none.segmentsWithC());
        assertEquals("not coded", none.missedSensitivity());
        org.junit.jupiter.api.Assertions.assertFalse(none.coded());
        s.put("annotation_count", 3);
        SessionView.Rollup coded = SessionViews.rollup(s, java.util.List.of());
        assertEquals("0 %", coded.segmentsWithW());
        org.junit.jupiter.api.Assertions.assertTrue(coded.coded());
        assertEquals("5s=0/0;10s=0/0;20s=0/0;30s=0/0", coded.missedSensitivity());
    }

    @Test
    void shouldSayNoneCodedRatherThanAnEmptyCellForARuptureWithoutARepairStrategy() {
        java.util.Map<String, Object> s = Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true);
        java.util.Map<String, Object> rupture = new java.util.HashMap<>(Fixtures.row(
                "session_id",
                "S1",
                "episode_id",
                "W1",
                "class",
                "W",
                "start_s",
                600.0,
                "end_s",
                600.0,
                "markers",
                java.util.List.of("RUP_W_MINIMAL"),
                "outcome",
                "unaddressed",
                "strategies",
                java.util.List.of(),
                "max_significance",
                3));
        rupture.put("first_repair_s", null);
        rupture.put("time_to_first_repair_s", null);
        rupture.put("client_arousal_z", null);
        java.util.Map<String, Object> repaired = new java.util.HashMap<>(rupture);
        repaired.put("episode_id", "W2");
        repaired.put("start_s", 900.0);
        repaired.put(
                "strategies", java.util.List.of("RES_INVITE_DISCUSS_RELATIONSHIP", "RES_VALIDATE_DEFENSIVE_POSTURE"));
        java.util.Map<String, java.util.List<java.util.Map<String, Object>>> per = new java.util.LinkedHashMap<>();
        for (String t : ReportTables.SESSION_TABLES) {
            per.put(t, java.util.List.of());
        }
        per.put("ruptures", java.util.List.of(rupture, repaired));
        ReportTables t = new ReportTables(
                java.util.List.of(s),
                per,
                java.util.List.of(),
                java.util.List.of(),
                java.util.Map.of("sessions", java.util.Map.of("session_review.version", "test")));
        java.util.List<SessionView.RuptureLine> lines =
                new SessionViews(t, java.util.Optional.empty()).of(s).ruptures();
        // twenty-second audit: the Strategies cell of an unaddressed rupture was empty (40 of 117 pages)
        assertEquals("none coded", lines.get(0).strategies());
        assertEquals("none coded", lines.get(0).firstRepair());
        assertEquals(
                "RES_INVITE_DISCUSS_RELATIONSHIP, RES_VALIDATE_DEFENSIVE_POSTURE",
                lines.get(1).strategies());
    }
}
