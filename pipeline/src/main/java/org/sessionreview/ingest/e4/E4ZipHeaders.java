package org.sessionreview.ingest.e4;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.sessionreview.storage.Entry;

/**
 * What {@link E4ZipReader} reads from a zip's bytes without java.util.zip (PKWARE APPNOTE 4.3.7):
 * where the local headers are, an entry's name and compression method from its local header,
 * and why a zip gave no channel file.
 */
final class E4ZipHeaders {
    /** A zip entry's local header begins with these four bytes ({@code PK\3\4}, little-endian). */
    private static final int LOCAL_HEADER = 0x04034b50;

    private E4ZipHeaders() {}

    /** An entry's name and compression method as its local header gives them. */
    record Local(String name, int method, boolean encrypted) {}

    /**
     * The offsets of every local header signature in {@code zip} (some may lie inside compressed
     * data); those found before a read error.
     */
    static List<Long> localHeaderOffsets(Entry zip) {
        List<Long> offsets = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(zip.open(), 1 << 16)) {
            int window = 0;
            long pos = 0;
            for (int b; (b = raw.read()) >= 0; pos++) {
                window = (window >>> 8) | (b << 24);
                if (window == LOCAL_HEADER && pos >= 3) {
                    offsets.add(pos - 3);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // what the scan found before it stopped
        }
        return offsets;
    }

    /**
     * The name (UTF-8) and method (2 bytes at 8; name length at 26) of the local header at {@code
     * offset}, or null when the file ends before them.
     */
    static Local local(Entry zip, long offset) {
        try (InputStream raw = zip.open()) {
            raw.skipNBytes(offset);
            byte[] head = raw.readNBytes(30);
            if (head.length < 30) {
                return null;
            }
            int method = (head[8] & 0xff) | (head[9] & 0xff) << 8;
            int nameLength = (head[26] & 0xff) | (head[27] & 0xff) << 8;
            // general purpose flag bit 0: encrypted (PKWARE APPNOTE 4.4.4)
            return new Local(
                    new String(raw.readNBytes(nameLength), StandardCharsets.UTF_8), method, (head[6] & 1) != 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Why {@code zip} gave no channel file: it is no zip (no {@code PK} signature: a CSV or a
     * download page saved under a {@code .zip} name), an empty zip, one holding another zip (E4
     * Connect's download zipped again), or one holding other files; twelfth audit: all four said
     * "holds no channel file ..., or is not a zip file". Names no entry (a name may be a person's).
     */
    static String noChannelReason(Entry zip) {
        byte[] sig;
        try (InputStream in = zip.open()) {
            sig = in.readNBytes(4);
        } catch (IOException e) {
            sig = new byte[0];
        }
        if (sig.length < 4 || sig[0] != 'P' || sig[1] != 'K') {
            return "the file is not a zip file (it does not begin with a zip signature)";
        }
        if (sig[2] == 5 && sig[3] == 6) {
            return "the E4 zip is empty (no entry)";
        }
        boolean innerZip = false;
        try (ZipInputStream in = new ZipInputStream(zip.open(), StandardCharsets.UTF_8)) {
            for (ZipEntry e; !innerZip && (e = in.getNextEntry()) != null; ) {
                innerZip = !e.isDirectory() && E4ZipReader.isZip(e.getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            // what was seen before the damage stands
        }
        return innerZip
                ? "the E4 zip holds no channel file but another zip (the export zipped again?): unzip it once"
                : "the E4 zip holds no channel file (EDA.csv, BVP.csv, ACC.csv, TEMP.csv, HR.csv, IBI.csv)";
    }
}
