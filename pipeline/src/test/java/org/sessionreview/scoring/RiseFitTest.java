package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RiseFit} against the QR least squares it replaced ({@link ReferenceRiseFit}). */
class RiseFitTest {
    @Test
    void shouldGiveTheResidualsOfQrLeastSquaresForEveryCandidate() {
        Random rnd = new Random(7);
        double worst = 0;
        int lines = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 4 + rnd.nextInt(40);
            double[] x = new double[n];
            double[] y = new double[n];
            double onset = 20 + rnd.nextDouble() * 100;
            for (int i = 0; i < n; i++) {
                x[i] = 15 + 5.0 * i;
                y[i] = rnd.nextGaussian() * 0.3
                        + (trial % 3 == 0 ? 0 : 0.02 * RiseKernel.at(x[i], 30, onset, 1.2, 20))
                        - (trial % 5 == 0 ? 0.01 * x[i] : 0);
            }
            RiseFit fit = new RiseFit(x, y);
            for (double t0 = 0; t0 < 15 + 5.0 * n; t0 += 3.5) {
                for (double ramp : RiseKernel.RAMPS_S) {
                    for (double span : new double[] {30, 60}) {
                        double expected = ReferenceRiseFit.riseSse(x, y, t0, span, 1.2, ramp);
                        double actual = fit.sse(t0, span, 1.2, ramp);
                        lines += actual == fit.lineSse() ? 1 : 0;
                        double rel = Math.abs(actual - expected) / Math.max(expected, 1e-12);
                        worst = Math.max(worst, rel);
                        assertEquals(expected, actual, 1e-9 * Math.max(expected, 1e-3), "trial " + trial + " t0 " + t0);
                    }
                }
            }
        }
        System.out.println("RiseFit vs QR: largest relative difference " + worst + ", " + lines + " line fits");
        assertTrue(lines > 0, "some candidates fall back to the line (a rise going down, or none before t0)");
    }

    @Test
    void shouldFallBackToTheLineAndToInfinityWhereQrIsSingular() {
        double[] x = {0, 5, 10, 15, 20};
        double[] y = {1, 2, 3, 5, 8};
        RiseFit fit = new RiseFit(x, y);
        // t0 after every leading edge: g is all zero, the rise column is rank-deficient
        assertEquals(ReferenceRiseFit.riseSse(x, y, 100, 30, 1.2, 10), fit.sse(100, 30, 1.2, 10), 1e-12);
        assertEquals(fit.lineSse(), fit.sse(100, 30, 1.2, 10), 0.0);
        double[] same = {3, 3, 3, 3, 3};
        assertEquals(Double.POSITIVE_INFINITY, new RiseFit(same, y).sse(1, 30, 1.2, 10));
        assertEquals(Double.POSITIVE_INFINITY, ReferenceRiseFit.riseSse(same, y, 1, 30, 1.2, 10));
    }

    @Test
    void shouldChooseTheSameOnsetAsTheQrSearchOnNoisyStepsAndRises() {
        int compared = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double onset = 80 + seed % 7 * 6;
            List<double[][]> series = seed % 2 == 0
                    ? List.of(
                            EpisodeOnsetsTest.stepSeries(onset, 30, 0.05 + seed % 4 * 0.05, seed),
                            EpisodeOnsetsTest.stepSeries(onset, 60, 0.1, 100 + seed))
                    : List.of(
                            EpisodeOnsetsTest.series(onset, 30, 0.002, 0.02, 0.2, seed),
                            EpisodeOnsetsTest.series(onset, 60, 0.001, 0.015, 0.4, 100 + seed),
                            EpisodeOnsetsTest.series(onset, 60, -0.001, 0.01, 0.6, 200 + seed));
            List<Double> spans = series.size() == 2 ? List.of(30.0, 60.0) : List.of(30.0, 60.0, 60.0);
            assertEquals(
                    ReferenceRiseFit.sharedOnset(series, spans, 4, RiseKernel.EXPONENT, RiseKernel.RAMPS_S),
                    EpisodeOnsets.sharedOnset(series, spans, 4, RiseKernel.EXPONENT, RiseKernel.RAMPS_S),
                    "seed " + seed);
            compared++;
        }
        assertEquals(40, compared);
    }
}
