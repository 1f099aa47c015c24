package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;

/**
 * A window's skin-temperature slope and {@code temp_quality} leave out exactly the samples of a
 * {@code temp_off_wrist} stretch of {@code artifacts/} (nineteenth audit: until 2026-12-07 the
 * slope's fall rule saw only the samples up to the window's end, so a window ending in the first
 * seconds of a fall that {@code artifacts/} masks still fit them, and the quality counted every
 * sample in 25-40 degC).
 */
class TemperatureOffWristMaskTest {
    /** Start of the band being taken off, s from media start. */
    private static final double FALL_S = 300;

    /**
     * 480 s of a worn wearer whose skin temperature follows the synthetic ramp (33 degC, -0.12
     * degC/min) until {@link #FALL_S}, then falls 0.1 degC/s for 40 s (to about 28.4 degC, still
     * in 25-40 degC: only the fall rule masks it) and stays there.
     */
    private static E4Recording withFall() {
        return withFall(480, true);
    }

    /** As {@link #withFall()}, {@code durationS} long, with or without the device's HR channel. */
    private static E4Recording withFall(int durationS, boolean hr) {
        E4Recording rec = new SyntheticWearer().duration(durationS).build();
        E4Channel t = rec.channel(Channel.TEMP).orElseThrow();
        double[] temp = t.values().clone();
        int fall = (int) (FALL_S * 4);
        for (int i = fall; i < temp.length; i++) {
            temp[i] = temp[fall] - 0.1 * Math.min(40, (i - fall) / 4.0);
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : rec.presentChannels()) {
            if (hr || c != Channel.HR) {
                channels.put(c, rec.channel(c).orElseThrow());
            }
        }
        channels.put(Channel.TEMP, E4Channel.regular(Channel.TEMP, t.startMillis(), 4, temp));
        return new E4Recording(rec.sessionId(), channels, Map.of());
    }

    private static List<SampleBlock> blocks() {
        return new BlockSplitter(FeatureConfig.defaults()).stream(withFall(), Role.CLIENT, SyntheticWearer.T0);
    }

    private static boolean offWrist(List<ArtifactRow> rows, double t) {
        return rows.stream().anyMatch(r -> t >= r.startS && t < r.endS);
    }

    @Test
    void shouldFitTheSlopeAndCountTheQualityOverTheSamplesNotOffTheWrist() {
        WindowerRuns.Drained d = WindowerRuns.drained(blocks());
        List<ArtifactRow> off = d.events().artifacts.stream()
                .filter(r -> r.kind.equals("temp_off_wrist"))
                .toList();
        assertFalse(off.isEmpty(), "the fall is a temp_off_wrist artifact");
        assertTrue(
                offWrist(off, FALL_S + 1) && !offWrist(off, FALL_S - 1),
                "the row starts at the fall: " + d.rows("temp_off_wrist"));
        double[] temp = withFall().channel(Channel.TEMP).orElseThrow().values();
        // the window ending 5 s into the fall (a drop of 0.5 degC by its end: the fall rule needs
        // 1 degC, so the samples up to the window's end alone do not show it)
        WindowFeatures w = d.windows().stream()
                .filter(x -> x.endS == FALL_S + 5)
                .findFirst()
                .orElseThrow();
        SimpleRegression unmasked = new SimpleRegression();
        SimpleRegression all = new SimpleRegression();
        for (int i = (int) ((w.endS - 60) * 4); i < w.endS * 4; i++) {
            all.addData(i / 240.0, temp[i]);
            if (!offWrist(off, i / 4.0)) {
                unmasked.addData(i / 240.0, temp[i]);
            }
        }
        assertEquals(
                240 - 19,
                unmasked.getN(),
                "the fall's 19 samples after 300 s are masked (300 s is still at the level)");
        assertNotNull(w.tempSlopeCPerMin);
        assertEquals(unmasked.getSlope(), w.tempSlopeCPerMin, 1e-9, "all samples would give " + all.getSlope());
        assertEquals(-0.12, w.tempSlopeCPerMin, 1e-9, "the ramp before the fall");
        assertTrue(all.getSlope() < -0.2, "with the fall's samples the slope reads " + all.getSlope());
        // temp_quality: the window's samples not in a temp_off_wrist stretch, over the 120 it should hold
        for (WindowFeatures x : d.windows()) {
            int kept = 0;
            for (int i = (int) (x.startS * 4); i < x.endS * 4; i++) {
                kept += offWrist(off, i / 4.0) ? 0 : 1;
            }
            assertEquals(kept / ((x.endS - x.startS) * 4), x.tempQuality, 1e-12, "window " + x.startS);
        }
        assertEquals(101 / 120.0, w.tempQuality, 1e-12, "before 2026-12-07: 1.0");
    }

    @Test
    void shouldKeepTheStretchesUntilTheWindowsTrailingTheCoresHaveUsedThem() {
        // review of 2026-12-07: the kept stretches were evicted 240 s behind the processed cores,
        // and windows that trail them further (a 300 s window; a wearer without HR.csv whose cores
        // wait out a 600 s skew) lost the mask: temp_quality 0.733 for 0.533, slopes of -4.5 degC/min
        for (String[] setting : List.of(
                new String[] {"features.window_s", "300", "hr"},
                new String[] {"features.max_channel_skew_s", "600", "no hr"})) {
            FeatureConfig config = FeatureConfig.defaults().toBuilder()
                    .setText(setting[0], setting[1])
                    .build();
            E4Recording rec = withFall(900, setting[2].equals("hr"));
            WindowerRuns.Drained d = WindowerRuns.drained(
                    config, new BlockSplitter(config).stream(rec, Role.CLIENT, SyntheticWearer.T0));
            List<ArtifactRow> off = d.events().artifacts.stream()
                    .filter(r -> r.kind.equals("temp_off_wrist"))
                    .toList();
            assertFalse(off.isEmpty(), setting[0]);
            int inFall = 0;
            for (WindowFeatures x : d.windows()) {
                int kept = 0;
                for (int i = (int) (x.startS * 4); i < x.endS * 4; i++) {
                    kept += offWrist(off, i / 4.0) ? 0 : 1;
                }
                assertEquals(
                        kept / ((x.endS - x.startS) * 4),
                        x.tempQuality,
                        1e-12,
                        setting[0] + "=" + setting[1] + ", window " + x.startS);
                inFall += x.startS < FALL_S + 40 && x.endS > FALL_S ? 1 : 0;
                if (x.tempSlopeCPerMin != null) {
                    assertTrue(
                            Math.abs(x.tempSlopeCPerMin) < 0.5,
                            setting[0] + ", window " + x.startS + ": " + x.tempSlopeCPerMin);
                }
            }
            assertTrue(inFall > 5, setting[0] + ": windows over the fall " + inFall);
        }
    }

    @Test
    void shouldGiveTheSameWindowsInEveryBlockOrder() {
        List<SampleBlock> batch = blocks();
        List<WindowFeatures> expected = WindowerRuns.drained(batch).windows();
        WindowerRuns.assertSameWindows(
                expected, WindowerRuns.drained(WindowerRuns.live(batch)).windows());
        WindowerRuns.assertSameWindows(
                expected,
                WindowerRuns.drained(WindowerRuns.reversedChannels(batch)).windows());
        for (long seed = 1; seed <= 3; seed++) {
            WindowerRuns.assertSameWindows(
                    expected,
                    WindowerRuns.drained(WindowerRuns.shuffled(batch, 20_000, seed))
                            .windows());
        }
    }

    /**
     * The kept stretches are state: a windower restored from Java serialization at any block
     * around the fall (the stretch found, its windows not all emitted yet) gives the same windows.
     */
    @Test
    void shouldKeepTheStretchesAcrossARestore() throws Exception {
        List<SampleBlock> blocks = blocks();
        List<WindowFeatures> straight = WindowerRuns.drained(blocks).windows();
        int restores = 0;
        for (int cut = 1; cut < blocks.size() - 1; cut++) {
            double atS = (blocks.get(cut).startMillis - SyntheticWearer.T0) / 1000.0;
            if (atS < FALL_S - 60 || atS > FALL_S + 120) {
                continue;
            }
            WearerWindower first = new WearerWindower(FeatureConfig.defaults(), "syn", Role.CLIENT, SyntheticWearer.T0);
            List<WindowFeatures> resumed = new ArrayList<>(WindowerRuns.run(first, blocks.subList(0, cut)));
            WearerWindower second = WindowerRuns.restored(first);
            resumed.addAll(WindowerRuns.run(second, blocks.subList(cut, blocks.size())));
            WindowerRuns.assertSameWindows(straight, resumed);
            restores++;
        }
        assertTrue(restores >= 5, restores + " restores");
    }
}
