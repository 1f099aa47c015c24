package org.sessionreview.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A review's table folders (its {@code --out}: {@code sessions/}, {@code moments/}, ...) as a
 * local folder that the Parquet readers, which open local files only, can read. A local folder is
 * used in place. A folder on another file system ({@code s3://...}) is copied first, the named
 * tables' data files only, into a new temporary folder that only this user may read (Java's
 * {@link Files#createTempDirectory} on POSIX: {@code rwx------}); {@link #close()} deletes it, so
 * a caller that opens this in try-with-resources leaves no copy behind, also on failure.
 *
 * <p>Messages of the readers name the copy; {@link #named(String)} gives them the location the
 * user named instead.
 */
public final class LocalTables implements AutoCloseable {
    private final Entry source;
    private final Path dir;
    private final boolean copy;
    /** Deletes the copy when the JVM ends before {@link #close()} (Ctrl-C, SIGTERM); null for a local folder. */
    private final Thread onExit;

    private LocalTables(Entry source, Path dir, boolean copy) {
        this.source = source;
        this.dir = dir;
        this.copy = copy;
        this.onExit = copy ? new Thread(() -> deleteTree(dir), "session-review-tables-cleanup") : null;
        if (onExit != null) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /**
     * The data files of a table folder in name order: its regular files whose names start with
     * neither {@code .} nor {@code _} (as {@code TableReader.files} chooses them locally); empty
     * when there is no such folder.
     *
     * @throws UncheckedIOException naming the folder when it cannot be listed
     */
    public static List<Entry> dataFiles(Entry tableDir) {
        if (!tableDir.isDirectory()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (Entry e : tableDir.list()) {
                String n = e.name();
                if (!n.startsWith(".") && !n.startsWith("_") && e.isRegularFile()) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list " + tableDir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * The tables {@code names} under {@code tables} as a local folder: {@code tables} itself when
     * it is local, otherwise a temporary copy of those of them that exist (a missing table stays
     * missing, as it is in the source).
     *
     * @throws IOException naming the file under {@code tables} that could not be copied; the
     *     partial copy is deleted
     */
    public static LocalTables of(Entry tables, Collection<String> names) throws IOException {
        if (tables instanceof LocalEntry local) {
            return new LocalTables(tables, local.path(), false);
        }
        Path dir = Files.createTempDirectory("session-review-tables-");
        LocalTables copy;
        try {
            copy = new LocalTables(tables, dir, true);
        } catch (IllegalStateException shuttingDown) { // no hook can be added: the folder would stay
            deleteTree(dir);
            throw new IOException("cannot copy " + tables + ": the JVM is shutting down", shuttingDown);
        }
        boolean complete = false;
        try {
            for (String name : names) {
                List<Entry> files;
                try {
                    files = dataFiles(tables.resolve(name));
                } catch (UncheckedIOException e) {
                    throw new IOException(e.getMessage(), e.getCause()); // keeps "cannot list <folder>"
                }
                if (files.isEmpty()) {
                    continue;
                }
                Path to = Files.createDirectory(copy.dir.resolve(name));
                for (Entry f : files) {
                    try (InputStream in = f.open()) {
                        Files.copy(in, to.resolve(f.name()));
                    } catch (IOException e) {
                        throw new IOException(
                                "cannot copy " + f + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                                e);
                    }
                }
            }
            complete = true;
            return copy;
        } finally {
            if (!complete) { // also on an Error (a file system plugin failing to link): no partial copy stays
                copy.close();
            }
        }
    }

    /** The local folder holding the tables: the source itself, or the temporary copy. */
    public Path dir() {
        return dir;
    }

    /** The tables' folder as the user named it. */
    public Entry source() {
        return source;
    }

    /** {@code message} with the temporary copy's folder replaced by the location the user named. */
    public String named(String message) {
        if (!copy || message == null) {
            return message;
        }
        return message.replace(dir.toString(), source.location());
    }

    /**
     * Deletes the temporary copy (nothing for a local folder); a file that cannot be deleted is left
     * to the system. Without this call the copy is deleted when the JVM ends, also on Ctrl-C or
     * SIGTERM (not on SIGKILL).
     */
    @Override
    public void close() {
        if (!copy) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now or has run: it deletes the copy
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try {
            LocalEntry.of(dir).deleteRecursively();
        } catch (IOException ignored) {
            // a temporary folder: the system's clean-up takes what is left
        }
    }
}
