package org.sessionreview.ingest;

import java.io.IOException;
import org.sessionreview.ingest.annotation.AnnotationReader;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
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

    /**
     * Rejects a listed annotation file larger than {@link AnnotationReader#MAX_BYTES} before a byte
     * of it is read: its size is recorded, its SHA-256 is not computed (twentieth audit: a 2 GB
     * session video listed in {@code session.json} was read through to be hashed, then 64 MiB of it
     * into memory, to be rejected as too large).
     *
     * @return whether the file was rejected (one record read and rejected)
     */
    static boolean rejectOversized(IngestedSession out, InputFileStats f, Entry file, String sessionId, String name) {
        long size;
        try {
            size = file.size();
        } catch (IOException e) {
            return false; // reading it reports the problem
        }
        if (size <= AnnotationReader.MAX_BYTES) {
            return false;
        }
        f.sizeBytes = size;
        f.recordsRead = 1;
        SessionIngestor.rejectFile(
                out,
                f,
                new Reject(
                        sessionId,
                        name,
                        0,
                        "file is " + size + " bytes, more than the " + AnnotationReader.MAX_BYTES
                                + " (64 MiB) an annotation file may have: not read (a video or audio file listed"
                                + " in session.json?)",
                        null));
        return true;
    }
}
