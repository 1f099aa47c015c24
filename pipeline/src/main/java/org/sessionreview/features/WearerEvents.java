package org.sessionreview.features;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.report.ScrRow;

/**
 * Per-event rows a wearer's stream produced since the caller last drained them: skin
 * conductance responses, beats and masked stretches. Each event is reported exactly once.
 */
public final class WearerEvents implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final List<ScrRow> scrs = new ArrayList<>();
    public final List<BeatRow> beats = new ArrayList<>();
    public final List<ArtifactRow> artifacts = new ArrayList<>();
    /** Preprocessed signal stretches for the per-session dyadic analyses. */
    public final List<SignalChunk> chunks = new ArrayList<>();

    public boolean isEmpty() {
        return scrs.isEmpty() && beats.isEmpty() && artifacts.isEmpty() && chunks.isEmpty();
    }
}
