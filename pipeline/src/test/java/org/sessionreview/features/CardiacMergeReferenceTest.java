package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.RejectReason;

/**
 * {@link CardiacWindow#merge} (the accepted device beats' times in an array) against the code it
 * replaced ({@link #reference}: a list of boxed times): the same beats in the same order, on
 * device and pulse-wave beats with rejections, gaps, beats at equal times and beats exactly
 * {@code coverMillis} apart.
 */
class CardiacMergeReferenceTest {

    /** The merge before 2026-12-06. */
    static List<Beat> reference(List<Beat> device, List<Beat> bvp, double coverMillis) {
        List<Beat> out = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        for (Beat b : device) {
            if (b.accepted()) {
                out.add(b);
                accepted.add(b.tMillis());
            }
        }
        int j = 0;
        for (Beat b : bvp) {
            if (!b.accepted()) {
                continue;
            }
            while (j < accepted.size() && accepted.get(j) < b.tMillis() - coverMillis) {
                j++;
            }
            boolean covered = j < accepted.size() && accepted.get(j) <= b.tMillis() + coverMillis;
            if (!covered) {
                out.add(b);
            }
        }
        out.sort((x, y) -> Double.compare(x.tMillis(), y.tMillis()));
        return out;
    }

    @Test
    void shouldMergeAsTheBoxedCodeDid() {
        int merged = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random rng = new Random(seed);
            List<Beat> device = beats(rng, Beat.Source.DEVICE, 0.3);
            List<Beat> bvp = beats(rng, Beat.Source.BVP, 0.1);
            if (seed % 5 == 0 && !device.isEmpty()) { // beats at a device beat's time and exactly the cover away
                double t = device.get(rng.nextInt(device.size())).tMillis();
                bvp.add(Beat.accepted(t, 800, Beat.Source.BVP));
                bvp.add(Beat.accepted(t + 1500, 800, Beat.Source.BVP));
                bvp.sort((x, y) -> Double.compare(x.tMillis(), y.tMillis()));
            }
            List<Beat> expected = reference(device, bvp, 1500);
            assertEquals(expected, CardiacWindow.merge(device, bvp, 1500), "seed " + seed);
            merged += expected.size();
        }
        assertTrue(merged > 10_000, merged + " beats");
    }

    /** Beats about 800 ms apart from a random start, with lost stretches; {@code rejected} of them rejected. */
    private static List<Beat> beats(Random rng, Beat.Source source, double rejected) {
        List<Beat> out = new ArrayList<>();
        double t = 1_767_607_205_000.0 + rng.nextInt(2000);
        int n = rng.nextInt(150);
        for (int i = 0; i < n; i++) {
            double ibi = 600 + rng.nextInt(400);
            t += rng.nextInt(20) == 0 ? ibi * (2 + rng.nextInt(10)) : ibi;
            out.add(
                    rng.nextDouble() < rejected
                            ? Beat.rejected(t, ibi, source, RejectReason.OUT_OF_RANGE)
                            : Beat.accepted(t, ibi, source));
        }
        return out;
    }
}
