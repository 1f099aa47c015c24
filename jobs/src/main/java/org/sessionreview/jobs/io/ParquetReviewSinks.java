package org.sessionreview.jobs.io;

import java.util.Map;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.RuptureTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.parquet.Tables;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.topology.ReviewStreams;
import org.sessionreview.topology.TrendStreams;

/**
 * Writes each table as Parquet files under {@code <out>/<table>/}, with the run's provenance
 * (methods, parameters, version) in every file's footer. Files are named by subtask and execution
 * attempt ({@link AttemptScopedFileSink}) so that publishing keeps only each subtask's last
 * attempt of a batch run ({@link FinalAttempts}).
 */
public final class ParquetReviewSinks implements ReviewSinks {
    private final Path out;
    private final Map<String, String> provenance;

    /** @param out the folder of the table folders, on any file system Flink reaches ({@code file:}, {@code s3:}, ...) */
    public ParquetReviewSinks(Path out, Map<String, String> provenance) {
        this.out = out;
        this.provenance = provenance;
    }

    @Override
    public void attach(
            ReviewStreams review, TrendStreams trends, DataStream<Annotation> annotations, DataStream<Reject> rejects) {
        attachSessionTables(review, annotations, rejects);
        sink(trends.trainees(), TrendTables.TRAINEES);
        sink(trends.clients(), TrendTables.CLIENTS);
    }

    /**
     * Every table but the cross-session ones ({@code trainees/}, {@code clients/}, which need every
     * session of the run): what a live job, which never ends, writes.
     */
    public void attachSessionTables(
            ReviewStreams review, DataStream<Annotation> annotations, DataStream<Reject> rejects) {
        sink(review.sessions(), Tables.SESSIONS);
        sink(review.moments(), Tables.MOMENTS);
        sink(review.windows(), Tables.WINDOWS);
        sink(review.baselines(), Tables.BASELINES);
        sink(review.scrs(), Tables.SCR);
        sink(review.beats(), Tables.BEATS);
        sink(review.artifacts(), Tables.ARTIFACTS);
        sink(review.synchrony(), Tables.SYNCHRONY);
        sink(review.ruptures(), RuptureTables.RUPTURES);
        sink(review.segments(), RuptureTables.SEGMENTS);
        sink(annotations, Tables.ANNOTATIONS);
        sink(rejects, Tables.REJECTS);
    }

    private <T> void sink(DataStream<T> stream, TableSchema<T> schema) {
        AttemptScopedFileSink<T> sink = new AttemptScopedFileSink<>(
                new Path(out, schema.name()).toString(), // text: the sink parses it once
                TimedBulkWriter.factory(ParquetTables.writerFactory(schema, provenance)));
        stream.sinkTo(sink).name(schema.name() + "-parquet").uid(schema.name() + "-parquet");
    }
}
