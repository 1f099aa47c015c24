package org.sessionreview.ingest.flink;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A split of {@link SessionFolderSource}: one {@link SessionTask}, so one session folder, or the
 * scan's rejects. Its id is the folder name, or {@link #SCAN_SPLIT_ID} for the scan's results.
 */
public final class SessionFolderSplit implements SourceSplit {
    /**
     * Id of the split carrying the scan's rejects. The scanner skips hidden entries, so no session
     * folder can be named this (a folder may well be called {@code scan}).
     */
    public static final String SCAN_SPLIT_ID = ".scan";

    private final SessionTask task;

    public SessionFolderSplit(SessionTask task) {
        this.task = Objects.requireNonNull(task, "task");
    }

    /** The work this split stands for; emitted as is by the reader. */
    public SessionTask task() {
        return task;
    }

    @Override
    public String splitId() {
        return task.isScanResults() ? SCAN_SPLIT_ID : task.folder;
    }

    @Override
    public String toString() {
        return "SessionFolderSplit{" + splitId() + "}";
    }
}
