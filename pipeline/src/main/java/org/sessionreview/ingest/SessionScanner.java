package org.sessionreview.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * Lists the session folders under a sessions root: every non-hidden sub-directory, in name
 * order. A folder without {@code session.json}, or whose {@code session_id} repeats one seen in
 * an earlier folder, becomes a reject here and is not processed; everything else (including a
 * broken {@code session.json}) goes to ingestion, which reports its own problems.
 */
public final class SessionScanner {
    /** File name of a session's manifest. */
    public static final String MANIFEST = "session.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The result: folders to ingest (relative to the root) and what was rejected up front. */
    public record Scan(List<String> folders, List<Reject> rejects, List<InputFileStats> files) {}

    private SessionScanner() {}

    public static Scan scan(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<String> folders = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<InputFileStats> files = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            Path manifest = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                rejects.add(new Reject(null, name + "/", 0, "folder has no " + MANIFEST + ": not a session folder", null));
                InputFileStats f = new InputFileStats(null, name + "/", "session");
                f.recordsRead = 1;
                f.recordsRejected = 1;
                files.add(f);
                continue;
            }
            String id = peekSessionId(manifest);
            if (id != null && seen.containsKey(id)) {
                String path = name + "/" + MANIFEST;
                rejects.add(new Reject(id, path, 0,
                        "duplicate session_id '" + id + "' (already in folder " + seen.get(id) + "): folder skipped", null));
                InputFileStats f = new InputFileStats(id, path, "session");
                f.sizeBytes = Files.size(manifest);
                f.recordsRead = 1;
                f.recordsRejected = 1;
                files.add(f);
                continue;
            }
            if (id != null) {
                seen.put(id, name);
            }
            folders.add(name);
        }
        return new Scan(folders, rejects, files);
    }

    private static String peekSessionId(Path manifest) {
        try {
            JsonNode n = MAPPER.readTree(manifest.toFile());
            JsonNode id = n == null ? null : n.get("session_id");
            return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText().trim() : null;
        } catch (IOException e) {
            return null; // ingestion reports the broken manifest with its line
        }
    }
}
