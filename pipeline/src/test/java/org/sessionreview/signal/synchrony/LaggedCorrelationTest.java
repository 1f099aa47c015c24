package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class LaggedCorrelationTest {

    /** Straightforward Pearson r on the complete pairs (c[t], h[t + k]) inside the stretch. */
    private static double slowZ(double[] c, double[] h, int k) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int t = 0; t < c.length; t++) {
            int u = t + k;
            if (u < 0 || u >= h.length || Double.isNaN(c[t]) || Double.isNaN(h[u])) {
                continue;
            }
            sx += c[t];
            sy += h[u];
            sxx += c[t] * c[t];
            syy += h[u] * h[u];
            sxy += c[t] * h[u];
            n++;
        }
        double cov = sxy - sx * sy / n;
        double r = cov / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    @Test
    void shouldMatchAStraightforwardLaggedPearsonWhenSomeSamplesAreMasked() {
        Well19937c rng = new Well19937c(42);
        int n = 80;
        double[] c = new double[n];
        double[] h = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = rng.nextGaussian() + 0.02 * t;
            h[t] = 0.6 * c[Math.max(0, t - 2)] + rng.nextGaussian();
        }
        c[10] = Double.NaN;
        h[33] = Double.NaN;
        h[34] = Double.NaN;

        double[] z = LaggedCorrelation.zProfile(c, 0, h, 0, n, 6, 0.5, 10);
        for (int k = -6; k <= 6; k++) {
            assertEquals(slowZ(c, h, k), z[k + 6], 1e-10, "lag " + k);
        }
    }

    @Test
    void shouldPeakAtAPositiveLagWhenTheTherapistRepeatsTheClientLater() {
        Well19937c rng = new Well19937c(1);
        int n = 120;
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = rng.nextGaussian();
        }
        double[] h = new double[n];
        for (int t = 0; t < n; t++) {
            h[t] = t >= 2 ? c[t - 2] : rng.nextGaussian(); // therapist = client 2 samples later
        }
        double[] z = LaggedCorrelation.zProfile(c, 0, h, 0, n, 5, 0.5, 10);

        assertEquals(7, WindowedCrossCorrelation.peakIndex(z, 5), "peak at k = +2");
        assertEquals(10.0, z[7], 1e-12, "a perfect correlation is clamped to the bound");
    }

    @Test
    void shouldReadOffsetStretchesWhenPairingDifferentSegments() {
        Well19937c rng = new Well19937c(3);
        double[] c = new double[200];
        double[] h = new double[200];
        for (int t = 0; t < 200; t++) {
            c[t] = rng.nextGaussian();
            h[t] = rng.nextGaussian();
        }
        double[] direct = LaggedCorrelation.zProfile(
                java.util.Arrays.copyOfRange(c, 0, 50),
                0,
                java.util.Arrays.copyOfRange(h, 100, 150),
                0,
                50,
                4,
                0.5,
                10);
        double[] offset = LaggedCorrelation.zProfile(c, 0, h, 100, 50, 4, 0.5, 10);
        for (int k = 0; k < direct.length; k++) {
            assertEquals(direct[k], offset[k], 0.0);
        }
    }

    @Test
    void shouldLeaveALagUndefinedWhenTooFewOfItsPairsAreComplete() {
        int n = 40;
        double[] c = new double[n];
        double[] h = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = Math.sin(t * 0.7);
            h[t] = t < 24 ? Double.NaN : Math.cos(t * 0.3);
        }
        double[] z = LaggedCorrelation.zProfile(c, 0, h, 0, n, 3, 0.5, 10);
        // lag 0 has 16 complete pairs of 40 (< 20 needed): undefined
        assertTrue(Double.isNaN(z[3]));
        assertTrue(Double.isNaN(LaggedCorrelation.fisherZ(Double.NaN, 10)));
        assertEquals(-10.0, LaggedCorrelation.fisherZ(-1.0, 10), 0.0);
        assertEquals(0.5493061443340549, LaggedCorrelation.fisherZ(0.5, 10), 1e-15);
    }
}
