package org.sessionreview.ingest;

import java.io.IOException;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.EntryDigest;

/** Fills an input file's identity (size, SHA-256 of the stored bytes) for run.json. */
final class InputHashes {
    private InputHashes() {}

    static void identify(InputFileStats stats, Entry file) {
        if (file == null || !file.isRegularFile()) {
            return; // nothing that was read: no size, no hash
        }
        try {
            EntryDigest d = EntryDigest.of(file);
            stats.sizeBytes = d.sizeBytes();
            stats.sha256 = d.sha256();
        } catch (IOException e) {
            stats.sha256 = null;
        }
    }
}
