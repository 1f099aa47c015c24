package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BvpBeats#detect} (amplitude medians from a sliding sorted window) against {@link
 * BvpBeatsReference}, the code it replaced: the same beats, times, intervals and reasons (records
 * equal, doubles compared by value bits), over 60 s cores with 36 s of context as the pipeline
 * cuts them, on synthetic pulse waves with motion bursts (large waves: {@code motion}), dropouts
 * and small spurious waves ({@code low_amplitude}), and contact losses (NaN).
 */
class BvpBeatsAmplitudeTest {
    private static final double RATE_HZ = 64;

    @Test
    void shouldDetectTheSameBeatsAsTheReference() {
        int beats = 0;
        int lowOrMotion = 0;
        for (int seed = 0; seed < 16; seed++) {
            SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 300, 0.6 + 0.04 * seed, 0.05, 100 + seed);
            Random rng = new Random(seed);
            for (int burst = 0; burst < 3; burst++) {
                double at = 20 + rng.nextDouble() * 250;
                pulse.withMotion(at, at + 2 + rng.nextDouble() * 10, seed * 10 + burst);
            }
            if (seed % 2 == 0) {
                double at = 50 + rng.nextDouble() * 200;
                pulse.withMask(at, at + 5 + rng.nextDouble() * 20);
            }
            for (int i = 0; i < pulse.samples.length; i++) {
                // weak stretches: the pulse fades (small waves beside normal ones)
                if ((i / 640) % 7 == 3) {
                    pulse.samples[i] *= 0.3;
                }
            }
            double[] x = pulse.samples;
            int core = (int) (60 * RATE_HZ);
            int margin = (int) Math.ceil(BvpBeats.Config.DEFAULT.marginSeconds() * RATE_HZ);
            for (int from = 0; from < x.length; from += core) {
                int bufFrom = Math.max(0, from - margin);
                int bufTo = Math.min(x.length, from + core + margin);
                double[] buffer = java.util.Arrays.copyOfRange(x, bufFrom, bufTo);
                int coreFrom = from - bufFrom;
                int coreTo = Math.min(bufTo, from + core) - bufFrom;
                List<Beat> expected =
                        BvpBeatsReference.detect(buffer, RATE_HZ, coreFrom, coreTo, BvpBeats.Config.DEFAULT);
                List<Beat> actual = BvpBeats.detect(buffer, RATE_HZ, coreFrom, coreTo, BvpBeats.Config.DEFAULT);
                assertEquals(expected, actual, "seed " + seed + ", core at " + from);
                beats += expected.size();
                for (Beat b : expected) {
                    if (b.rejectReason() == RejectReason.LOW_AMPLITUDE || b.rejectReason() == RejectReason.MOTION) {
                        lowOrMotion++;
                    }
                }
            }
        }
        System.out.println(
                "[BvpBeatsAmplitudeTest] " + beats + " beats equal, " + lowOrMotion + " low_amplitude or motion");
        assertTrue(beats > 5000 && lowOrMotion > 50, beats + " beats, " + lowOrMotion + " low or motion");
    }
}
