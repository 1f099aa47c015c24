package org.sessionreview.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.scoring.rupture.RuptureEpisodes;

/**
 * The rupture-repair rules (DOMAIN.md section 3) on hand-built coded sessions, run through the
 * review topology in batch and in streaming execution: every outcome, merging and a mixed W/C
 * case give the expected rows, the same in both modes and the same as the plain-Java rules.
 */
class RuptureTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final double DURATION_S = 1200;

    private static Annotation a(String session, String code, String actor, double t, Integer significance, int line) {
        Annotation x = new Annotation();
        x.sessionId = session;
        x.code = code;
        x.family = code.substring(0, code.indexOf('_'));
        x.actor = actor;
        x.startS = t;
        x.endS = t + 5;
        x.significance = significance;
        x.sourceFile = session + "/codes.jsonl";
        x.sourceLine = line;
        return x;
    }

    /** session -> its coded events, each case named for what it plants. */
    private static Map<String, List<Annotation>> cases() {
        Map<String, List<Annotation>> c = new TreeMap<>();
        c.put(
                "resolved",
                List.of(
                        a("resolved", "RUP_W_MINIMAL", "client", 300, 2, 1),
                        a("resolved", "RES_INVITE_DISCUSS_RELATIONSHIP", "therapist", 330, 2, 2)));
        c.put("unaddressed", List.of(a("unaddressed", "RUP_C_COMPLAINT_THERAPIST", "client", 300, 3, 1)));
        c.put(
                "partial",
                List.of(
                        a("partial", "RUP_W_DENIAL", "client", 300, 2, 1),
                        a("partial", "RES_VALIDATE_DEFENSIVE_POSTURE", "therapist", 320, 2, 2),
                        a("partial", "RUP_W_MINIMAL", "client", 380, 2, 3)));
        c.put(
                "escalated",
                List.of(
                        a("escalated", "RUP_C_REJECTS_INTERVENTION", "client", 300, 2, 1),
                        a("escalated", "RES_RATIONALE", "therapist", 310, 2, 2),
                        a("escalated", "RUP_C_COMPLAINT_THERAPIST", "client", 350, 4, 3)));
        c.put(
                "merged",
                List.of(
                        a("merged", "RUP_W_ABSTRACT", "client", 300, 1, 1),
                        a("merged", "RUP_W_AVOID_STORY", "client", 360, 2, 2)));
        c.put(
                "mixed",
                List.of(
                        a("mixed", "RUP_W_DEFERENTIAL", "client", 300, 2, 1),
                        a("mixed", "RUP_C_CONTROL_PRESSURE", "client", 310, 3, 2),
                        a("mixed", "INT_METACOMMUNICATION", "therapist", 330, 3, 3)));
        return c;
    }

    private static String describe(RuptureRow r) {
        return String.format(
                Locale.ROOT,
                "%s %s %s %.0f-%.0f %s %s %s mixed=%b",
                r.sessionId,
                r.episodeId,
                r.ruptureClass,
                r.startS,
                r.endS,
                r.markers,
                r.outcome,
                r.strategies,
                r.mixed);
    }

    private static List<String> run(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(2);
        List<SessionInfo> infos = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        cases().forEach((id, events) -> {
            SessionInfo i = new SessionInfo();
            i.sessionId = id;
            i.therapistId = "T";
            i.clientKey = "k-" + id;
            i.sessionNumber = 1;
            i.sessionDate = "2026-01-01";
            i.mediaStartMillis = 1_767_225_600_000L;
            i.durationS = DURATION_S;
            i.annotationCount = events.size(); // no wearers: the session completes on its annotations
            infos.add(i);
            annotations.addAll(events);
        });
        SampleBlock dummy = SampleBlock.endMarker("none", "client", 0);
        DataStream<SampleBlock> noBlocks = env.fromData(List.of(dummy), TypeInformation.of(SampleBlock.class))
                .filter(b -> false)
                .name("no-blocks")
                .uid("no-blocks");
        ReviewStreams review = ReviewTopology.build(
                noBlocks,
                env.fromData(infos, TypeInformation.of(SessionInfo.class)),
                env.fromData(annotations, TypeInformation.of(Annotation.class)),
                PipelineConfig.defaults());
        CloseableIterator<RuptureRow> it = review.ruptures().collectAsync();
        env.execute("ruptures-" + mode);
        List<String> rows = new ArrayList<>();
        it.forEachRemaining(r -> rows.add(describe(r)));
        rows.sort(null);
        return rows;
    }

    @Test
    void shouldGiveEveryOutcomeTheSameInBatchAndStreamingWhenCodedSequencesAreReviewed() throws Exception {
        List<String> batch = run(RuntimeExecutionMode.BATCH);
        List<String> streaming = run(RuntimeExecutionMode.STREAMING);
        assertEquals(batch, streaming);

        List<String> plain = new ArrayList<>();
        cases().forEach((id, events) -> RuptureEpisodes.rows(
                        id, RuptureEpisodes.detect(events, DURATION_S, RuptureConfig.defaults()))
                .forEach(r -> plain.add(describe(r))));
        plain.sort(null);
        assertEquals(plain, batch, "the topology applies the same rules as the plain-Java detector");

        assertEquals(
                1,
                batch.stream()
                        .filter(r -> r.startsWith("resolved ") && r.contains(" resolved "))
                        .count(),
                batch.toString());
        assertEquals(
                1,
                batch.stream()
                        .filter(r -> r.startsWith("unaddressed ") && r.contains(" unaddressed "))
                        .count());
        assertEquals(
                1,
                batch.stream()
                        .filter(r -> r.startsWith("partial ") && r.contains(" partially_resolved "))
                        .count());
        assertEquals(
                1,
                batch.stream()
                        .filter(r -> r.startsWith("escalated ") && r.contains(" escalated "))
                        .count());
        assertEquals(
                1,
                batch.stream().filter(r -> r.startsWith("merged ")).count(),
                "markers 60 s apart merge into one episode");
        assertEquals(
                2,
                batch.stream()
                        .filter(r -> r.startsWith("mixed ") && r.endsWith("mixed=true"))
                        .count(),
                "a W and a C episode side by side, both flagged mixed");
    }
}
