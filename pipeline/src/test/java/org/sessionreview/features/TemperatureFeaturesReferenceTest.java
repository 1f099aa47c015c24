package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

/**
 * {@link TemperatureFeatures} against the code it replaced ({@link TemperatureFeaturesReference}):
 * the same quality bit for bit, and a slope due exactly where the reference fit one.
 */
class TemperatureFeaturesReferenceTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final long T0 = 1_700_000_000_000L;

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
        compareSlidingWindows(t, 4, T0);
    }

    @Test
    void shouldGiveTheReferenceResultWhenTheSeriesIsShortOrHoldsFewValidSamples() {
        int slopes = 0;
        int none = 0;
        for (int n = 0; n <= 8; n++) {
            for (int valid = 0; valid <= n; valid++) {
                double[] t = new double[n];
                Arrays.fill(t, Double.NaN);
                for (int i = 0; i < valid; i++) {
                    t[n - 1 - i] = 30 + 0.01 * i; // the valid ones at the end, the rest missing
                }
                for (double rate : new double[] {0.25, 1, 4}) {
                    RegularSeries s = new RegularSeries(T0, rate, 1, t);
                    for (double span : new double[] {1_000, 2_000, 8_000, 30_000}) {
                        TemperatureFeaturesReference.Result ref =
                                TemperatureFeaturesReference.compute(s, T0, T0 + span, CONFIG);
                        assertSame(ref, TemperatureFeatures.compute(s, T0, T0 + span, CONFIG), n + "/" + valid);
                        if (ref.slopeCPerMin() != null) {
                            slopes++;
                        } else {
                            none++;
                        }
                    }
                }
            }
        }
        assertTrue(slopes > 10 && none > 10, slopes + " with a slope, " + none + " without");
    }

    @Test
    void shouldGiveTheReferenceResultAtTheQualityThreshold() {
        // 60 of 120 samples valid: quality 0.5, exactly minQuality; then 59 of them
        double[] t = new double[120];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 2 == 0 ? 33 : 20;
        }
        RegularSeries s = new RegularSeries(T0, 4, 1, t);
        assertSame(
                TemperatureFeaturesReference.compute(s, T0, T0 + 30_000, CONFIG),
                TemperatureFeatures.compute(s, T0, T0 + 30_000, CONFIG),
                "0.5");
        assertTrue(TemperatureFeatures.compute(s, T0, T0 + 30_000, CONFIG).slopeDue());
        t[0] = 20;
        assertSame(
                TemperatureFeaturesReference.compute(s, T0, T0 + 30_000, CONFIG),
                TemperatureFeatures.compute(s, T0, T0 + 30_000, CONFIG),
                "59");
        assertTrue(!TemperatureFeatures.compute(s, T0, T0 + 30_000, CONFIG).slopeDue());
    }

    private static int compareSlidingWindows(double[] values, double rateHz, double t0Millis) {
        int windows = 0;
        double end = t0Millis + values.length * 1000.0 / rateHz;
        for (double s = t0Millis - 7_500; s + 15_000 < end; s += 5_000, windows++) {
            double e = s + CONFIG.windowMillis();
            RegularSeries series = new RegularSeries(t0Millis, rateHz, 1, values);
            assertSame(
                    TemperatureFeaturesReference.compute(series, s, e, CONFIG),
                    TemperatureFeatures.compute(series, s, e, CONFIG),
                    "window at " + s);
        }
        return windows;
    }

    private static void assertSame(TemperatureFeaturesReference.Result ref, TemperatureFeatures.Result r, String what) {
        assertEquals(ref.quality(), r.quality(), what); // bit for bit: JUnit compares doubles by their bits
        assertEquals(ref.slopeCPerMin() != null, r.slopeDue(), what);
    }
}
