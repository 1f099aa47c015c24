package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LombScargleBlocks} (per-block Fourier sums shared by overlapping spans) against the
 * per-span {@link LombScargle#periodogram} on the detrended values (the path the windows took
 * before), on generated beat series with gaps, rejected beats and a drifting rate: equal within
 * a relative 1e-9, and the same bits with a warm cache as with a fresh one.
 */
class LombScargleBlocksTest {
    private static final long ORIGIN = 1_767_607_205_000L;
    private static final long HOP = 5_000;
    private static final long SPAN = 180_000;
    private static final HrvFrequencyDomain.Config CONFIG = HrvFrequencyDomain.Config.DEFAULT;

    /** About 75 bpm with respiratory and slow modulation, 5 % rejected, a few bursts lost, from {@code start}. */
    static List<Beat> beats(Random rng, double startMillis, double seconds) {
        List<Beat> out = new ArrayList<>();
        double t = startMillis;
        double drift = 0.2 * rng.nextDouble();
        while (t < startMillis + seconds * 1000) {
            double s = (t - startMillis) / 1000;
            // E4 intervals are whole multiples of 1/64 s
            double ibi = Math.round(64
                            * (0.8
                                    + drift * s / seconds
                                    + 0.04 * Math.sin(2 * Math.PI * 0.25 * s)
                                    + 0.03 * Math.sin(2 * Math.PI * 0.09 * s)
                                    + 0.01 * rng.nextGaussian()))
                    / 64.0
                    * 1000;
            t += ibi;
            boolean reject = rng.nextDouble() < 0.05 || (s % 97 < 4);
            out.add(
                    reject
                            ? Beat.rejected(t, ibi, Beat.Source.DEVICE, RejectReason.MOTION)
                            : Beat.accepted(t, ibi, Beat.Source.DEVICE));
        }
        return out;
    }

    @Test
    void shouldAgreeWithTheSpanBySpanSpectrumToRounding() {
        Random rng = new Random(7);
        double worst = 0;
        int compared = 0;
        for (int trial = 0; trial < 6; trial++) {
            double start = ORIGIN - 40_000 + rng.nextInt(20_000);
            List<Beat> beats = beats(rng, start, 900);
            LombScargleBlocks blocks = new LombScargleBlocks(ORIGIN, HOP);
            for (long end = ORIGIN + SPAN; end <= ORIGIN + 900_000; end += HOP) {
                HrvFrequencyDomain.Result slow = HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG);
                HrvFrequencyDomain.Result fast = HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG, blocks);
                assertEquals(slow == null, fast == null, "end " + end);
                if (slow == null) {
                    continue;
                }
                compared++;
                worst = Math.max(worst, check(slow.lfMs2(), fast.lfMs2(), "LF at " + end));
                worst = Math.max(worst, check(slow.hfMs2(), fast.hfMs2(), "HF at " + end));
                worst = Math.max(worst, check(slow.lfHfRatio(), fast.lfHfRatio(), "LF/HF at " + end));
                assertEquals(slow.beats(), fast.beats());
                assertEquals(slow.coverage(), fast.coverage());
            }
            assertTrue(blocks.hits() > 0.9 * blocks.lookups(), blocks.hits() + " of " + blocks.lookups());
            assertTrue(blocks.size() <= SPAN / HOP, "holds one span of blocks: " + blocks.size());
        }
        assertTrue(compared > 500, "spans compared: " + compared);
        System.out.println("[LombScargleBlocksTest] " + compared + " spans, largest relative difference " + worst);
    }

    @Test
    void shouldGiveEveryFrequencyOfTheDirectPeriodogram() {
        Random rng = new Random(3);
        List<Beat> beats = beats(rng, ORIGIN, 200);
        double from = ORIGIN + 10_000;
        double to = from + SPAN;
        List<Double> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Beat b : beats) {
            if (b.accepted() && b.tMillis() >= from && b.tMillis() < to) {
                times.add(b.tMillis());
                values.add(b.ibiMs());
            }
        }
        int n = times.size();
        double[] tMillis = new double[n];
        double[] ts = new double[n];
        double[] y = new double[n];
        double[] v = new double[n];
        double a = 790;
        double b = 0.3;
        for (int i = 0; i < n; i++) {
            tMillis[i] = times.get(i);
            ts[i] = (tMillis[i] - from) / 1000;
            y[i] = values.get(i);
            v[i] = y[i] - a - b * ts[i];
        }
        double[] f = LombScargle.grid(0.01, 0.45, 0.0007);
        double[] ref = LombScargle.periodogram(ts, v, f);
        double[] fast = new LombScargleBlocks(ORIGIN, HOP).periodogram(tMillis, y, a + mean(v), b, from, to, f);
        double peak = 0;
        for (double p : ref) {
            peak = Math.max(peak, p);
        }
        for (int k = 0; k < f.length; k++) {
            assertEquals(ref[k], fast[k], 1e-9 * Math.abs(ref[k]) + 1e-12 * peak, "f = " + f[k]);
        }
    }

    @Test
    void shouldGiveTheSameBitsWithAWarmCacheAsWithAFreshOne() {
        Random rng = new Random(5);
        List<Beat> beats = beats(rng, ORIGIN, 600);
        LombScargleBlocks warm = new LombScargleBlocks(ORIGIN, HOP);
        int compared = 0;
        for (long end = ORIGIN + SPAN; end <= ORIGIN + 600_000; end += HOP) {
            HrvFrequencyDomain.Result w = HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG, warm);
            HrvFrequencyDomain.Result f = HrvFrequencyDomain.compute(
                    beats, end - SPAN, end, CONFIG, new LombScargleBlocks(ORIGIN, HOP)); // as after a restore
            assertEquals(f, w, "end " + end); // records compare doubles bit for bit
            compared += f == null ? 0 : 1;
        }
        assertTrue(compared > 50);
    }

    @Test
    void shouldNotReuseABlockWhoseBeatsChanged() {
        Random rng = new Random(9);
        List<Beat> beats = beats(rng, ORIGIN, 400);
        LombScargleBlocks blocks = new LombScargleBlocks(ORIGIN, HOP);
        long end = ORIGIN + 300_000;
        assertNotNull(HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG, blocks));
        List<Beat> changed = new ArrayList<>(beats);
        for (int i = 0; i < changed.size(); i++) {
            Beat b = changed.get(i);
            if (b.accepted() && b.tMillis() > end - 100_000) {
                changed.set(i, Beat.accepted(b.tMillis(), b.ibiMs() + 15.625, Beat.Source.DEVICE));
                break;
            }
        }
        long hits = blocks.hits();
        HrvFrequencyDomain.Result again = HrvFrequencyDomain.compute(changed, end - SPAN, end, CONFIG, blocks);
        assertEquals(hits + SPAN / HOP - 1, blocks.hits(), "all blocks but the changed one reused");
        assertEquals(
                HrvFrequencyDomain.compute(changed, end - SPAN, end, CONFIG, new LombScargleBlocks(ORIGIN, HOP)),
                again);
    }

    @Test
    void shouldUseTheSpanBySpanPathOffTheGrid() {
        Random rng = new Random(2);
        List<Beat> beats = beats(rng, ORIGIN, 400);
        LombScargleBlocks blocks = new LombScargleBlocks(ORIGIN, HOP);
        double end = ORIGIN + 300_000 + 2_500; // a final partial window ends anywhere
        assertEquals(
                HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG),
                HrvFrequencyDomain.compute(beats, end - SPAN, end, CONFIG, blocks));
        assertEquals(0, blocks.lookups());
        assertThrows(
                IllegalArgumentException.class,
                () -> blocks.periodogram(
                        new double[] {end - 1, end - 2}, new double[] {800, 800}, 0, 0, end - SPAN, end, new double[] {
                            0.1
                        }));
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        return m;
    }

    private static double check(double slow, double fast, String what) {
        double diff = Math.abs(slow - fast);
        assertTrue(diff <= 1e-9 * Math.abs(slow), what + ": " + slow + " vs " + fast);
        return slow == 0 ? 0 : diff / Math.abs(slow);
    }
}
