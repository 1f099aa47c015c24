package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.sessionreview.live.LiveAssembler;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * The live ingest operator ends a session on its end message or after a silence on the
 * event-time clock, clears its state either way, refuses later messages of an ended session, and
 * forgets the ended id after the retention; its state survives a checkpoint.
 */
class LiveIngestFunctionTest {
    private static final long SILENCE = 60_000;
    private static final long RETENTION = 600_000;
    private static final long T0 = 1_772_442_000_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, LiveMessage, SampleBlock> harness() throws Exception {
        var op = new KeyedProcessOperator<>(
                new LiveIngestFunction(new LiveAssembler(30_000, 24, 60), SILENCE, RETENTION));
        var h = new KeyedOneInputStreamOperatorTestHarness<>(op, LiveIngestFunction::key, Types.STRING);
        h.open();
        return h;
    }

    private static LiveMessage msg(String type, long at) {
        LiveMessage m = new LiveMessage();
        m.type = type;
        m.sessionId = "S1";
        m.topic = "in";
        m.timestampMillis = at;
        return m;
    }

    private static LiveMessage start(long at) {
        LiveMessage m = msg(LiveMessage.SESSION_START, at);
        m.therapistId = "T1";
        m.clientKey = "k";
        m.mediaStart = "2026-03-02T10:00:00+01:00";
        m.wearers = List.of("client");
        return m;
    }

    private static LiveMessage eda(long at, long first) {
        LiveMessage m = msg(LiveMessage.SAMPLES, at);
        m.wearer = "client";
        m.channel = "EDA";
        m.streamStartMillis = T0;
        m.firstIndex = first;
        m.startMillis = T0 + first * 250;
        m.rateHz = 4;
        m.values = new double[] {0.4, 0.4, 0.4, 0.4};
        return m;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, LiveMessage, SampleBlock> h, LiveMessage m)
            throws Exception {
        h.processElement(new StreamRecord<>(m, m.timestampMillis));
    }

    private static List<SessionInfo> infos(KeyedOneInputStreamOperatorTestHarness<String, LiveMessage, SampleBlock> h) {
        List<SessionInfo> out = new ArrayList<>();
        h.getSideOutput(LiveIngestFunction.SESSIONS).forEach(r -> out.add(r.getValue()));
        return out;
    }

    private static List<Reject> rejects(KeyedOneInputStreamOperatorTestHarness<String, LiveMessage, SampleBlock> h) {
        List<Reject> out = new ArrayList<>();
        if (h.getSideOutput(LiveIngestFunction.REJECTS) != null) {
            h.getSideOutput(LiveIngestFunction.REJECTS).forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    @Test
    void shouldCountEveryMessageOnceAsAcceptedOrRefused() throws Exception {
        var h = harness();
        send(h, start(T0));
        send(h, eda(T0 + 1_000, 0));
        send(h, eda(T0 + 2_000, 4));
        send(h, eda(T0 + 3_000, 4)); // a duplicate: refused
        send(h, start(T0 + 4_000)); // a second session_start: refused
        LiveMessage broken = new LiveMessage();
        broken.problem = "not a JSON object";
        broken.topic = "in";
        broken.timestampMillis = T0 + 5_000;
        send(h, broken); // no session id: refused
        var acc = h.getEnvironment().getAccumulatorRegistry().getUserMap();
        long read = (Long) acc.get(LiveIngestFunction.READ).getLocalValue();
        long accepted = (Long) acc.get(LiveIngestFunction.ACCEPTED).getLocalValue();
        long refused = (Long) acc.get(LiveIngestFunction.REFUSED).getLocalValue();
        assertEquals(6, read);
        assertEquals(3, accepted);
        assertEquals(3, refused);
        assertEquals(
                refused,
                h.getSideOutput(LiveIngestFunction.DEAD_LETTERS).size(),
                "one dead letter per refused message");
        h.close();
    }

    @Test
    void shouldRefuseTheMessagesOfASessionIdInAnotherCaseWhileTheFirstRuns() throws Exception {
        try (var h = harness()) {
            send(h, start(T0));
            send(h, eda(T0 + 1_000, 0));
            LiveMessage other = start(T0 + 2_000);
            other.sessionId = "s1"; // before, a second live session beside S1; review rejects its folder
            send(h, other);
            LiveMessage samples = eda(T0 + 3_000, 4);
            samples.sessionId = "s1"; // would have gone into S1's stream
            send(h, samples);
            send(h, eda(T0 + 4_000, 4)); // S1's own: taken
            assertEquals(List.of("S1"), infos(h).stream().map(i -> i.sessionId).toList());
            List<Reject> refused = new ArrayList<>();
            h.getSideOutput(LiveIngestFunction.DEAD_LETTERS).forEach(r -> refused.add(r.getValue()));
            assertEquals(2, refused.size());
            for (Reject r : refused) {
                assertEquals("s1", r.sessionId);
                assertTrue(r.reason.contains("differs only in case"), r.reason);
            }
            assertEquals(
                    "session_start: its session_id differs only in case from that of a running live session (one"
                            + " session in any case, as in review); ignored",
                    refused.get(0).reason);
            var acc = h.getEnvironment().getAccumulatorRegistry().getUserMap();
            assertEquals(3L, acc.get(LiveIngestFunction.ACCEPTED).getLocalValue());
            assertEquals(2L, acc.get(LiveIngestFunction.REFUSED).getLocalValue());
        }
    }

    @Test
    void shouldEndASilentSessionWhenTheWatermarkPassesItsSilenceAndClearItsState() throws Exception {
        try (var h = harness()) {
            long now = 1_800_000_000_000L;
            send(h, start(now));
            for (int i = 0; i < 10; i++) {
                send(h, eda(now + 1000 + i * 1000, i * 4L));
            }
            h.processWatermark(now + 10_000 + SILENCE - 1);
            assertEquals(1, infos(h).size(), "still running one ms before the silence ends");
            assertTrue(h.numKeyedStateEntries() >= 2, "session and timer state while it runs");
            h.processWatermark(now + 10_000 + SILENCE);
            List<SessionInfo> infos = infos(h);
            assertEquals(2, infos.size());
            assertFalse(infos.get(1).provisional, "the final metadata");
            assertEquals(List.of("client"), infos.get(1).wearers);
            assertTrue(
                    rejects(h).stream()
                            .anyMatch(r -> r.reason.startsWith("session ended by silence")
                                    && "kafka:in/0".equals(r.sourceFile)),
                    rejects(h).toString());
            SampleBlock end = h.extractOutputValues().stream()
                    .filter(b -> b.endOfStream)
                    .findFirst()
                    .orElseThrow();
            assertEquals(T0 + 10_000, end.startMillis, "the wearer's stream ends at its last sample");

            send(h, eda(now + 100_000, 40));
            assertTrue(rejects(h).stream().anyMatch(r -> r.reason.contains("the session has already ended")));
            assertEquals(1, h.numKeyedStateEntries(), "only the ended id is remembered");
            h.processWatermark(now + 10_000 + SILENCE + RETENTION);
            assertEquals(0, h.numKeyedStateEntries(), "and forgotten after the retention");
        }
    }

    @Test
    void shouldEndOnItsEndMessageAndSurviveACheckpointBeforeIt() throws Exception {
        OperatorSubtaskState snapshot;
        long now = 1_800_000_000_000L;
        try (var h = harness()) {
            send(h, start(now));
            send(h, eda(now + 1000, 0));
            snapshot = h.snapshot(1, now + 1000);
        }
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new LiveIngestFunction(new LiveAssembler(30_000, 24, 60), SILENCE, RETENTION)),
                LiveIngestFunction::key,
                Types.STRING)) {
            h.initializeState(snapshot);
            h.open();
            send(h, eda(now + 2000, 4));
            send(h, msg(LiveMessage.SESSION_END, now + 3000));
            List<SessionInfo> infos = infos(h);
            assertEquals(1, infos.size(), "the final metadata only (the start was before the checkpoint)");
            assertFalse(infos.get(0).provisional);
            List<SampleBlock> blocks = h.extractOutputValues();
            SampleBlock data =
                    blocks.stream().filter(b -> !b.endOfStream).findFirst().orElseThrow();
            assertEquals(8, data.values.length, "samples from before and after the restore in one block");
            assertTrue(rejects(h).isEmpty(), rejects(h).toString());
            assertEquals(1, h.numKeyedStateEntries(), "only the ended id is remembered");
        }
    }
}
