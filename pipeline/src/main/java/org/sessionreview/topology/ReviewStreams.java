package org.sessionreview.topology;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.model.Reject;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.report.ScrRow;
import org.sessionreview.report.SegmentRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.SynchronyRow;

/**
 * The review topology's outputs: one session row per complete session, its moments to review,
 * every wearer's scored feature windows, the personal baselines they were scored against, and the
 * per-event tables: skin conductance responses, beats and masked artifact stretches; and
 * {@code failures}, a rejects row for each wearer or session whose processing failed (the rest of
 * the run goes on without it); {@code liveMoments}, with live mode only, the moments sent while a
 * session runs and, at its end, the final review's difference ({@link LiveMomentRow}; empty in a
 * review of files).
 */
public record ReviewStreams(
        DataStream<SessionRow> sessions,
        DataStream<MomentRow> moments,
        DataStream<WindowFeatures> windows,
        DataStream<BaselineRow> baselines,
        DataStream<ScrRow> scrs,
        DataStream<BeatRow> beats,
        DataStream<ArtifactRow> artifacts,
        DataStream<SynchronyRow> synchrony,
        DataStream<RuptureRow> ruptures,
        DataStream<SegmentRow> segments,
        DataStream<Reject> failures,
        DataStream<LiveMomentRow> liveMoments) {}
