package org.sessionreview.jobs.io;

import java.util.Map;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.parquet.Tables;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.TrendStreams;

/**
 * Writes each table as Parquet files under {@code <out>/<table>/}, with the run's provenance
 * (methods, parameters, version) in every file's footer.
 */
public final class ParquetReviewSinks implements ReviewSinks {
    private final java.nio.file.Path out;
    private final Map<String, String> provenance;

    public ParquetReviewSinks(java.nio.file.Path out, Map<String, String> provenance) {
        this.out = out;
        this.provenance = provenance;
    }

    @Override
    public void attach(ReviewStreams review, TrendStreams trends, DataStream<Annotation> annotations, DataStream<Reject> rejects) {
        sink(review.sessions(), Tables.SESSIONS);
        sink(review.moments(), Tables.MOMENTS);
        sink(review.windows(), Tables.WINDOWS);
        sink(review.baselines(), Tables.BASELINES);
        sink(review.scrs(), Tables.SCR);
        sink(review.beats(), Tables.BEATS);
        sink(review.artifacts(), Tables.ARTIFACTS);
        sink(review.synchrony(), Tables.SYNCHRONY);
        sink(review.ruptures(), Tables.RUPTURES);
        sink(review.segments(), Tables.SEGMENTS);
        sink(trends.trainees(), TrendTables.TRAINEES);
        sink(trends.clients(), TrendTables.CLIENTS);
        sink(annotations, Tables.ANNOTATIONS);
        sink(rejects, Tables.REJECTS);
    }

    private <T> void sink(DataStream<T> stream, TableSchema<T> schema) {
        FileSink<T> sink = FileSink.forBulkFormat(
                        new Path(out.resolve(schema.name()).toUri()), ParquetTables.writerFactory(schema, provenance))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
        stream.sinkTo(sink).name(schema.name() + "-parquet").uid(schema.name() + "-parquet");
    }
}
