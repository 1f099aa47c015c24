package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * Where a window's heart rate comes from, as the README's Methods (Cardiac) and the windows table
 * describe it: the accepted beats over the trailing 60 s while they cover at least half of it,
 * else the mean of the window's own HR.csv samples in 30-200 bpm with their share as {@code
 * cardiac_quality}, else null with the beats' share.
 */
class CardiacHrSourceTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    /** The device writes IBIs up to here (s); BVP is flat, so no pulse-wave beats fill in. */
    private static final double IBI_STOP_S = 120;
    /** HR.csv ends here (s). */
    private static final double HR_STOP_S = 240;

    /** HR.csv sample {@code i} (time 10 + i s): 60-79 bpm, every fifth out of range (250 bpm). */
    private static double hr(int i) {
        return i % 5 == 0 ? 250 : 60 + i % 20;
    }

    @Test
    void shouldTakeTheWindowsHrCsvSamplesWhenTheBeatsCoverLessThanHalfTheSpan() {
        E4Recording base = new SyntheticWearer()
                .duration(300)
                .stop(Channel.IBI, IBI_STOP_S)
                .build();
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : base.presentChannels()) {
            channels.put(c, base.channel(c).orElseThrow());
        }
        double[] hr = new double[(int) HR_STOP_S - 10];
        for (int i = 0; i < hr.length; i++) {
            hr[i] = hr(i);
        }
        channels.put(Channel.HR, E4Channel.regular(Channel.HR, SyntheticWearer.T0 + 10_000, 1, hr));
        E4Recording rec = new E4Recording(base.sessionId(), channels, Map.of());
        List<WindowFeatures> windows = WindowerRuns.run(
                new WearerWindower(CONFIG, rec.sessionId(), Role.CLIENT, SyntheticWearer.T0),
                new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, SyntheticWearer.T0));

        int fromBeats = 0;
        int fromHrCsv = 0;
        int none = 0;
        for (WindowFeatures w : windows) {
            // the device beats (0.80 / 0.84 s) cover [3.8, 120) s; the trailing span is [end - 60, end)
            double beatCover = Math.max(0, Math.min(w.endS, IBI_STOP_S) - Math.max(w.endS - 60, 3.8)) / 60;
            double sum = 0;
            int valid = 0;
            for (int i = 0; i < hr.length; i++) {
                double t = 10 + i;
                if (t >= w.startS && t < w.endS && hr[i] >= 30 && hr[i] <= 200) {
                    sum += hr[i];
                    valid++;
                }
            }
            double hrShare = valid / (w.endS - w.startS);
            String at = "window " + w.startS + "-" + w.endS;
            if (beatCover >= 0.5 + 1e-3) {
                fromBeats++;
                assertEquals(60 / 0.82, w.hrBpm, 0.1, at + ": the beats' rate");
                assertEquals(beatCover, w.cardiacQuality, 0.02, at + ": the beats' share of the 60 s");
            } else if (beatCover < 0.5 - 1e-3 && hrShare >= 0.5) {
                fromHrCsv++;
                assertEquals(sum / valid, w.hrBpm, 1e-9, at + ": the mean of the window's valid HR.csv samples");
                assertEquals(hrShare, w.cardiacQuality, 1e-12, at + ": their share of the window's 1 Hz samples");
                assertNull(w.hrvRmssdMs, at);
            } else if (beatCover < 0.5 - 1e-3) {
                none++;
                assertNull(w.hrBpm, at);
                assertEquals(beatCover, w.cardiacQuality, 0.02, at + ": the beats' share again");
            }
        }
        assertTrue(fromBeats > 10 && fromHrCsv > 10 && none > 3, fromBeats + " / " + fromHrCsv + " / " + none);
    }
}
