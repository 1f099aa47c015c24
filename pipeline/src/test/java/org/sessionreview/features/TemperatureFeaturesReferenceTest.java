package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

/** {@link TemperatureFeatures} against the code it replaced, bit for bit. */
class TemperatureFeaturesReferenceTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void shouldGiveTheReferenceResultBitForBitWhenRunOverRealRecordings() throws IOException {
        int windows = 0;
        for (String name : new String[] {"msr2023", "flirt-truncated", "stress-predict-S02"}) {
            E4Channel temp = E4Reader.read(SharedData.resolve("e4/" + name), name)
                    .channel(Channel.TEMP)
                    .orElseThrow();
            windows += compareSlidingWindows(temp.values(), temp.rateHz(), temp.startMillis());
        }
        assertEquals(true, windows > 1000, windows + " windows");
    }

    @Test
    void shouldGiveTheReferenceResultBitForBitWhenValuesLeaveTheValidRange() {
        Random random = new Random(3);
        double[] t = new double[4 * 900];
        for (int i = 0; i < t.length; i++) {
            // worn, off the wrist (room temperature), gaps and out-of-range spikes
            t[i] = (i / 400) % 3 == 1 ? 22 + random.nextGaussian() : 33 + 0.001 * i + 0.05 * random.nextGaussian();
            if (random.nextInt(50) == 0) {
                t[i] = random.nextBoolean() ? Double.NaN : 45;
            }
        }
        compareSlidingWindows(t, 4, 1_700_000_000_000L);
    }

    private static int compareSlidingWindows(double[] values, double rateHz, double t0Millis) {
        int windows = 0;
        double end = t0Millis + values.length * 1000.0 / rateHz;
        for (double s = t0Millis - 7_500; s + 15_000 < end; s += 5_000, windows++) {
            double e = s + CONFIG.windowMillis();
            RegularSeries series = new RegularSeries(t0Millis, rateHz, 1, values);
            assertEquals(
                    TemperatureFeaturesReference.compute(series, s, e, CONFIG),
                    TemperatureFeatures.compute(series, s, e, CONFIG),
                    "window at " + s);
        }
        return windows;
    }
}
