package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.Paths;

class FileNamesTest {
    @Test
    void shouldKeepPlainIdsAndMakeOthersSafeAndDistinct() {
        assertEquals("T02-20260319-0900.html", FileNames.DISTINCT.page("T02-20260319-0900"));
        String evil = FileNames.DISTINCT.page("../../etc/passwd");
        assertTrue(evil.matches("[A-Za-z0-9_-]+-[0-9a-f]{8}\\.html"), evil);
        assertNotEquals(FileNames.DISTINCT.page("a/b"), FileNames.DISTINCT.page("a_b"));
        assertTrue(FileNames.DISTINCT.page(".hidden").matches("_hidden-[0-9a-f]{8}\\.html"));
    }

    @Test
    void shouldHashOnlyTheIdsThatAnotherIdEqualsButForCase() {
        FileNames names = FileNames.of(java.util.List.of("T01", "t01", "T02", "s1", "T01"));
        assertEquals("T02.html", names.page("T02"));
        assertEquals("s1.html", names.page("s1"));
        assertTrue(names.page("T01").matches("T01-[0-9a-f]{8}\\.html"), names.page("T01"));
        assertTrue(names.page("t01").matches("t01-[0-9a-f]{8}\\.html"), names.page("t01"));
        assertNotEquals(
                names.page("T01").toLowerCase(java.util.Locale.ROOT),
                names.page("t01").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void shouldHashAPlainIdThatAnotherIdsHashedNameEqualsButForCase() throws Exception {
        String spaced = "a b";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(spaced.getBytes(StandardCharsets.UTF_8));
        String taken = "a_b-" + HexFormat.of().formatHex(digest, 0, 4);
        String shouting = taken.toUpperCase(java.util.Locale.ROOT);
        for (String plain : java.util.List.of(taken, shouting)) {
            FileNames names = FileNames.of(java.util.List.of(spaced, plain, "S01-20260319"));
            assertEquals(taken + ".html", names.page(spaced));
            assertTrue(
                    names.page(plain).matches(plain + "-[0-9a-f]{8}\\.html"),
                    plain + " should be hashed beside " + spaced + ": " + names.page(plain));
            assertNotEquals(
                    names.page(spaced).toLowerCase(java.util.Locale.ROOT),
                    names.page(plain).toLowerCase(java.util.Locale.ROOT));
            assertEquals("S01-20260319.html", names.page("S01-20260319"), "a date-like suffix is no hash");
        }
        assertEquals(taken + ".html", FileNames.of(java.util.List.of(taken)).page(taken), "alone it stays plain");
    }

    @Test
    void shouldGiveTheReadmesExamplePageNameWhenAnIdHoldsSpaces() throws Exception {
        String id = "T01 session 3";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        String expected = "T01_session_3-" + HexFormat.of().formatHex(digest, 0, 4) + ".html";
        assertEquals(expected, FileNames.DISTINCT.page(id));

        String readme =
                Files.readString(Paths.projectRoot().resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(
                readme.contains("`" + id + "` gets `sessions/" + expected + "`"),
                "README's Reports section should show the page of '" + id + "' as sessions/" + expected);
    }
}
