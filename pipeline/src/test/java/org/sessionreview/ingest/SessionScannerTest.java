package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds two folders of one session however their session.json is written. */
class SessionScannerTest {
    @TempDir
    Path root;

    private void folder(String name, byte[] manifest) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.write(dir.resolve(SessionScanner.MANIFEST), manifest);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindADuplicateSessionIdWrittenAsIngestionReadsIt() throws IOException {
        folder("a", utf8("{\"session_id\": \"S-1\", \"client_id\": \"x\"}"));
        // before: the scan read strict UTF-8 JSON with a text id, and passed these on as new sessions
        folder("b", utf8("// a fixed copy\n{\"session_id\": \"S-1\", \"client_id\": \"x\",}"));
        folder("c", utf8("{\"session_id\": 17}"));
        folder("d", utf8("{\"session_id\": \"17\"}"));
        folder("e", "{\"session_id\": \"S-1\", \"note\": \"H\u00e4nde\"}".getBytes(StandardCharsets.ISO_8859_1));
        folder("f", "\uFEFF{\"session_id\": \"S-2\"}".getBytes(StandardCharsets.UTF_16LE));
        folder("g", "\uFEFF{\"session_id\": \"S-2\"}".getBytes(StandardCharsets.UTF_8));

        SessionScanner.Scan scan = SessionScanner.scan(root);

        assertEquals(List.of("a", "c", "f"), scan.folders());
        assertEquals(
                List.of("b/session.json", "d/session.json", "e/session.json", "g/session.json"),
                scan.rejects().stream().map(r -> r.sourceFile).sorted().toList());
        assertTrue(
                scan.rejects().stream().allMatch(r -> r.reason.startsWith("duplicate session_id")),
                scan.rejects().toString());
    }
}
