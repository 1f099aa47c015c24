package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LiveJob#latestCheckpoint}: which completed checkpoint a restarted live job resumes from. */
class LatestCheckpointTest {
    @TempDir
    Path tmp;

    private Path checkpoint(String job, int n, long metadataMillis) throws Exception {
        Path chk = Files.createDirectories(tmp.resolve(job).resolve("chk-" + n));
        Files.writeString(chk.resolve("state-file"), "state");
        Path meta = Files.writeString(chk.resolve("_metadata"), "meta");
        Files.setLastModifiedTime(meta, FileTime.fromMillis(metadataMillis));
        Files.setLastModifiedTime(chk, FileTime.fromMillis(metadataMillis));
        return chk;
    }

    @Test
    void shouldResumeFromTheLastWrittenMetadataWhenAnOlderCheckpointWasHalfDeleted() throws Exception {
        Path older = checkpoint("job-a", 28, 1_000_000L);
        Path newer = checkpoint("job-a", 29, 2_000_000L);
        // Flink subsumes chk-28 after chk-29 completes: its state file goes first, touching the folder;
        // the process is killed before _metadata and the folder go
        Files.delete(older.resolve("state-file"));
        Files.setLastModifiedTime(older, FileTime.fromMillis(3_000_000L));
        assertEquals(Optional.of(newer), LiveJob.latestCheckpoint(tmp));
    }

    @Test
    void shouldTakeTheNewestAcrossJobFoldersAndIgnoreCheckpointsWithoutMetadata() throws Exception {
        checkpoint("job-a", 12, 1_000_000L);
        Path restarted = checkpoint("job-b", 13, 2_000_000L);
        Files.createDirectories(tmp.resolve("job-b").resolve("chk-14")); // in progress: no _metadata
        assertEquals(Optional.of(restarted), LiveJob.latestCheckpoint(tmp));
        assertEquals(Optional.empty(), LiveJob.latestCheckpoint(tmp.resolve("missing")));
    }
}
