package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoLinksTest {
    @Test
    void shouldReplaceTheSessionIdAndAppendAMediaFragment() {
        VideoLinks v = VideoLinks.of("file:///videos/{session_id}.mp4");
        assertEquals("file:///videos/T02-20260319-0900.mp4#t=960", v.url("T02-20260319-0900", 960));
        assertEquals("file:///videos/T01-20260302-1000.mp4#t=570.5", v.url("T01-20260302-1000", 570.5));
        assertEquals(
                "videos/a%20b%2F..%3Cx%3E.mp4#t=0",
                VideoLinks.of("videos/{session_id}.mp4").url("a b/..<x>", -5));
    }

    @Test
    void shouldRefuseAPatternWithoutPlaceholderWithAFragmentOrWithAScriptScheme() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VideoLinks.of("file:///v.mp4"))
                .getMessage()
                .contains("{session_id}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VideoLinks.of("https://h/{session_id}.mp4#x"))
                .getMessage()
                .contains("#"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VideoLinks.of("javascript:alert('{session_id}')"))
                .getMessage()
                .contains("javascript"));
        assertEquals(
                "https://h/v/{session_id}.mp4",
                VideoLinks.of("https://h/v/{session_id}.mp4").toString());
    }
}
