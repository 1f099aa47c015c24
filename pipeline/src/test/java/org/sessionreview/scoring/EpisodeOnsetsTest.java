package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared knee of {@link EpisodeOnsets} on series with a known bend. */
class EpisodeOnsetsTest {

    /** Window centres 0, 5, ..., 175 s; y = slope x + curve max(0, x - knee)^2 + noise. */
    static double[][] series(double knee, double slope, double curve, double noise, long seed) {
        Random rnd = new Random(seed);
        int n = 36;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double x = 5.0 * i;
            double h = Math.max(0, x - knee);
            xy[0][i] = x;
            xy[1][i] = 0.3 + slope * x + curve * h * h + noise * rnd.nextGaussian();
        }
        return xy;
    }

    @Test
    void shouldRecoverANoiselessKneeOnTheGrid() {
        Double tau = EpisodeOnsets.sharedKnee(List.<double[][]>of(series(103, 0.002, 0.0008, 0, 1)), 4);
        assertNotNull(tau);
        assertEquals(103, tau, 1e-9);
    }

    @Test
    void shouldLetTheClearChannelTimeTheKneeWhenTheOtherIsNoisy() {
        int closeShared = 0;
        int closeNoisyAlone = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[][] clear = series(100, 0, 0.0008, 0.1, seed);
            double[][] noisy = series(100, 0.004, 0.0004, 0.6, 1000 + seed);
            double shared = EpisodeOnsets.sharedKnee(List.<double[][]>of(clear, noisy), 4);
            Double alone = EpisodeOnsets.sharedKnee(List.<double[][]>of(noisy), 4);
            closeShared += Math.abs(shared - 100) <= 10 ? 1 : 0;
            closeNoisyAlone += alone != null && Math.abs(alone - 100) <= 10 ? 1 : 0;
        }
        // The profile likelihood weighs each channel by how well a bend explains it: the noisy
        // channel alone times the knee within 10 s in few seeds, the pair in nearly all.
        assertEquals(20, closeShared, 1);
        assertEquals(true, closeNoisyAlone < closeShared - 5, "noisy alone " + closeNoisyAlone);
    }

    @Test
    void shouldFitTheLineWhenTheBestBendIsDownwards() {
        double[] x = {0, 5, 10, 15, 20, 25, 30, 35, 40, 45};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 + 0.1 * x[i] - (x[i] > 20 ? 0.01 * (x[i] - 20) * (x[i] - 20) : 0);
        }
        double line = EpisodeOnsets.leastSquares(y, ones(x.length), x)[2];
        assertEquals(line, EpisodeOnsets.kneeSse(x, y, 20), 1e-9);
        double[] exact = EpisodeOnsets.leastSquares(y, ones(x.length), x);
        assertEquals(true, line > 0.01, "a bend down is not a rise: the line's residual stays " + exact[2]);
    }

    @Test
    void shouldGiveNoKneeWhenTooFewWindowsLieOnEitherSide() {
        double[][] shortSeries = {{0, 5, 10, 15, 20, 25}, {0, 0, 0, 1, 2, 3}};
        assertNull(EpisodeOnsets.sharedKnee(List.<double[][]>of(shortSeries), 4));
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
