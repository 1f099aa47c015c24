package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.SessionRow;

/**
 * The two keyed operators on one real sample session, fed in adversarial orders: results must not
 * depend on arrival order, and each operator's keyed state must be empty once its key completes.
 */
class ReviewOperatorsTest {
    private static final PipelineConfig CONFIG = PipelineConfig.defaults();
    private static IngestedSession session;

    @BeforeAll
    static void ingest() {
        session = new SessionIngestor(CONFIG, Pseudonymizer.demo(), null)
                .ingest(Path.of("..", "sample-data").toAbsolutePath().normalize(), "2026-03-19_T02_0900");
        assertTrue(session.info != null && !session.blocks.isEmpty(), "sample session not readable");
    }

    private static List<SampleBlock> clientBlocks() {
        return session.blocks.stream().filter(b -> b.role.equals("client")).toList();
    }

    /** Windows straight from the plain windower, in stream order. */
    private static List<WindowFeatures> directWindows() {
        WearerWindower w = new WearerWindower(
                CONFIG.features(), session.info.sessionId, Role.CLIENT, session.info.mediaStartMillis);
        List<WindowFeatures> out = new ArrayList<>();
        for (SampleBlock b : clientBlocks()) {
            out.addAll(b.endOfStream ? w.finish(b.startMillis) : w.add(b));
        }
        return out;
    }

    @Test
    void shouldEmitEveryWindowAndClearStateWhenEndMarkerArrivesFirst() throws Exception {
        List<SampleBlock> blocks = new ArrayList<>(clientBlocks());
        SampleBlock end = blocks.remove(blocks.size() - 1);
        assertTrue(end.endOfStream);
        blocks.add(0, end); // batch execution may sort the marker ahead of the data
        try (KeyedOneInputStreamOperatorTestHarness<String, SampleBlock, WindowFeatures> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WearerWindowFunction(CONFIG.features()), WearerWindowFunction::key, Types.STRING)) {
            for (SampleBlock b : blocks) {
                h.processElement(new StreamRecord<>(b, b.startMillis));
                if (b != blocks.get(blocks.size() - 1)) {
                    assertTrue(h.numKeyedStateEntries() > 0, "state must live until the stream is complete");
                }
            }
            List<WindowFeatures> out = h.extractOutputValues();
            WindowFeatures last = out.get(out.size() - 1);
            assertTrue(last.endOfStream);
            List<WindowFeatures> windows = out.subList(0, out.size() - 1);
            assertEquals(directWindows().size(), windows.size());
            assertEquals(windows.size(), last.windowCount);
            assertEquals(0, h.numKeyedStateEntries(), "wearer state not cleared at the end of its stream");
        }
    }

    @Test
    void shouldReviewOnceAndClearStateWhenSessionInputsArriveInAnyOrder() throws Exception {
        List<WindowFeatures> windows = directWindows();
        WindowFeatures end = new WindowFeatures();
        end.sessionId = session.info.sessionId;
        end.role = "client";
        end.endOfStream = true;
        end.windowCount = windows.size();
        List<SessionEvent> events = new ArrayList<>();
        windows.forEach(w -> events.add(SessionEvent.of(w)));
        session.annotations.forEach(a -> events.add(SessionEvent.of(a)));
        Collections.shuffle(events, new Random(7));
        events.add(0, SessionEvent.of(end)); // the end record first, the metadata last
        // only the client wore a sensor in this session
        assertEquals(List.of("client"), session.info.wearers);
        events.add(SessionEvent.of(session.info));
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionReviewFunction(
                                CONFIG.scoring(),
                                org.sessionreview.scoring.BaselineProvider.CALIBRATION,
                                CONFIG.synchrony(),
                                CONFIG.rupture()),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING)) {
            for (int i = 0; i < events.size(); i++) {
                h.processElement(new StreamRecord<>(events.get(i), 0L));
                if (i < events.size() - 1) {
                    assertTrue(h.extractOutputValues().isEmpty(), "reviewed before the session was complete");
                }
            }
            List<SessionRow> rows = h.extractOutputValues();
            assertEquals(1, rows.size());
            assertEquals(session.info.sessionId, rows.get(0).sessionId);
            assertEquals(
                    windows.size(),
                    h.getSideOutput(SessionReviewFunction.WINDOWS).size());
            assertEquals(0, h.numKeyedStateEntries(), "session state not cleared after its review");
        }
    }

    private static SampleBlock broken(SampleBlock b) {
        SampleBlock c = new SampleBlock();
        c.sessionId = b.sessionId;
        c.role = b.role;
        c.channel = b.channel;
        c.startMillis = b.startMillis;
        c.mediaStartMillis = b.mediaStartMillis;
        c.rateHz = b.rateHz;
        c.width = b.width;
        c.values = null; // what no validated input gives: the windower fails on it
        c.firstIndex = b.firstIndex;
        return c;
    }

    /** A copy of {@code b} stamped as if the message completing it had arrived at {@code arrivalMillis}. */
    private static SampleBlock arrivedAt(SampleBlock b, long arrivalMillis) {
        SampleBlock c = broken(b);
        c.values = b.values;
        c.offsetsS = b.offsetsS;
        c.endOfStream = b.endOfStream;
        c.streamBlockCount = b.streamBlockCount;
        c.arrivalMillis = arrivalMillis;
        return c;
    }

    @Test
    void shouldStampEachWindowWithTheArrivalOfTheBlockThatCompletedIt() throws Exception {
        List<SampleBlock> blocks = clientBlocks();
        try (KeyedOneInputStreamOperatorTestHarness<String, SampleBlock, WindowFeatures> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WearerWindowFunction(CONFIG.features()), WearerWindowFunction::key, Types.STRING)) {
            int seen = 0;
            int blocksWithWindows = 0;
            for (int i = 0; i < blocks.size(); i++) {
                long arrival = 1_000_000L + i;
                h.processElement(new StreamRecord<>(arrivedAt(blocks.get(i), arrival), blocks.get(i).startMillis));
                List<WindowFeatures> out = h.extractOutputValues();
                for (WindowFeatures w : out.subList(seen, out.size())) {
                    assertEquals(arrival, w.arrivalMillis, w + " emitted on block " + i);
                }
                blocksWithWindows += out.size() > seen ? 1 : 0;
                seen = out.size();
            }
            List<WindowFeatures> out = h.extractOutputValues();
            assertTrue(out.get(out.size() - 1).endOfStream);
            assertEquals(
                    1_000_000L + blocks.size() - 1,
                    out.get(out.size() - 1).arrivalMillis,
                    "the end record: the end marker's");
            assertTrue(blocksWithWindows > 10, "windows come out as blocks complete them: " + blocksWithWindows);
        }
    }

    @Test
    void shouldRejectTheWearerAndClearStateWhenItsProcessingFails() throws Exception {
        List<SampleBlock> blocks = new ArrayList<>(clientBlocks());
        int brokenAt = blocks.size() / 2;
        blocks.set(brokenAt, broken(blocks.get(brokenAt)));
        try (KeyedOneInputStreamOperatorTestHarness<String, SampleBlock, WindowFeatures> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WearerWindowFunction(CONFIG.features()), WearerWindowFunction::key, Types.STRING)) {
            for (SampleBlock b : blocks) {
                h.processElement(new StreamRecord<>(b, b.startMillis));
            }
            List<WindowFeatures> out = h.extractOutputValues();
            List<WindowFeatures> ends = out.stream().filter(w -> w.endOfStream).toList();
            assertEquals(1, ends.size(), "exactly one end record, marked failed");
            assertTrue(ends.get(0).failed);
            assertEquals(
                    out.size() - 1,
                    ends.get(0).windowCount,
                    "the end record counts the windows emitted before the failure");
            assertTrue(out.size() - 1 < directWindows().size(), "no windows after the failure");
            var rejects = h.getSideOutput(WearerWindowFunction.REJECTS);
            assertEquals(1, rejects.size());
            String reason = rejects.iterator().next().getValue().reason;
            assertTrue(reason.contains("client") && reason.contains("NullPointerException"), reason);
            assertEquals(0, h.numKeyedStateEntries(), "state of a failed wearer not cleared at the end of its stream");
        }
    }

    private static List<SessionEvent> sessionEvents(List<WindowFeatures> windows, boolean failed) {
        WindowFeatures end = new WindowFeatures();
        end.sessionId = session.info.sessionId;
        end.role = "client";
        end.endOfStream = true;
        end.failed = failed;
        end.windowCount = windows.size();
        List<SessionEvent> events = new ArrayList<>();
        windows.forEach(w -> events.add(SessionEvent.of(w)));
        session.annotations.forEach(a -> events.add(SessionEvent.of(a)));
        events.add(SessionEvent.of(end));
        events.add(SessionEvent.of(session.info));
        return events;
    }

    @Test
    void shouldReviewWithoutTheWearerWhenItsStreamFailed() throws Exception {
        List<WindowFeatures> windows = directWindows().subList(0, 20);
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionReviewFunction(
                                CONFIG.scoring(),
                                org.sessionreview.scoring.BaselineProvider.CALIBRATION,
                                CONFIG.synchrony(),
                                CONFIG.rupture()),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING)) {
            for (SessionEvent e : sessionEvents(windows, true)) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            List<SessionRow> rows = h.extractOutputValues();
            assertEquals(1, rows.size(), "the session is still reviewed");
            assertTrue(
                    rows.get(0).missingChannels.contains("client:EDA"),
                    rows.get(0).missingChannels.toString());
            assertEquals(
                    null, h.getSideOutput(SessionReviewFunction.WINDOWS), "no windows of the failed wearer are scored");
            assertEquals(List.of("client"), session.info.wearers, "the state's session info is not modified");
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void shouldRejectTheSessionAndEmitNothingElseWhenScoringFails() throws Exception {
        org.sessionreview.scoring.BaselineProvider failing = (info, role, ws, as, cfg) -> {
            throw new IllegalStateException("a bug");
        };
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionReviewFunction(CONFIG.scoring(), failing, CONFIG.synchrony(), CONFIG.rupture()),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING)) {
            for (SessionEvent e : sessionEvents(directWindows(), false)) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            assertTrue(h.extractOutputValues().isEmpty());
            assertEquals(null, h.getSideOutput(SessionReviewFunction.WINDOWS), "nothing but the reject is emitted");
            assertEquals(null, h.getSideOutput(SessionReviewFunction.MOMENTS));
            var rejects = h.getSideOutput(SessionReviewFunction.REJECTS);
            assertEquals(1, rejects.size());
            String reason = rejects.iterator().next().getValue().reason;
            assertTrue(reason.contains("IllegalStateException") && !reason.contains("a bug"), reason);
            assertEquals(0, h.numKeyedStateEntries(), "state not cleared after a failed review");
        }
    }
}
