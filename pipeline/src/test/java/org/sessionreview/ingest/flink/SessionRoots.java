package org.sessionreview.ingest.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sessions roots for the source tests: manifest-only sessions and folders the scan refuses. */
final class SessionRoots {
    private SessionRoots() {}

    /**
     * A valid session folder with no wearables and no annotations: ingestion reads just its
     * manifest, so a test of who reads which folder stays fast.
     */
    static void session(Path root, String folder, String sessionId) throws IOException {
        Files.createDirectories(root.resolve(folder));
        Files.writeString(root.resolve(folder).resolve("session.json"), """
                {"session_id": "%s", "therapist_id": "T01", "client_id": "C-0001", "session_number": 1,
                 "media_start": "2026-03-02T10:00:00+01:00", "wearables": {}, "annotations": [],
                 "consent": {"supervision": true, "research": false}}
                """.formatted(sessionId));
    }

    /** A folder without {@code session.json}: the scan rejects it. */
    static void folderWithoutManifest(Path root, String folder) throws IOException {
        Files.createDirectories(root.resolve(folder));
    }
}
