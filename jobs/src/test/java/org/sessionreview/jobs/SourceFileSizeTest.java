package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the style rule "classes stay small; split a file past ~400 lines" for the main code of the
 * pipeline and jobs modules: every {@code .java} file under {@code pipeline/src/main/java} and
 * {@code jobs/src/main/java} has at most {@value #MAX_LINES} lines. Test code and benchmarks are not
 * checked.
 */
class SourceFileSizeTest {
    /** The most lines a main-code source file may have. */
    static final int MAX_LINES = 400;

    @Test
    void shouldKeepEveryMainSourceFileAtMostFourHundredLines() throws IOException {
        Path root = repositoryRoot();
        List<String> tooLong = new ArrayList<>();
        int checked = 0;
        for (String module : List.of("pipeline", "jobs")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), sources + " not found");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                checked++;
                long lines = lineCount(file);
                if (lines > MAX_LINES) {
                    tooLong.add(root.relativize(file) + ": " + lines + " lines");
                }
            }
        }
        assertTrue(checked > 0, "no .java files found under " + root);
        if (!tooLong.isEmpty()) {
            fail(tooLong.size() + " main source file(s) exceed " + MAX_LINES
                    + " lines; split them by responsibility:\n  " + String.join("\n  ", tooLong));
        }
    }

    /** Lines as {@code wc -l} would count them, plus a last line without a newline. */
    private static long lineCount(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return 0;
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? lines : lines + 1;
    }

    /**
     * The checkout's root: the nearest directory at or above the working directory (the jobs module
     * under surefire) whose {@code pom.xml} lists {@code <module>pipeline</module>}.
     */
    private static Path repositoryRoot() throws IOException {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)
                    && Files.readString(pom, StandardCharsets.UTF_8).contains("<module>pipeline</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <module>pipeline</module> at or above " + start);
    }
}
