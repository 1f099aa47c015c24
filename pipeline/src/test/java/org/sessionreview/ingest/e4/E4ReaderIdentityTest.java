package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;

/**
 * The identity the reader takes while parsing ({@link E4FileReport#identity()}) is what hashing
 * the stored file on its own gives (the separate pass it replaces, kept here as {@link
 * #separately}): for a plain file read to its end, a file the parser stops reading early (the
 * duration cap, a bad header), a gzip file, a gzip file with bytes after its trailer, and an
 * empty file.
 */
class E4ReaderIdentityTest {
    @TempDir
    Path dir;

    @Test
    void shouldHashTheWholeStoredFileWhenItIsReadToItsEnd() throws IOException {
        Path file = write("BVP.csv", bvp(5000).getBytes(StandardCharsets.UTF_8));

        assertIdentity(file, E4Limits.defaults());
    }

    @Test
    void shouldHashTheWholeStoredFileWhenTheParserStopsEarly() throws IOException {
        // 7.2 s at 64 Hz: the cap stops the parser after 461 lines of 200,000 (1.3 MB)
        assertIdentity(
                write("BVP.csv", bvp(200_000).getBytes(StandardCharsets.UTF_8)),
                E4Limits.defaults().withMaxDurationHours(0.002));
        // a bad header: the data lines are counted, not parsed
        assertIdentity(
                write("EDA.csv", ("oops\n" + bvp(200_000)).getBytes(StandardCharsets.UTF_8)), E4Limits.defaults());
    }

    @Test
    void shouldHashTheCompressedBytesWhenGivenAGzipFile() throws IOException {
        byte[] gz = gzip(bvp(20_000));
        assertIdentity(write("BVP.csv.gz", gz), E4Limits.defaults());

        byte[] trailing = new byte[gz.length + 100_000];
        System.arraycopy(gz, 0, trailing, 0, gz.length); // zeros after the trailer
        assertIdentity(write("TEMP.csv.gz", trailing), E4Limits.defaults());
    }

    @Test
    void shouldHashAnEmptyFile() throws IOException {
        assertIdentity(write("HR.csv", new byte[0]), E4Limits.defaults());
    }

    private void assertIdentity(Path file, E4Limits limits) throws IOException {
        Channel channel = Channel.valueOf(file.getFileName().toString().replaceAll("\\.csv(\\.gz)?$", ""));
        E4FileReport report = E4Reader.readFile(
                        channel, file, "s", file.getFileName().toString(), limits)
                .report();

        assertNotNull(report.identity(), file + " has no identity");
        assertEquals(separately(file), report.identity(), file.toString());
        assertTrue(report.recordsRead() > 0);
    }

    /** What InputHashes computes: SHA-256 and size of the stored bytes, read on their own. */
    private static FileIdentity separately(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new FileIdentity(
                    bytes.length,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String bvp(int lines) {
        StringBuilder text = new StringBuilder("1767607200.000000\n64.000000\n");
        for (int i = 0; i < lines; i++) {
            text.append(String.format(java.util.Locale.ROOT, "%.2f%n", Math.sin(i / 10.0) * 50));
        }
        return text.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
