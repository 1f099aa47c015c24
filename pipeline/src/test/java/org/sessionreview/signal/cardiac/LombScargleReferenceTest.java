package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LombScargle#periodogram} (two trigonometric calls per sample and frequency) against the
 * formula evaluated directly, four calls per sample (the code before issue 10, kept here): equal
 * within a relative 1e-9 of each value, or 1e-12 of the spectrum's peak for values near zero.
 */
class LombScargleReferenceTest {
    @Test
    void shouldAgreeWithTheDirectFormulaToRounding() {
        Random rng = new Random(11);
        double worst = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rng.nextInt(300);
            double[] t = new double[n];
            double[] y = new double[n];
            double time = rng.nextDouble() * 3000;
            for (int i = 0; i < n; i++) {
                double ibi = 0.6 + 0.3 * rng.nextDouble() + 0.05 * Math.sin(2 * Math.PI * 0.25 * time);
                time += rng.nextDouble() < 0.05 ? 3 * ibi : ibi; // gaps where beats were rejected
                t[i] = time;
                y[i] = ibi * 1000;
            }
            double[] f =
                    trial % 4 == 3 ? unevenGrid(rng) : LombScargle.grid(0.04, 0.4, 0.0025 + rng.nextDouble() * 0.01);
            double[] fast = LombScargle.periodogram(t, y, f);
            double[] ref = direct(t, y, f);
            double peak = 0;
            for (double p : ref) {
                peak = Math.max(peak, p);
            }
            for (int k = 0; k < f.length; k++) {
                double diff = Math.abs(fast[k] - ref[k]);
                assertTrue(
                        diff <= 1e-9 * Math.max(Math.abs(fast[k]), Math.abs(ref[k])) + 1e-12 * peak,
                        "trial " + trial + " f=" + f[k] + ": " + fast[k] + " vs " + ref[k]);
                worst = Math.max(worst, ref[k] == 0 ? 0 : diff / Math.abs(ref[k]));
            }
        }
        System.out.println("[LombScargleReferenceTest] largest relative difference " + worst);
    }

    @Test
    void shouldKeepTheDirectFormulasResultForTwoSamples() {
        double[] t = {0, 0.8};
        double[] y = {800, 820};
        double[] f = {0.1, 0.25, 0.4};
        double[] fast = LombScargle.periodogram(t, y, f);
        double[] ref = direct(t, y, f);
        for (int k = 0; k < f.length; k++) {
            assertEquals(ref[k], fast[k], 1e-9 * Math.abs(ref[k]) + 1e-9);
        }
    }

    /** Frequencies that are not evenly spaced: computed directly, without the rotation. */
    private static double[] unevenGrid(Random rng) {
        double[] f = new double[40];
        double x = 0.03;
        for (int k = 0; k < f.length; k++) {
            x += 0.001 + rng.nextDouble() * 0.02;
            f[k] = x;
        }
        return f;
    }

    private static double[] direct(double[] t, double[] y, double[] frequenciesHz) {
        int n = t.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double[] power = new double[frequenciesHz.length];
        for (int k = 0; k < frequenciesHz.length; k++) {
            double w = 2 * Math.PI * frequenciesHz[k];
            double s2 = 0;
            double c2 = 0;
            for (double ti : t) {
                s2 += Math.sin(2 * w * ti);
                c2 += Math.cos(2 * w * ti);
            }
            double tau = Math.atan2(s2, c2) / (2 * w);
            double yc = 0;
            double ys = 0;
            double cc = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double phase = w * (t[i] - tau);
                double c = Math.cos(phase);
                double s = Math.sin(phase);
                double v = y[i] - mean;
                yc += v * c;
                ys += v * s;
                cc += c * c;
                ss += s * s;
            }
            power[k] = 0.5 * ((cc > 0 ? yc * yc / cc : 0) + (ss > 0 ? ys * ys / ss : 0));
        }
        return power;
    }
}
