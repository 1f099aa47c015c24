package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a file's stored bytes through while taking their SHA-256 and count, so that the file's
 * identity for run.json costs no second read: {@link #finish()} reads what the consumer left (a
 * parser that stopped at the duration cap, the bytes after a gzip trailer) and gives the identity
 * of the whole file, the same as hashing the file on its own.
 */
final class HashingInputStream extends InputStream {
    private final InputStream in;
    private final MessageDigest sha256;
    private long size;

    HashingInputStream(InputStream in) {
        this.in = in;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
            size += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the rest of the file; its size and SHA-256 (lower-case hex) then. */
    FileIdentity finish() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (read(rest, 0, rest.length) >= 0) {
            // hashed on the way
        }
        return new FileIdentity(size, HexFormat.of().formatHex(sha256.digest()));
    }
}
