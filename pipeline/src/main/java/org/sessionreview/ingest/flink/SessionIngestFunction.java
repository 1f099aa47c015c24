package org.sessionreview.ingest.flink;

import java.nio.file.Path;
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

/**
 * The file source of a review: takes a session folder (relative to the sessions root), reads it
 * with {@link SessionIngestor}, and emits its sample blocks in replay order on the main output
 * and its metadata, annotations, rejects and per-file statistics on side outputs.
 *
 * <p>Reading files is the source's work here: on this hardware {@code fromData(folders)} plus a
 * parsing function beat a {@code FileSource} with a custom format (FLINK-NOTES.md). A live mode
 * replaces this function with a Kafka source producing the same four streams.
 */
public class SessionIngestFunction extends ProcessFunction<String, SampleBlock> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<SessionInfo> SESSIONS = new OutputTag<>("sessions") {};
    public static final OutputTag<Annotation> ANNOTATIONS = new OutputTag<>("annotations") {};
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects") {};
    public static final OutputTag<InputFileStats> FILES = new OutputTag<>("input-files") {};

    private final SessionIngestor ingestor;
    private final String root;

    public SessionIngestFunction(String sessionsRoot, SessionIngestor ingestor) {
        this.root = sessionsRoot;
        this.ingestor = ingestor;
    }

    @Override
    public void processElement(String folder, Context ctx, Collector<SampleBlock> out) {
        IngestedSession s = ingestor.ingest(Path.of(root), folder);
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
