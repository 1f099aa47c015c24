package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void shouldKeepPlainIdsAndMakeOthersSafeAndDistinct() {
        assertEquals("T02-20260319-0900.html", FileNames.page("T02-20260319-0900"));
        String evil = FileNames.page("../../etc/passwd");
        assertTrue(evil.matches("[A-Za-z0-9_-]+-[0-9a-f]{8}\\.html"), evil);
        assertNotEquals(FileNames.page("a/b"), FileNames.page("a_b"));
        assertTrue(FileNames.page(".hidden").matches("_hidden-[0-9a-f]{8}\\.html"));
    }
}
