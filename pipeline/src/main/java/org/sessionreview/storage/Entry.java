package org.sessionreview.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file or folder the review reads or writes, on whatever file system holds it: a local disk
 * ({@link LocalEntry}, java.nio, the behaviour every local-path guarantee of the README was
 * written for) or any file system Flink knows by URI scheme ({@code s3://}, {@code hdfs://}, ...:
 * {@code org.sessionreview.ingest.flink.FlinkEntry}). The readers and parsers see only entries,
 * streams and bytes, never a file system.
 *
 * <p>Symbolic links exist only on local disks. The confinement checks ({@link #real()}, {@link
 * #startsWith}, {@link #isSymbolicLink()}) answer trivially elsewhere: an entry is its own real
 * entry, and nothing is a link.
 *
 * <p>Methods that ask ({@link #exists()}, {@link #isDirectory()}, {@link #isRegularFile()}) follow
 * links and answer false when the file system cannot tell; methods that act throw {@link
 * IOException}.
 */
public interface Entry {
    /** What this entry is, from {@link #kind()}. */
    enum Kind {
        REGULAR_FILE,
        DIRECTORY,
        /** A device, pipe or socket: neither a file nor a folder. */
        OTHER
    }

    /** How the user named it: an absolute local path, or a URI for other file systems. */
    String location();

    /** Its URI ({@code file:///...} for a local entry), the form carried inside a Flink job. */
    String uri();

    /** The last name of its path; empty at a file system's (or bucket's) root. */
    String name();

    /**
     * The entry at {@code relative} ({@code /}-separated names) below this one, normalised.
     *
     * @throws IllegalArgumentException when {@code relative} cannot name an entry here
     */
    Entry resolve(String relative);

    /** The folder holding this entry; null at the root. */
    Entry parent();

    /** Whether something is there (following links). */
    boolean exists();

    /** Whether something is there, without following a final symbolic link (a broken link exists). */
    boolean existsNoFollow();

    boolean isDirectory();

    /**
     * Why the store holding this entry could not be asked about it (a refused connection, a
     * timeout, denied credentials: anything but "not found"), as the root cause's class and
     * message, or empty. Lets a caller tell "no such folder" from "cannot reach the store".
     */
    default java.util.Optional<String> unreachable() {
        return java.util.Optional.empty();
    }

    boolean isRegularFile();

    /** Whether the entry itself is a symbolic link; always false off the local disk. */
    boolean isSymbolicLink();

    /** Whether a folder may be listed and entered (permissions); always true off the local disk. */
    boolean isListable();

    /**
     * What the entry is, following links.
     *
     * @throws IOException when there is nothing (a {@code NoSuchFileException} or {@code
     *     FileNotFoundException}), or it cannot be examined
     */
    Kind kind() throws IOException;

    /** The entry with every symbolic link on its path resolved; itself off the local disk. */
    Entry real() throws IOException;

    /** Whether this entry's path lies at or below {@code folder}'s, compared name by name. */
    boolean startsWith(Entry folder);

    /** The folder's entries, in name order ({@link #NAME_ORDER}). */
    List<Entry> list() throws IOException;

    /**
     * Name order: by Unicode code point, which is the order of the names' UTF-8 bytes, java.nio's
     * order of UTF-8 file names on Linux and S3's key order. Not {@code String.compareTo}, which
     * compares UTF-16 code units and puts a name with a character beyond U+FFFF (an emoji) before
     * one with U+E000-U+FFFF.
     */
    java.util.Comparator<String> NAME_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    /** Its size in bytes. */
    long size() throws IOException;

    InputStream open() throws IOException;

    /** Creates or overwrites the file; its content is what is written before the stream is closed. */
    OutputStream create() throws IOException;

    /** Creates this folder and any missing parent. */
    void createDirectories() throws IOException;

    /**
     * Moves this entry (a file or a whole folder) to {@code target}, which must not be a folder;
     * an existing file there is replaced. Atomic on a local disk when the file system allows; a
     * copy followed by a delete on object stores.
     */
    void move(Entry target) throws IOException;

    /** Deletes this entry and, for a folder, everything inside it (never what a link points to); nothing when absent. */
    void deleteRecursively() throws IOException;

    /** The whole content. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /**
     * The whole content as UTF-8 text, strictly: a malformed byte sequence throws (a {@code
     * MalformedInputException}), as {@code Files.readString} does.
     */
    default String readString() throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(readAllBytes()))
                .toString();
    }

    /** Writes {@code bytes} as the whole content, creating or overwriting the file. */
    default void write(byte[] bytes) throws IOException {
        try (OutputStream out = create()) {
            out.write(bytes);
        }
    }
}
