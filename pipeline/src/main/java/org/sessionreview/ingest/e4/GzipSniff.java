package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Whether a channel file is gzip-compressed, told by its first bytes rather than its name: a
 * file renamed or saved under the other name still reads. The gzip magic number ({@code 1f 8b},
 * RFC 1952) means gzip; a file named {@code .gz} without it is read as plain text when its first
 * bytes are text (an export decompressed and left with its name), and is otherwise not a channel
 * file.
 */
final class GzipSniff {
    /** Bytes looked at before the content is read. */
    static final int HEAD = 64;

    private GzipSniff() {}

    /** What the first bytes say. */
    enum Kind {
        GZIP,
        TEXT,
        OTHER
    }

    /**
     * The stream to read the content from (nothing consumed) and what its first bytes are.
     *
     * @param in the file's bytes
     */
    record Sniffed(InputStream content, Kind kind) {}

    static Sniffed sniff(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, HEAD);
        byte[] head = p.readNBytes(HEAD);
        p.unread(head);
        return new Sniffed(p, kind(head));
    }

    static Kind kind(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        int from = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            from = 3; // UTF-8 byte-order mark
        } else if (head.length >= 2
                && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                        || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
            from = 2; // UTF-16 byte-order mark; its text has zero bytes
        }
        for (int i = from; i < head.length; i++) {
            int b = head[i] & 0xff;
            boolean text = b >= 0x20 && b < 0x7f || b == '\t' || b == '\n' || b == '\r' || (from == 2 && b == 0);
            if (!text) {
                return Kind.OTHER;
            }
        }
        return Kind.TEXT;
    }
}
