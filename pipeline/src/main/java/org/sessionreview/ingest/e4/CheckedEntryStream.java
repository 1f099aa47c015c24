package org.sessionreview.ingest.e4;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * A zip entry's data read through {@link java.util.zip.ZipFile}, checked at their end against the
 * CRC-32 and length its central directory states (APPNOTE 4.4.7, 4.4.9), as {@link
 * java.util.zip.ZipInputStream} checks them and {@code ZipFile} does not. A mismatch fails the
 * read with a {@link ZipException} worded as {@code ZipInputStream} words it, so {@link
 * ReadErrors#corruption(IOException)} tells it the same way.
 */
final class CheckedEntryStream extends FilterInputStream {
    /** The buffer of {@link #read()}, so that a byte-wise reader allocates nothing. */
    private final byte[] one = new byte[1];

    private final ZipEntry entry;
    private final CRC32 crc = new CRC32();
    private long size;

    CheckedEntryStream(ZipEntry entry, InputStream in) {
        super(in);
        this.entry = entry;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            crc.update(b, off, n);
            size += n;
        } else if (n < 0) {
            if (entry.getSize() >= 0 && entry.getSize() != size) {
                throw new ZipException("invalid entry size");
            }
            if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
                throw new ZipException("invalid entry CRC");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
