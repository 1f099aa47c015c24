package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionreview.operators.StageClock;

class TimedBulkWriterTest {
    /** Records what reaches the real writer: rows as numbers, flush and finish as -1 and -2. */
    private static final class Recording implements BulkWriter<Integer> {
        final List<Integer> seen = new ArrayList<>();

        @Override
        public void addElement(Integer element) {
            seen.add(element);
        }

        @Override
        public void flush() {
            seen.add(-1);
        }

        @Override
        public void finish() {
            seen.add(-2);
        }
    }

    @AfterEach
    void clockOff() {
        StageClock.stop();
    }

    private static List<Integer> write(boolean clockOn) throws IOException {
        if (clockOn) {
            StageClock.start();
        } else {
            StageClock.stop();
        }
        Recording rec = new Recording();
        BulkWriter<Integer> w = TimedBulkWriter.factory(out -> rec).create(null);
        for (int i = 0; i < 1000; i++) {
            w.addElement(i);
            if (i == 700) {
                w.flush();
            }
            if (i == 900) {
                StageClock.stop(); // bench stops the clock while rows may still be buffered
            }
        }
        w.finish();
        return rec.seen;
    }

    @Test
    void shouldHandTheWriterTheSameRowsInOrderWhenTheClockBatchesThem() throws IOException {
        List<Integer> direct = write(false);
        List<Integer> batched = write(true);
        assertEquals(direct, batched);
        assertEquals(1002, direct.size());
        assertEquals(-1, direct.get(701));
        assertEquals(-2, direct.get(1001));
    }
}
