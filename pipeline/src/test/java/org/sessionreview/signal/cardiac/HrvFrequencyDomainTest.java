package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HrvFrequencyDomainTest {
    private static final HrvFrequencyDomain.Config CONFIG = HrvFrequencyDomain.Config.DEFAULT;

    @Test
    void shouldPutThePowerInHfWhenRespirationIsAt025Hz() {
        HrvFrequencyDomain.Result r =
                HrvFrequencyDomain.compute(RsaSeries.beats(800, 40, 0.25, 300), 0, 300_000, CONFIG);
        System.out.printf("RSA 0.25 Hz: LF %.1f ms2, HF %.1f ms2, LF/HF %.3f%n", r.lfMs2(), r.hfMs2(), r.lfHfRatio());
        assertTrue(r.hfMs2() > 10 * r.lfMs2(), "HF dominates");
        assertTrue(r.lfHfRatio() < 0.1);
        assertEquals(40 * 40 / 2.0, r.hfMs2(), 0.15 * 800, "a modulation of A ms has A^2/2 ms^2");
    }

    @Test
    void shouldPutThePowerInLfWhenTheRhythmIsAt01Hz() {
        HrvFrequencyDomain.Result r =
                HrvFrequencyDomain.compute(RsaSeries.beats(800, 40, 0.1, 300), 0, 300_000, CONFIG);
        System.out.printf("RSA 0.10 Hz: LF %.1f ms2, HF %.1f ms2, LF/HF %.3f%n", r.lfMs2(), r.hfMs2(), r.lfHfRatio());
        assertTrue(r.lfMs2() > 10 * r.hfMs2(), "LF dominates");
        assertTrue(r.lfHfRatio() > 10);
    }

    @Test
    void shouldStillSeparateTheBandsWhenBeatsAreMissingInBursts() {
        List<Beat> beats = new ArrayList<>();
        List<Beat> all = RsaSeries.beats(800, 40, 0.25, 300);
        for (int i = 0; i < all.size(); i++) {
            beats.add(i % 40 < 10 ? all.get(i).reject(RejectReason.MOTION) : all.get(i)); // 25 % lost
        }
        HrvFrequencyDomain.Result r = HrvFrequencyDomain.compute(beats, 0, 300_000, CONFIG);
        assertNotNull(r);
        assertEquals(0.75, r.coverage(), 0.02);
        assertTrue(r.hfMs2() > 5 * r.lfMs2(), "HF " + r.hfMs2() + " LF " + r.lfMs2());
    }

    @Test
    void shouldReturnNullWhenTheSpanIsShorterThan120sOrCoverageIsLow() {
        List<Beat> beats = RsaSeries.beats(800, 40, 0.25, 300);
        assertNull(HrvFrequencyDomain.compute(beats, 0, 119_000, CONFIG), "119 s span");
        assertNotNull(HrvFrequencyDomain.compute(beats, 0, 120_000, CONFIG), "120 s span");
        List<Beat> sparse = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            sparse.add(i % 3 == 0 ? beats.get(i) : beats.get(i).reject(RejectReason.OUT_OF_RANGE));
        }
        assertNull(HrvFrequencyDomain.compute(sparse, 0, 300_000, CONFIG), "coverage ~1/3 < 0.5");
    }

    @Test
    void shouldGiveNoRatioForARhythmWithoutVariability() {
        // a metronome at 75 bpm (nineteenth audit: LF/HF 2.8-3.3 from rounding before 2026-12-07)
        List<Beat> beats = new ArrayList<>();
        for (int i = 1; i <= 240; i++) {
            beats.add(Beat.accepted(i * 800.0, 800, Beat.Source.DEVICE));
        }
        HrvFrequencyDomain.Result r = HrvFrequencyDomain.compute(beats, 0, 180_000, CONFIG);
        assertNotNull(r);
        assertTrue(r.lfMs2() < 1e-12 && r.hfMs2() < 1e-12, "LF " + r.lfMs2() + " HF " + r.hfMs2());
        assertTrue(Double.isNaN(r.lfHfRatio()), "LF/HF " + r.lfHfRatio());
        // a variability of one E4 tick (15.6 ms) keeps its ratio
        List<Beat> ticked = RsaSeries.beats(800, 15.625, 0.25, 300);
        HrvFrequencyDomain.Result s = HrvFrequencyDomain.compute(ticked, 0, 180_000, CONFIG);
        assertNotNull(s);
        assertTrue(Double.isFinite(s.lfHfRatio()) && s.hfMs2() > 1, "LF/HF " + s.lfHfRatio() + " HF " + s.hfMs2());
    }
}
