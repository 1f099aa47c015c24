package org.sessionreview.ingest.e4;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * A zip as a local file, for {@link java.util.zip.ZipFile} (which reads the central directory, so
 * needs random access): a local entry's own file, else (a zip on S3 or another Flink file system)
 * a temporary copy in {@code java.io.tmpdir}, created readable by the user only (POSIX 0600) and
 * deleted on {@link #close()}. A copy that cannot be made or written (no such folder, a full disk)
 * throws {@link CopyFailed}: the zip is not known to be damaged, and the reader's rows say so
 * instead of calling it damaged (before 2026-12-07 night: "cannot read the E4 zip (IOException)"). Used only for a zip the streaming reader cannot delimit (a
 * streaming writer's stored entries with data descriptors, zip64 data descriptors, a length
 * mismatch), so that such a zip reads the same wherever it lives.
 */
final class LocalZipFile implements AutoCloseable {
    /** The name prefix of the temporary copies. */
    static final String PREFIX = "session-review-zip-";

    private final Path file;
    private final boolean copy;

    private LocalZipFile(Path file, boolean copy) {
        this.file = file;
        this.copy = copy;
    }

    static LocalZipFile of(Entry zip) throws IOException {
        if (zip instanceof LocalEntry local) {
            return new LocalZipFile(local.path(), false);
        }
        Path tmp;
        try {
            // the property read now, as a JVM's tmpdir is configured (Files.createTempFile(String,
            // String) reads it once per JVM)
            tmp = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), PREFIX, ".zip");
        } catch (IOException | RuntimeException e) {
            throw new CopyFailed(e);
        }
        try (InputStream in = zip.open();
                OutputStream out = newOutput(tmp)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) { // the zip's own read errors pass as they are
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new CopyFailed(e);
                }
            }
            return new LocalZipFile(tmp, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static OutputStream newOutput(Path tmp) throws CopyFailed {
        try {
            return Files.newOutputStream(tmp);
        } catch (IOException e) {
            throw new CopyFailed(e);
        }
    }

    /**
     * The temporary copy could not be made; the message names the cause's kind and the operating
     * system's reason (never a path) and what to do.
     */
    static final class CopyFailed extends IOException {
        CopyFailed(Exception cause) {
            super(
                    "no temporary copy of it could be made in java.io.tmpdir ("
                            + cause.getClass().getSimpleName() + reason(cause)
                            + ") to read it from its central directory; not known to be damaged: make room"
                            + " there or set -Djava.io.tmpdir, and review again",
                    cause);
        }

        private static String reason(Exception cause) {
            // a FileSystemException's reason holds no path (its message does); any other message
            // naming the folder (an invalid path's) is left out
            String r = cause instanceof FileSystemException f ? f.getReason() : cause.getMessage();
            String tmp = System.getProperty("java.io.tmpdir", "");
            return r == null || r.isBlank() || !tmp.isEmpty() && r.contains(tmp) ? "" : ": " + r;
        }
    }

    File file() {
        return file.toFile();
    }

    @Override
    public void close() throws IOException {
        if (copy) {
            Files.deleteIfExists(file);
        }
    }
}
