package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.testing.SharedData;

class BlockSplitterTest {
    private static final long MEDIA_START = 1_680_686_600_000L;
    private static E4Recording recording;
    private static List<SampleBlock> blocks;

    @BeforeAll
    static void read() throws IOException {
        recording = E4Reader.read(SharedData.resolve("e4/msr2023"), "msr");
        blocks = new BlockSplitter(FeatureConfig.defaults()).split(recording, Role.CLIENT, MEDIA_START);
    }

    private static List<SampleBlock> of(Channel c) {
        return blocks.stream().filter(b -> b.channel.equals(c.name())).toList();
    }

    @Test
    void shouldCutThirtySecondBlocksWhenSplittingRegularChannels() {
        Map<Channel, Integer> perBlock =
                Map.of(Channel.EDA, 120, Channel.BVP, 1920, Channel.ACC, 960, Channel.TEMP, 120, Channel.HR, 30);
        perBlock.forEach((channel, n) -> {
            E4Channel data = recording.channel(channel).orElseThrow();
            List<SampleBlock> list = of(channel);
            assertEquals((data.sampleCount() + n - 1) / n, list.size(), channel + " block count");
            for (int k = 0; k < list.size(); k++) {
                SampleBlock b = list.get(k);
                int expected = Math.min(n, data.sampleCount() - k * n);
                assertEquals(expected, b.sampleCount(), channel + " block " + k);
                assertEquals(expected * channel.width(), b.values.length);
                assertEquals(data.startMillis() + 30_000L * k, b.startMillis, channel + " start " + k);
                assertEquals((long) k * n, b.firstIndex);
                assertEquals(data.rateHz(), b.rateHz);
                assertEquals(channel.width(), b.width);
                assertEquals(MEDIA_START, b.mediaStartMillis);
                assertEquals("msr", b.sessionId);
                assertEquals("client", b.role);
                assertEquals(data.sampleMillis(k * n), b.sampleMillis(0), 1e-6);
            }
            double[] joined =
                    list.stream().flatMapToDouble(b -> Arrays.stream(b.values)).toArray();
            assertArrayEquals(data.values(), joined, channel + " values survive splitting");
        });
    }

    @Test
    void shouldPutEachBeatInTheBlockWhoseSpanHoldsItWhenSplittingIbi() {
        E4Channel ibi = recording.channel(Channel.IBI).orElseThrow();
        List<SampleBlock> list = of(Channel.IBI);
        int beat = 0;
        for (int k = 0; k < list.size(); k++) {
            SampleBlock b = list.get(k);
            assertEquals(ibi.startMillis() + 30_000L * k, b.startMillis, "IBI spans are contiguous");
            assertEquals(0.0, b.rateHz);
            assertEquals(beat, b.firstIndex);
            for (int i = 0; i < b.sampleCount(); i++, beat++) {
                assertEquals(ibi.sampleMillis(beat), b.sampleMillis(i), 1e-6, "beat " + beat);
                assertEquals(ibi.value(beat, 0), b.values[i]);
                assertTrue(b.offsetsS[i] >= 0 && b.offsetsS[i] < 30.0, "offset inside the span");
            }
        }
        assertEquals(ibi.sampleCount(), beat, "every beat exactly once");
        SampleBlock last = list.get(list.size() - 1);
        assertTrue(
                last.startMillis < recording.endMillis() && last.startMillis + 30_000 >= recording.endMillis(),
                "empty IBI blocks continue to the end of the recording");
        long empty = list.stream().filter(b -> b.sampleCount() == 0).count();
        assertTrue(empty > 0, "msr2023 has long beat gaps, so some spans are empty");
    }

    @Test
    void shouldOrderByStartThenChannelAndEndWithAMarkerWhenStreaming() {
        List<SampleBlock> stream =
                new BlockSplitter(FeatureConfig.defaults()).stream(recording, Role.CLIENT, MEDIA_START);
        assertEquals(blocks.size() + 1, stream.size());
        for (int i = 1; i < stream.size() - 1; i++) {
            SampleBlock a = stream.get(i - 1);
            SampleBlock b = stream.get(i);
            assertTrue(
                    a.startMillis < b.startMillis
                            || a.startMillis == b.startMillis
                                    && Channel.valueOf(a.channel).ordinal()
                                            < Channel.valueOf(b.channel).ordinal(),
                    a + " before " + b);
        }
        SampleBlock end = stream.get(stream.size() - 1);
        assertTrue(end.endOfStream);
        assertEquals(recording.endMillis(), end.startMillis);
        assertEquals(MEDIA_START, end.mediaStartMillis);
        long t0 = recording.channel(Channel.EDA).orElseThrow().startMillis();
        assertEquals(
                List.of("EDA@0", "BVP@0", "ACC@0", "TEMP@0", "IBI@0", "HR@10000"),
                stream.subList(0, 6).stream()
                        .map(b -> b.channel + "@" + (b.startMillis - t0))
                        .toList(),
                "one block per channel at t0 in channel order; HR.csv starts 10 s later");
    }
}
