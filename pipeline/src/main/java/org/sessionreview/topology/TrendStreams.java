package org.sessionreview.topology;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.report.ClientRow;
import org.sessionreview.report.TraineeRow;

/** The cross-session tables: one row per trainee and period, one per client and session. */
public record TrendStreams(DataStream<TraineeRow> trainees, DataStream<ClientRow> clients) {}
