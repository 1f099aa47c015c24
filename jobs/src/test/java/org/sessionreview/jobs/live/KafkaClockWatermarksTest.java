package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** Live watermarks: record time while records flow; idle, then wall clock, when a partition is quiet. */
class KafkaClockWatermarksTest {
    private static final class Out implements WatermarkOutput {
        final List<Long> marks = new ArrayList<>();
        int idles;

        @Override
        public void emitWatermark(Watermark w) {
            marks.add(w.getTimestamp());
        }

        @Override
        public void markIdle() {
            idles++;
        }

        @Override
        public void markActive() {}
    }

    @Test
    void shouldMarkAnUnreadPartitionIdleBeforeFollowingTheWallClock() {
        long[] now = {1_000_000};
        KafkaClockWatermarks g = new KafkaClockWatermarks(2_000, 10_000, () -> now[0]);
        Out out = new Out();
        now[0] += 9_999;
        g.onPeriodicEmit(out);
        assertEquals(0, out.idles + out.marks.size(), "nothing yet");
        now[0] += 1;
        g.onPeriodicEmit(out);
        g.onPeriodicEmit(out);
        assertEquals(1, out.idles, "idle once after 10 s");
        assertTrue(out.marks.isEmpty(), "a slow first fetch must not move time past the backlog");
        now[0] = 1_000_000 + KafkaClockWatermarks.NEVER_READ_FACTOR * 10_000L;
        g.onPeriodicEmit(out);
        assertEquals(List.of(now[0] - 12_000), out.marks);
    }

    @Test
    void shouldFollowRecordTimesWhileTheyFlowAndTheWallClockWhenQuiet() {
        long[] now = {5_000_000};
        KafkaClockWatermarks g = new KafkaClockWatermarks(2_000, 10_000, () -> now[0]);
        Out out = new Out();
        g.onEvent(null, 100_000, out); // a backlog: record times far behind the wall clock
        g.onPeriodicEmit(out);
        now[0] += 5_000;
        g.onEvent(null, 101_000, out);
        g.onPeriodicEmit(out);
        assertEquals(List.of(98_000L, 99_000L), out.marks, "record time less the bound, however old");
        now[0] += 15_000; // quiet 15 s: 5 s beyond the idle threshold
        g.onPeriodicEmit(out);
        assertEquals(104_000L, out.marks.get(2));
    }
}
