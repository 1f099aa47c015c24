package org.sessionreview.ingest.e4;

import java.nio.file.Path;
import java.util.List;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * What the reader made of one channel file: where it was, how many data lines it read, accepted
 * and rejected, and why each rejected line was rejected.
 *
 * <p>Records are data lines (the header rows are not counted; blank lines at the end of the file
 * are ignored). {@code recordsRead == recordsAccepted + recordsRejected} always holds. When a
 * header row is missing or invalid the whole file is rejected: every data line counts as
 * rejected, {@link #fileRejected()} is true and {@link #rejects()} holds one entry at line 1 or
 * 2 with the reason. An I/O error while reading (a truncated gzip, say) keeps the lines read so
 * far and adds an entry at the first line that could not be read. These file-level entries are
 * not records, so {@code rejects().size()} may differ from {@code recordsRejected}.
 *
 * @param channel the channel the file holds
 * @param path the file read; null when parsed from a stream ({@link E4CsvParser#parse})
 * @param sourceFile the file name as written into {@link Reject#sourceFile}
 * @param recordsRead data lines read
 * @param recordsRejected data lines rejected
 * @param fileRejected true when a header problem rejected the whole file
 * @param rejects the rejects, in line order
 */
public record E4FileReport(
        Channel channel,
        Path path,
        String sourceFile,
        long recordsRead,
        long recordsRejected,
        boolean fileRejected,
        List<Reject> rejects) {

    public E4FileReport {
        rejects = List.copyOf(rejects);
        if (recordsRejected > recordsRead || recordsRejected < 0) {
            throw new IllegalArgumentException(
                    "recordsRejected " + recordsRejected + " outside 0.." + recordsRead);
        }
    }

    /** This report with {@code path} set. */
    public E4FileReport withPath(Path file) {
        return new E4FileReport(channel, file, sourceFile, recordsRead, recordsRejected, fileRejected, rejects);
    }

    /** Data lines read and not rejected. */
    public long recordsAccepted() {
        return recordsRead - recordsRejected;
    }
}
