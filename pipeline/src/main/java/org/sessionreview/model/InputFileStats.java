package org.sessionreview.model;

/**
 * What ingestion did with one input file, for {@code run.json}: its identity (path, size,
 * SHA-256) and its record counts. {@code recordsRead == recordsAccepted + recordsRejected}.
 */
public class InputFileStats {
    public String sessionId;
    /** Path relative to the sessions root. */
    public String path;
    /** {@code session}, {@code codebook}, {@code wearable:<role>:<CHANNEL>} or {@code annotations}. */
    public String kind;

    public long sizeBytes;
    /** Hex SHA-256 of the file's bytes as stored (compressed bytes for .gz). */
    public String sha256;

    public long recordsRead;
    public long recordsAccepted;
    public long recordsRejected;
    /** The first rejected record, as {@code line N: reason}; null when none was rejected. */
    public String firstReject;

    public InputFileStats() {}

    public InputFileStats(String sessionId, String path, String kind) {
        this.sessionId = sessionId;
        this.path = path;
        this.kind = kind;
    }

    @Override
    public String toString() {
        return path + " read=" + recordsRead + " accepted=" + recordsAccepted + " rejected=" + recordsRejected;
    }
}
