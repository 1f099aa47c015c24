package org.sessionreview.ingest.e4;

import java.util.List;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.storage.Entry;

/**
 * What the reader made of one channel file (or of an entry named like one): where it was, how
 * many records it read, accepted and rejected, and why each was rejected.
 *
 * <p><b>Records.</b> A record is a data line: a line after the header rows (2 for regular
 * channels, 1 for IBI), blank lines at the end of the file excepted. To this comes at most one
 * record for the part of the file that was not read as data lines, counted when
 *
 * <ul>
 *   <li>the file has no data line at all: it is empty, holds only header rows, has a missing or
 *       invalid header and nothing after it, could not be opened (I/O error, not a valid gzip
 *       file), or is not read (a directory, a broken or looping link, another non-regular
 *       entry, or a {@code .gz} ignored because the plain file exists); or
 *   <li>its compressed data proved corrupt (a deflate format error, a CRC-32 or length
 *       mismatch: {@link ReadErrors#rejectedIfCorrupt}): the lines decoded are not used, however
 *       many, and the file counts as this one record, as a file that is not valid gzip does; or
 *   <li>reading stopped before the end: an I/O error or compressed data cut short, or the
 *       duration cap of {@link E4Limits} reached (the lines past the cap, however many, count
 *       as this one record: they are not read, so that a gzip bomb costs nothing).
 * </ul>
 *
 * {@code recordsRead} = data lines read + that one record; {@code recordsRejected} = data lines
 * rejected + that one record. So {@code recordsRead == recordsAccepted + recordsRejected}
 * always holds and a file-level failure is always visible as a rejected record. When a header
 * row is missing, invalid or implausible the whole file is rejected: every data line counts as
 * rejected (the header problem adds nothing more when there are data lines), {@link
 * #fileRejected()} is true and {@link #rejects()} holds one entry at line 1 or 2. Those data
 * lines are counted, not parsed, up to the duration cap at the channel's highest plausible rate;
 * past it the rest is the one unread record.
 *
 * <p><b>Rejects.</b> One per rejected data line at its line number, plus one per file-level
 * problem: at line 0 for a problem with the file as a whole, at the header row, or at the first
 * line not read (I/O error, cap). A file holding two exports joined ({@link JoinedExports})
 * adds one per row of a second header; the data lines it rejects as overlapping the earlier
 * export are each counted but share one reject at the first of them, and after a second header
 * with another rate the remaining data lines are counted under that header's rejects, as in a
 * whole-file reject. So {@code rejects().size()} may differ from {@code recordsRejected}.
 *
 * @param channel the channel the file holds
 * @param path the file (or entry) found; null when parsed from a stream ({@link
 *     E4CsvParser#parse})
 * @param sourceFile the file name as written into {@link Reject#sourceFile}
 * @param recordsRead records read (see above)
 * @param recordsRejected records rejected (see above)
 * @param fileRejected true when no data of the file is used (header problem, no samples, not
 *     readable, not a file, ignored)
 * @param rejects the rejects, in line order
 * @param identity size and SHA-256 of the file, taken while it was read; null when it was not
 *     read to its end (not opened, an I/O error) or was parsed from a stream
 */
public record E4FileReport(
        Channel channel,
        Entry path,
        String sourceFile,
        long recordsRead,
        long recordsRejected,
        boolean fileRejected,
        List<Reject> rejects,
        FileIdentity identity) {

    /** A report without the file's identity. */
    public E4FileReport(
            Channel channel,
            Entry path,
            String sourceFile,
            long recordsRead,
            long recordsRejected,
            boolean fileRejected,
            List<Reject> rejects) {
        this(channel, path, sourceFile, recordsRead, recordsRejected, fileRejected, rejects, null);
    }

    public E4FileReport {
        rejects = List.copyOf(rejects);
        if (recordsRejected > recordsRead || recordsRejected < 0) {
            throw new IllegalArgumentException("recordsRejected " + recordsRejected + " outside 0.." + recordsRead);
        }
    }

    /** This report with {@code path} set. */
    public E4FileReport withPath(Entry file) {
        return new E4FileReport(
                channel, file, sourceFile, recordsRead, recordsRejected, fileRejected, rejects, identity);
    }

    /** This report with the file's {@code identity} set. */
    public E4FileReport withIdentity(FileIdentity identity) {
        return new E4FileReport(
                channel, path, sourceFile, recordsRead, recordsRejected, fileRejected, rejects, identity);
    }

    /**
     * This report for a file read to its end and then rejected as a whole: every record counts as
     * rejected, {@code fileRejected}, and one more reject at line 0 says why.
     */
    public E4FileReport rejectedAsAWhole(String sessionId, String reason) {
        return rejectedAsAWhole(sessionId, reason, r -> false);
    }

    /** As {@link #rejectedAsAWhole(String, String)}, leaving out the line rejects {@code explained} by the reason. */
    public E4FileReport rejectedAsAWhole(
            String sessionId, String reason, java.util.function.Predicate<String> explained) {
        List<Reject> all = new java.util.ArrayList<>(rejects);
        all.removeIf(r -> r.line > 0 && explained.test(r.reason));
        all.add(new Reject(sessionId, sourceFile, 0, reason, null));
        return new E4FileReport(channel, path, sourceFile, recordsRead, recordsRead, true, all, identity);
    }

    /**
     * A file-level problem that left nothing to read: 1 record read and rejected, {@code
     * fileRejected}, one reject at line 0.
     */
    public static E4FileReport unread(Channel channel, Entry path, String sessionId, String sourceFile, String reason) {
        Reject r = new Reject(sessionId, sourceFile, 0, reason, null);
        return new E4FileReport(channel, path, sourceFile, 1, 1, true, List.of(r));
    }

    /** Records read and not rejected. */
    public long recordsAccepted() {
        return recordsRead - recordsRejected;
    }
}
