package org.sessionreview.ingest.flink;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * One unit of ingest work handed out by {@link SessionFolderSource}: either a session folder to
 * read ({@link #folder}, relative to the sessions root) or, when {@link #folder} is null, the
 * scan's own results: the {@link #rejects} and {@link #files} of the folders the scan refused.
 *
 * <p>A plain POJO (public no-arg constructor, public fields) so Flink's POJO serializer carries
 * it between operators; no Kryo fallback.
 */
public class SessionTask {
    /** Session folder relative to the sessions root; null for the scan-results task. */
    public String folder;
    /** Scan rejects (one per refused folder); empty for a folder task. */
    public List<Reject> rejects = new ArrayList<>();
    /** Accounting rows for the refused folders; empty for a folder task. */
    public List<InputFileStats> files = new ArrayList<>();

    public SessionTask() {}

    /** A task that ingests {@code folder} (relative to the sessions root). */
    public static SessionTask folder(String folder) {
        SessionTask t = new SessionTask();
        t.folder = folder;
        return t;
    }

    /** The task carrying what the scan refused up front. */
    public static SessionTask scanResults(List<Reject> rejects, List<InputFileStats> files) {
        SessionTask t = new SessionTask();
        t.rejects = new ArrayList<>(rejects);
        t.files = new ArrayList<>(files);
        return t;
    }

    public boolean isScanResults() {
        return folder == null;
    }

    @Override
    public String toString() {
        return isScanResults() ? "SessionTask{scan rejects=" + rejects.size() + "}" : "SessionTask{" + folder + "}";
    }
}
