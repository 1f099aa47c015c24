package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A wrist-like pulse wave with known beats: each beat is a systolic Gaussian (sd 80 ms) plus a
 * smaller diastolic one 280 ms later, over baseline wander (0.05 Hz) and white noise; intervals
 * follow respiratory sinus arrhythmia.
 */
final class SyntheticPulse {
    final double rateHz;
    final double[] samples;
    /** True systolic peak times, seconds. */
    final List<Double> beatTimesS = new ArrayList<>();

    SyntheticPulse(double rateHz, double durationS, double meanIbiS, double rsaS, long seed) {
        this.rateHz = rateHz;
        int n = (int) Math.round(durationS * rateHz);
        samples = new double[n];
        Random random = new Random(seed);
        double t = 0.7;
        while (t < durationS + 1) {
            beatTimesS.add(t);
            t += meanIbiS + rsaS * Math.sin(2 * Math.PI * 0.25 * t);
        }
        for (int i = 0; i < n; i++) {
            double s = i / rateHz;
            double v = 20 * Math.sin(2 * Math.PI * 0.05 * s) + random.nextGaussian();
            for (double b : beatTimesS) {
                if (Math.abs(s - b) < 1.0) {
                    v += 50 * Math.exp(-sq(s - b) / (2 * sq(0.08))) + 15 * Math.exp(-sq(s - b - 0.28) / (2 * sq(0.06)));
                }
            }
            samples[i] = v;
        }
        beatTimesS.removeIf(b -> b * rateHz >= n);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Replaces {@code [fromS, toS)} by a motion-like burst: large, irregular 0.5-3 Hz swings. */
    SyntheticPulse withMotion(double fromS, double toS, long seed) {
        Random random = new Random(seed);
        double phase1 = random.nextDouble() * 6;
        double phase2 = random.nextDouble() * 6;
        for (int i = (int) (fromS * rateHz); i < toS * rateHz; i++) {
            double s = i / rateHz;
            samples[i] += 300 * Math.sin(2 * Math.PI * 1.3 * s + phase1)
                    + 200 * Math.sin(2 * Math.PI * 2.9 * s + phase2)
                    + 30 * random.nextGaussian();
        }
        return this;
    }

    /** Masks {@code [fromS, toS)} with NaN (contact loss). */
    SyntheticPulse withMask(double fromS, double toS) {
        for (int i = (int) (fromS * rateHz); i < toS * rateHz; i++) {
            samples[i] = Double.NaN;
        }
        return this;
    }
}
