package org.sessionreview.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local view of a review's tables: used in place when local, else a private copy deleted on close. */
class LocalTablesTest {
    @TempDir
    Path tmp;

    /**
     * An entry on a pretend object store ({@code mem://bucket/...}) over a local folder: not a
     * {@link LocalEntry}, so {@link LocalTables} copies it; {@code failOn} makes opening that file fail.
     */
    private static Entry remote(LocalEntry local, Path root, String failOn) {
        return (Entry) Proxy.newProxyInstance(Entry.class.getClassLoader(), new Class<?>[] {Entry.class}, (p, m, a) -> {
            switch (m.getName()) {
                case "location", "toString" -> {
                    String rel = root.relativize(local.path()).toString().replace('\\', '/');
                    return "mem://bucket" + (rel.isEmpty() ? "" : "/" + rel);
                }
                case "resolve" -> {
                    return remote((LocalEntry) local.resolve((String) a[0]), root, failOn);
                }
                case "list" -> {
                    return local.list().stream()
                            .map(e -> remote((LocalEntry) e, root, failOn))
                            .toList();
                }
                case "open" -> {
                    if (local.name().equals(failOn)) {
                        throw new IOException("connection reset");
                    }
                    return local.open();
                }
                default -> {
                    try {
                        return m.invoke(local, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        });
    }

    private Path review() throws IOException {
        Path out = tmp.resolve("review-out");
        Files.createDirectories(out.resolve("sessions"));
        Files.writeString(out.resolve("sessions/part-0.parquet"), "s0");
        Files.writeString(out.resolve("sessions/part-1.parquet"), "s1");
        Files.writeString(out.resolve("sessions/.part-2.parquet.inprogress"), "hidden");
        Files.writeString(out.resolve("sessions/_SUCCESS"), "");
        Files.createDirectories(out.resolve("moments"));
        Files.writeString(out.resolve("moments/part-0.parquet"), "m0");
        Files.createDirectories(out.resolve("beats"));
        Files.writeString(out.resolve("beats/part-0.parquet"), "b0");
        return out;
    }

    private static List<String> tempCopies() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("session-review-tables-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void shouldUseALocalFolderInPlace() throws Exception {
        Path out = review();
        try (LocalTables t = LocalTables.of(LocalEntry.of(out), List.of("sessions"))) {
            assertSame(out, t.dir());
            assertEquals("x " + out, t.named("x " + out));
        }
        assertTrue(Files.isRegularFile(out.resolve("sessions/part-0.parquet")), "close never deletes the source");
    }

    @Test
    void shouldCopyTheNamedTablesDataFilesOnlyAndDeleteTheCopyOnClose() throws Exception {
        Path out = review();
        Entry source = remote(LocalEntry.of(out), out, null);
        assertEquals(
                List.of("mem://bucket/sessions/part-0.parquet", "mem://bucket/sessions/part-1.parquet"),
                LocalTables.dataFiles(source.resolve("sessions")).stream()
                        .map(Entry::location)
                        .toList());
        Path copy;
        try (LocalTables t = LocalTables.of(source, List.of("sessions", "moments", "windows"))) {
            copy = t.dir();
            assertFalse(copy.startsWith(out));
            assertArrayEquals(
                    "s1".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(copy.resolve("sessions/part-1.parquet")));
            assertEquals("m0", Files.readString(copy.resolve("moments/part-0.parquet")));
            try (var s = Files.list(copy.resolve("sessions"))) {
                assertEquals(2, s.count(), "hidden and _ files are not copied");
            }
            assertFalse(Files.exists(copy.resolve("windows")), "a missing table stays missing");
            assertFalse(Files.exists(copy.resolve("beats")), "a table not named is not copied");
            assertEquals(
                    "mem://bucket/sessions/part-0.parquet: not a readable Parquet table file",
                    t.named(copy.resolve("sessions/part-0.parquet") + ": not a readable Parquet table file"));
            if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals(
                        "rwx------",
                        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            }
        }
        assertFalse(Files.exists(copy), "the copy is deleted on close");
    }

    @Test
    void shouldNameTheRemoteFileAndLeaveNoCopyWhenCopyingFails() throws Exception {
        Path out = review();
        List<String> before = tempCopies();
        IOException e = assertThrows(
                IOException.class,
                () -> LocalTables.of(remote(LocalEntry.of(out), out, "part-0.parquet"), List.of("moments")));
        assertEquals("cannot copy mem://bucket/moments/part-0.parquet (IOException: connection reset)", e.getMessage());
        assertEquals(before, tempCopies(), "the partial copy is deleted");
        try (InputStream in = Files.newInputStream(out.resolve("moments/part-0.parquet"))) {
            assertEquals("m0", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
