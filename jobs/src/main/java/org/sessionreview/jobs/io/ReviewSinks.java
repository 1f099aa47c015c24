package org.sessionreview.jobs.io;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.TrendStreams;

/** Where a review's tables go; injected into the job so tests can attach their own sinks. */
public interface ReviewSinks {
    void attach(
            ReviewStreams review, TrendStreams trends, DataStream<Annotation> annotations, DataStream<Reject> rejects);
}
