package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.SampleBlock;

/**
 * Twenty synthetic minutes with no sample in any channel over 600-900 s (a restarted wristband):
 * the stretch is one {@code no_data} row of the whole band, however the blocks arrive.
 */
class WearerWindowerNoDataTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final long T0 = SyntheticWearer.T0;
    private static final double GAP_FROM_S = 600;
    private static final double GAP_TO_S = 900;

    private static SyntheticWearer withGap(double toS) {
        return new SyntheticWearer().duration(1200).pulseWave().gap(GAP_FROM_S, toS);
    }

    @Test
    void shouldReportOneNoDataRowOfTheWholeBandWhenEveryChannelIsSilentForFiveMinutes() {
        WindowerRuns.Drained run = WindowerRuns.drained(WindowerRuns.blocks(withGap(GAP_TO_S)));
        assertEquals(List.of("E4 " + GAP_FROM_S + ".." + GAP_TO_S), run.rows("no_data"));
        // the windows there are still computed, with no data (the heart rate's trailing minute
        // reaches back to the beats before the gap, under half of it): the row says why
        long silent = run.windows().stream()
                .filter(w -> w.startS >= GAP_FROM_S && w.endS <= GAP_TO_S)
                .peek(w -> assertEquals(0.0, w.edaQuality + w.accQuality + w.tempQuality, "at " + w.startS))
                .peek(w -> assertNull(w.hrBpm, "at " + w.startS))
                .count();
        assertEquals((long) ((GAP_TO_S - GAP_FROM_S - CONFIG.windowSeconds()) / CONFIG.hopSeconds()) + 1, silent);
    }

    @Test
    void shouldReportTheSameRowWhenTheSilentBlocksAreMissingFromTheStream() {
        // a live stream that fell silent: no blocks at all, only empty IBI ones, between 600 and 900 s
        List<SampleBlock> blocks = new ArrayList<>(WindowerRuns.blocks(withGap(GAP_TO_S)));
        long before = blocks.size();
        blocks.removeIf(b -> !b.endOfStream
                && !"IBI".equals(b.channel)
                && b.startMillis >= T0 + GAP_FROM_S * 1000
                && b.startMillis < T0 + GAP_TO_S * 1000);
        assertTrue(blocks.size() < before);
        blocks.get(blocks.size() - 1).streamBlockCount = blocks.size() - 1;
        assertEquals(
                List.of("E4 " + GAP_FROM_S + ".." + GAP_TO_S),
                WindowerRuns.drained(blocks).rows("no_data"));
    }

    @Test
    void shouldLeaveAGapShorterThanAWindowToTheChannelsWhenItLasts25Seconds() {
        assertEquals(
                List.of(),
                WindowerRuns.drained(WindowerRuns.blocks(withGap(GAP_FROM_S + 25)))
                        .rows("no_data"));
    }

    @Test
    void shouldGiveTheSameRowsWhenChannelsInterleaveDifferently() {
        List<SampleBlock> live = WindowerRuns.live(WindowerRuns.blocks(withGap(GAP_TO_S)));
        List<SampleBlock> shuffled = WindowerRuns.shuffled(live, 30_000, 11);
        assertNotEquals(live, shuffled);
        WindowerRuns.Drained a = WindowerRuns.drained(live);
        WindowerRuns.Drained b = WindowerRuns.drained(shuffled);
        WindowerRuns.Drained c = WindowerRuns.drained(WindowerRuns.reversedChannels(live));
        WindowerRuns.assertSameWindows(a.windows(), b.windows());
        WindowerRuns.assertSameWindows(a.windows(), c.windows());
        for (String kind : List.of("no_data", "ibi_gap")) {
            assertEquals(a.rows(kind), b.rows(kind), kind);
            assertEquals(a.rows(kind), c.rows(kind), kind);
        }
    }
}
