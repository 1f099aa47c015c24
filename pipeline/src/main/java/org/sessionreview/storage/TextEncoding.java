package org.sessionreview.storage;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The character encoding of a text file the user wrote or exported (annotations, a codebook), which
 * none of these formats declares.
 *
 * <ul>
 *   <li>UTF-16 when the content starts with a UTF-16 byte-order mark ({@code FF FE}
 *       little-endian, {@code FE FF} big-endian: Excel's "Unicode Text", Windows Notepad's
 *       "Unicode");
 *   <li>UTF-16 without a byte-order mark when, in its first 256 bytes, nine in ten byte pairs
 *       hold one zero byte on the same side ({@link #utf16WithoutBom}): text in the Latin
 *       alphabet written as UTF-16 by a tool that leaves the mark out (.NET's {@code
 *       Encoding.Unicode} without its preamble, some exports from Windows); UTF-8 and 8-bit text
 *       hold no zero bytes;
 *   <li>Windows-1252 when bytes above 0x7F occur and none of them forms a UTF-8 sequence: a
 *       table saved by Excel as "CSV" on a Western-European Windows, or ELAN's tab-delimited
 *       export with its ISO-8859-1 option (Windows-1252 reads every ISO-8859-1 letter the same).
 *       Such text is not UTF-8 (a lone {@code E4} for "ä" is malformed there), and a UTF-8 text
 *       with any non-ASCII letter holds at least one valid sequence;
 *   <li>UTF-8 otherwise; malformed bytes of a damaged UTF-8 file become U+FFFD rather than
 *       failing the file.
 * </ul>
 */
public final class TextEncoding {
    /** Windows-1252, or ISO-8859-1 where a runtime lacks the extended charsets. */
    public static final Charset LEGACY = legacy();

    private TextEncoding() {}

    /** The encoding of {@code content}; see the class comment. */
    public static Charset of(byte[] content) {
        if (content.length >= 2) {
            int b0 = content[0] & 0xff;
            int b1 = content[1] & 0xff;
            if (b0 == 0xFF && b1 == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
        }
        Charset utf16 = utf16WithoutBom(content, content.length);
        if (utf16 != null) {
            return utf16;
        }
        return legacyText(content) ? LEGACY : StandardCharsets.UTF_8;
    }

    /**
     * UTF-16LE or UTF-16BE for text written without a byte-order mark, else null: of the byte
     * pairs among the first {@code min(length, 256)} bytes (at least two pairs), at least nine in
     * ten hold a zero byte second and another first (little-endian), or first and second
     * (big-endian), as every character of the Latin alphabet, digits and punctuation do in UTF-16.
     * A run of zero bytes (a damaged file) is neither.
     *
     * @param head the first bytes of the content
     * @param length how many of them are valid
     */
    public static Charset utf16WithoutBom(byte[] head, int length) {
        int n = Math.min(Math.min(length, head.length), 256) & ~1;
        int pairs = n / 2;
        if (pairs < 2) {
            return null;
        }
        int le = 0;
        int be = 0;
        for (int i = 0; i < n; i += 2) {
            boolean first = head[i] != 0;
            boolean second = head[i + 1] != 0;
            if (first && !second) {
                le++;
            } else if (!first && second) {
                be++;
            }
        }
        if (le * 10 >= pairs * 9) {
            return StandardCharsets.UTF_16LE;
        }
        return be * 10 >= pairs * 9 ? StandardCharsets.UTF_16BE : null;
    }

    /** {@code content} decoded in {@link #of its encoding}, a leading byte-order mark dropped. */
    public static String decode(byte[] content) {
        String text = new String(content, of(content));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** True when a byte above 0x7F occurs and none starts a well-formed UTF-8 sequence. */
    public static boolean legacyText(byte[] b) {
        boolean high = false;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                continue;
            }
            high = true;
            int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
            if (need > 0 && continues(b, i + 1, need)) {
                return false;
            }
        }
        return high;
    }

    private static boolean continues(byte[] b, int from, int n) {
        if (from + n > b.length) {
            return false;
        }
        for (int k = from; k < from + n; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static Charset legacy() {
        try {
            return Charset.forName("windows-1252");
        } catch (UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
