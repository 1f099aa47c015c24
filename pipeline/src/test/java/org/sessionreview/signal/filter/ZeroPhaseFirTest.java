package org.sessionreview.signal.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZeroPhaseFirTest {
    private static double[] signal(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double level = 10;
        for (int i = 0; i < n; i++) {
            level += 0.05 * r.nextGaussian();
            x[i] = level + 0.3 * Math.sin(i / 40.0);
        }
        return x;
    }

    @Test
    void shouldEqualFiltFiltAwayFromTheEndsWhenTheResponseHasDecayed() {
        double fs = 4;
        Sos lp = Butterworth.lowPass(2, 0.05, fs);
        int half = ZeroPhaseFir.decaySamples(lp, 1e-13);
        double[] x = signal(4000, 1);
        double[] fir = ZeroPhaseFir.of(lp, half).apply(x);
        double[] ff = lp.filtFilt(x);
        // filtFilt's own edge transient also dies out within the decay length
        for (int i = 2 * half; i < x.length - 2 * half; i++) {
            assertEquals(ff[i], fir[i], 1e-8, "sample " + i);
        }
    }

    @Test
    void shouldBeSymmetricAndSumToTheZeroPhaseDcGain() {
        Sos lp = Butterworth.lowPass(2, 0.05, 100);
        Sos hp = Butterworth.highPass(2, 0.05, 100);
        for (Sos sos : new Sos[] {lp, hp}) {
            double[] k = ZeroPhaseFir.of(sos, 1500).kernel();
            assertEquals(3001, k.length);
            double sum = 0;
            for (int i = 0; i < k.length; i++) {
                assertEquals(k[i], k[k.length - 1 - i], 1e-12 * Math.abs(k[1500]));
                sum += k[i];
            }
            // H(1) = (b0 + b1 + b2) / (1 + a1 + a2) with 1 + a1 + a2 ~ 1e-5: rounding ~1e-12
            assertEquals(sos == lp ? 1.0 : 0.0, sum, 1e-10);
        }
    }

    @Test
    void shouldGiveBitIdenticalOutputWhenTheWindowLiesInsideAPiece() {
        Sos lp = Butterworth.lowPass(2, 0.05, 4);
        ZeroPhaseFir fir = ZeroPhaseFir.of(lp, 60);
        double[] x = signal(1000, 2);
        double[] whole = fir.apply(x);
        int from = 317;
        double[] piece = fir.apply(Arrays.copyOfRange(x, from, from + 250));
        for (int i = 60; i < 250 - 60; i++) {
            assertEquals(whole[from + i], piece[i], 0.0, "sample " + (from + i));
        }
    }

    @Test
    void shouldPassAConstantAndALineWhenLowPass() {
        ZeroPhaseFir fir = ZeroPhaseFir.of(Butterworth.lowPass(2, 0.05, 4), 60);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + 0.01 * i;
        }
        double[] y = fir.apply(x);
        for (int i = 0; i < x.length; i++) {
            // symmetric taps and odd reflection keep a straight line, ends included
            assertEquals(x[i], y[i], 1e-9, "sample " + i);
        }
    }

    @Test
    void shouldShortenTheSupportOnlyAtTheCostOfTheLowestFrequencies() {
        Sos lp = Butterworth.lowPass(2, 0.05, 4);
        double[] x = signal(6000, 3);
        double[] exact =
                ZeroPhaseFir.of(lp, ZeroPhaseFir.decaySamples(lp, 1e-13)).apply(x);
        double[] cut = ZeroPhaseFir.of(lp, 60).apply(x);
        double worst = 0;
        for (int i = 1000; i < 5000; i++) {
            worst = Math.max(worst, Math.abs(exact[i] - cut[i]));
        }
        assertTrue(worst > 0 && worst < 0.05, "15 s support differs from the full response by " + worst);
    }

    @Test
    void shouldFallSmoothlyToZeroAtTheEdgesWhenTapered() {
        Sos lp = Butterworth.lowPass(2, 0.05, 4);
        double[] plain = ZeroPhaseFir.of(lp, 60).kernel();
        double[] k = ZeroPhaseFir.tapered(lp, 60, 0.5).kernel();
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(0.0, k[0], 0.0);
        // the plain cut ends on the kernel's negative side lobe (about -4 % of the centre tap)
        assertTrue(plain[0] < -0.03 * plain[60], "plain edge " + plain[0]);
        // the window is 1 on the inner half: only the DC correction rescales those taps
        assertEquals(plain[60] / plain[90], k[60] / k[90], 1e-12);
        for (int d = 1; d < 30; d++) {
            double w = 0.5 * (1 - Math.cos(Math.PI * d / 30.0));
            assertEquals(w * plain[d] / plain[60], k[d] / k[60], 1e-12, "tap " + d);
        }
    }
}
