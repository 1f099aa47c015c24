package org.sessionreview.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * Every block the assembler emits carries the Kafka timestamp of the message that completed it
 * ({@link SampleBlock#arrivalMillis}), worked out here independently of the assembler: for a full
 * regular block, the message holding its last sample; for an IBI span, the first message whose
 * stretch reaches the span's end; for what only the session's end completes (a partial last
 * block, the end markers, the final metadata), the {@code session_end} message or the silence
 * timer's time.
 */
class LiveAssemblerArrivalTest {
    private static final FeatureConfig FEATURES = FeatureConfig.defaults();
    private static final long FIRST_ARRIVAL = 1_800_000_000_000L;
    private final LiveAssembler assembler = new LiveAssembler(FEATURES.blockMillis(), 24, 60);

    /** A session of {@code seconds} s in 1 s messages, each stamped 10 ms after the one before. */
    private static List<LiveMessage> stamped(int seconds, boolean withEnd) {
        E4Recording rec = LiveAssemblerTest.recording(seconds, 7);
        List<LiveMessage> in = new ArrayList<>();
        in.add(LiveAssemblerTest.start(null));
        in.addAll(LiveAssemblerTest.messages(rec, "client", 1.0));
        if (withEnd) {
            in.add(LiveAssemblerTest.message(LiveMessage.SESSION_END));
        }
        for (int i = 0; i < in.size(); i++) {
            in.get(i).offset = i;
            in.get(i).timestampMillis = FIRST_ARRIVAL + 10L * i;
        }
        return in;
    }

    /** The arrival of the message that completes {@code b}; {@code endArrival} when only the end does. */
    private static long completedBy(SampleBlock b, List<LiveMessage> in, long endArrival) {
        for (LiveMessage m : in) {
            if (!LiveMessage.SAMPLES.equals(m.type) || !m.channel.equals(b.channel)) {
                continue;
            }
            if (b.rateHz > 0) {
                int perBlock = (int) Math.round(FEATURES.blockMillis() / 1000.0 * b.rateHz);
                long last = b.firstIndex + b.sampleCount() - 1;
                long n = m.values.length / b.width;
                if (b.sampleCount() == perBlock && m.firstIndex <= last && last < m.firstIndex + n) {
                    return m.timestampMillis;
                }
            } else if (m.startMillis + Math.round(m.spanS * 1000) >= b.startMillis + FEATURES.blockMillis()) {
                return m.timestampMillis;
            }
        }
        return endArrival;
    }

    private LiveAssemblerTest.Collected run(List<LiveMessage> in) {
        LiveAssemblerTest.Collected out = new LiveAssemblerTest.Collected();
        LiveSession s = null;
        for (LiveMessage m : in) {
            s = assembler.accept(s, m, out);
        }
        if (s != null) {
            assembler.finish(s, FIRST_ARRIVAL + 999_999, out);
        }
        return out;
    }

    private static void assertStamped(LiveAssemblerTest.Collected out, List<LiveMessage> in, long endArrival) {
        int byMessage = 0;
        for (SampleBlock b : out.blocks) {
            long expected = b.endOfStream ? endArrival : completedBy(b, in, endArrival);
            assertEquals(expected, b.arrivalMillis, b + " (IBI: " + (b.rateHz == 0) + ")");
            byMessage += expected != endArrival ? 1 : 0;
        }
        assertTrue(byMessage > 10, "most blocks are completed by a samples message: " + byMessage);
        assertTrue(
                out.blocks.stream().anyMatch(b -> b.rateHz == 0 && b.arrivalMillis != endArrival),
                "IBI spans completed by a message");
        SessionInfo first = out.infos.get(0);
        SessionInfo last = out.infos.get(out.infos.size() - 1);
        assertTrue(first.provisional);
        assertEquals(
                in.get(0).timestampMillis, first.arrivalMillis, "the provisional metadata: session_start's arrival");
        assertFalse(last.provisional);
        assertEquals(endArrival, last.arrivalMillis, "the final metadata: the arrival of what ended the session");
        assertTrue(out.rejects.isEmpty(), out.rejects.toString());
    }

    @Test
    void shouldStampEachBlockWithTheArrivalOfTheMessageThatCompletedIt() {
        List<LiveMessage> in = stamped(200, true);
        LiveAssemblerTest.Collected out = run(in);
        assertStamped(out, in, in.get(in.size() - 1).timestampMillis);
    }

    @Test
    void shouldStampTheSessionsLastBlocksWithTheTimeGivenWhenSilenceEndsIt() {
        List<LiveMessage> in = stamped(140, false);
        LiveAssemblerTest.Collected out = run(in);
        assertStamped(out, in, FIRST_ARRIVAL + 999_999);
    }

    @Test
    void shouldLeaveTheStampOutOfABlocksEquality() {
        SampleBlock a = SampleBlock.endMarker("S1", "client", 5);
        SampleBlock b = SampleBlock.endMarker("S1", "client", 5);
        b.arrivalMillis = 42;
        assertEquals(a, b, "blocks compare by content (a review of files has no arrival)");
    }
}
