package org.sessionreview.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data} (the real recordings and exports beside the project checkout)
 * from wherever the test JVM runs (the module directory under Maven, the root in an IDE).
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared/data} folder; fails with a clear message when it is not found. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("../shared/data not found above "
                + Path.of("").toAbsolutePath() + ": clone the project next to the shared/ folder");
    }

    /** A path below {@code shared/data}, e.g. {@code resolve("e4/msr2023")}. */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
