package org.sessionreview.jobs.io;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.sessionreview.operators.StageClock;

/**
 * A table's bulk writer whose work is charged to {@link StageClock.Stage#SINKS} (for {@code bench}).
 *
 * <p>While the clock is on, rows are handed to the writer {@value #BATCH} at a time, inside one
 * stage scope: a row takes a few microseconds to encode, about what the two readings of the
 * thread's CPU clock around it cost, so charging each row on its own made {@code bench} measure
 * mostly its own clock (in the sinks and in the operator the sink is chained to). The writer sees
 * the same rows in the same order; buffered rows are written before every {@link #flush} and
 * {@link #finish}. With the clock off (every run but {@code bench}), each row goes straight through.
 */
final class TimedBulkWriter<T> implements BulkWriter<T> {
    static final int BATCH = 256;

    private final BulkWriter<T> writer;
    private final Object[] pending = new Object[BATCH];
    private int count;

    private TimedBulkWriter(BulkWriter<T> writer) {
        this.writer = writer;
    }

    /** Wraps every writer {@code factory} creates. */
    static <T> BulkWriter.Factory<T> factory(BulkWriter.Factory<T> factory) {
        return new Factory<>(factory);
    }

    @Override
    public void addElement(T element) throws IOException {
        if (!StageClock.enabled()) {
            if (count > 0) {
                drain();
            }
            writer.addElement(element);
            return;
        }
        pending[count++] = element;
        if (count == BATCH) {
            drain();
        }
    }

    @Override
    public void flush() throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writePending();
            writer.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writePending();
            writer.finish();
        }
    }

    private void drain() throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writePending();
        }
    }

    @SuppressWarnings("unchecked")
    private void writePending() throws IOException {
        for (int i = 0; i < count; i++) {
            T row = (T) pending[i];
            pending[i] = null;
            writer.addElement(row);
        }
        count = 0;
    }

    private static final class Factory<T> implements BulkWriter.Factory<T> {
        private static final long serialVersionUID = 1L;
        private final BulkWriter.Factory<T> factory;

        Factory(BulkWriter.Factory<T> factory) {
            this.factory = factory;
        }

        @Override
        public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
            try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
                return new TimedBulkWriter<>(factory.create(out));
            }
        }
    }
}
