package org.sessionreview.ingest.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The reader asks for one split at a time, emits one task per split, waits without blocking and
 * ends only after the enumerator said there is nothing more; its checkpoint holds what it has not
 * emitted.
 */
class SessionFolderReaderTest {
    private final FakeContext context = new FakeContext();
    private final CollectingOutput output = new CollectingOutput();
    private final SessionFolderReader reader = new SessionFolderReader(context);

    private static SessionFolderSplit split(String folder) {
        return new SessionFolderSplit(SessionTask.folder(folder));
    }

    @Test
    void shouldRequestOneSplitAtATimeWhenEmitting() throws Exception {
        reader.start();
        assertEquals(1, context.requests);
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertFalse(reader.isAvailable().isDone(), "waits for a split");

        reader.addSplits(List.of(split("a")));
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertEquals(List.of("a"), output.folders);
        assertEquals(2, context.requests, "asks for the next folder once this one is emitted");
        assertFalse(reader.isAvailable().isDone());

        reader.notifyNoMoreSplits();
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(List.of("a"), output.folders);
        assertEquals(2, context.requests);
    }

    @Test
    void shouldEmitEverySplitBeforeEndingWhenSeveralArrive() throws Exception {
        reader.start();
        reader.addSplits(List.of(split("a"), split("b")));
        reader.notifyNoMoreSplits();
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(List.of("a", "b"), output.folders);
        assertEquals(1, context.requests, "no request after the enumerator said there is nothing more");
    }

    @Test
    void shouldCheckpointOnlyTheSplitsNotYetEmittedWhenSnapshotted() throws Exception {
        reader.start();
        reader.addSplits(List.of(split("a"), split("b")));
        reader.pollNext(output);
        assertEquals(
                List.of("b"),
                reader.snapshotState(1L).stream()
                        .map(SessionFolderSplit::splitId)
                        .toList());
    }

    @Test
    void shouldEmitRestoredSplitsBeforeAskingWhenRestored() throws Exception {
        reader.addSplits(List.of(split("b"))); // Flink hands back the checkpointed splits before start()
        reader.start();
        assertEquals(0, context.requests);
        reader.pollNext(output);
        assertEquals(List.of("b"), output.folders);
        assertEquals(1, context.requests);
    }

    private static final class CollectingOutput implements ReaderOutput<SessionTask> {
        final List<String> folders = new ArrayList<>();

        @Override
        public void collect(SessionTask record) {
            folders.add(record.folder);
        }

        @Override
        public void collect(SessionTask record, long timestamp) {
            collect(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<SessionTask> createOutputForSplit(String splitId) {
            throw new UnsupportedOperationException("the reader emits no per-split output");
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    private static final class FakeContext implements SourceReaderContext {
        int requests;

        @Override
        public void sendSplitRequest() {
            requests++;
        }

        @Override
        public SourceReaderMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            throw new UnsupportedOperationException();
        }
    }
}
