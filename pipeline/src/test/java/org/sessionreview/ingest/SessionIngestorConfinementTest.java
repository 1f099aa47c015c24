package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * Every path of session.json is read inside the session folder only: another session's
 * recordings, a system file or a link leading out become rejects that quote nothing of the
 * target, and nothing outside appears in the accounting.
 */
class SessionIngestorConfinementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Path session;
    private Path other;
    private ObjectNode manifest;

    @BeforeEach
    void copySample() throws IOException {
        Path sample = Path.of("..", "sample-data", "2026-03-19_T02_0900")
                .toAbsolutePath()
                .normalize();
        session = copy(sample, root.resolve("a"));
        other = copy(sample, root.resolve("b"));
        manifest = (ObjectNode) JSON.readTree(session.resolve("session.json").toFile());
    }

    /** Copies the folder {@code from} with everything in it to {@code to}; returns {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private IngestedSession ingest() throws IOException {
        JSON.writeValue(session.resolve("session.json").toFile(), manifest);
        return new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, "a");
    }

    private static void assertNothingOutside(IngestedSession s) {
        for (InputFileStats f : s.files) {
            assertTrue(f.path.startsWith("a/"), "accounted outside the session folder: " + f.path);
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
        }
        for (Reject r : s.rejects) {
            assertFalse(
                    r.reason.contains("passwd") || r.reason.contains("/b/") || r.reason.contains("root:"), r.reason);
        }
    }

    @Test
    void shouldRejectTheManifestWhenItNamesPathsOutsideTheSessionFolder() throws IOException {
        String client = manifest.get("wearables").get("client").asText();
        manifest.with("wearables").put("client", "../b/" + client);
        manifest.putArray("annotations").add("/etc/passwd");
        manifest.put("codebook", "../../codebook.json");
        IngestedSession s = ingest();
        assertNull(s.info, "a manifest naming paths outside its folder is invalid");
        assertTrue(s.blocks.isEmpty() && s.annotations.isEmpty(), "nothing outside was read");
        assertEquals(1, s.rejects.size());
        String reason = s.rejects.get(0).reason;
        for (String field : new String[] {"wearables.client", "annotations[0]", "codebook"}) {
            assertTrue(reason.contains(field), reason);
        }
        assertNothingOutside(s);
    }

    @Test
    void shouldNotFollowSymbolicLinksLeadingOutOfTheSessionFolder() throws IOException {
        String client = manifest.get("wearables").get("client").asText();
        Path eda = Files.list(session.resolve(client))
                .filter(p -> p.getFileName().toString().startsWith("EDA"))
                .findFirst()
                .orElseThrow();
        Files.delete(eda);
        Files.createSymbolicLink(eda, other.resolve(client).resolve(eda.getFileName()));
        String annotations = manifest.get("annotations").get(0).asText();
        Files.delete(session.resolve(annotations));
        Files.createSymbolicLink(session.resolve(annotations), other.resolve(annotations));
        IngestedSession s = ingest();
        assertTrue(s.info.missingChannels.contains("client:EDA"), s.info.missingChannels.toString());
        assertEquals(0, s.annotations.size());
        InputFileStats edaStats = s.files.stream()
                .filter(f -> f.path.endsWith(eda.getFileName().toString()))
                .findFirst()
                .orElseThrow();
        assertNull(edaStats.sha256, "a file outside the session folder is not even hashed");
        assertTrue(
                s.rejects.stream().anyMatch(r -> r.reason.contains("symbolic link leading out")), s.rejects.toString());
        assertNothingOutside(s);
    }

    @Test
    void shouldSayALinkLoopsWhenAnAnnotationFileIsALinkToItself() throws IOException {
        String annotations = manifest.get("annotations").get(0).asText();
        Files.delete(session.resolve(annotations));
        Files.createSymbolicLink(
                session.resolve(annotations), session.resolve(annotations).getFileName());
        IngestedSession s = ingest();
        assertEquals(0, s.annotations.size());
        // before, the reason spoke only of a link leading out of the session folder
        assertTrue(
                s.rejects.stream()
                        .anyMatch(r -> r.line == 0
                                && r.sourceFile.endsWith(annotations)
                                && r.reason.endsWith("no symbolic link leading out, broken or looping): not read")),
                s.rejects.toString());
    }
}
