package org.sessionreview.jobs.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Prepares {@code --out}: creates it, and replaces only the table folders and run.json we own. */
public final class OutputDirectory {
    private OutputDirectory() {}

    public static void prepare(Path out, List<String> tables) throws IOException {
        Files.createDirectories(out);
        for (String t : tables) {
            deleteRecursively(out.resolve(t));
        }
        Files.deleteIfExists(out.resolve(RunManifest.FILE_NAME));
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
