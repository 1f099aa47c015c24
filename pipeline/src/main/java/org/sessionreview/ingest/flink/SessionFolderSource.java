package org.sessionreview.ingest.flink;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The session folders of a sessions root as a bounded FLIP-27 source of {@link SessionTask}s,
 * meant to be followed by a chained {@link SessionIngestFunction}.
 *
 * <p>What runs where: the {@link SessionFolderEnumerator} runs on the JobManager and scans the
 * root there (so the JobManager must see the sessions root, as the TaskManagers must); one
 * {@link SessionFolderReader} per source subtask runs on the TaskManagers and pulls one folder at
 * a time. Ingestion is chained to the readers, so it runs as wide as the source: in BATCH mode the
 * adaptive batch scheduler gives a source its default source parallelism ({@code
 * execution.batch.adaptive.auto-parallelism.default-source-parallelism}, else its max-parallelism,
 * else the default parallelism), where the old {@code fromData(folders)} input was so small that the scheduler
 * ran the ingest step in one subtask.
 *
 * <p>Failover: a failed reader's splits go back to the enumerator and are handed out again, so
 * every folder is ingested, and what a failed attempt emitted is discarded with it.
 */
public final class SessionFolderSource
        implements Source<SessionTask, SessionFolderSplit, SessionFolderEnumeratorState> {
    private static final long serialVersionUID = 1L;

    private final String root;

    /**
     * @param sessionsRoot the folder holding one sub-folder per session: a path, or a URI ({@link
     *     Locations}) such as {@code s3://bucket/sessions}; the JobManager and every TaskManager
     *     must reach it
     */
    public SessionFolderSource(String sessionsRoot) {
        this.root = sessionsRoot;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<SessionTask, SessionFolderSplit> createReader(SourceReaderContext readerContext) {
        return new SessionFolderReader(readerContext);
    }

    @Override
    public SplitEnumerator<SessionFolderSplit, SessionFolderEnumeratorState> createEnumerator(
            SplitEnumeratorContext<SessionFolderSplit> enumContext) {
        return new SessionFolderEnumerator(enumContext, root, null);
    }

    @Override
    public SplitEnumerator<SessionFolderSplit, SessionFolderEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<SessionFolderSplit> enumContext, SessionFolderEnumeratorState checkpoint) {
        return new SessionFolderEnumerator(enumContext, root, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SessionFolderSplit> getSplitSerializer() {
        return SessionFolderSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<SessionFolderEnumeratorState> getEnumeratorCheckpointSerializer() {
        return SessionFolderEnumeratorState.Serializer.INSTANCE;
    }
}
