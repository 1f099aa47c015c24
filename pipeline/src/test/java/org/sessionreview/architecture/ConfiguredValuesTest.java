package org.sessionreview.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Configuration flows one way: the code that wires steps together never takes a step's or a
 * component's defaults where a configured value exists.
 *
 * <p>The rule: in production code of both modules, outside {@code config/} (where the
 * declarations and their defaults live), {@code signal/} and {@code ingest/e4/} (the step
 * library: each step offers {@code defaults()} and convenience overloads for standalone use) and
 * {@code jobs/sampledata/} (the sample generator writes the facts expected at the declared
 * defaults), no line calls {@code X.defaults()} or reads {@code X.DEFAULT}.
 */
class ConfiguredValuesTest {
    private static final Path PIPELINE = Path.of("src/main/java/org/sessionreview");
    private static final Path JOBS = Path.of("../jobs/src/main/java/org/sessionreview");
    private static final Pattern DEFAULT_READ = Pattern.compile("\\.defaults\\(\\)|\\.DEFAULT\\b");
    private static final Pattern EXEMPT_DIR = Pattern.compile("(^|/)(config|signal|ingest/e4|jobs/sampledata)/");

    @Test
    void shouldTakeNoDefaultsOutsideTheConfigurationWhenWiringSteps() throws IOException {
        assertTrue(Files.isDirectory(PIPELINE), "run from the pipeline module: " + PIPELINE.toAbsolutePath());
        List<String> found = new ArrayList<>();
        for (Path root : List.of(PIPELINE, JOBS)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (EXEMPT_DIR.matcher(rel).find()) {
                        continue;
                    }
                    for (String line : Files.readAllLines(f)) {
                        String code = line.strip();
                        if (code.startsWith("*")
                                || code.startsWith("/")
                                || !DEFAULT_READ.matcher(code).find()) {
                            continue;
                        }
                        found.add(rel + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "defaults read where a configured value exists");
    }
}
