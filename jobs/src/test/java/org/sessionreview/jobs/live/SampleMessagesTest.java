package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;

/** Blocks cut into messages of about a second: every sample once, with the indexes and times of the contract. */
class SampleMessagesTest {
    private static final String SESSION = "T01-20260302-1000";
    /** Not a whole second: start times must come from the stream's origin, not from rounding. */
    private static final long START = 1_772_441_953_370L;

    @Test
    void shouldSendEverySampleOnceWithItsIndexAndTimeWhenRegularBlocksAreCut() {
        Random rng = new Random(11);
        for (Channel c : List.of(Channel.EDA, Channel.BVP, Channel.ACC, Channel.TEMP, Channel.HR)) {
            E4Channel data = SyntheticSessions.regular(c, START, 95.75, rng); // 3 whole blocks and a part
            List<SampleBlock> blocks = split(data, SyntheticSessions.FEATURES, 0);
            assertEquals(4, blocks.size(), c.name());
            long streamStart = blocks.get(0).startMillis;
            assertEquals(START, streamStart);
            int perMessage = (int) Math.round(data.rateHz());
            List<Double> sent = new ArrayList<>();
            long expectedIndex = 0;
            long previousDue = Long.MIN_VALUE;
            for (SampleBlock b : blocks) {
                List<DueMessage> messages = SampleMessages.regular(SESSION, b, streamStart);
                assertEquals(
                        (b.sampleCount() + perMessage - 1) / perMessage, messages.size(), c + " messages per block");
                for (DueMessage d : messages) {
                    LiveMessage m = d.message();
                    int n = m.values.length / c.width();
                    assertEquals(expectedIndex, m.firstIndex, c + " first_index");
                    assertTrue(
                            n == perMessage || m.firstIndex + n == b.firstIndex + b.sampleCount(),
                            "only a block's last run is short");
                    assertEquals(
                            START + Math.round(expectedIndex * 1000.0 / data.rateHz()), m.startMillis, c + " start_ms");
                    assertEquals(
                            START + Math.round((expectedIndex + n) * 1000.0 / data.rateHz()),
                            d.dueMillis(),
                            c + " due");
                    assertTrue(d.dueMillis() > previousDue);
                    assertEquals(streamStart, m.streamStartMillis);
                    assertEquals(data.rateHz(), m.rateHz);
                    assertEquals(Role.CLIENT.id(), m.wearer);
                    assertEquals(c.name(), m.channel);
                    for (double v : m.values) {
                        sent.add(v);
                    }
                    assertSameAfterJson(m);
                    expectedIndex += n;
                    previousDue = d.dueMillis();
                }
            }
            assertEquals(data.sampleCount(), expectedIndex, c + " samples sent");
            assertArrayEquals(
                    data.values(),
                    sent.stream().mapToDouble(Double::doubleValue).toArray(),
                    0.0,
                    c + " values");
        }
    }

    @Test
    void shouldCutEveryIbiBlockIntoOneSecondStretchesHoldingEachBeatOnce() {
        E4Channel data = SyntheticSessions.ibi(START, 200, new Random(5));
        long until = START + 215_000; // the recording goes on after the last beat: empty blocks follow
        List<SampleBlock> blocks = split(data, SyntheticSessions.FEATURES, until);
        assertEquals(8, blocks.size());
        List<Double> offsets = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        int empty = 0;
        for (SampleBlock b : blocks) {
            long k = (b.startMillis - START) / SyntheticSessions.BLOCK_MILLIS;
            List<DueMessage> messages = SampleMessages.ibi(SESSION, b, START, SyntheticSessions.BLOCK_MILLIS);
            assertEquals(30, messages.size());
            for (int j = 0; j < messages.size(); j++) {
                LiveMessage m = messages.get(j).message();
                assertEquals(
                        START + k * 30_000 + j * 1000L, m.startMillis, "start_ms of stretch " + j + " of block " + k);
                assertEquals(1.0, m.spanS);
                assertEquals(m.startMillis + 1000, messages.get(j).dueMillis());
                assertEquals(START, m.streamStartMillis);
                assertEquals(0.0, m.rateHz);
                assertEquals(offsets.size(), m.firstIndex, "first_index: the stretch's first beat, or the next one");
                for (int i = 0; i < m.offsetsS.length; i++) {
                    double rel = (m.offsetsS[i] * 1000.0 - k * 30_000) / 1000.0;
                    assertTrue(rel >= j && rel < j + 1, "beat in its stretch");
                    offsets.add(m.offsetsS[i]);
                    intervals.add(m.values[i]);
                }
                empty += m.offsetsS.length == 0 ? 1 : 0;
                assertSameAfterJson(m);
            }
        }
        assertTrue(empty > 40, "the gaps and the tail give empty stretches: " + empty);
        double[] sent = offsets.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(data.sampleCount(), sent.length);
        assertArrayEquals(
                data.values(),
                intervals.stream().mapToDouble(Double::doubleValue).toArray(),
                0.0);
        // what a live consumer rebuilds is what the batch review reads
        List<SampleBlock> again = split(E4Channel.ibi(START, sent, data.values()), SyntheticSessions.FEATURES, until);
        assertEquals(blocks, again);
    }

    @Test
    void shouldEndTheLastStretchAtTheBlockEndWhenBlocksAreNotWholeSeconds() {
        FeatureConfig features = PipelineConfig.builder()
                .setText("features.block_s", "2.5")
                .build()
                .features();
        E4Channel data = SyntheticSessions.ibi(START, 60, new Random(9));
        List<SampleBlock> blocks = split(data, features, 0);
        int beats = 0;
        for (SampleBlock b : blocks) {
            List<DueMessage> messages = SampleMessages.ibi(SESSION, b, START, 2500);
            assertEquals(
                    List.of(1.0, 1.0, 0.5),
                    messages.stream().map(d -> d.message().spanS).toList());
            assertEquals(b.startMillis + 2500, messages.get(2).dueMillis(), "the last stretch ends with the block");
            for (DueMessage d : messages) {
                beats += d.message().offsetsS.length;
                assertSameAfterJson(d.message());
            }
        }
        assertEquals(data.sampleCount(), beats);
    }

    @Test
    void shouldRefuseAnIbiBlockOffTheBlockGrid() {
        SampleBlock b = split(SyntheticSessions.ibi(START, 60, new Random(1)), SyntheticSessions.FEATURES, 0)
                .get(1);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> SampleMessages.ibi(SESSION, b, START + 250, SyntheticSessions.BLOCK_MILLIS));
        assertTrue(e.getMessage().contains(SESSION) && e.getMessage().contains("client"), e.getMessage());
    }

    private static List<SampleBlock> split(E4Channel data, FeatureConfig features, long untilMillis) {
        return new BlockSplitter(features).split(data, SESSION, Role.CLIENT, START + 47_000, untilMillis);
    }

    /** The message survives LiveJson (written, parsed back with the session id as key) unchanged. */
    static void assertSameAfterJson(LiveMessage m) {
        LiveMessage back = LiveJson.parse(m.sessionId.getBytes(StandardCharsets.UTF_8), LiveJson.write(m));
        assertNull(back.problem, () -> back.problem + " in " + m);
        assertEquals(m.type, back.type);
        assertEquals(m.sessionId, back.sessionId);
        if (LiveMessage.SAMPLES.equals(m.type)) {
            assertEquals(m.wearer, back.wearer);
            assertEquals(m.channel, back.channel);
            assertEquals(m.streamStartMillis, back.streamStartMillis);
            assertEquals(m.startMillis, back.startMillis);
            assertEquals(m.firstIndex, back.firstIndex);
            assertEquals(m.rateHz, back.rateHz);
            assertEquals(m.spanS, back.spanS);
            assertArrayEquals(m.values, back.values, 0.0);
            assertArrayEquals(m.offsetsS, back.offsetsS, 0.0);
        }
    }
}
