package org.sessionreview.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.operators.GroupAtEndFunction;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.StoredBaselines;

/**
 * The job's last step: gathers the run's facts (per-file statistics, session rows, baseline rows,
 * processing failures; a few per session, never samples) and, when the input ends, writes
 * {@code run.json} ({@link RunManifest}) and {@code baselines.json} ({@link StoredBaselines#pool})
 * into the run's staging folder through Flink's {@link FileSystem}, overwriting what an earlier
 * attempt of the same run may have left. Used as the step of a {@link GroupAtEndFunction} whose
 * every fact has the key 0, so one subtask writes the files once; the staging folder is published
 * only when the whole job has finished ({@link PublishOnFinish}).
 */
public class RunFinish implements GroupAtEndFunction.Step<RunFact, Void> {
    private static final long serialVersionUID = 1L;

    private final RunManifest.Header header;
    private final String stagingUri;
    private final String baselinesFile;

    public RunFinish(RunManifest.Header header, String stagingUri, String baselinesFile) {
        this.header = header;
        this.stagingUri = stagingUri;
        this.baselinesFile = baselinesFile;
    }

    /** The key of every fact: one subtask finishes the run. */
    public static Integer key(RunFact f) {
        return 0;
    }

    @Override
    public List<Void> apply(List<RunFact> facts) {
        List<InputFileStats> files = new ArrayList<>();
        List<SessionRow> sessions = new ArrayList<>();
        List<BaselineRow> baselines = new ArrayList<>();
        List<Reject> failures = new ArrayList<>();
        for (RunFact f : facts) {
            if (f.file != null) {
                files.add(f.file);
            } else if (f.session != null) {
                sessions.add(f.session);
            } else if (f.baseline != null) {
                baselines.add(f.baseline);
            } else if (f.failure != null) {
                failures.add(f.failure);
            }
        }
        try {
            write(RunManifest.FILE_NAME, RunManifest.json(header, Instant.now(), files, sessions, failures));
            write(baselinesFile, StoredBaselines.pool(baselines).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write " + RunManifest.FILE_NAME + " or " + baselinesFile + " into " + stagingUri, e);
        }
        return List.of();
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path p = new Path(FlinkPaths.of(stagingUri), name);
        FileSystem fs = p.getFileSystem();
        try (FSDataOutputStream os = fs.create(p, FileSystem.WriteMode.OVERWRITE)) {
            os.write(bytes);
        }
    }
}
