package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * A file's first reject, as run.json and the console show it: the line for a record, the reason
 * alone for the file as a whole (an E4 IBI.csv holding only its header row, as the device writes
 * it when it found no clean beat, is rejected at line 0, which is no line of the file).
 */
class FirstRejectTest {
    @TempDir
    Path root;

    @Test
    void shouldNameTheLineOfARecordAndNoLineForTheWholeFile() {
        assertEquals("line 12: not a number", new Reject("s", "f", 12, "not a number", null).located());
        assertEquals("empty file", new Reject("s", "f", 0, "empty file", null).located());
    }

    @Test
    void shouldShowNoLineZeroWhenAnIbiFileHoldsOnlyItsHeader() throws IOException {
        Path from = Path.of("..", "sample-data", "2026-03-05_T02_0900")
                .toAbsolutePath()
                .normalize();
        Path to = SessionIngestorConfinementTest.copy(from, root.resolve("s"));
        JsonNode wearables =
                new ObjectMapper().readTree(to.resolve("session.json").toFile()).get("wearables");
        Path client = to.resolve(wearables.get("client").asText());
        try (var files = Files.list(client)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("IBI."))
                    .toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(client.resolve("IBI.csv"), "1772719112.000000, IBI\n", StandardCharsets.US_ASCII);

        IngestedSession s =
                new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, "s");

        InputFileStats ibi = s.files.stream()
                .filter(f -> f.path.endsWith("/IBI.csv"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, ibi.recordsRead);
        assertEquals(1, ibi.recordsRejected);
        assertEquals(
                "no beats after the header row (the E4 writes an IBI.csv without beats when it found no clean beat, e.g. with much movement): heart rate comes from the pulse wave",
                ibi.firstReject);
    }
}
