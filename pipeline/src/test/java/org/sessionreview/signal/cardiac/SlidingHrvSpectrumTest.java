package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingHrvSpectrum} (Lomb-Scargle sums carried from one span to the next) against {@link
 * HrvFrequencyDomain#compute} (every span computed from its beats, the code the feature windows
 * ran before): LF, HF and LF/HF within a relative 1e-12, null where it is null, on 180 s spans
 * stepped by 5 s over 40 minutes of beats with respiratory and Mayer-wave modulation, noise,
 * rejected beats, stretches without beats (movement) and uneven spacing; with spans that end
 * off the 5 s grid, spans that move back and a span longer than the others.
 */
class SlidingHrvSpectrumTest {
    private static final double T0 = 1_700_000_000_000.0;
    private static final double SPAN_MILLIS = 180_000;

    @Test
    void shouldAgreeWithTheDirectComputationWhenSpansSlideForward() {
        double worst = 0;
        int compared = 0;
        long direct = 0;
        long added = 0;
        for (int seed = 0; seed < 6; seed++) {
            List<Beat> beats = beats(new Random(seed), 40 * 60);
            SlidingHrvSpectrum sliding = new SlidingHrvSpectrum(HrvFrequencyDomain.Config.DEFAULT);
            Random spans = new Random(100 + seed);
            for (double end = T0 + 30_000; end < T0 + 40 * 60_000; end += 5_000) {
                double e = end;
                double from = e - SPAN_MILLIS;
                double u = spans.nextDouble();
                if (u < 0.02) {
                    e += 1234.5; // a partial window at the end of the data
                } else if (u < 0.03) {
                    from -= 60_000; // a longer span
                } else if (u < 0.04) {
                    e -= 20_000; // a step back
                    from -= 20_000;
                }
                HrvFrequencyDomain.Result expected = HrvFrequencyDomain.compute(beats, from, e, HrvFrequencyDomain.Config.DEFAULT);
                HrvFrequencyDomain.Result actual = sliding.compute(beats, from, e);
                assertEquals(expected == null, actual == null, "seed " + seed + ", span ending at " + (e - T0));
                if (expected == null) {
                    continue;
                }
                assertEquals(expected.beats(), actual.beats());
                assertEquals(expected.coverage(), actual.coverage());
                worst = Math.max(worst, check(expected.lfMs2(), actual.lfMs2(), "LF", seed, e));
                worst = Math.max(worst, check(expected.hfMs2(), actual.hfMs2(), "HF", seed, e));
                worst = Math.max(worst, check(expected.lfHfRatio(), actual.lfHfRatio(), "LF/HF", seed, e));
                compared++;
                direct += expected.beats();
            }
            added += sliding.beatsAdded();
        }
        System.out.printf("[SlidingHrvSpectrumTest] %d spans, largest relative difference %.3g; "
                + "beats summed %d instead of %d%n", compared, worst, added, direct);
        assertTrue(compared > 1500, compared + " spans with a spectrum");
        assertTrue(added < direct / 4, "beats summed " + added + ", per span " + direct);
    }

    @Test
    void shouldGiveTheSameSpectrumWhenTheSpanHasOtherBeatsThanThoseSummed() {
        Random rng = new Random(7);
        List<Beat> first = beats(rng, 600);
        List<Beat> second = beats(rng, 600);
        SlidingHrvSpectrum sliding = new SlidingHrvSpectrum(HrvFrequencyDomain.Config.DEFAULT);
        double from = T0 + 200_000;
        assertNotNull(sliding.compute(first, from, from + SPAN_MILLIS));
        HrvFrequencyDomain.Result actual = sliding.compute(second, from + 5_000, from + 5_000 + SPAN_MILLIS);
        HrvFrequencyDomain.Result expected = HrvFrequencyDomain.compute(second, from + 5_000, from + 5_000 + SPAN_MILLIS,
                HrvFrequencyDomain.Config.DEFAULT);
        check(expected.lfMs2(), actual.lfMs2(), "LF", 7, 0);
        check(expected.hfMs2(), actual.hfMs2(), "HF", 7, 0);
    }

    private static double check(double expected, double actual, String what, int seed, double end) {
        double diff = Math.abs(expected - actual);
        double relative = diff == 0 ? 0 : diff / Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(relative <= 1e-12, what + " seed " + seed + " at " + (end - T0) + ": " + actual + " vs " + expected);
        return relative;
    }

    /**
     * Device-like beats over {@code seconds}: 0.75-1 s intervals modulated at 0.1 Hz (Mayer
     * waves, LF) and 0.25 Hz (respiration, HF), noise, 5 % rejected, stretches of up to 20 s
     * without beats, times to the ms plus a fraction.
     */
    private static List<Beat> beats(Random rng, double seconds) {
        List<Beat> out = new ArrayList<>();
        double mean = 750 + 250 * rng.nextDouble();
        double t = 0;
        while (t < seconds) {
            double ibi = mean + 40 * Math.sin(2 * Math.PI * 0.1 * t) + 25 * Math.sin(2 * Math.PI * 0.25 * t + 1)
                    + 15 * rng.nextGaussian();
            t += ibi / 1000;
            double millis = T0 + Math.round(t * 1000) + 0.25 * rng.nextInt(4);
            if (rng.nextDouble() < 0.01) {
                t += 5 + 15 * rng.nextDouble(); // the device lost the pulse
            } else if (rng.nextDouble() < 0.05) {
                out.add(Beat.rejected(millis, ibi, Beat.Source.DEVICE, RejectReason.DEVIATES_FROM_LOCAL_MEDIAN));
            } else {
                out.add(Beat.accepted(millis, ibi, Beat.Source.DEVICE));
            }
        }
        return out;
    }
}
