package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;

/**
 * The 60 s processing cores are laid from media start; moving media start by a whole number of
 * hops moves the cores but not the windows (found by a metamorphic audit: a window's heart rate
 * depended on whether the device beat just after its end was in the same core, since a pulse-wave
 * beat is dropped only when a device beat lies within cardiac.device_cover_s of it).
 */
class WearerWindowerCoreGridTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    private static Map<Long, double[]> cardiac(E4Recording rec, long mediaStartMillis) {
        List<WindowFeatures> ws = WindowerRuns.run(
                new WearerWindower(CONFIG, "S02", Role.CLIENT, mediaStartMillis),
                new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, mediaStartMillis));
        Map<Long, double[]> out = new HashMap<>();
        for (WindowFeatures w : ws) {
            out.put(w.startMillis, new double[] {
                w.hrBpm == null ? Double.NaN : w.hrBpm,
                w.hrvRmssdMs == null ? Double.NaN : w.hrvRmssdMs,
                w.cardiacQuality
            });
        }
        return out;
    }

    @Test
    void shouldGiveEveryWindowTheSameHeartRateWhereverTheCoresFall() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/stress-predict-S02"), "S02");
        Map<Long, double[]> base = cardiac(rec, rec.startMillis());
        int compared = 0;
        for (long shift : new long[] {15_000, 35_000}) {
            Map<Long, double[]> moved = cardiac(rec, rec.startMillis() + shift);
            for (Map.Entry<Long, double[]> e : base.entrySet()) {
                double[] other = moved.get(e.getKey());
                // the first and last windows of the recording differ in how much of them the shifted
                // grid holds; every window both runs emit is compared
                if (other != null) {
                    for (int i = 0; i < other.length; i++) {
                        double a = e.getValue()[i];
                        // beat times are sums from each core's start: equal within rounding
                        assertEquals(
                                a,
                                other[i],
                                Double.isNaN(a) ? 0 : 1e-9 * Math.max(1, Math.abs(a)),
                                "window at " + e.getKey() + ", value " + i + " (hr, rmssd, quality), cores moved "
                                        + shift + " ms");
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "windows compared: " + compared);
    }
}
