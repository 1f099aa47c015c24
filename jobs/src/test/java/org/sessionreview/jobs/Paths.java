package org.sessionreview.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's {@code sample-data/} and the shared real data beside the checkout. */
public final class Paths {
    private Paths() {}

    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-data")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "project root with sample-data/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path sampleData() {
        return projectRoot().resolve("sample-data");
    }

    public static Path shared(String relative) {
        Path p = projectRoot().resolveSibling("shared").resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " not found: clone the project next to shared/");
        }
        return p;
    }
}
