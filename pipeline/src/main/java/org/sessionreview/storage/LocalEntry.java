package org.sessionreview.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Entry} on the local disk (a plain path or a {@code file:} URI), through java.nio:
 * symbolic links are seen and resolved, moves are atomic where the file system allows, and a
 * recursive delete never follows a link. Local paths keep exactly the behaviour they had before
 * other file systems were supported; Flink's own local file system follows links when it deletes
 * and knows nothing of them when it lists, so it is not used here. Two entries are equal when
 * their paths are.
 */
public record LocalEntry(Path path) implements Entry {
    public static LocalEntry of(Path path) {
        return new LocalEntry(path);
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String uri() {
        return path.toUri().toString();
    }

    @Override
    public String name() {
        Path n = path.getFileName();
        return n == null ? "" : n.toString();
    }

    @Override
    public LocalEntry resolve(String relative) {
        return new LocalEntry(path.resolve(Path.of(relative).normalize()));
    }

    @Override
    public LocalEntry parent() {
        Path p = path.getParent();
        return p == null ? null : new LocalEntry(p);
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public boolean existsNoFollow() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isDirectory() {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isRegularFile() {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isSymbolicLink() {
        return Files.isSymbolicLink(path);
    }

    @Override
    public boolean isListable() {
        return Files.isReadable(path) && Files.isExecutable(path);
    }

    @Override
    public Kind kind() throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return a.isDirectory() ? Kind.DIRECTORY : a.isRegularFile() ? Kind.REGULAR_FILE : Kind.OTHER;
    }

    @Override
    public LocalEntry real() throws IOException {
        return new LocalEntry(path.toRealPath());
    }

    @Override
    public boolean startsWith(Entry folder) {
        return folder instanceof LocalEntry l && path.startsWith(l.path);
    }

    @Override
    public List<Entry> list() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
            for (Path p : s) {
                paths.add(p);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        paths.sort(null);
        List<Entry> entries = new ArrayList<>(paths.size());
        paths.forEach(p -> entries.add(new LocalEntry(p)));
        return entries;
    }

    @Override
    public long size() throws IOException {
        return Files.size(path);
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public OutputStream create() throws IOException {
        return Files.newOutputStream(path);
    }

    @Override
    public void createDirectories() throws IOException {
        Files.createDirectories(path);
    }

    @Override
    public void move(Entry target) throws IOException {
        Path to = ((LocalEntry) target).path;
        try {
            Files.move(path, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void deleteRecursively() throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return location();
    }
}
