package org.sessionreview.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code live --out}: a local (or shared, mounted) folder; an object store is refused (README,
 * "Live sessions on a cluster"), never taken as a local folder named {@code s3:}.
 */
class LiveOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldRefuseAnObjectStoreOutWithoutMakingALocalFolderNamedAfterItsScheme() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> LiveOptions.parse(
                        new String[] {"--bootstrap", "localhost:9092", "--out", "s3://bucket/live-out"}));
        assertTrue(e.getMessage().startsWith("--out s3://bucket/live-out: "), e.getMessage());
        assertTrue(e.getMessage().contains("local folder"), e.getMessage());
        assertFalse(Files.exists(Path.of("s3:")), "a local folder named s3:");
    }

    @Test
    void shouldTakeALocalPathOrAFileUriAsTheLiveOut() throws UsageException {
        Path out = tmp.resolve("live-out");
        assertEquals(
                out,
                LiveOptions.parse(new String[] {"--bootstrap", "localhost:9092", "--out", out.toString()})
                        .out());
        assertEquals(
                out,
                LiveOptions.parse(new String[] {
                            "--bootstrap",
                            "localhost:9092",
                            "--out",
                            out.toUri().toString()
                        })
                        .out());
        Path colon = tmp.resolve("run-10:30");
        assertEquals(
                colon,
                LiveOptions.parse(new String[] {"--bootstrap", "localhost:9092", "--out", colon.toString()})
                        .out());
    }
}
