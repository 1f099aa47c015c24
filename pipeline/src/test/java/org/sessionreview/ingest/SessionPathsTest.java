package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.storage.LocalEntry;

class SessionPathsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldResolveOnlyInsideTheSessionFolderWhenEntriesTryToEscape() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path s = Files.createDirectories(root.resolve("s1"));
        Path other = Files.createDirectories(root.resolve("s2/client"));
        Files.writeString(s.resolve("codes.jsonl"), "{}");
        Files.createDirectories(s.resolve("client"));
        Files.createSymbolicLink(s.resolve("link-out"), other);
        Files.createSymbolicLink(s.resolve("link-in"), s.resolve("client"));
        Files.createSymbolicLink(s.resolve("loop"), s.resolve("loop"));

        LocalEntry dir = LocalEntry.of(s);
        assertEquals(LocalEntry.of(s.resolve("codes.jsonl")), SessionPaths.resolve(dir, "codes.jsonl"));
        assertEquals(LocalEntry.of(s.resolve("client")), SessionPaths.resolve(dir, "./client/"));
        assertEquals(LocalEntry.of(s.resolve("link-in")), SessionPaths.resolve(dir, "link-in"));
        assertEquals(
                LocalEntry.of(s.resolve("missing.jsonl")),
                SessionPaths.resolve(dir, "missing.jsonl"),
                "not found is the caller's reject");
        for (String bad : new String[] {
            "../s2/client",
            "client/../../s2/client",
            "/etc/passwd",
            "C:\\\\x",
            "..\\\\s2",
            "link-out",
            "loop",
            "",
            " ",
            "a\0b"
        }) {
            assertNull(SessionPaths.resolve(dir, bad), bad);
        }
    }
}
