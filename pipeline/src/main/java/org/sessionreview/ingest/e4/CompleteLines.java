package org.sessionreview.ingest.e4;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A decompressing stream that fails part-way (a truncated or corrupt {@code .gz}, a damaged zip
 * entry) gives its reader every complete line before the damage (E4 channel files and annotation
 * files alike). The text decoder above it reads
 * large chunks and loses what it had decoded of one when the stream under it throws: up to 64 KB of
 * text, most of a 4 Hz EDA file. This stream passes on bytes only up to the last line feed seen
 * (the rest waits for the next read), and at a failure ends the text there, cleanly, keeping the
 * failure for {@link #failure()}: the lines before the damage are read, the cut line is not
 * (a cut {@code 0.123456} would read as a plausible {@code 0.12}), and the parser reports the
 * failure at the line after the last one read. That keeps the lines of a stream cut short; a
 * stream whose data proved corrupt ({@link #corruption}) is then rejected as a whole by the
 * caller, since the text decoded before the failure cannot be trusted.
 */
public final class CompleteLines extends FilterInputStream {
    /** The buffer of {@link #read()}, so that a byte-wise reader allocates nothing. */
    private final byte[] one = new byte[1];

    /** Bytes read from below per call. */
    private static final int CHUNK = 1 << 13;
    /** A line longer than this is passed on unfinished (the parser rejects such a line anyway). */
    private static final int MAX_HELD = 1 << 16;

    private byte[] held = new byte[CHUNK];
    /** Bytes in {@link #held}. */
    private int heldLength;
    /** Bytes at the front of {@link #held} that may be passed on (complete lines). */
    private int ready;

    private IOException failure;
    /** Bytes read from the stream below (decompressed bytes, for a decompressing one). */
    private long fromBelow;

    private boolean ended;

    public CompleteLines(InputStream in) {
        super(in);
    }

    /** Bytes read from the stream below so far, passed on or not. */
    public long bytesFromBelow() {
        return fromBelow;
    }

    /**
     * The reason to reject the whole file when the decompressing stream under this one failed
     * with corrupt data rather than a cut ({@link ReadErrors#corruption(IOException, InputStream,
     * byte[])}), else null.
     *
     * @param gzipTail the file's last 8 bytes when it is gzip and was read to its end, else null
     */
    public String corruption(byte[] gzipTail) {
        return failure == null ? null : ReadErrors.corruption(failure, in, gzipTail);
    }

    /** Why the stream under this one failed; null when it did not. */
    public IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (ready == 0) {
            if (ended) {
                if (failure == null && heldLength > 0) {
                    ready = heldLength; // a clean end: the last line needs no line feed
                    break;
                }
                heldLength = 0; // after a failure the cut line is not passed on
                return -1;
            }
            if (heldLength >= MAX_HELD) {
                ready = heldLength;
                break;
            }
            if (held.length - heldLength < CHUNK) {
                held = Arrays.copyOf(held, Math.max(held.length * 2, heldLength + CHUNK));
            }
            int n;
            try {
                n = in.read(held, heldLength, CHUNK);
            } catch (IOException e) {
                failure = e;
                ended = true;
                continue;
            }
            if (n < 0) {
                ended = true;
                continue;
            }
            heldLength += n;
            fromBelow += n;
            ready = lastLineEnd(held, heldLength);
        }
        int n = Math.min(ready, len);
        System.arraycopy(held, 0, b, off, n);
        System.arraycopy(held, n, held, 0, heldLength - n);
        heldLength -= n;
        ready -= n;
        return n;
    }

    /** Bytes up to and including the last line feed among the first {@code n} of {@code b}. */
    private static int lastLineEnd(byte[] b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public int available() {
        return ready;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
