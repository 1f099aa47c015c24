package org.sessionreview.ingest.flink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Runs in each source subtask on a TaskManager: asks the {@link SessionFolderEnumerator} for one
 * split at a time and emits its {@link SessionTask}, exactly one record per split. The reading
 * itself is done by the chained {@link SessionIngestFunction}, within the same {@code pollNext}
 * call, so the next request goes out only when this subtask has finished its folder: fast
 * subtasks take more folders.
 *
 * <p>All methods run on the task's mailbox thread; nothing blocks. {@link #isAvailable()} is
 * completed when a split or the end of splits arrives. A checkpoint holds the splits received but
 * not yet emitted; an emitted split is done as far as the source is concerned.
 */
public final class SessionFolderReader implements SourceReader<SessionTask, SessionFolderSplit> {
    private final SourceReaderContext context;
    private final ArrayDeque<SessionFolderSplit> pending = new ArrayDeque<>();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private boolean noMoreSplits;

    public SessionFolderReader(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        if (pending.isEmpty()) { // splits restored from a checkpoint are emitted first
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<SessionTask> output) {
        SessionFolderSplit split = pending.poll();
        if (split != null) {
            output.collect(split.task());
            if (!pending.isEmpty()) {
                return InputStatus.MORE_AVAILABLE;
            }
            if (!noMoreSplits) {
                context.sendSplitRequest();
            }
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<SessionFolderSplit> splits) {
        pending.addAll(splits);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public List<SessionFolderSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {}
}
