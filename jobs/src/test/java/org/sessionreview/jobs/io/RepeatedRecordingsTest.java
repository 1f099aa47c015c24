package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.InputFileStats;

class RepeatedRecordingsTest {
    private static InputFileStats file(String session, String path, String kind, String sha, long accepted) {
        InputFileStats f = new InputFileStats(session, path, kind);
        f.sha256 = sha;
        f.recordsRead = accepted + 1;
        f.recordsAccepted = accepted;
        f.recordsRejected = 1;
        return f;
    }

    @Test
    void shouldGroupIdenticalWearableFilesOfDifferentSessions() {
        List<InputFileStats> files = List.of(
                file("S2", "b/client/EDA.csv", "wearable:client:EDA", "aa", 100),
                file("S1", "a/client/EDA.csv", "wearable:client:EDA", "aa", 100),
                file("S1", "a/client/BVP.csv", "wearable:client:BVP", "bb", 100),
                file("S2", "b/therapist/BVP.csv", "wearable:therapist:BVP", "cc", 100),
                // the same annotation file in two sessions is no recording
                file("S1", "a/codes.jsonl", "annotations", "dd", 5),
                file("S2", "b/codes.jsonl", "annotations", "dd", 5),
                // rejected as a whole (nothing accepted): not compared
                file("S1", "a/client/TEMP.csv", "wearable:client:TEMP", "ee", 0),
                file("S3", "c/client/TEMP.csv", "wearable:client:TEMP", "ee", 0),
                // the same file twice within one session is IdenticalWearerFiles' business
                file("S4", "d/client/HR.csv", "wearable:client:HR", "ff", 10),
                file("S4", "d/therapist/HR.csv", "wearable:therapist:HR", "ff", 10));
        List<List<InputFileStats>> groups = RepeatedRecordings.find(files);
        assertEquals(1, groups.size());
        assertEquals(
                List.of("a/client/EDA.csv", "b/client/EDA.csv"),
                groups.get(0).stream().map(f -> f.path).toList());
    }

    @Test
    void shouldListThemInRunJson() throws IOException {
        RunManifest.Header h = new RunManifest.Header(
                "/in", "/out", Instant.EPOCH, "batch", 1, "demo", "{}", 2, List.of("sessions"), Map.of());
        byte[] json = RunManifest.json(
                h,
                Instant.EPOCH,
                List.of(
                        file("S1", "a/client/EDA.csv", "wearable:client:EDA", "aa", 100),
                        file("S2", "b/client/EDA.csv", "wearable:client:EDA", "aa", 100)),
                List.of(),
                List.of());
        JsonNode r = new ObjectMapper().readTree(json).path("repeated_recordings");
        assertEquals(1, r.size());
        assertEquals("aa", r.get(0).path("sha256").asText());
        assertEquals(2, r.get(0).path("paths").size());
        assertEquals("[\"S1\",\"S2\"]", r.get(0).path("session_ids").toString());
    }
}
