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
}
