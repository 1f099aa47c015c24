package org.sessionreview.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.storage.Entry;

/** Fills an input file's identity (size, SHA-256 of the stored bytes) for run.json. */
final class InputHashes {
    private InputHashes() {}

    static void identify(InputFileStats stats, Entry file) {
        if (file == null || !file.isRegularFile()) {
            return; // nothing that was read: no size, no hash
        }
        try (InputStream in = file.open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                size += n;
            }
            stats.sizeBytes = size;
            stats.sha256 = HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            stats.sha256 = null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
