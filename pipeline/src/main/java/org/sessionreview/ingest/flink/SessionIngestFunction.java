package org.sessionreview.ingest.flink;

import java.io.UncheckedIOException;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.operators.StageClock;

/**
 * Reads the work of a {@link SessionFolderSource}, chained to it: a folder task is read with
 * {@link SessionIngestor} (relative to the sessions root) and its sample blocks are emitted in
 * replay order on the main output, its metadata, annotations, rejects and per-file statistics on
 * side outputs; the scan-results task emits the scan's rejects to {@link #REJECTS} and its file
 * rows to {@link #FILES}.
 *
 * <p>Reading files happens here, not in the source reader, so the reader stays a non-blocking
 * hand-out of folder names while this function may block on disk. This keeps the shape that
 * FLINK-NOTES.md measured faster than a {@code FileSource} with a custom format (names in, a
 * parsing function after them, there fed by {@code fromData}); the source only decides which
 * subtask gets which folder. A live mode replaces source and function with a Kafka source
 * producing the same four streams.
 */
public class SessionIngestFunction extends ProcessFunction<SessionTask, SampleBlock> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<SessionInfo> SESSIONS = new OutputTag<>("sessions") {};
    public static final OutputTag<Annotation> ANNOTATIONS = new OutputTag<>("annotations") {};
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects") {};
    public static final OutputTag<InputFileStats> FILES = new OutputTag<>("input-files") {};

    private final SessionIngestor ingestor;
    private final String root;

    /** @param sessionsRoot the sessions root: a path, or a URI ({@link Locations}) such as {@code s3://bucket/sessions} */
    public SessionIngestFunction(String sessionsRoot, SessionIngestor ingestor) {
        this.root = sessionsRoot;
        this.ingestor = ingestor;
    }

    @Override
    public void processElement(SessionTask task, Context ctx, Collector<SampleBlock> out) {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.INGEST)) {
            ingest(task, ctx, out);
        }
    }

    private void ingest(SessionTask task, Context ctx, Collector<SampleBlock> out) {
        if (task.isScanResults()) {
            task.rejects.forEach(r -> ctx.output(REJECTS, r));
            task.files.forEach(f -> ctx.output(FILES, f));
            return;
        }
        IngestedSession s;
        try {
            s = ingestor.ingest(Locations.of(root), task.folder);
        } catch (Locations.UnusableLocationException e) {
            throw new UncheckedIOException("the sessions root " + root + " " + e.getMessage(), e);
        }
        for (InputFileStats f : s.files) {
            ctx.output(FILES, f);
        }
        for (Reject r : s.rejects) {
            ctx.output(REJECTS, r);
        }
        if (s.info == null) {
            return;
        }
        ctx.output(SESSIONS, s.info);
        for (Annotation a : s.annotations) {
            ctx.output(ANNOTATIONS, a);
        }
        for (SampleBlock b : s.blocks) {
            out.collect(b);
        }
    }
}
