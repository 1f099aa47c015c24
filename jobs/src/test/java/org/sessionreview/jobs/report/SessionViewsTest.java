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
        assertNull(SessionViews.withoutSourceFiles(null));
    }
}
