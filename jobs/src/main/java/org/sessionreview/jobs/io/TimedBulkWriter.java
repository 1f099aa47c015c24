package org.sessionreview.jobs.io;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.sessionreview.operators.StageClock;

/** A table's bulk writer whose work is charged to {@link StageClock.Stage#SINKS} (for {@code bench}). */
final class TimedBulkWriter<T> implements BulkWriter<T> {
    private final BulkWriter<T> writer;

    private TimedBulkWriter(BulkWriter<T> writer) {
        this.writer = writer;
    }

    /** Wraps every writer {@code factory} creates. */
    static <T> BulkWriter.Factory<T> factory(BulkWriter.Factory<T> factory) {
        return new Factory<>(factory);
    }

    @Override
    public void addElement(T element) throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writer.addElement(element);
        }
    }

    @Override
    public void flush() throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writer.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SINKS)) {
            writer.finish();
        }
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
