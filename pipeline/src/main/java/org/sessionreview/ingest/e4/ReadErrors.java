package org.sessionreview.ingest.e4;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipException;
import org.sessionreview.model.Channel;

/**
 * The reasons of a channel file whose reading stopped at an I/O error, and how to tell them.
 *
 * <p><b>Cut or corrupt.</b> A decompressing stream (a {@code .csv.gz}, a zip entry) that stops
 * part-way either ran out of input ({@link EOFException}: the file or zip was cut short, a copy
 * or download that stopped) or found its data inconsistent ({@link ZipException}: a deflate format
 * error, RFC 1951, or a CRC-32 or length mismatch in the gzip trailer, RFC 1952, or in the zip
 * entry's record). A cut stream's lines before the cut are what was written: they are kept. A
 * corrupt stream decodes wrongly from an unknown point on (a changed byte is noticed only where
 * the decoder trips or at the checksum, often thousands of lines later, and the text between may
 * parse as samples), so none of its lines can be trusted: {@link #rejectedIfCorrupt} rejects such
 * a file as a whole.
 */
final class ReadErrors {
    private static final String GZIP_DAMAGED = "gzip data truncated or corrupt at line ";
    private static final String CANNOT_READ = "cannot read the file at line ";
    private static final String CUT = "cut short at line ";
    private static final String CORRUPT = "compressed data damaged: ";
    private static final String SUFFIX = "; none of its lines is used";
    static final String ENCRYPTED = "encrypted (password-protected)";
    static final String UNSUPPORTED = "compressed with a method this reader does not support";

    private ReadErrors() {}

    /** The reason for {@code e} at {@code line}: names neither the path nor the message. */
    static String reason(IOException e, boolean gzip, long line) {
        if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
            return GZIP_DAMAGED + line;
        }
        if (isCut(e)) {
            // a zip entry's data running out: the zip was cut short (twelfth audit: this said
            // "cannot read the file at line N (I/O error: EOFException)"; a stored entry's cut is
            // the JDK's ZipException "unexpected EOF", review of 2026-12-07)
            return CUT + line
                    + ": the data end inside it (a copy or download that stopped?); the lines before it are used";
        }
        return CANNOT_READ + line + " (I/O error: " + e.getClass().getSimpleName() + ")";
    }

    /** {@code damage} in words for a reason: cut short, corrupt data, or the I/O error's kind. */
    static String what(Exception damage) {
        if (damage instanceof LocalZipFile.CopyFailed) {
            return damage.getMessage();
        }
        if (damage instanceof IOException io && isCut(io)) {
            return "cut short";
        }
        if (damage instanceof ZipException) {
            return "corrupt data";
        }
        return damage.getClass().getSimpleName();
    }

    /**
     * Whether {@code e} is input running out: an {@link EOFException}, or {@code ZipInputStream}'s
     * "unexpected EOF" inside a stored entry.
     */
    private static boolean isCut(IOException e) {
        return e instanceof EOFException
                || e instanceof ZipException
                        && "unexpected eof"
                                .equals(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code e} is java.util.zip's refusal of an entry compressed with a method other than
     * stored or deflate ("invalid compression method", ZipFile's "invalid CEN header (bad compression
     * method: 9)": Deflate64, method 9, which Windows Explorer
     * writes for some zips; LZMA, 14, or BZip2, 12, which 7-Zip offers). The data are not damaged;
     * this reader cannot decode them (seventeenth audit: such an entry was "compressed data
     * damaged: deflate format error", and a user would download the export again for nothing).
     */
    static boolean isUnsupportedMethod(Exception e) {
        return e instanceof ZipException
                && (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("invalid compression method")
                        || String.valueOf(e.getMessage()).contains("bad compression method"));
    }

    /**
     * The reason for a zip entry compressed with {@code method} (its number in the zip's headers,
     * -1 when unknown), which java.util.zip cannot decode. A method zip tools write (PKWARE APPNOTE
     * 4.4.5: Deflate64, BZip2, LZMA, XZ, Zstandard, PPMd, the old Shrink to Implode) is no damage:
     * the reason names it and what to do. Any other number is a changed byte in the header: the
     * entry is damaged. Either way none of its lines is read.
     */
    static String unsupportedMethod(int method) {
        String name = switch (method) {
            case 9 -> "Deflate64, which Windows Explorer writes for some zips";
            case 12 -> "BZip2";
            case 14 -> "LZMA, which 7-Zip offers";
            case 93 -> "Zstandard";
            case 95 -> "XZ";
            case 98 -> "PPMd";
            case 99 -> "AES encryption, a password-protected zip";
            case 1, 2, 3, 4, 5, 6 -> "Shrink, Reduce or Implode, from zip tools of the 1990s";
            case -1 -> "not deflate: Deflate64, as Windows Explorer writes some zips, or 7-Zip's LZMA or BZip2";
            default -> null;
        };
        if (name == null) {
            return CORRUPT + "its header names compression method " + method
                    + ", which no zip tool writes (a changed byte?)" + SUFFIX;
        }
        return UNSUPPORTED + " (" + name + "): unzip the export, or zip it again with the ordinary method" + SUFFIX;
    }

    /**
     * Whether {@code e} names the number of a method zip tools write ({@code ZipFile}'s "invalid CEN
     * header (bad compression method: 9)"), so that an entry of any kind, channel or not, stopped
     * the reading without damage (review of 2026-12-07: an {@code info.txt} in Deflate64 made the
     * zip's row say "damaged").
     */
    static boolean isToolMethod(Exception e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("compression method:? *(\\d{1,5})\\b")
                .matcher(String.valueOf(e.getMessage()));
        return isUnsupportedMethod(e) && m.find() && isUnsupported(unsupportedMethod(Integer.parseInt(m.group(1))));
    }

    /** The later channel entries found by their own headers: read, and refused for their method. */
    static String laterEntries(int read, int refused) {
        String readText = read == 0
                ? "no later channel entry found by its header"
                : read + " later channel " + (read == 1 ? "entry was" : "entries were")
                        + " found by their own headers and read";
        return refused == 0
                ? readText
                : readText + "; " + refused + " refused for their compression method or encryption (a row each)";
    }

    /** The reason for an encrypted zip entry (ZipCrypto or AES), which is not read. */
    static String encryptedEntry() {
        return ENCRYPTED + ": unzip the export first" + SUFFIX;
    }

    /** Whether {@code reason} refuses an entry for its method or its encryption: no damage. */
    static boolean isRefused(String reason) {
        return isUnsupported(reason) || reason != null && reason.startsWith(ENCRYPTED);
    }

    /** Whether {@code reason} is {@link #unsupportedMethod}'s for a method zip tools write. */
    static boolean isUnsupported(String reason) {
        return reason != null && reason.startsWith(UNSUPPORTED);
    }

    /** Whether {@code reason} is one of {@link #reason}'s or {@link #corruption}'s. */
    static boolean isReadError(String reason) {
        return reason != null
                && (reason.startsWith(GZIP_DAMAGED)
                        || reason.startsWith(CANNOT_READ)
                        || reason.startsWith(CUT)
                        || reason.startsWith(CORRUPT)
                        || reason.startsWith(UNSUPPORTED)
                        || reason.startsWith(ENCRYPTED));
    }

    /**
     * The reason for a decompressing stream's {@code failure} when it shows corrupt data (not a
     * cut), else null. What failed is told from the JDK's wording ({@code GZIPInputStream}: "Corrupt
     * GZIP trailer"; {@code ZipInputStream}: "invalid entry CRC", "invalid entry size"); the message
     * itself is never quoted.
     */
    static String corruption(IOException failure) {
        if (!(failure instanceof ZipException)) {
            return null;
        }
        String m = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (m.equals("unexpected eof")) {
            // ZipInputStream's word for input running out inside a stored entry: a cut
            return null;
        }
        if (isUnsupportedMethod(failure)) {
            return unsupportedMethod(-1);
        }
        String what = m.contains("gzip trailer")
                ? "CRC-32 or length mismatch in the gzip trailer"
                : m.contains("crc")
                        ? "CRC-32 mismatch"
                        : m.contains("size") ? "length mismatch" : "deflate format error";
        return CORRUPT + what + SUFFIX;
    }

    /**
     * A gzip stream's decoded text can be longer than this much beyond the length its trailer
     * states when damage near the end made the decoder read on through the trailer: each of its 8
     * bytes can at most decode into a few back-references of up to 258 bytes (RFC 1951).
     */
    private static final long RUN_ON_SLACK = 1 << 16;

    /**
     * {@code result}, or, when the stream under {@code lines} failed with corrupt data ({@link
     * #corruption}), the file rejected as unread (one record read and rejected, one reject at line
     * 0, no data: {@link E4FileReport#unread}), as a file that is not valid gzip is. The data
     * decoded before the failure were parsed and are dropped here, so the check costs no second
     * decompression. A file cut at the duration cap of {@link E4Limits} is not read past the cap,
     * so damage after it is not seen.
     *
     * <p>A gzip stream that ran out of input is cut, except when the file's last 8 bytes read as a
     * trailer (RFC 1952) whose length (ISIZE, modulo 2^32) lies within {@link #RUN_ON_SLACK} of
     * the bytes decoded: then the file was whole and a changed byte near the end of its deflate
     * data (a final block's end lost) made the decoder read on through the trailer, decoding it as
     * text. A cut file's last 4 bytes are deflate data, which match so by chance about once in
     * 30,000 cuts; such a cut file is then rejected as corrupt, which loses data but takes none
     * that is wrong. A file cut inside its trailer, its data whole, is told by the trailer bytes
     * left ({@link #corruption(IOException, InputStream, byte[])}); lengths are those of the last
     * gzip member, the one that failed.
     *
     * @param gzipTail the file's last 8 bytes when it is a gzip file read to its end, else null
     */
    static E4CsvParser.Result rejectedIfCorrupt(
            Channel channel,
            E4CsvParser.Result result,
            CompleteLines lines,
            byte[] gzipTail,
            String sessionId,
            String sourceFile) {
        String corrupt = lines == null ? null : lines.corruption(gzipTail);
        return corrupt == null
                ? result
                : new E4CsvParser.Result(
                        null,
                        E4FileReport.unread(channel, null, sessionId, sourceFile, corrupt)
                                .withIdentity(result.report().identity()));
    }

    /**
     * {@link #corruption(IOException)}, or, for a gzip stream ({@link GzipMember}) that ran out of
     * input although the file was whole, the reason saying the decoder read on past the trailer
     * (see {@link #rejectedIfCorrupt}). A stream whose current member's deflate data had ended was
     * cut inside its trailer (or a following member's header) when the file's last bytes, 1 to 7,
     * are the first bytes of the trailer its decoded bytes make: the data are whole, only the check
     * is lost. Else the file's last 8 bytes are read as the member's trailer: an ISIZE within
     * {@link #RUN_ON_SLACK} of the bytes the member decoded shows a run-on.
     *
     * @param below the stream the text was read from, a {@link GzipMember} for a gzip file
     */
    static String corruption(IOException failure, InputStream below, byte[] gzipTail) {
        String corrupt = corruption(failure);
        if (corrupt != null || !(failure instanceof EOFException) || !(below instanceof GzipMember gz)) {
            return corrupt;
        }
        if (gz.deflateEnded() && trailerCut(gzipTail, gz.expectedTrailer())) {
            return null;
        }
        return ranOn(gzipTail, gz.memberLength())
                ? CORRUPT + "the deflate data run on past the gzip trailer" + SUFFIX
                : null;
    }

    /** Whether {@code tail}'s last k bytes, for some k from 1 to 7, are the first k of {@code trailer}. */
    private static boolean trailerCut(byte[] tail, byte[] trailer) {
        if (tail == null) {
            return false;
        }
        for (int k = 1; k < 8; k++) {
            if (Arrays.equals(tail, tail.length - k, tail.length, trailer, 0, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is {@code ZipInputStream}'s length mismatch at an entry's end ("invalid
     * entry size", "invalid entry compressed size"), which a valid zip also gives when its entries
     * end in zip64 data descriptors (JDK-8303866): the central directory is then asked ({@link
     * E4ZipReader}).
     */
    static boolean isSizeMismatch(Exception e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof ZipException
                && (m.startsWith("invalid entry size") || m.startsWith("invalid entry compressed size"));
    }

    /** Whether a reject's {@code reason} is {@link #corruption}'s for a length mismatch. */
    static boolean isLengthMismatch(String reason) {
        return (CORRUPT + "length mismatch" + SUFFIX).equals(reason);
    }

    private static boolean ranOn(byte[] tail, long decoded) {
        if (tail == null || tail.length < 8) {
            return false;
        }
        long isize = (tail[4] & 0xffL) | (tail[5] & 0xffL) << 8 | (tail[6] & 0xffL) << 16 | (tail[7] & 0xffL) << 24;
        long distance = Math.abs((decoded & 0xffffffffL) - isize);
        return Math.min(distance, (1L << 32) - distance) <= RUN_ON_SLACK;
    }

    /** java.util.zip's refusal of a stored entry followed by a data descriptor. */
    static boolean needsDirectory(Exception e) {
        return e instanceof ZipException && String.valueOf(e.getMessage()).contains("EXT descriptor");
    }

    /** java.util.zip's refusal of an encrypted entry. */
    static boolean isEncrypted(Exception e) {
        return e instanceof ZipException && String.valueOf(e.getMessage()).contains("encrypted");
    }

    /**
     * The zip's own row when its reading stopped ({@code after}: "in EDA.csv", "after EDA.csv", or
     * null before the first channel entry), before the count of later entries: an entry of a method
     * this reader does not decode, an encrypted entry, or damage. {@code copyFailed} (a {@link
     * LocalZipFile.CopyFailed}, or null) says the central directory could not be read for want of a
     * temporary copy: where the stream stopped at an entry only that directory delimits ({@code
     * damage} is that refusal, {@link #needsDirectory}), or where the stream read lengths that do
     * not match (damage, or zip64 data descriptors, which only that directory reads right), the row
     * says so rather than calling the zip damaged (review of 2026-12-07 night).
     */
    static String zipRow(boolean method, boolean encrypted, String after, Exception damage, Exception copyFailed) {
        String where = after == null ? "before its first channel entry" : after;
        if (method || encrypted) {
            return "the zip's reading stopped " + (after == null ? "at" : after + ", at") + " an entry "
                    + (method ? UNSUPPORTED : "encrypted (password-protected; unzip it first)");
        }
        if (copyFailed != null && needsDirectory(damage)) {
            return "the zip's reading stopped " + where + ", at an entry only its central directory delimits (a"
                    + " streaming writer's stored entry); " + what(copyFailed);
        }
        String row = "the zip is damaged " + where + " (" + what(damage) + ")";
        return copyFailed == null
                ? row
                : row + ", or written with zip64 data descriptors, which only its central directory reads right; "
                        + what(copyFailed);
    }
}
