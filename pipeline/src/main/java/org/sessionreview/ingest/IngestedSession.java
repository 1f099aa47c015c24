package org.sessionreview.ingest;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * Everything read from one session folder. {@link #info} is null when {@code session.json} was
 * unusable (then {@link #rejects} says why and nothing else is read). Blocks are in replay order:
 * by start time across channels and wearers, each wearer's end marker last.
 */
public final class IngestedSession {
    public SessionInfo info;
    public final List<SampleBlock> blocks = new ArrayList<>();
    public final List<Annotation> annotations = new ArrayList<>();
    public final List<Reject> rejects = new ArrayList<>();
    public final List<InputFileStats> files = new ArrayList<>();
}
