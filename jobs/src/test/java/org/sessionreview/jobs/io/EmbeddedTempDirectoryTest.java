package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.WebOptions;
import org.junit.jupiter.api.Test;

class EmbeddedTempDirectoryTest {
    @Test
    void shouldGiveAnEmbeddedRunItsOwnFolderAndDeleteItWhenClosed() throws Exception {
        Configuration conf = new Configuration();
        EmbeddedTempDirectory t = EmbeddedTempDirectory.apply(conf, true);
        assertNotNull(t);
        Path dir = t.dir();
        assertEquals(dir.toString(), conf.get(CoreOptions.TMP_DIRS));
        assertEquals(dir.toString(), conf.get(WebOptions.TMP_DIR));
        Files.createDirectories(dir.resolve("blobStore-1"));
        Files.writeString(dir.resolve("blobStore-1").resolve("job.jar"), "x");
        t.close();
        assertFalse(Files.exists(dir));
        t.close(); // twice is fine
    }

    @Test
    void shouldLeaveAGivenTemporaryFolderAndAClusterRunAlone() {
        Configuration given = new Configuration();
        given.set(CoreOptions.TMP_DIRS, "/data/flink-tmp");
        assertNull(EmbeddedTempDirectory.apply(given, true));
        assertEquals("/data/flink-tmp", given.get(CoreOptions.TMP_DIRS));
        Configuration cluster = new Configuration();
        assertNull(EmbeddedTempDirectory.apply(cluster, false));
        assertTrue(!cluster.contains(CoreOptions.TMP_DIRS));
    }
}
