package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * A zip entry rejected as corrupt (a CRC-32 mismatch) is accounted for the same whatever the file
 * system delivering the zip: java.util.zip fails the read that hands over the entry's last bytes,
 * so how many uncompressed bytes were seen before depended on how many the file system returned per
 * read (a local disk fills each request, S3 returns what arrived of the HTTP response). Before
 * 2026-12-07 run.json gave such an entry the size and SHA-256 of those bytes: the twelfth cohort's
 * H03 TEMP.csv (16,384 bytes stored) was listed with 16,384 bytes read from a local disk and 13,653
 * from S3, each with another hash (eighteenth audit). A corrupt entry has no bytes to name, so it is
 * listed without an identity, as an entry cut short is.
 */
class E4ZipCorruptEntryIdentityTest {
    @TempDir
    Path tmp;

    /** A zip of EDA.csv and TEMP.csv, both stored, with one digit of TEMP.csv changed after its CRC-32 was taken. */
    private Path zipWithACorruptStoredEntry() throws IOException {
        Path z = tmp.resolve("x.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (String name : new String[] {"EDA.csv", "TEMP.csv"}) {
                StringBuilder csv = new StringBuilder("1495437000.000000\n4.000000\n");
                for (int i = 0; i < 4000; i++) {
                    csv.append(name.startsWith("EDA") ? "0.3" : "31.2")
                            .append(i % 10)
                            .append('\n');
                }
                StoredZipEntry.put(out, name, csv.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        // stored: TEMP.csv's bytes lie in the zip as they are; change a digit in its middle
        byte[] all = Files.readAllBytes(z);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("31.25\n", text.indexOf("31.2") + 10_000) + 4;
        all[at] = '6';
        Files.write(z, all);
        return z;
    }

    /** {@code e} as a file system delivers it that returns at most {@code chunk} bytes a read (as S3 does). */
    static Entry shortReads(Entry e, int chunk) {
        return (Entry) Proxy.newProxyInstance(Entry.class.getClassLoader(), new Class<?>[] {Entry.class}, (p, m, a) -> {
            try {
                Object r = m.invoke(e, a);
                if (!m.getName().equals("open")) {
                    return r;
                }
                return new FilterInputStream((InputStream) r) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return super.read(b, off, Math.min(len, chunk));
                    }
                };
            } catch (InvocationTargetException x) {
                throw x.getCause();
            }
        });
    }

    @Test
    void shouldListACorruptEntryWithoutAnIdentityWhateverTheFileSystemsReadSizes() throws IOException {
        Entry zip = LocalEntry.of(zipWithACorruptStoredEntry());
        E4Recording local = E4ZipReader.read(zip, "s", "s/client/x.zip", E4Limits.defaults());
        E4FileReport temp = local.files().get(Channel.TEMP);
        assertTrue(temp.rejects().stream().anyMatch(r -> r.reason.contains("CRC-32 mismatch")), temp.toString());
        assertNull(temp.identity(), "a corrupt entry's bytes are not known: " + temp.identity());
        assertNotNull(local.files().get(Channel.EDA).identity(), "a whole entry keeps its identity");
        for (int chunk : new int[] {1000, 4096, 13653}) {
            E4Recording other = E4ZipReader.read(shortReads(zip, chunk), "s", "s/client/x.zip", E4Limits.defaults());
            assertEquals(temp.identity(), other.files().get(Channel.TEMP).identity(), "reads of " + chunk + " bytes");
            assertEquals(rows(temp), rows(other.files().get(Channel.TEMP)), "reads of " + chunk + " bytes");
            assertEquals(
                    local.files().get(Channel.EDA).identity(),
                    other.files().get(Channel.EDA).identity(),
                    "reads of " + chunk + " bytes");
        }
    }

    private static java.util.List<String> rows(E4FileReport f) {
        return f.rejects().stream().map(x -> x.line + ": " + x.reason).toList();
    }
}
