package org.sessionreview.jobs.io;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobStatusHook;
import org.sessionreview.parquet.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's output when, and only when, its job has finished: registered on the job's
 * stream graph, it runs where the job's state lives (the JobManager of a cluster, the embedded
 * MiniCluster locally) whatever the submission path: attached, detached or REST. On FINISHED
 * every file sink has committed, so it gives tables without rows their schema-only file ({@link
 * EmptyTables}) and moves the staging folder's entries into place ({@link
 * OutputDirectory.Staging#publish()}); on FAILED or CANCELED it deletes the staging folder and
 * the previous output stays as it was.
 *
 * <p>Flink's {@link JobStatusHook} is the mechanism its own atomic CREATE TABLE AS uses; it is
 * marked internal, so this class is the one place that depends on it. A publish that fails is
 * logged and leaves the marker without this run's id, which an attached client reports ({@link
 * OutputDirectory.Staging#published()}); it never throws into the JobManager.
 */
public final class PublishOnFinish implements JobStatusHook {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PublishOnFinish.class);

    private final OutputDirectory.Staging staging;
    private final List<TableSchema<?>> tables;
    private final Map<String, String> provenance;
    private final boolean batch;

    /**
     * @param batch whether the run is a batch job: then each table keeps only the files of its
     *     sink subtasks' last attempts ({@link FinalAttempts}); a streaming run's committed files
     *     are all part of the result
     */
    public PublishOnFinish(
            OutputDirectory.Staging staging,
            List<TableSchema<?>> tables,
            Map<String, String> provenance,
            boolean batch) {
        this.staging = staging;
        this.batch = batch;
        this.tables = List.copyOf(tables);
        this.provenance = new java.util.LinkedHashMap<>(provenance);
    }

    /**
     * Runs the publish code once on a scratch folder inside the staging folder. A cluster may
     * release the job's class loader before FINISHED is announced, and a class first needed then
     * cannot be loaded: so every class {@link #publish()} uses is loaded here, while the job is
     * being created.
     */
    @Override
    public void onCreated(JobID jobId) {
        try {
            org.sessionreview.storage.Entry scratch = staging.dir().resolve(".warm-up");
            EmptyTables.fill(scratch, tables, provenance);
            FinalAttempts.warmUp(FlinkPaths.of(scratch.resolve("tidy").uri()));
            staging.warmUp(scratch);
        } catch (Exception | LinkageError e) {
            LOG.warn("session-review: warming up the publish step of job {} failed", jobId, e);
        }
    }

    @Override
    public void onFinished(JobID jobId) {
        try {
            publish();
            LOG.info("session-review: job {} finished; output published to {}", jobId, staging.out());
        } catch (Exception | LinkageError e) {
            LOG.error(
                    "session-review: job {} finished but its output could not be published to {}; staging left in {}",
                    jobId,
                    staging.out(),
                    staging.dir(),
                    e);
        }
    }

    /**
     * Keeps only the last attempts' files of a batch run (a sink re-run by failover would
     * otherwise leave its rows twice), removes markers and hidden leftovers, gives tables without rows their schema-only file and publishes the staging folder. Called
     * by {@link #onFinished} or, for a submission whose client waits and that cannot carry the
     * hook (a session cluster's REST endpoint loads a submitted job graph without the job's
     * classes), by the client once the job has finished.
     */
    public void publish() throws java.io.IOException {
        tidy(staging.dir());
        EmptyTables.fill(staging.dir(), tables, provenance);
        staging.publish();
    }

    private void tidy(org.sessionreview.storage.Entry dir) throws java.io.IOException {
        for (TableSchema<?> t : tables) {
            java.util.List<String> dropped =
                    FinalAttempts.tidy(FlinkPaths.of(dir.resolve(t.name()).uri()), batch);
            if (!dropped.isEmpty()) {
                LOG.info(
                        "session-review: {}: dropped {} file(s) of sink attempts that a failover re-ran: {}",
                        t.name(),
                        dropped.size(),
                        dropped);
            }
        }
    }

    @Override
    public void onFailed(JobID jobId, Throwable throwable) {
        staging.abandon();
        LOG.warn(
                "session-review: job {} failed; nothing published, the previous contents of {} are untouched",
                jobId,
                staging.out());
    }

    @Override
    public void onCanceled(JobID jobId) {
        staging.abandon();
    }
}
