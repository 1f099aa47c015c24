package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.storage.LocalEntry;

/**
 * A compressed channel file (a {@code .csv.gz}, a zip entry) whose data are corrupt is rejected as
 * a whole, none of its lines taken as samples; one cut short keeps its complete lines before the
 * cut.
 */
class CorruptCompressedDataTest {
    private static final String PREFIX = "compressed data damaged: ";
    private static final String SUFFIX = "; none of its lines is used";
    /** BVP samples of the generated file: 5 minutes at 64 Hz. */
    private static final int SAMPLES = 64 * 300;

    @TempDir
    Path tmp;

    /** A BVP.csv as the E4 writes it: start, rate, then one value with 2 decimals per line. */
    private static String bvp(long seed) {
        Random rng = new Random(seed);
        StringBuilder text = new StringBuilder("1600000000.000000\n64.000000\n");
        for (int i = 0; i < SAMPLES; i++) {
            double v = 80 * Math.sin(2 * Math.PI * 1.2 * i / 64.0) + 10 * rng.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.2f%n", v));
        }
        return text.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private E4CsvParser.Result read(byte[] gz) throws IOException {
        Path file = tmp.resolve("BVP.csv.gz");
        Files.write(file, gz);
        return E4Reader.readFile(Channel.BVP, file, "s1", "s1/client/BVP.csv.gz");
    }

    private static void assertRejectedWhole(E4FileReport report, String sourceFile, String what) {
        assertEquals(0, report.recordsAccepted(), report.toString());
        assertEquals(1, report.recordsRead(), "the file counts as one record, as one that is not gzip does");
        assertEquals(1, report.recordsRejected());
        assertTrue(report.fileRejected());
        assertEquals(1, report.rejects().size(), report.rejects().toString());
        Reject r = report.rejects().get(0);
        assertEquals(sourceFile, r.sourceFile);
        assertEquals(0, r.line);
        assertTrue(r.reason.startsWith(PREFIX) && r.reason.endsWith(SUFFIX), r.reason);
        if (what != null) {
            assertEquals(PREFIX + what + SUFFIX, r.reason);
        }
    }

    @Test
    void shouldUseNoLineOfAGzipFileWhenAnyByteOfItsDeflateDataIsChanged() throws IOException {
        byte[] gz = gzip(bvp(1));
        E4CsvParser.Result whole = read(gz);
        assertEquals(SAMPLES, whole.data().sampleCount(), "the undamaged file reads whole");
        // the deflate data lie between the 10-byte gzip header and the 8-byte trailer (RFC 1952)
        int first = 10;
        int last = gz.length - 9;
        for (int k = 0; k <= 40; k++) {
            int at = first + (int) ((long) (last - first) * k / 40);
            for (int flip : new int[] {0x01, 0xFF}) {
                byte[] damaged = gz.clone();
                damaged[at] ^= (byte) flip;
                E4CsvParser.Result r = read(damaged);
                assertEquals(null, r.data(), "byte " + at + " of " + gz.length + " ^" + flip + ": no sample used");
                assertRejectedWhole(r.report(), "s1/client/BVP.csv.gz", null);
            }
        }
    }

    @Test
    void shouldRejectAGzipFileWhoseDecoderReadsOnThroughItsTrailer() throws IOException {
        // the last byte of the deflate data changed: the final block's end is lost, the trailer is
        // decoded as text and the input runs out, as a cut file's does (before: read as cut, and
        // 4 samples of decoded trailer were taken)
        byte[] gz = gzip(bvp(1));
        byte[] damaged = gz.clone();
        damaged[gz.length - 9] ^= 0x01;
        E4CsvParser.Result r = read(damaged);
        assertEquals(null, r.data());
        // which failure the decoder meets (a run-on, a format error, the trailer) depends on the
        // deflate data the platform's zlib wrote: only that the file is rejected whole is asserted
        assertRejectedWhole(r.report(), "s1/client/BVP.csv.gz", null);
    }

    @Test
    void shouldRejectARunOnInTheLastMemberOfAGzipOfSeveralMembers() throws IOException {
        // the trailer's length covers its own member only: judged against that member's bytes (a
        // first member of more than 64 KiB would otherwise hide the run-on, read as a cut)
        byte[] first = gzip(bvp(4));
        byte[] second = gzip(bvp(1));
        second[second.length - 9] ^= 0x01; // as above: the decoder reads on through the trailer
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertTrue(bvp(4).length() > 1 << 16);
        E4CsvParser.Result r = read(both);
        assertEquals(null, r.data());
        assertRejectedWhole(r.report(), "s1/client/BVP.csv.gz", null);
    }

    @Test
    void shouldRejectAGzipFileWhoseTrailerDoesNotMatchItsData() throws IOException {
        byte[] gz = gzip(bvp(2));
        for (int at : new int[] {gz.length - 8, gz.length - 5, gz.length - 4, gz.length - 1}) {
            // CRC-32 (first 4 bytes of the trailer) or the length modulo 2^32 (last 4)
            byte[] damaged = gz.clone();
            damaged[at] ^= 0x10;
            E4CsvParser.Result r = read(damaged);
            assertEquals(null, r.data(), "trailer byte " + (at - gz.length + 8));
            assertRejectedWhole(r.report(), "s1/client/BVP.csv.gz", "CRC-32 or length mismatch in the gzip trailer");
        }
    }

    @Test
    void shouldKeepTheCompleteLinesBeforeTheCutWhenAGzipFileIsCutShort() throws IOException {
        String text = bvp(3);
        double[] all = E4CsvParser.parse(Channel.BVP, new java.io.StringReader(text), "s1", "x", E4Limits.defaults())
                .data()
                .values();
        byte[] gz = gzip(text);
        // cut inside the deflate data, and inside the trailer (the data whole, the check lost)
        for (int length : new int[] {gz.length / 3, gz.length * 2 / 3, gz.length - 3}) {
            E4CsvParser.Result r = read(Arrays.copyOf(gz, length));
            E4Channel data = r.data();
            E4FileReport f = r.report();
            int n = data.sampleCount();
            assertTrue(n > 0 && n <= SAMPLES, "cut at " + length + ": " + n);
            assertArrayEquals(Arrays.copyOf(all, n), data.values(), "the lines before the cut, as written");
            assertEquals(n + 1, f.recordsRead(), "the unread rest is one record");
            assertEquals(n, f.recordsAccepted());
            assertEquals(
                    "gzip data truncated or corrupt at line " + (n + 3),
                    f.rejects().get(0).reason);
            assertFalse(f.fileRejected());
        }
    }

    @Test
    void shouldRejectOnlyTheDamagedEntryOfAZipAndReadTheOthers() throws IOException {
        List<Channel> order = List.of(Channel.ACC, Channel.BVP, Channel.EDA, Channel.TEMP);
        Path zip = tmp.resolve("x.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int bvpStart = 0;
        int bvpEnd = 0;
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Channel c : order) {
                out.putNextEntry(new ZipEntry(c.fileName()));
                out.write(text(c).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.flush();
                if (c == Channel.BVP) {
                    bvpEnd = bytes.size();
                } else if (bvpEnd == 0) {
                    bvpStart = bytes.size();
                }
            }
        }
        byte[] good = bytes.toByteArray();
        Files.write(zip, good);
        E4Recording whole = E4ZipReader.read(LocalEntry.of(zip), "s1", "x.zip", E4Limits.defaults());
        for (int k = 1; k <= 4; k++) {
            byte[] damaged = good.clone();
            int at = bvpStart + (bvpEnd - bvpStart) * k / 5;
            damaged[at] ^= 0x04;
            Files.write(zip, damaged);

            E4Recording r = E4ZipReader.read(LocalEntry.of(zip), "s1", "x.zip", E4Limits.defaults());

            assertTrue(r.channel(Channel.BVP).isEmpty(), "byte " + at + ": BVP has no sample");
            assertRejectedWhole(r.files().get(Channel.BVP), "x.zip/BVP.csv", null);
            for (Channel c : List.of(Channel.ACC, Channel.EDA, Channel.TEMP)) {
                assertArrayEquals(
                        whole.channel(c).orElseThrow().values(),
                        r.channel(c).orElseThrow().values(),
                        c + ", before or after the damaged entry, is read whole");
            }
            String zipReason = r.reports().get(r.reports().size() - 1).rejects().get(0).reason;
            assertTrue(zipReason.startsWith("the zip is damaged in BVP.csv ("), zipReason);
        }
    }

    @Test
    void shouldRejectAStoredZipEntryWhoseCrcDoesNotMatchAChangedDigit() throws IOException {
        // a stored (uncompressed) entry: a changed digit still parses, only the CRC-32 tells
        byte[] eda = text(Channel.EDA).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            StoredZipEntry.put(out, "EDA.csv", eda);
            out.putNextEntry(new ZipEntry("TEMP.csv"));
            out.write(text(Channel.TEMP).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] zipBytes = bytes.toByteArray();
        String line = "\n0.5";
        int at = new String(zipBytes, StandardCharsets.ISO_8859_1).indexOf(line, 200) + 1;
        assertEquals('0', zipBytes[at]);
        zipBytes[at] = '7'; // 0.5... becomes 7.5...: a plausible EDA value
        Path zip = tmp.resolve("stored.zip");
        Files.write(zip, zipBytes);

        E4Recording r = E4ZipReader.read(LocalEntry.of(zip), "s1", "stored.zip", E4Limits.defaults());

        assertTrue(r.channel(Channel.EDA).isEmpty());
        assertRejectedWhole(r.files().get(Channel.EDA), "stored.zip/EDA.csv", "CRC-32 mismatch");
        assertTrue(r.channel(Channel.TEMP).isPresent(), "the entry after it is read");
    }

    /** A plausible channel file: 10 minutes at the E4's rate. */
    private static String text(Channel c) {
        Random rng = new Random(c.ordinal());
        int rate = switch (c) {
            case ACC -> 32;
            case BVP -> 64;
            default -> 4;
        };
        StringBuilder s = new StringBuilder();
        int width = c == Channel.ACC ? 3 : 1;
        s.append(String.join(", ", java.util.Collections.nCopies(width, "1600000000.000000")))
                .append('\n');
        s.append(String.join(", ", java.util.Collections.nCopies(width, rate + ".000000")))
                .append('\n');
        for (int i = 0; i < rate * 600; i++) {
            switch (c) {
                case ACC ->
                    s.append(String.format(
                            Locale.ROOT, "%d,%d,%d%n", rng.nextInt(10) - 5, rng.nextInt(10) + 55, rng.nextInt(10) - 5));
                case BVP -> s.append(String.format(Locale.ROOT, "%.2f%n", 50 * rng.nextGaussian()));
                case TEMP -> s.append(String.format(Locale.ROOT, "%.2f%n", 33 + rng.nextDouble()));
                default -> s.append(String.format(Locale.ROOT, "%.6f%n", 0.5 + rng.nextDouble() / 10));
            }
        }
        return s.toString();
    }
}
