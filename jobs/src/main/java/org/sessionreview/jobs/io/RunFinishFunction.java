package org.sessionreview.jobs.io;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.StoredBaselines;

/**
 * The job's last step: gathers the run's facts (per-file statistics, session rows, baseline rows,
 * processing failures; a few per session, never samples) and, when the input ends, writes
 * {@code run.json} ({@link RunManifest}) and {@code baselines.json} ({@link StoredBaselines#pool})
 * into the run's staging folder through Flink's {@link FileSystem}, overwriting what an earlier
 * attempt of the same run may have left. It runs as one subtask (every fact has the key 0), so
 * the files are written once; the staging folder is published only when the whole job has
 * finished ({@link PublishOnFinish}).
 */
public class RunFinishFunction extends KeyedProcessFunction<Integer, RunFact, Void> {
    private static final long serialVersionUID = 1L;

    private final RunManifest.Header header;
    private final String stagingUri;
    private final String baselinesFile;
    private transient ListState<RunFact> facts;
    private transient ValueState<Boolean> armed;

    public RunFinishFunction(RunManifest.Header header, String stagingUri, String baselinesFile) {
        this.header = header;
        this.stagingUri = stagingUri;
        this.baselinesFile = baselinesFile;
    }

    /** The key of every fact: one subtask finishes the run. */
    public static Integer key(RunFact f) {
        return 0;
    }

    @Override
    public void open(OpenContext ctx) {
        facts = getRuntimeContext().getListState(new ListStateDescriptor<>("facts", RunFact.class));
        armed = getRuntimeContext().getState(new ValueStateDescriptor<>("armed", Types.BOOLEAN));
    }

    @Override
    public void processElement(RunFact fact, Context ctx, Collector<Void> out) throws Exception {
        facts.add(fact);
        if (armed.value() == null) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            armed.update(Boolean.TRUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) throws Exception {
        List<InputFileStats> files = new ArrayList<>();
        List<SessionRow> sessions = new ArrayList<>();
        List<BaselineRow> baselines = new ArrayList<>();
        List<Reject> failures = new ArrayList<>();
        for (RunFact f : facts.get()) {
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
        facts.clear();
        armed.clear();
        write(RunManifest.FILE_NAME, RunManifest.json(header, Instant.now(), files, sessions, failures));
        write(baselinesFile, StoredBaselines.pool(baselines).toJson());
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path p = new Path(stagingUri, name);
        FileSystem fs = p.getFileSystem();
        try (FSDataOutputStream os = fs.create(p, FileSystem.WriteMode.OVERWRITE)) {
            os.write(bytes);
        }
    }
}
