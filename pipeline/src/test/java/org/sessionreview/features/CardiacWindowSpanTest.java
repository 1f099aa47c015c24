package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.HrvFrequencyDomain;
import org.sessionreview.signal.cardiac.HrvTimeDomain;
import org.sessionreview.signal.cardiac.RejectReason;

/**
 * {@link CardiacWindow#span} (bisection) against a scan of the whole list: the same beats, and the
 * same statistics, bit for bit, as the whole list gives (what the windows computed before).
 */
class CardiacWindowSpanTest {
    @Test
    void shouldGiveTheStatisticsOfTheWholeList() {
        Random rng = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            List<Beat> beats = new ArrayList<>();
            double t = 1_700_000_000_000.0 + rng.nextInt(5000);
            int count = rng.nextInt(400);
            for (int i = 0; i < count; i++) {
                double ibi = 600 + 400 * rng.nextDouble();
                t += rng.nextDouble() < 0.05 ? 3 * ibi : ibi;
                beats.add(
                        rng.nextDouble() < 0.1
                                ? Beat.rejected(t, ibi, Beat.Source.DEVICE, RejectReason.MOTION)
                                : Beat.accepted(t, ibi, Beat.Source.DEVICE));
            }
            double from = 1_700_000_000_000.0 + rng.nextInt(200_000) - 10_000;
            double to = from + (rng.nextBoolean() ? 60_000 : 180_000);
            if (!beats.isEmpty() && rng.nextInt(10) == 0) {
                from = beats.get(rng.nextInt(beats.size())).tMillis(); // a beat right on the edge
            }
            List<Beat> span = CardiacWindow.span(beats, from, to);
            List<Beat> scanned = new ArrayList<>();
            for (Beat b : beats) {
                if (b.tMillis() >= from && b.tMillis() < to) {
                    scanned.add(b);
                }
            }
            assertEquals(scanned, span, "trial " + trial);
            assertEquals(HrvTimeDomain.compute(beats, from, to), HrvTimeDomain.compute(span, from, to));
            assertEquals(
                    HrvFrequencyDomain.compute(beats, from, to, HrvFrequencyDomain.Config.DEFAULT),
                    HrvFrequencyDomain.compute(span, from, to, HrvFrequencyDomain.Config.DEFAULT));
        }
    }
}
