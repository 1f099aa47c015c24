package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

class WearerWindowerTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final long T0 = SyntheticWearer.T0;

    private static SyntheticWearer tenMinutes() {
        return new SyntheticWearer()
                .duration(600)
                .scr(40, 0.3)
                .scr(95, 0.2)
                .scr(101, 0.15)
                .scr(230, 0.4)
                .scr(400, 0.1)
                .tapping(300, 360);
    }

    private static List<SampleBlock> stream(E4Recording rec, long mediaStart) {
        return new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, mediaStart);
    }

    private static WearerWindower windower(long mediaStart) {
        return new WearerWindower(CONFIG, "syn", Role.CLIENT, mediaStart);
    }

    @Test
    void shouldAlignWindowsToMediaStartAndCoverTheDataWhenGivenTenMinutes() {
        long media = T0 + 7_500; // data starts 7.5 s before the video
        List<WindowFeatures> windows =
                WindowerRuns.run(windower(media), stream(tenMinutes().build(), media));

        double dataEndS = (T0 + 600_000 - media) / 1000.0; // 592.5
        List<String> expected = new ArrayList<>();
        for (double s = -5; s < dataEndS; s += 5) { // first hop boundary >= -7.5 s
            if (s + 30 <= dataEndS) {
                expected.add(s + ".." + (s + 30));
            } else if (dataEndS - s >= 15) {
                expected.add(s + ".." + dataEndS); // partial, at least half a window
            }
        }
        assertEquals(
                expected, windows.stream().map(w -> w.startS + ".." + w.endS).toList());
        assertEquals(117, windows.size(), "114 full windows from -5 to 560 s, 3 partial");
        for (WindowFeatures w : windows) {
            assertEquals(media + Math.round(w.startS * 1000), w.startMillis);
            assertEquals("syn", w.sessionId);
            assertEquals("client", w.role);
            if (w.endS - w.startS == 30) {
                assertEquals(-0.12, w.tempSlopeCPerMin, 1e-9, "TEMP ramp at " + w.startS);
                if (w.endS - 60 >= -7.5 + 20) { // HR and HRV span the trailing 60 s: they need that much data
                    assertEquals(40.0, w.hrvRmssdMs, 1e-9, "0.80/0.84 s beats at " + w.startS);
                    assertEquals(60 / 0.82, w.hrBpm, 0.15, "an odd beat count shifts the mean a little");
                } else {
                    assertNotNull(w.hrBpm, "the device's HR channel fills in before 60 s of beats exist");
                }
                assertEquals(1.0, w.edaQuality);
                assertEquals(1.0, w.accQuality);
                assertEquals(1.0, w.tempQuality);
            }
        }
    }

    @Test
    void shouldReflectThePlantedEventsWhenComputingSyntheticWindows() {
        List<WindowFeatures> windows =
                WindowerRuns.run(windower(T0), stream(tenMinutes().build(), T0));
        WindowFeatures tapping = at(windows, 310);
        WindowFeatures rest = at(windows, 450);
        assertTrue(tapping.fidgetPower > 100 * rest.fidgetPower, tapping.fidgetPower + " vs " + rest.fidgetPower);
        assertEquals(0.005, tapping.fidgetPower, 0.0005);
        // SCRs with onsets 95 and 101 s (peaks ~96.5 and ~102.5 s) fall in [90, 120): 4 per min.
        assertEquals(4.0, at(windows, 90).edaScrPerMin, 1e-12);
        assertEquals(0.0, at(windows, 450).edaScrPerMin, 1e-12);
        assertEquals(2.0 + 0.02 * 7.75, at(windows, 450).edaSclUs, 0.02, "level plus drift at ~7.75 min");
    }

    private static WindowFeatures at(List<WindowFeatures> windows, double startS) {
        return windows.stream().filter(w -> w.startS == startS).findFirst().orElseThrow();
    }

    @Test
    void shouldGiveIdenticalWindowsWhenChannelsInterleaveDifferently() {
        E4Recording rec = tenMinutes().stop(Channel.TEMP, 420).build();
        List<SampleBlock> live = WindowerRuns.live(stream(rec, T0));
        List<SampleBlock> shuffled = WindowerRuns.shuffled(live, 30_000, 3);
        List<SampleBlock> reversed = WindowerRuns.reversedChannels(live);
        assertNotEquals(live, shuffled);
        assertNotEquals(live, reversed);

        List<WindowFeatures> a = WindowerRuns.run(windower(T0), live);
        List<WindowFeatures> b = WindowerRuns.run(windower(T0), shuffled);
        List<WindowFeatures> c = WindowerRuns.run(windower(T0), reversed);

        assertTrue(a.size() > 100);
        WindowerRuns.assertSameWindows(a, b);
        WindowerRuns.assertSameWindows(a, c);
    }

    @Test
    void shouldFlushAllRemainingWindowsAndEmptyItselfWhenFinished() {
        List<SampleBlock> blocks = stream(tenMinutes().build(), T0);
        SampleBlock end = blocks.get(blocks.size() - 1);
        assertTrue(end.endOfStream);
        WearerWindower w = windower(T0);
        List<WindowFeatures> during = WindowerRuns.run(w, blocks.subList(0, blocks.size() - 1));
        assertTrue(w.bufferedSampleCount() > 0);
        assertTrue(w.nextWindowStartMillis().isPresent());

        List<WindowFeatures> flushed = w.finish(end.startMillis);

        assertFalse(flushed.isEmpty());
        assertEquals(during.get(during.size() - 1).startS + 5, flushed.get(0).startS, "no gap, no repeat");
        WindowFeatures last = flushed.get(flushed.size() - 1);
        assertEquals(585.0, last.startS, "585..600 holds exactly half a window: kept; 590 is dropped");
        assertEquals(600.0, last.endS);
        assertNotNull(last.hrBpm);
        assertEquals(0, w.bufferedSampleCount());
        assertTrue(w.isEmpty());
        assertTrue(w.nextWindowStartMillis().isEmpty());
        assertEquals(List.of(), w.finish(end.startMillis), "a second finish has nothing left");

        List<WindowFeatures> viaMarker = WindowerRuns.run(windower(T0), blocks);
        List<WindowFeatures> joined = new ArrayList<>(during);
        joined.addAll(flushed);
        WindowerRuns.assertSameWindows(viaMarker, joined);
    }

    @Test
    void shouldKeepTheBufferBoundedWhenTheStreamIsLong() {
        double hours = 3;
        E4Recording rec =
                new SyntheticWearer().duration(hours * 3600).scr(1000, 0.2).build();
        List<SampleBlock> blocks = stream(rec, T0);
        WearerWindower w = windower(T0);
        // Per channel at most what the event stage keeps behind its next core (the artifact
        // detectors' look-back, 121 s) plus a core, its look-ahead (the BVP margin, ~36 s), the
        // skew and two blocks of samples; the window stage needs less.
        double span = 121 + CONFIG.coreSeconds() + 37 + CONFIG.maxChannelSkewSeconds() + 2 * CONFIG.blockSeconds();
        double ratesHz = 4 + 4 + 32 + 1 + 64 + 1 / 0.80; // EDA, TEMP, ACC, HR, BVP, IBI
        int bound = (int) Math.ceil(span * ratesHz);

        int maxFirstHalf = 0;
        int maxSecondHalf = 0;
        long samples = 0;
        int windows = 0;
        for (int i = 0; i < blocks.size(); i++) {
            windows += w.add(blocks.get(i)).size();
            samples += blocks.get(i).sampleCount();
            if (i < blocks.size() / 2) {
                maxFirstHalf = Math.max(maxFirstHalf, w.bufferedSampleCount());
            } else {
                maxSecondHalf = Math.max(maxSecondHalf, w.bufferedSampleCount());
            }
        }
        assertTrue(maxFirstHalf <= bound, maxFirstHalf + " > bound " + bound);
        assertTrue(maxSecondHalf <= maxFirstHalf, "no growth: " + maxSecondHalf + " > " + maxFirstHalf);
        assertTrue(samples > 20L * bound, "the stream is much longer than the buffer: " + samples);
        int full = (int) ((hours * 3600 - 30) / 5) + 1;
        assertEquals(
                full + 3,
                windows + w.finish(rec.endMillis()).size(),
                "every full window, then partial ones of 25, 20 and 15 s");
    }

    @Test
    void shouldNotStallAndShouldTreatStoppedChannelsAsAbsentWhenChannelsAreTruncated() {
        E4Recording rec =
                tenMinutes().stop(Channel.ACC, 120).stop(Channel.TEMP, 300).build();
        List<SampleBlock> blocks = stream(rec, T0);
        WearerWindower w = windower(T0);
        List<WindowFeatures> during = WindowerRuns.run(w, blocks.subList(0, blocks.size() - 1));

        double lastEnd = during.get(during.size() - 1).endS;
        // windows lag the data by the event stage's latency (a core, its look-ahead and the skew), no more
        assertTrue(
                lastEnd >= 600 - CONFIG.maxChannelSkewSeconds() - CONFIG.coreSeconds() - 37 - CONFIG.hopSeconds(),
                "windows kept coming while ACC and TEMP were silent: last end " + lastEnd);
        for (int i = 0; i < during.size(); i++) {
            WindowFeatures x = during.get(i);
            assertEquals(5.0 * i, x.startS, "contiguous windows");
            if (x.endS <= 120) {
                assertEquals(1.0, x.accQuality);
            }
            if (x.startS >= 120) {
                assertEquals(0.0, x.accQuality);
                assertNull(x.motionMagG);
                assertNull(x.fidgetPower);
            }
            if (x.startS >= 300) {
                assertEquals(0.0, x.tempQuality);
                assertNull(x.tempSlopeCPerMin);
            }
            assertNotNull(x.hrBpm);
            assertNotNull(x.edaSclUs);
        }
    }

    @Test
    void shouldContinueIdenticallyWhenSerializedInTheMiddleOfTheStream() throws Exception {
        List<SampleBlock> blocks = stream(tenMinutes().build(), T0);
        List<WindowFeatures> straight = WindowerRuns.run(windower(T0), blocks);

        WearerWindower first = windower(T0);
        int half = blocks.size() / 2;
        List<WindowFeatures> resumed = new ArrayList<>(WindowerRuns.run(first, blocks.subList(0, half)));
        WearerWindower second = WindowerRuns.restored(first);
        resumed.addAll(WindowerRuns.run(second, blocks.subList(half, blocks.size())));

        WindowerRuns.assertSameWindows(straight, resumed);
    }

    @Test
    void shouldBufferBvpForBeatsButMakeNoWindowsFromItAloneAndRefuseBlocksOfAnotherWearer() {
        E4Recording rec = tenMinutes().build();
        List<SampleBlock> blocks = stream(rec, T0);
        WearerWindower w = windower(T0);
        int bvpSamples = 0;
        for (SampleBlock b : blocks) {
            if ("BVP".equals(b.channel)) {
                assertEquals(List.of(), w.add(b), "BVP alone completes no window");
                bvpSamples += b.sampleCount();
            }
        }
        assertTrue(
                w.bufferedSampleCount() > 0 && w.bufferedSampleCount() <= bvpSamples,
                "BVP is buffered (for pulse-wave beats), within the retention bound");

        SampleBlock other = blocks.get(0);
        other.role = "therapist";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.add(other));
        assertTrue(e.getMessage().contains("does not belong to syn/client"), e.getMessage());
    }
}
