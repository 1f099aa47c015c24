package org.sessionreview.ingest.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.sessionreview.ingest.SessionScanner;

/**
 * Runs on the JobManager (in the source coordinator): scans the sessions root once with {@link
 * SessionScanner} and hands out one split per session folder, plus one split with the scan's
 * rejects and file rows when the scan refused any folder.
 *
 * <p>Assignment is pull-based: a reader asks for a split when it starts and again after it has
 * emitted the previous one, and the reader's chained ingest has read that folder by then. A
 * reader that meets large sessions therefore takes fewer of them, and no reader holds folders it
 * has not started; pushing all splits at start would fix the division before any folder is read.
 *
 * <p>Failover: the scan runs in {@link #start()}, unless the enumerator was restored from a
 * checkpoint, whose unassigned splits are used as they are. When a reader fails, Flink returns the
 * splits it got since the last checkpoint (in BATCH mode: all it got) through {@link
 * #addSplitsBack}, and the restarted reader asks for them again. The scan is synchronous: it lists
 * one folder level and peeks at each {@code session.json}, cheap next to reading the sessions.
 */
public final class SessionFolderEnumerator
        implements SplitEnumerator<SessionFolderSplit, SessionFolderEnumeratorState> {
    private final SplitEnumeratorContext<SessionFolderSplit> context;
    private final String root;
    /** Splits no reader holds; null until the scan has run. */
    private ArrayDeque<SessionFolderSplit> unassigned;

    /**
     * @param root the sessions root, as seen from the JobManager: a path or a URI ({@link Locations})
     * @param restored the checkpointed state, or null for a fresh start (then {@link #start()} scans)
     */
    public SessionFolderEnumerator(
            SplitEnumeratorContext<SessionFolderSplit> context, String root, SessionFolderEnumeratorState restored) {
        this.context = context;
        this.root = root;
        this.unassigned = restored == null ? null : new ArrayDeque<>(restored.unassigned());
    }

    @Override
    public void start() {
        unassigned();
    }

    /** The splits no reader holds; scans the root on first use. */
    private ArrayDeque<SessionFolderSplit> unassigned() {
        if (unassigned == null) {
            unassigned = new ArrayDeque<>(scan(root));
        }
        return unassigned;
    }

    /** The splits of a fresh run: one per session folder, in name order, then the scan's rejects. */
    static List<SessionFolderSplit> scan(String root) {
        SessionScanner.Scan scan;
        try {
            scan = SessionScanner.scan(Locations.of(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sessions root " + root, e);
        }
        List<SessionFolderSplit> splits = new ArrayList<>();
        for (String folder : scan.folders()) {
            splits.add(new SessionFolderSplit(SessionTask.folder(folder)));
        }
        if (!scan.rejects().isEmpty() || !scan.files().isEmpty()) {
            splits.add(new SessionFolderSplit(SessionTask.scanResults(scan.rejects(), scan.files())));
        }
        return splits;
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!context.registeredReaders().containsKey(subtaskId)) {
            return; // the reader failed after asking; its restarted attempt asks again
        }
        SessionFolderSplit next = unassigned().poll();
        if (next == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            context.assignSplit(next, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<SessionFolderSplit> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            unassigned().addFirst(splits.get(i)); // before the untouched folders, in their order
        }
    }

    @Override
    public void addReader(int subtaskId) {
        // nothing to do: a reader asks for its first split itself
    }

    @Override
    public SessionFolderEnumeratorState snapshotState(long checkpointId) {
        return new SessionFolderEnumeratorState(new ArrayList<>(unassigned()));
    }

    @Override
    public void close() {}
}
