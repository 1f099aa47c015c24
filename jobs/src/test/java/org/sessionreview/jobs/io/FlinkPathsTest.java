package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlinkPathsTest {
    @Test
    void shouldNameTheSameFolderWhetherBuiltFromItsUriOrFromText() {
        for (String name : new String[] {"o sp", "o%20sp", "o_\u00fc", "a%b"}) {
            Path dir = Path.of("/tmp", name, "t").toAbsolutePath();
            String uri = dir.toUri().toString();
            // before: new org.apache.flink.core.fs.Path(uri) escaped the escapes (o%2520sp)
            assertEquals(dir.toString(), FlinkPaths.of(uri).toUri().getPath(), name);
            // as text, Flink's own parsing escapes it once
            assertEquals(
                    dir.toString(),
                    new org.apache.flink.core.fs.Path(FlinkPaths.text(uri))
                            .toUri()
                            .getPath(),
                    name);
        }
    }
}
