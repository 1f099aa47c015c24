package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

/**
 * {@link ElgendiPeaks#find} against the code it replaced ({@link ElgendiPeaksReference}): the
 * same peaks, index for index, on cleaned synthetic pulse waves (with and without motion), with
 * the whole-input and the local threshold offsets, and on short and empty inputs.
 */
class ElgendiPeaksReferenceTest {
    private static final double RATE_HZ = 64;

    @Test
    void shouldFindTheSamePeaksAsTheReference() {
        ElgendiPeaks.Config[] configs = {
            ElgendiPeaks.Config.NEUROKIT2, ElgendiPeaks.Config.NEUROKIT2.withOffsetWindowS(8)
        };
        int peaks = 0;
        for (int seed = 0; seed < 12; seed++) {
            SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 150, 0.6 + 0.05 * seed, 0.05, seed);
            if (seed % 3 == 1) {
                pulse = pulse.withMotion(40, 55, seed);
            }
            double[] clean = PpgClean.clean(pulse.samples, RATE_HZ);
            for (ElgendiPeaks.Config config : configs) {
                int[] expected = ElgendiPeaksReference.find(clean, RATE_HZ, config);
                assertArrayEquals(expected, ElgendiPeaks.find(clean, RATE_HZ, config), "seed " + seed);
                peaks += expected.length;
            }
        }
        for (int n = 0; n < 5; n++) {
            double[] tiny = new double[n];
            for (int i = 0; i < n; i++) {
                tiny[i] = i % 2;
            }
            assertArrayEquals(
                    ElgendiPeaksReference.find(tiny, RATE_HZ, ElgendiPeaks.Config.NEUROKIT2),
                    ElgendiPeaks.find(tiny, RATE_HZ, ElgendiPeaks.Config.NEUROKIT2),
                    "n " + n);
        }
        assertTrue(peaks > 2000, "peaks " + peaks);
    }

    @Test
    void shouldFindTheSamePeaksAsTheReferenceWhenRunOverRealBvpInBeatCoreSizedPieces() throws IOException {
        // the moving averages run one sample at a time since issue 10 (2026-12-04): the reference keeps their arrays
        int peaks = 0;
        for (String name : new String[] {"msr2023", "stress-predict-S06"}) {
            double[] bvp = E4Reader.read(SharedData.resolve("e4/" + name), name)
                    .channel(Channel.BVP)
                    .orElseThrow()
                    .values();
            for (int from = 0; from + 22 < bvp.length; from += 3840) {
                double[] clean =
                        PpgClean.clean(Arrays.copyOfRange(bvp, from, Math.min(bvp.length, from + 8448)), RATE_HZ);
                ElgendiPeaks.Config config = ElgendiPeaks.Config.NEUROKIT2.withOffsetWindowS(8);
                int[] expected = ElgendiPeaksReference.find(clean, RATE_HZ, config);
                assertArrayEquals(expected, ElgendiPeaks.find(clean, RATE_HZ, config), name + " from " + from);
                assertArrayEquals(
                        ElgendiPeaksReference.find(clean, RATE_HZ, ElgendiPeaks.Config.NEUROKIT2),
                        ElgendiPeaks.find(clean, RATE_HZ, ElgendiPeaks.Config.NEUROKIT2),
                        name + " from " + from);
                peaks += expected.length;
            }
        }
        assertTrue(peaks > 10_000, "peaks " + peaks);
    }
}
