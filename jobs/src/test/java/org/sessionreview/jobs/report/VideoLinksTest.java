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

    /** Browsers resolve these against another host: not relative paths (before: accepted). */
    @Test
    void shouldRefuseASchemeRelativePatternWithSlashesOrBackslashes() {
        for (String p : java.util.List.of(
                "//evil.example/{session_id}",
                "\\\\evil.example/{session_id}",
                "/\\evil.example/{session_id}",
                "\\/evil.example/{session_id}",
                "  //evil.example/{session_id}",
                "/\t/evil.example/{session_id}",
                "/\n/evil.example/{session_id}")) {
            String message = assertThrows(IllegalArgumentException.class, () -> VideoLinks.of(p), p)
                    .getMessage();
            assertTrue(message.contains("scheme-relative") || message.contains("control characters"), message);
        }
        // a path from the same host's root, a relative path and a Windows file URL stay allowed
        assertEquals(
                "/videos/S1.mp4#t=3", VideoLinks.of("/videos/{session_id}.mp4").url("S1", 3));
        assertEquals("./v/S1.mp4#t=3", VideoLinks.of("./v/{session_id}.mp4").url("S1", 3));
        assertEquals(
                "file:///C:\\v\\S1.mp4#t=3",
                VideoLinks.of("file:///C:\\v\\{session_id}.mp4").url("S1", 3));
    }
}
