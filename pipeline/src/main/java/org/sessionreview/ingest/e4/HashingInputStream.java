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
    /** The last {@link #TAIL} bytes passed, in order (fewer when the file is shorter). */
    private final byte[] tail = new byte[TAIL];

    /** Bytes kept by {@link #tail()}: a gzip trailer's (RFC 1952). */
    static final int TAIL = 8;

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
            keep(new byte[] {(byte) b}, 0, 1);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
            keep(b, off, n);
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

    private void keep(byte[] b, int off, int n) {
        int k = Math.min(n, TAIL);
        System.arraycopy(tail, k, tail, 0, TAIL - k);
        System.arraycopy(b, off + n - k, tail, TAIL - k, k);
    }

    /**
     * The last {@link #TAIL} bytes passed so far (the file's last ones after {@link #finish()}),
     * or null when fewer have passed.
     */
    byte[] tail() {
        return size < TAIL ? null : tail.clone();
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
