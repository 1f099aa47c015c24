package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/** A channel file copied into both wearers' folders is left out for both; the rest is reviewed. */
class IdenticalWearerFilesTest {
    private static final String SAMPLE = "2026-03-05_T02_0900";

    @TempDir
    Path root;

    private Path client;
    private Path therapist;

    @BeforeEach
    void copySample() throws IOException {
        Path from = Path.of("..", "sample-data", SAMPLE).toAbsolutePath().normalize();
        Path to = SessionIngestorConfinementTest.copy(from, root.resolve("s"));
        JsonNode wearables =
                new ObjectMapper().readTree(to.resolve("session.json").toFile()).get("wearables");
        client = to.resolve(wearables.get("client").asText());
        therapist = to.resolve(wearables.get("therapist").asText());
    }

    private IngestedSession ingest() {
        return new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, "s");
    }

    private static Set<String> blockChannels(IngestedSession s, String role) {
        return s.blocks.stream()
                .filter(b -> role.equals(b.role) && b.values.length > 0)
                .map(b -> b.channel)
                .collect(Collectors.toSet());
    }

    @Test
    void shouldLeaveTheChannelOutForBothWhenTheSameFileIsInBothFolders() throws IOException {
        IngestedSession before = ingest();
        assertTrue(before.rejects.stream().noneMatch(r -> r.reason.contains("identical")), before.rejects.toString());
        assertTrue(blockChannels(before, "therapist").contains("EDA"));

        Files.copy(client.resolve("EDA.csv.gz"), therapist.resolve("EDA.csv.gz"), StandardCopyOption.REPLACE_EXISTING);
        IngestedSession s = ingest();

        List<Reject> identical = s.rejects.stream()
                .filter(r -> r.reason.startsWith("identical to "))
                .toList();
        assertEquals(2, identical.size(), identical.toString());
        for (Reject r : identical) {
            assertTrue(r.sourceFile.endsWith("/EDA.csv.gz"), r.sourceFile);
            assertTrue(r.reason.contains("the channel is left out for both"), r.reason);
        }
        assertTrue(identical.get(0).reason.contains(therapist.getFileName() + "/EDA.csv.gz"), identical.get(0).reason);
        for (InputFileStats f : s.files) {
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
            if (f.path.endsWith("/EDA.csv.gz")) {
                assertTrue(f.recordsRead > 1000, f.toString());
                assertEquals(0, f.recordsAccepted, f.toString());
                assertTrue(f.firstReject.startsWith("identical to "), f.firstReject);
            }
        }
        assertTrue(
                s.info.missingChannels.containsAll(List.of("client:EDA", "therapist:EDA")),
                s.info.missingChannels.toString());
        assertFalse(blockChannels(s, "client").contains("EDA"));
        assertFalse(blockChannels(s, "therapist").contains("EDA"));
        assertEquals(
                blockChannels(before, "client").size() - 1,
                blockChannels(s, "client").size());
        assertTrue(blockChannels(s, "therapist").contains("BVP"), "the other channels are still read");
        assertEquals(List.of("client", "therapist"), s.info.wearers);
    }

    @Test
    void shouldLeaveOutEveryChannelWhenTheWholeFolderIsCopied() throws IOException {
        try (Stream<Path> files = Files.list(client)) {
            for (Path f : files.toList()) {
                Files.copy(f, therapist.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        IngestedSession s = ingest();
        assertEquals(
                12,
                s.rejects.stream()
                        .filter(r -> r.reason.startsWith("identical to "))
                        .count());
        assertTrue(s.blocks.stream().noneMatch(b -> b.values.length > 0), "no samples of either wearer");
        assertTrue(s.info.wearers.isEmpty(), s.info.wearers.toString());
        assertEquals(12, s.info.missingChannels.size(), s.info.missingChannels.toString());
    }
}
