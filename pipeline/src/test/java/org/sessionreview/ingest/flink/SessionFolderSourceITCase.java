package org.sessionreview.ingest.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.SampleBlock;

/**
 * {@link SessionFolderSource} on a 2-slot MiniCluster in BATCH mode with parallelism 2 over six
 * manifest-only sessions and two folders the scan refuses: every folder reaches exactly one of
 * the two source subtasks, and with {@link SessionIngestFunction} chained each session is read
 * once and the scan's rejects arrive on the side outputs. Generic types are disabled, so a Kryo
 * fallback for {@link SessionTask} would fail the job.
 *
 * <p>That both subtasks get folders is not asserted here: a reader may drain all eight tiny
 * splits before the other registers. {@link SessionFolderEnumeratorTest} shows the hand-out.
 */
class SessionFolderSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final List<String> SESSIONS = List.of("s1", "s2", "s3", "s4", "s5", "s6");

    @TempDir
    Path root;

    @BeforeEach
    void sessionsRoot() throws IOException {
        for (String folder : SESSIONS) {
            SessionRoots.session(root, folder, "S-" + folder);
        }
        SessionRoots.folderWithoutManifest(root, "no-manifest");
        SessionRoots.session(root, "s7-copy", "S-s1");
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        return env;
    }

    private DataStream<SessionTask> folders(StreamExecutionEnvironment env) {
        return env.fromSource(
                new SessionFolderSource(root.toString()), WatermarkStrategy.noWatermarks(), "session-folders");
    }

    @Test
    void shouldHandEveryFolderToExactlyOneSubtaskWhenTwoSubtasksRead() throws Exception {
        StreamExecutionEnvironment env = environment();
        List<String> tagged = new ArrayList<>();
        try (CloseableIterator<String> it =
                folders(env).map(new TagWithSubtask()).executeAndCollect()) {
            it.forEachRemaining(tagged::add);
        }
        List<String> splits = tagged.stream()
                .map(t -> t.substring(0, t.indexOf('@')))
                .sorted()
                .toList();
        List<String> expected = new ArrayList<>(SESSIONS);
        expected.add(SessionFolderSplit.SCAN_SPLIT_ID);
        assertEquals(expected.stream().sorted().toList(), splits, "each folder once: " + tagged);
        TreeSet<String> subtasks = new TreeSet<>(
                tagged.stream().map(t -> t.substring(t.indexOf('@') + 1)).toList());
        assertTrue(List.of("0/2", "1/2").containsAll(subtasks), "read by subtasks of a 2-wide source: " + tagged);
    }

    @Test
    void shouldIngestEachSessionOnceAndPassOnTheScanRejectsWhenChained() throws Exception {
        StreamExecutionEnvironment env = environment();
        SessionIngestor ingestor = new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null);
        SingleOutputStreamOperator<SampleBlock> blocks = folders(env)
                .process(new SessionIngestFunction(root.toString(), ingestor))
                .name("ingest-sessions");
        CloseableIterator<String> sessions = blocks.getSideOutput(SessionIngestFunction.SESSIONS)
                .map(s -> s.sessionId + "@" + s.folder)
                .collectAsync();
        CloseableIterator<String> rejects = blocks.getSideOutput(SessionIngestFunction.REJECTS)
                .map(r -> r.sourceFile)
                .collectAsync();
        CloseableIterator<String> files = blocks.getSideOutput(SessionIngestFunction.FILES)
                .map(f -> f.path + " " + f.recordsRejected)
                .collectAsync();
        env.execute("session-folder-source");

        assertEquals(SESSIONS.stream().map(f -> "S-" + f + "@" + f).toList(), sorted(sessions));
        assertEquals(List.of("no-manifest/", "s7-copy/session.json"), sorted(rejects));
        List<String> expectedFiles = new ArrayList<>(
                SESSIONS.stream().map(f -> f + "/session.json 0").toList());
        expectedFiles.addAll(List.of("no-manifest/ 1", "s7-copy/session.json 1"));
        assertEquals(expectedFiles.stream().sorted().toList(), sorted(files));
    }

    private static List<String> sorted(CloseableIterator<String> it) throws Exception {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        it.close();
        out.sort(null);
        return out;
    }

    /** {@code <split id>@<subtask index>/<parallelism>} of the source subtask that emitted the task. */
    private static final class TagWithSubtask extends RichMapFunction<SessionTask, String> {
        @Override
        public String map(SessionTask task) {
            return new SessionFolderSplit(task).splitId() + "@"
                    + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/"
                    + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }
    }
}
