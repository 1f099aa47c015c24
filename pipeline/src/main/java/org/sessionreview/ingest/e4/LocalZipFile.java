package org.sessionreview.ingest.e4;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * A zip as a local file, for {@link java.util.zip.ZipFile} (which reads the central directory, so
 * needs random access): a local entry's own file, else (a zip on S3 or another Flink file system)
 * a temporary copy in {@code java.io.tmpdir}, created readable by the user only (POSIX 0600) and
 * deleted on {@link #close()}. Used only for a zip the streaming reader cannot delimit (a
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
        Path tmp = Files.createTempFile(PREFIX, ".zip");
        try (InputStream in = zip.open()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return new LocalZipFile(tmp, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
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
