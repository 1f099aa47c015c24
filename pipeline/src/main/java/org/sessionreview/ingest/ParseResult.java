package org.sessionreview.ingest;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.Reject;

/**
 * What a parser made of one input file: the accepted records, the rejected ones with their
 * reasons, and how many records it read ({@code read == records.size() + rejects.size()}, unless a
 * parser documents that one input record yields several output records).
 */
public final class ParseResult<T> {
    private final List<T> records = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();
    private long recordsRead;

    public void accept(T record) {
        records.add(record);
    }

    public void reject(Reject reject) {
        rejects.add(reject);
    }

    /** Counts one record read from the input (accepted or rejected). */
    public void countRead() {
        recordsRead++;
    }

    public void addRead(long n) {
        recordsRead += n;
    }

    public List<T> records() {
        return records;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    public long recordsRead() {
        return recordsRead;
    }

    /** Records read that were not rejected. */
    public long recordsAccepted() {
        return recordsRead - rejects.size();
    }
}
