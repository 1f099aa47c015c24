package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;

/** The whole pipeline of this package on real E4 recordings from shared/data/e4. */
class WearerWindowerRealDataTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    private static List<SampleBlock> stream(E4Recording rec) {
        return new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, rec.startMillis());
    }

    private static List<Double> values(List<WindowFeatures> w, Function<WindowFeatures, Double> f) {
        return w.stream().map(f).filter(Objects::nonNull).toList();
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    @Test
    void shouldGivePlausibleFeaturesWhenRunOverTheWholeStressPredictS04Session() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/stress-predict-S04"), "S04");
        List<SampleBlock> blocks = stream(rec);
        long started = System.nanoTime();
        List<WindowFeatures> windows =
                WindowerRuns.run(new WearerWindower(CONFIG, "S04", Role.CLIENT, rec.startMillis()), blocks);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Double> hr = values(windows, w -> w.hrBpm);
        List<Double> rmssd = values(windows, w -> w.hrvRmssdMs);
        List<Double> scl = values(windows, w -> w.edaSclUs);
        List<Double> scr = values(windows, w -> w.edaScrPerMin);
        List<Double> fidget = values(windows, w -> w.fidgetPower);
        List<Double> temp = values(windows, w -> w.tempSlopeCPerMin);
        System.out.printf(
                Locale.ROOT,
                "S04: %d windows in %.2f s; HR %d (mean %.1f bpm), RMSSD %d (mean %.1f ms), "
                        + "SCL %d (mean %.3f uS), SCR %d (mean %.2f /min), fidget %d (mean %.2e g^2), "
                        + "temp slope %d (mean %.3f C/min)%n",
                windows.size(),
                seconds,
                hr.size(),
                mean(hr),
                rmssd.size(),
                mean(rmssd),
                scl.size(),
                mean(scl),
                scr.size(),
                mean(scr),
                fidget.size(),
                mean(fidget),
                temp.size(),
                mean(temp));

        double durationS = (rec.endMillis() - rec.startMillis()) / 1000.0;
        assertEquals(
                Math.floor((durationS - 15) / 5) + 1,
                windows.size(),
                1,
                "one window per 5 s from media start, the last holding >= 15 s");
        hr.forEach(v -> assertTrue(v >= 40 && v <= 150, "HR " + v));
        rmssd.forEach(v -> assertTrue(v >= 5 && v <= 250, "RMSSD " + v));
        scl.forEach(v -> assertTrue(v >= 0.05 && v <= 60, "SCL " + v));
        assertTrue(hr.size() > 0.9 * windows.size(), "HR in most windows (device HR fills IBI gaps)");
        assertTrue(rmssd.size() > 0.2 * windows.size(), "RMSSD where IBIs cover the window: " + rmssd.size());
        assertTrue(scl.size() > 0.9 * windows.size(), "EDA is on the wrist most of the session");
        assertTrue(temp.size() > 0.9 * windows.size());
        windows.forEach(WearerWindowerRealDataTest::assertFeaturesOnlyWithQuality);
    }

    /** A feature is present exactly when its channel passes the quality gate. */
    private static void assertFeaturesOnlyWithQuality(WindowFeatures w) {
        double min = CONFIG.minQuality();
        String at = " at " + w.startS;
        assertEquals(w.edaQuality >= min, w.edaSclUs != null, "EDA" + at);
        assertEquals(w.edaQuality >= min, w.edaScrPerMin != null, "SCR" + at);
        assertEquals(w.cardiacQuality >= min, w.hrBpm != null, "HR" + at);
        assertEquals(w.accQuality >= min, w.motionMagG != null, "ACC" + at);
        assertEquals(w.tempQuality >= min, w.tempSlopeCPerMin != null, "TEMP" + at);
        assertTrue(w.hrvRmssdMs == null || w.hrBpm != null, "RMSSD only with HR" + at);
    }

    @Test
    void shouldGiveIdenticalWindowsWhenRealChannelsInterleaveDifferently() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/msr2023"), "msr");
        List<SampleBlock> live = stream(rec);
        List<WindowFeatures> a =
                WindowerRuns.run(new WearerWindower(CONFIG, "msr", Role.CLIENT, rec.startMillis()), live);
        List<WindowFeatures> b = WindowerRuns.run(
                new WearerWindower(CONFIG, "msr", Role.CLIENT, rec.startMillis()),
                WindowerRuns.shuffled(live, 30_000, 17));
        WindowerRuns.assertSameWindows(a, b);
    }

    @Test
    void shouldKeepProducingWindowsWhenChannelsOfTheFlirtExportStopEarly() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/flirt-truncated"), "flirt");
        List<SampleBlock> blocks = stream(rec);
        WearerWindower w = new WearerWindower(CONFIG, "flirt", Role.CLIENT, rec.startMillis());
        List<WindowFeatures> during = WindowerRuns.run(w, blocks.subList(0, blocks.size() - 1));
        List<WindowFeatures> rest = w.finish(rec.endMillis());

        double edaEndS = (rec.channel(Channel.EDA).orElseThrow().endMillis() - rec.startMillis()) / 1000.0;
        double endS = (rec.endMillis() - rec.startMillis()) / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "flirt: %d windows while streaming, %d at finish; data to %.0f s%n",
                during.size(),
                rest.size(),
                endS);
        // windows wait for the event cores (a core, the look-ahead and the skew) but not for the stopped channels
        assertTrue(
                during.get(during.size() - 1).endS
                        > endS - CONFIG.maxChannelSkewSeconds() - CONFIG.coreSeconds() - 37 - 35,
                "windows follow the longest channel (IBI) instead of waiting for stopped ones");
        Map<Channel, Function<WindowFeatures, Double>> quality = Map.of(
                Channel.EDA, x -> x.edaQuality, Channel.ACC, x -> x.accQuality, Channel.TEMP, x -> x.tempQuality);
        quality.forEach((channel, q) -> {
            double channelEndS = (rec.channel(channel).orElseThrow().endMillis() - rec.startMillis()) / 1000.0;
            assertTrue(channelEndS < endS - 1000, channel + " stops long before the end");
            for (WindowFeatures x : during) {
                if (x.startS >= channelEndS) {
                    assertEquals(0.0, q.apply(x), channel + " absent after it stopped, at " + x.startS);
                } else if (x.endS <= channelEndS && channel != Channel.EDA) {
                    assertTrue(q.apply(x) > 0.5, channel + " present before it stopped, at " + x.startS);
                }
            }
        });
        for (WindowFeatures x : during) {
            if (x.startS >= edaEndS) {
                assertNull(x.edaSclUs);
            }
        }
        assertNotNull(during.get(0).edaSclUs, "EDA (~0.08 uS) is above the 0.05 uS floor at the start");
        during.forEach(WearerWindowerRealDataTest::assertFeaturesOnlyWithQuality);
    }
}
