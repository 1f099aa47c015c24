package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sessionreview.report.ArtifactRow;

/**
 * A window's EDA quality leaves out the samples of an EDA motion artifact, as its level and
 * responses do (nineteenth audit: until 2026-12-07 they counted as valid, 333 of 8,568 real
 * windows read a higher quality than their unmasked share, up to 0.98 against 0.61).
 */
class EdaQualityMotionTest {
    /** 240 s of a still wearer with steep EDA steps and wrist jerks at once over 130-134 s. */
    private static E4Recording withMotionArtifact() {
        E4Recording rec = new SyntheticWearer().duration(240).build();
        double[] eda = rec.channel(Channel.EDA).orElseThrow().values().clone();
        for (int i = 130 * 4; i < 134 * 4; i++) {
            eda[i] += (i % 2 == 0) ? 0.5 : 0; // 2 uS/s steps: above 1 uS/s, below the 10 uS/s jump rule
        }
        double[] acc = rec.channel(Channel.ACC).orElseThrow().values().clone();
        for (int i = 130 * 32; i < 134 * 32; i++) {
            acc[3 * i + 2] += (i % 2 == 0) ? 20 : -20; // jerks of 40 counts per sample, 20 g/s
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : rec.presentChannels()) {
            channels.put(c, rec.channel(c).orElseThrow());
        }
        E4Channel e = rec.channel(Channel.EDA).orElseThrow();
        E4Channel a = rec.channel(Channel.ACC).orElseThrow();
        channels.put(Channel.EDA, E4Channel.regular(Channel.EDA, e.startMillis(), 4, eda));
        channels.put(Channel.ACC, E4Channel.regular(Channel.ACC, a.startMillis(), 32, acc));
        return new E4Recording(rec.sessionId(), channels, Map.of());
    }

    @Test
    void shouldLeaveEdaMotionSamplesOutOfTheWindowsQuality() {
        List<org.sessionreview.model.SampleBlock> blocks = new BlockSplitter(FeatureConfig.defaults())
                .stream(withMotionArtifact(), Role.CLIENT, SyntheticWearer.T0);
        WindowerRuns.Drained d = WindowerRuns.drained(blocks);
        List<ArtifactRow> motion = d.events().artifacts.stream()
                .filter(r -> r.kind.equals("eda_motion"))
                .toList();
        assertFalse(motion.isEmpty(), "the steps with jerks are an eda_motion artifact");
        WindowFeatures w =
                d.windows().stream().filter(x -> x.startS == 120).findFirst().orElseThrow();
        // the window's EDA samples (4 Hz, 120) less those inside the eda_motion rows
        int masked = 0;
        for (int i = 120 * 4; i < 150 * 4; i++) {
            double t = i / 4.0;
            if (motion.stream().anyMatch(r -> t >= r.startS && t < r.endS)) {
                masked++;
            }
        }
        assertTrue(masked >= 8, masked + " samples masked");
        assertEquals((120 - masked) / 120.0, w.edaQuality, 1e-9, "before 2026-12-07: 1.0");
        // a window without the artifact keeps its full quality
        WindowFeatures clean =
                d.windows().stream().filter(x -> x.startS == 60).findFirst().orElseThrow();
        assertEquals(1.0, clean.edaQuality, 1e-12);
    }
}
