package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoubleListTest {

    @Test
    void shouldGiveBackEveryValueInOrderWhenGrownPastSeveralChunks() {
        int chunk = DoubleList.CHUNK;
        for (int initial : new int[] {0, 16, 1000, chunk, 10 * chunk}) {
            for (int n : new int[] {0, 1, 16, 17, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 5}) {
                DoubleList list = new DoubleList(initial);
                double[] want = new double[n];
                for (int i = 0; i < n; i++) {
                    want[i] = i % 7 == 0 ? Double.NaN : i * 0.5 - 3;
                    list.add(want[i]);
                }
                assertEquals(n, list.size(), initial + "/" + n);
                assertArrayEquals(want, list.toArray(), initial + "/" + n);
            }
        }
    }

    @Test
    void shouldKeepItsArraysBelowHalfOfTheSmallestG1RegionWhenChunked() {
        long bytes = 16 + 8L * DoubleList.CHUNK; // array header and elements
        assertTrue(bytes < (1 << 20) / 2, bytes + " bytes per chunk: a humongous object in 1 MiB regions");
    }
}
