package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A {@link GZIPInputStream} that tells, after it failed, what its current member (RFC 1952: each
 * concatenated gzip file is one) had decoded: whether its deflate data had ended, their CRC-32 and
 * length, which its trailer states. {@link ReadErrors} tells by them a file cut inside a trailer
 * (the data whole, the trailer's bytes present agreeing with them) from one whose decoder read on
 * through its trailer.
 */
public final class GzipMember extends GZIPInputStream {
    /**
     * @param size the input buffer in bytes
     * @throws IOException when the stream does not begin with a gzip header
     */
    public GzipMember(InputStream in, int size) throws IOException {
        super(in, size);
    }

    /** As {@link #GzipMember(InputStream, int)} with the JDK's default buffer (512 bytes). */
    public GzipMember(InputStream in) throws IOException {
        super(in);
    }

    /** Whether the current member's deflate data reached their end (RFC 1951 final block). */
    boolean deflateEnded() {
        return inf.finished();
    }

    /** Bytes the current member decoded, modulo 2^32 as its trailer's ISIZE states them. */
    long memberLength() {
        return inf.getBytesWritten() & 0xffffffffL;
    }

    /** The current member's trailer as its decoded bytes make it: CRC-32, then ISIZE, little-endian. */
    byte[] expectedTrailer() {
        long c = crc.getValue();
        long n = memberLength();
        byte[] t = new byte[8];
        for (int i = 0; i < 4; i++) {
            t[i] = (byte) (c >>> (8 * i));
            t[4 + i] = (byte) (n >>> (8 * i));
        }
        return t;
    }
}
