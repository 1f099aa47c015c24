package org.sessionreview.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering STYLE.md asks for: signal processing, features, scoring, the taxonomy, the model,
 * the plain parsers, the report rows, the research export rules and the file entries ({@code storage}) are plain Java with no
 * Flink imports; only the thin operators, the topology, the Flink ingest adapter (with the Flink
 * file system entries) and the Parquet writer factories touch Flink.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/sessionreview");
    private static final List<String> PLAIN = List.of(
            "model", "signal", "features", "scoring", "taxonomy", "report", "config", "storage",
            "ingest/e4", "ingest/annotation", "ingest/session", "live", "export");

    @Test
    void shouldKeepFlinkOutOfPlainPackagesWhenCompiled() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the pipeline module: " + MAIN.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        for (String pkg : PLAIN) {
            Path dir = MAIN.resolve(pkg);
            assertTrue(Files.isDirectory(dir), "package folder missing: " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import org.apache.flink.") || line.startsWith("import static org.apache.flink.")) {
                            offenders.add(MAIN.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        // the plain ingest entry points live directly in ingest/
        try (Stream<Path> files = Files.list(MAIN.resolve("ingest"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("import org.apache.flink.")) {
                    offenders.add(MAIN.relativize(f).toString());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "Flink imported in plain-Java packages: " + offenders);
    }
}
