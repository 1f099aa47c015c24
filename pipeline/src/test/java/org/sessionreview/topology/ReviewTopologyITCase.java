package org.sessionreview.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.flink.SessionFolderSource;
import org.sessionreview.ingest.flink.SessionIngestFunction;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;

/**
 * The review topology on a 2-slot MiniCluster over the synthetic cohort in {@code sample-data/}:
 * every planted client anxiety episode is found (start within the planted tolerance), nothing is
 * reported during the EDA contact-loss stretch, and batch and streaming execution give the same
 * rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Path SAMPLE_DATA =
            Path.of("..", "sample-data").toAbsolutePath().normalize();

    private record Output(
            List<String> sessions,
            List<String> moments,
            List<String> windows,
            List<MomentRow> momentRows,
            List<String> events) {}

    private Output batch;
    private Output streaming;
    private JsonNode planted;

    @BeforeAll
    void runBothModes() throws Exception {
        assertTrue(Files.isDirectory(SAMPLE_DATA), "sample-data not found at " + SAMPLE_DATA);
        planted =
                new ObjectMapper().readTree(SAMPLE_DATA.resolve("planted.json").toFile());
        batch = run(RuntimeExecutionMode.BATCH);
        streaming = run(RuntimeExecutionMode.STREAMING);
    }

    private static Output run(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(2);
        PipelineConfig config = PipelineConfig.defaults();
        SingleOutputStreamOperator<SampleBlock> blocks = env.fromSource(
                        new SessionFolderSource(SAMPLE_DATA.toString()),
                        WatermarkStrategy.noWatermarks(),
                        "session-folders")
                .process(new SessionIngestFunction(
                        SAMPLE_DATA.toString(), new SessionIngestor(config, Pseudonymizer.demo(), null)))
                .name("ingest-sessions")
                .uid("ingest-sessions");
        ReviewStreams review = ReviewTopology.build(
                blocks,
                blocks.getSideOutput(SessionIngestFunction.SESSIONS),
                blocks.getSideOutput(SessionIngestFunction.ANNOTATIONS),
                config);
        CloseableIterator<SessionRow> s = review.sessions().collectAsync();
        CloseableIterator<MomentRow> m = review.moments().collectAsync();
        CloseableIterator<WindowFeatures> w = review.windows().collectAsync();
        CloseableIterator<String> ev = review.scrs()
                .map(r -> String.format(
                        Locale.ROOT,
                        "scr %s %s %.3f %.6f %s",
                        r.sessionId,
                        r.role,
                        r.peakS,
                        r.amplitudeUs,
                        r.halfRecoveryS))
                .returns(String.class)
                .union(review.beats()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "beat %s %s %s %.3f %s %b %s",
                                r.sessionId,
                                r.role,
                                r.source,
                                r.tS,
                                r.ibiMs,
                                r.accepted,
                                r.rejectReason))
                        .returns(String.class))
                .union(review.artifacts()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "artifact %s %s %s %.3f %.3f",
                                r.sessionId,
                                r.role,
                                r.kind,
                                r.startS,
                                r.endS))
                        .returns(String.class))
                .union(review.ruptures()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "rupture %s %s %s %.3f %.3f %s %s %s",
                                r.sessionId,
                                r.episodeId,
                                r.ruptureClass,
                                r.startS,
                                r.endS,
                                r.outcome,
                                r.strategies,
                                r.clientArousalZ))
                        .returns(String.class))
                .union(review.segments()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "segment %s %d %s %d",
                                r.sessionId,
                                r.segmentIndex,
                                r.markerCounts,
                                r.repairCount))
                        .returns(String.class))
                .union(review.synchrony()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "sync %s %.1f %s %s %s %s",
                                r.sessionId,
                                r.startS,
                                r.meanAbsZ,
                                r.peakLagS,
                                r.leader,
                                r.duringRupture))
                        .returns(String.class))
                .collectAsync();
        env.execute("review-topology-" + mode);
        List<String> sessions = new ArrayList<>();
        s.forEachRemaining(r -> sessions.add(String.format(
                Locale.ROOT,
                "%s %s %d %.6f %b %.6f %s %.6f %.6f %s %s %d %d",
                r.sessionId,
                r.clientKey,
                r.anxietyEpisodes,
                r.anxietyTimeS,
                r.flagged,
                r.priority,
                r.flagReasons,
                r.dataQualityClient,
                r.dataQualityTherapist,
                r.synchronyEs,
                r.synchronyPercentile,
                r.rupturesUnaddressed,
                r.missedOpportunities)));
        List<MomentRow> momentRows = new ArrayList<>();
        m.forEachRemaining(momentRows::add);
        List<String> moments = new ArrayList<>();
        momentRows.forEach(r -> moments.add(String.format(
                Locale.ROOT,
                "%s %s %s %.3f %.3f %.6f %s",
                r.sessionId,
                r.role,
                r.kind,
                r.startS,
                r.endS,
                r.severity,
                r.evidence)));
        List<String> windows = new ArrayList<>();
        w.forEachRemaining(r -> windows.add(String.format(
                Locale.ROOT,
                "%s %s %.1f %s %s %s %s %s %s %s %.4f %.4f %s",
                r.sessionId,
                r.role,
                r.startS,
                r.edaSclUs,
                r.edaScrPerMin,
                r.hrBpm,
                r.hrvRmssdMs,
                r.fidgetPower,
                r.tempSlopeCPerMin,
                r.motionMagG,
                r.edaQuality,
                r.cardiacQuality,
                r.anxietyIndex)));
        List<String> events = new ArrayList<>();
        ev.forEachRemaining(events::add);
        events.sort(null);
        sessions.sort(null);
        moments.sort(null);
        windows.sort(null);
        return new Output(sessions, moments, windows, momentRows, events);
    }

    @Test
    void shouldFindEveryPlantedEpisodeWhenRunOnSampleData() {
        double tolerance = planted.get("onset_tolerance_s").asDouble();
        int plantedCount = 0;
        for (JsonNode s : planted.get("sessions")) {
            String sid = s.get("session_id").asText();
            for (JsonNode e : s.get("client_episodes")) {
                plantedCount++;
                double start = e.get("start_s").asDouble();
                long found = batch.momentRows().stream()
                        .filter(m -> m.sessionId.equals(sid)
                                && "client".equals(m.role)
                                && m.kind.equals("anxiety_episode")
                                && Math.abs(m.startS - start) <= tolerance)
                        .count();
                assertEquals(1, found, sid + " planted episode at " + start + " s; moments: " + batch.moments());
            }
        }
        long clientMoments = batch.momentRows().stream()
                .filter(m -> "client".equals(m.role) && m.kind.equals("anxiety_episode"))
                .count();
        assertEquals(plantedCount, clientMoments, "client moments beyond the planted episodes: " + batch.moments());
    }

    @Test
    void shouldReportNothingDuringContactLossWhenEdaSensorIsOff() {
        int stretches = 0;
        for (JsonNode s : planted.get("sessions")) {
            String sid = s.get("session_id").asText();
            for (JsonNode c : s.get("contact_loss")) {
                stretches++;
                double from = c.get("start_s").asDouble();
                double to = c.get("end_s").asDouble();
                List<MomentRow> overlapping = batch.momentRows().stream()
                        .filter(m -> m.sessionId.equals(sid) && m.startS < to && m.endS > from)
                        .toList();
                assertTrue(overlapping.isEmpty(), "moments during contact loss: " + overlapping);
            }
        }
        assertTrue(stretches > 0);
    }

    @Test
    void shouldGiveTheSameRowsWhenRunInBatchAndStreamingMode() {
        assertEquals(planted.get("sessions").size(), batch.sessions().size());
        assertTrue(batch.windows().size() > 1000, "windows: " + batch.windows().size());
        assertSameRows("windows", batch.windows(), streaming.windows());
        assertSameRows("moments", batch.moments(), streaming.moments());
        assertSameRows("sessions", batch.sessions(), streaming.sessions());
        assertTrue(batch.events().stream().anyMatch(e -> e.startsWith("scr ")), "SCRs detected");
        assertTrue(
                batch.events().stream().anyMatch(e -> e.startsWith("beat ") && e.contains(" bvp ")),
                "BVP beats detected");
        assertTrue(
                batch.events().stream().anyMatch(e -> e.startsWith("artifact ") && e.contains("eda_contact_loss")),
                "the planted contact loss is masked");
        assertTrue(batch.events().stream().anyMatch(e -> e.startsWith("rupture ")), "ruptures detected");
        assertTrue(batch.events().stream().anyMatch(e -> e.startsWith("sync ")), "synchrony windows computed");
        assertSameRows("scr, beats, artifacts, ruptures, segments, synchrony", batch.events(), streaming.events());
    }

    private static void assertSameRows(String table, List<String> batchRows, List<String> streamingRows) {
        List<String> onlyBatch = new ArrayList<>(batchRows);
        onlyBatch.removeAll(streamingRows);
        List<String> onlyStreaming = new ArrayList<>(streamingRows);
        onlyStreaming.removeAll(batchRows);
        assertTrue(
                onlyBatch.isEmpty() && onlyStreaming.isEmpty() && batchRows.size() == streamingRows.size(),
                table + ": " + batchRows.size() + " batch rows, " + streamingRows.size()
                        + " streaming rows; only in batch "
                        + onlyBatch.subList(0, Math.min(5, onlyBatch.size())) + "; only in streaming "
                        + onlyStreaming.subList(0, Math.min(5, onlyStreaming.size())));
    }
}
