package org.sessionreview.ingest.flink;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.sessionreview.storage.Entry;

/**
 * An {@link Entry} on a file system Flink reaches by URI scheme ({@code s3://}, {@code hdfs://},
 * ...), through {@link FileSystem}: the same file systems, plugins and configuration ({@code
 * s3.endpoint}, credentials, ...) the job's own file sinks and checkpoints use.
 *
 * <p>Such file systems have no symbolic links: an entry is its own real entry. Folders may be
 * emulated (an object store's key prefixes): a folder exists once something is below it or it was
 * created. A move is {@link FileSystem#rename}: on S3 a copy of every object followed by a delete,
 * neither atomic nor cheap for large folders; an existing target file is deleted first.
 */
public final class FlinkEntry implements Entry {
    private final FileSystem fs;
    private final Path path;
    /**
     * The status its folder's listing gave, or null: whether a listed entry is a file or a folder
     * is then known without asking the store again (on S3 one request per entry; a session
     * discovery over a bucket of many files asked once per file, review of 2026-12-07).
     */
    private final FileStatus listed;

    FlinkEntry(FileSystem fs, Path path) {
        this(fs, path, null);
    }

    private FlinkEntry(FileSystem fs, Path path, FileStatus listed) {
        this.fs = fs;
        this.path = path;
        this.listed = listed;
    }

    /** The entry at {@code uri} on the file system Flink has for its scheme (see {@link Locations#of}). */
    public static FlinkEntry of(URI uri) throws IOException {
        return new FlinkEntry(FileSystem.get(uri), new Path(uri));
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
        return path.getName();
    }

    @Override
    public FlinkEntry resolve(String relative) {
        StringBuilder p = new StringBuilder(trimmed(path.toUri().getPath()));
        for (String name : relative.split("/")) {
            if (!name.isEmpty() && !name.equals(".")) {
                p.append('/').append(name);
            }
        }
        URI u = path.toUri();
        try {
            return new FlinkEntry(fs, new Path(new URI(u.getScheme(), u.getAuthority(), p.toString(), null, null)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable name: " + e.getReason(), e);
        }
    }

    @Override
    public FlinkEntry parent() {
        Path p = path.getParent();
        return p == null ? null : new FlinkEntry(fs, p);
    }

    @Override
    public boolean exists() {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean existsNoFollow() {
        return exists();
    }

    @Override
    public boolean isDirectory() {
        FileStatus s = statusOrNull();
        return s != null && s.isDir();
    }

    @Override
    public boolean isRegularFile() {
        FileStatus s = statusOrNull();
        return s != null && !s.isDir();
    }

    @Override
    public java.util.Optional<String> unreachable() {
        try {
            fs.getFileStatus(path);
            return java.util.Optional.empty();
        } catch (java.io.FileNotFoundException e) {
            return java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message =
                    root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            return java.util.Optional.of(message.length() > 240 ? message.substring(0, 240) + "..." : message);
        }
    }

    private FileStatus statusOrNull() {
        if (listed != null) {
            return listed;
        }
        try {
            return fs.getFileStatus(path);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isListable() {
        return true;
    }

    @Override
    public Kind kind() throws IOException {
        return (listed != null ? listed : fs.getFileStatus(path)).isDir() ? Kind.DIRECTORY : Kind.REGULAR_FILE;
    }

    @Override
    public FlinkEntry real() {
        return this;
    }

    @Override
    public boolean startsWith(Entry folder) {
        if (!(folder instanceof FlinkEntry f)) {
            return false;
        }
        URI a = path.toUri();
        URI b = f.path.toUri();
        if (!Objects.equals(a.getScheme(), b.getScheme()) || !Objects.equals(a.getAuthority(), b.getAuthority())) {
            return false;
        }
        String mine = trimmed(a.getPath()) + "/";
        String theirs = trimmed(b.getPath()) + "/";
        return mine.startsWith(theirs);
    }

    @Override
    public List<Entry> list() throws IOException {
        FileStatus[] children = fs.listStatus(path);
        if (children == null) {
            throw new FileNotFoundException("no such folder");
        }
        List<Entry> entries = new ArrayList<>(children.length);
        for (FileStatus c : children) {
            // keeps this entry's scheme and authority, and what the listing said the child is
            entries.add(new FlinkEntry(fs, resolve(c.getPath().getName()).path, c));
        }
        entries.sort(Comparator.comparing(Entry::name, Entry.NAME_ORDER)); // as java.nio and S3 list
        return entries;
    }

    @Override
    public long size() throws IOException {
        return fs.getFileStatus(path).getLen();
    }

    @Override
    public InputStream open() throws IOException {
        return fs.open(path);
    }

    @Override
    public OutputStream create() throws IOException {
        return fs.create(path, FileSystem.WriteMode.OVERWRITE);
    }

    @Override
    public void createDirectories() throws IOException {
        if (!fs.mkdirs(path)) {
            throw new IOException("cannot create the folder " + path);
        }
    }

    @Override
    public void move(Entry target) throws IOException {
        Path to = ((FlinkEntry) target).path;
        if (target.isRegularFile()) {
            fs.delete(to, false);
        }
        if (!fs.rename(path, to)) {
            throw new IOException("cannot move " + path + " to " + to);
        }
    }

    @Override
    public void deleteRecursively() throws IOException {
        if (exists()) {
            fs.delete(path, true);
        }
    }

    /** A path without its trailing slashes ({@code ""} for the root). */
    private static String trimmed(String p) {
        String s = p == null ? "" : p;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlinkEntry f && path.equals(f.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return location();
    }
}
