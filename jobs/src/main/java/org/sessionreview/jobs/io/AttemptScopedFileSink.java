package org.sessionreview.jobs.io;

import java.io.IOException;
import java.util.Collection;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.InitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.connector.file.sink.writer.FileWriter;
import org.apache.flink.connector.file.sink.writer.FileWriterBucketState;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * A Parquet {@link FileSink} whose files say which subtask and which execution attempt wrote
 * them: {@code part-s<subtask>-a<attempt>-<uuid>-<n>.parquet}, and whose every writer leaves an
 * empty marker {@code _attempts/s<subtask>-a<attempt>} in the table folder when it starts.
 *
 * <p>Why: in a batch job, Flink's region failover re-runs a lost producer together with every
 * consumer of its results, finished or not. A file sink that had already committed then writes
 * its rows a second time, and its first attempt's committed files stay (seen on a real cluster:
 * {@code annotations/} with 98 rows instead of 49 after its TaskManagers were killed). With the
 * attempt in the name, {@link FinalAttempts#prune} keeps, for each subtask, only the files of its
 * last attempt (the one that finished, as the job did) before the run is published. The marker
 * matters when that last attempt wrote nothing: its files are then none, not the failed
 * attempt's.
 *
 * <p>Everything else (buckets, rolling on checkpoints, committing, state) is Flink's own {@link
 * FileSink}, built per writer with the attempt's file prefix; a streaming run's exactly-once
 * commits are unchanged, and its files are never pruned (a restored attempt continues from the
 * last checkpoint, whose committed files are part of the result).
 */
final class AttemptScopedFileSink<T>
        implements Sink<T>, SupportsWriterState<T, FileWriterBucketState>, SupportsCommitter<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    private final String basePath;
    private final BulkWriter.Factory<T> format;

    /**
     * @param basePath the table folder, as Flink reads a path from text ({@link FlinkPaths#text}: not an escaped URI)
     * @param format the Parquet writer factory of the table
     */
    AttemptScopedFileSink(String basePath, BulkWriter.Factory<T> format) {
        this.basePath = basePath;
        this.format = format;
    }

    @Override
    public FileWriter<T> createWriter(WriterInitContext context) throws IOException {
        FinalAttempts.mark(new Path(basePath), context.getTaskInfo());
        return sink(prefix(context)).createWriter(context);
    }

    @Override
    public FileWriter<T> restoreWriter(WriterInitContext context, Collection<FileWriterBucketState> states)
            throws IOException {
        FinalAttempts.mark(new Path(basePath), context.getTaskInfo());
        return sink(prefix(context)).restoreWriter(context, states);
    }

    @Override
    public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
        return sink(FinalAttempts.PART_PREFIX).getWriterStateSerializer();
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) throws IOException {
        return sink(FinalAttempts.PART_PREFIX).createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return sink(FinalAttempts.PART_PREFIX).getCommittableSerializer();
    }

    private static String prefix(InitContext context) {
        TaskInfo task = context.getTaskInfo();
        return FinalAttempts.prefix(task.getIndexOfThisSubtask(), task.getAttemptNumber());
    }

    private FileSink<T> sink(String prefix) {
        return FileSink.forBulkFormat(new Path(basePath), format)
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(prefix)
                        .withPartSuffix(".parquet")
                        .build())
                .build();
    }
}
