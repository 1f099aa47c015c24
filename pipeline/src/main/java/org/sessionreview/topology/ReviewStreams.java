package org.sessionreview.topology;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;

/**
 * The review topology's outputs: one session row per complete session, its moments to review,
 * every wearer's scored feature windows, and the personal baselines they were scored against.
 */
public record ReviewStreams(
        DataStream<SessionRow> sessions,
        DataStream<MomentRow> moments,
        DataStream<WindowFeatures> windows,
        DataStream<BaselineRow> baselines) {}
