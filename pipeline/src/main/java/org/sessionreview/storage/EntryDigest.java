package org.sessionreview.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a stored file as provenance records it: its size and the SHA-256 of its bytes as
 * stored (a gzip file's compressed bytes), read once in 64 KiB blocks.
 *
 * @param sizeBytes bytes read
 * @param sha256 lower-case hex SHA-256 of those bytes
 */
public record EntryDigest(long sizeBytes, String sha256) {

    /** Reads {@code file} once and digests its stored bytes. */
    public static EntryDigest of(Entry file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = file.open()) {
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                size += n;
            }
            return new EntryDigest(size, HexFormat.of().formatHex(md.digest()));
        }
    }

    /**
     * The identity of bytes already read (a run-wide file read once, parsed and recorded from the
     * same bytes, so that a file changed between two reads cannot be misrecorded).
     */
    public static EntryDigest of(byte[] bytes) {
        return new EntryDigest(
                bytes.length, HexFormat.of().formatHex(newDigest().digest(bytes)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
