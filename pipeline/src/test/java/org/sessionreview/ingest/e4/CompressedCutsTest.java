package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;
import org.sessionreview.storage.LocalEntry;

/**
 * Compressed channel files cut short, or valid in a form the JDK's streaming reader misreads, are
 * not taken for corrupt: a stored zip entry cut short, a gzip cut inside its trailer (also one
 * ending in an empty member), a zip whose entries end in zip64 data descriptors.
 */
class CompressedCutsTest {
    @TempDir
    Path tmp;

    /** A plausible channel file of {@code samples} samples at {@code rate} Hz, one value a line. */
    private static String text(int rate, int samples, long seed) {
        Random rng = new Random(seed);
        StringBuilder s = new StringBuilder("1600000000.000000\n" + rate + ".000000\n");
        for (int i = 0; i < samples; i++) {
            s.append(String.format(Locale.ROOT, "%.2f%n", rate == 4 ? 33 + rng.nextDouble() : 50 * rng.nextGaussian()));
        }
        return s.toString();
    }

    private static double[] values(Channel c, String text) {
        return E4CsvParser.parse(c, new StringReader(text), "s1", "x", E4Limits.defaults())
                .data()
                .values();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void shouldKeepTheLinesOfAStoredZipEntryCutShort() throws IOException {
        String eda = text(4, 2400, 1);
        byte[] bytes = eda.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            StoredZipEntry.put(out, "EDA.csv", bytes);
        }
        // cut in the middle of the entry's data (30 bytes of header and name before them)
        Path file = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(zip.toByteArray(), 37 + bytes.length / 2));

        E4Recording r = E4ZipReader.read(LocalEntry.of(file), "s1", "cut.zip", E4Limits.defaults());

        // before: "compressed data damaged: deflate format error", no sample
        double[] kept = r.channel(Channel.EDA).orElseThrow().values();
        double[] all = values(Channel.EDA, eda);
        assertTrue(kept.length > 1000 && kept.length < all.length, kept.length + " samples");
        assertArrayEquals(Arrays.copyOf(all, kept.length), kept, "the lines before the cut, as written");
        E4FileReport f = r.files().get(Channel.EDA);
        assertFalse(f.fileRejected());
        assertEquals(kept.length + 1, f.recordsRead(), "the unread rest is one record");
        assertTrue(
                ReadErrors.isReadError(f.rejects().get(0).reason), f.rejects().toString());
        // said in words (review of 2026-12-07: "cannot read the file at line N (I/O error: ZipException)")
        assertTrue(
                f.rejects().get(0).reason.startsWith("cut short at line " + (kept.length + 3) + ": "),
                f.rejects().toString());
    }

    @Test
    void shouldKeepTheLinesOfASmallGzipCutInsideItsTrailer() throws IOException {
        String bvp = text(64, 10, 2);
        byte[] gz = gzip(bvp.getBytes(StandardCharsets.UTF_8));
        byte[] withEmptyMember = concat(gz, gzip(new byte[0]));
        // before: its last 8 bytes read as a trailer near the decoded length: rejected as a run-on
        for (byte[] cut :
                List.of(Arrays.copyOf(gz, gz.length - 1), Arrays.copyOf(withEmptyMember, withEmptyMember.length - 1))) {
            Path file = Files.write(tmp.resolve("BVP.csv.gz"), cut);
            E4CsvParser.Result r = E4Reader.readFile(Channel.BVP, file, "s1", "s1/client/BVP.csv.gz");
            assertArrayEquals(values(Channel.BVP, bvp), r.data().values(), "every line, the data being whole");
            assertEquals(
                    11,
                    r.report().recordsRead(),
                    r.report().toString() + r.report().rejects());
            assertEquals(
                    "gzip data truncated or corrupt at line 13",
                    r.report().rejects().get(0).reason);
        }
        Path whole = Files.write(tmp.resolve("BVP.csv.gz"), withEmptyMember);
        E4CsvParser.Result r = E4Reader.readFile(Channel.BVP, whole, "s1", "s1/client/BVP.csv.gz");
        assertArrayEquals(values(Channel.BVP, bvp), r.data().values());
        assertEquals(0, r.report().recordsRejected());
    }

    @Test
    void shouldRejectAGzipEntryOfAZipWhoseDecoderReadsOnThroughItsTrailer() throws IOException {
        byte[] gz = gzip(text(64, 19_200, 3).getBytes(StandardCharsets.UTF_8));
        gz[gz.length - 9] ^= 0x01; // the last deflate byte: the final block's end lost
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("BVP.csv.gz"));
            out.write(gz);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("TEMP.csv"));
            out.write(text(4, 100, 4).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path file = Files.write(tmp.resolve("x.zip"), zip.toByteArray());

        E4Recording r = E4ZipReader.read(LocalEntry.of(file), "s1", "x.zip", E4Limits.defaults());

        // before: no trailer was looked at, the run-on was read as a cut and its lines kept
        E4FileReport f = r.files().get(Channel.BVP);
        assertTrue(r.channel(Channel.BVP).isEmpty(), f + " " + f.rejects());
        assertTrue(f.fileRejected(), f.toString() + f.rejects());
        assertEquals(
                "compressed data damaged: the deflate data run on past the gzip trailer; none of its lines is used",
                f.rejects().get(0).reason);
        assertEquals(100, r.channel(Channel.TEMP).orElseThrow().sampleCount());
    }

    @Test
    void shouldReadAZipWhoseEntriesEndInZip64DataDescriptors() throws IOException {
        List<Channel> order = List.of(Channel.EDA, Channel.BVP, Channel.TEMP);
        List<String> texts = List.of(text(4, 2400, 5), text(64, 19_200, 6), text(4, 2400, 7));
        byte[] good = zip64(order, texts);
        Path file = Files.write(tmp.resolve("z64.zip"), good);

        E4Recording r = E4ZipReader.read(LocalEntry.of(file), "s1", "z64.zip", E4Limits.defaults());

        // before: each entry "compressed data damaged: length mismatch" (ZipInputStream read the
        // zip64 descriptor's lengths as 4-byte ones, JDK-8303866)
        for (int i = 0; i < order.size(); i++) {
            Channel c = order.get(i);
            assertArrayEquals(
                    values(c, texts.get(i)), r.channel(c).orElseThrow().values(), c.toString());
            assertEquals(
                    0,
                    r.files().get(c).recordsRejected(),
                    r.files().get(c).rejects().toString());
        }
        assertEquals(order.size(), r.reports().size(), "no report of damage");

        // damage inside such a zip is still told: the central directory's CRC-32 confirms it
        byte[] damaged = good.clone();
        damaged[new String(good, StandardCharsets.ISO_8859_1).indexOf("BVP.csv") + 27 + 400] ^= 0x04;
        Files.write(file, damaged);
        E4Recording d = E4ZipReader.read(LocalEntry.of(file), "s1", "z64.zip", E4Limits.defaults());
        assertTrue(d.channel(Channel.BVP).isEmpty());
        assertTrue(d.files().get(Channel.BVP).fileRejected());
        assertArrayEquals(
                values(Channel.EDA, texts.get(0)),
                d.channel(Channel.EDA).orElseThrow().values());
        assertArrayEquals(
                values(Channel.TEMP, texts.get(2)),
                d.channel(Channel.TEMP).orElseThrow().values());

        // off the local disk with no room for the temporary copy the lengths cannot be checked
        // against the central directory: the zip's row says so, not only "damaged" (review of
        // 2026-12-07 night: "the zip is damaged in EDA.csv (IOException)")
        Files.write(file, good);
        E4Recording off = E4ZipReaderTest.readWithoutTmpdir(file, tmp.resolve("no-such-tmp"), "z64.zip");
        List<String> reasons = off.reports().stream()
                .flatMap(x -> x.rejects().stream())
                .map(x -> x.reason)
                .toList();
        assertTrue(
                reasons.stream()
                        .anyMatch(x -> x.contains(", or written with zip64 data descriptors, which only its central"
                                + " directory reads right; no temporary copy of it could be made in java.io.tmpdir"
                                + " (NoSuchFileException)")),
                reasons.toString());
    }

    /**
     * A zip as Python's {@code zipfile} writes it to a stream that cannot seek with {@code
     * force_zip64=True} (APPNOTE 4.3.9, 4.5.3): deflated entries whose local header has flag bit 3,
     * lengths 0xFFFFFFFF and a zip64 extra field of zeros, each followed by a zip64 data descriptor
     * (signature, CRC-32, 8-byte compressed and uncompressed lengths); a plain central directory.
     */
    private static byte[] zip64(List<Channel> channels, List<String> texts) {
        ByteBuffer out = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> central = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            byte[] name = channels.get(i).fileName().getBytes(StandardCharsets.US_ASCII);
            byte[] data = texts.get(i).getBytes(StandardCharsets.UTF_8);
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(data);
            deflater.finish();
            byte[] buf = new byte[data.length + 1024];
            int csize = deflater.deflate(buf);
            deflater.end();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.position();
            out.putInt(0x04034b50).putShort((short) 45).putShort((short) 8).putShort((short) 8);
            out.putShort((short) 0).putShort((short) 0x21).putInt(0).putInt(-1).putInt(-1);
            out.putShort((short) name.length).putShort((short) 20).put(name);
            out.putShort((short) 1).putShort((short) 16).putLong(0).putLong(0);
            out.put(buf, 0, csize);
            out.putInt(0x08074b50).putInt((int) crc.getValue()).putLong(csize).putLong(data.length);
            central.add(new int[] {offset, (int) crc.getValue(), csize, data.length});
        }
        int cdStart = out.position();
        for (int i = 0; i < channels.size(); i++) {
            byte[] name = channels.get(i).fileName().getBytes(StandardCharsets.US_ASCII);
            int[] c = central.get(i);
            out.putInt(0x02014b50)
                    .putShort((short) 45)
                    .putShort((short) 45)
                    .putShort((short) 8)
                    .putShort((short) 8);
            out.putShort((short) 0)
                    .putShort((short) 0x21)
                    .putInt(c[1])
                    .putInt(c[2])
                    .putInt(c[3]);
            out.putShort((short) name.length)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0);
            out.putShort((short) 0).putInt(0).putInt(c[0]).put(name);
        }
        int cdSize = out.position() - cdStart;
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        out.putShort((short) channels.size()).putShort((short) channels.size());
        out.putInt(cdSize).putInt(cdStart).putShort((short) 0);
        return Arrays.copyOf(out.array(), out.position());
    }
}
