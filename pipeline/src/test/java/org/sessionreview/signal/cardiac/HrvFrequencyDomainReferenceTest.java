package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HrvFrequencyDomain#compute} (coverage and the beats used in two passes over the span)
 * against the code it replaced ({@link ReferenceHrvFrequencyDomain}: the coverage from {@link
 * HrvTimeDomain}, a list of the beats used): the same result, bit for bit, with and without the
 * stream's block sums, on beat series with rejected beats, lost stretches, beats of unknown
 * interval and spans that start or end inside an interval, below the coverage and the beat count.
 */
class HrvFrequencyDomainReferenceTest {
    private static final long ORIGIN = 1_767_607_205_000L;
    private static final long HOP = 5_000;
    private static final HrvFrequencyDomain.Config CONFIG = HrvFrequencyDomain.Config.DEFAULT;

    @Test
    void shouldGiveTheReferenceResultBitForBit() {
        int spectra = 0;
        int nulls = 0;
        for (int trial = 0; trial < 16; trial++) {
            Random rng = new Random(trial);
            double start = ORIGIN - 40_000 + rng.nextInt(20_000);
            List<Beat> beats = damaged(rng, LombScargleBlocksTest.beats(rng, start, 700));
            LombScargleBlocks fast = new LombScargleBlocks(ORIGIN, HOP);
            LombScargleBlocks reference = new LombScargleBlocks(ORIGIN, HOP);
            for (long end = ORIGIN + 100_000; end <= ORIGIN + 700_000; end += HOP) {
                double span = trial % 4 == 3 ? 120_000 + rng.nextInt(90_000) : 180_000;
                double from = end - span + (trial % 5 == 4 ? rng.nextDouble() * 700 : 0);
                boolean useBlocks = trial % 3 != 2;
                HrvFrequencyDomain.Result expected =
                        ReferenceHrvFrequencyDomain.compute(beats, from, end, CONFIG, useBlocks ? reference : null);
                HrvFrequencyDomain.Result actual =
                        HrvFrequencyDomain.compute(beats, from, end, CONFIG, useBlocks ? fast : null);
                String what = "trial " + trial + ", span " + (from - ORIGIN) + ".." + (end - ORIGIN);
                if (expected == null) {
                    assertNull(actual, what);
                    nulls++;
                    continue;
                }
                assertEquals(bits(expected.lfMs2()), bits(actual.lfMs2()), what);
                assertEquals(bits(expected.hfMs2()), bits(actual.hfMs2()), what);
                assertEquals(bits(expected.lfHfRatio()), bits(actual.lfHfRatio()), what);
                assertEquals(bits(expected.coverage()), bits(actual.coverage()), what);
                assertEquals(expected.beats(), actual.beats(), what);
                spectra++;
            }
        }
        assertTrue(spectra > 500 && nulls > 50, spectra + " spectra, " + nulls + " null");
    }

    /** {@code beats} with stretches rejected or lost (coverage below the minimum) and a few unknown intervals. */
    private static List<Beat> damaged(Random rng, List<Beat> beats) {
        List<Beat> out = new ArrayList<>();
        boolean lost = false;
        for (Beat b : beats) {
            if (rng.nextInt(150) == 0) {
                lost = !lost;
            }
            if (lost) {
                if (rng.nextBoolean()) {
                    out.add(b.reject(RejectReason.MOTION));
                }
                continue;
            }
            out.add(
                    rng.nextInt(400) == 0
                            ? Beat.rejected(b.tMillis(), Double.NaN, b.source(), RejectReason.MOTION)
                            : b);
        }
        return out;
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
