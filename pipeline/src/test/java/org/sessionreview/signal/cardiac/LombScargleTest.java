package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;

class LombScargleTest {

    @Test
    void shouldPeakAtTheSinusoidsFrequencyWhenSamplesAreUneven() {
        Random random = new Random(11);
        int n = 300;
        double[] t = new double[n];
        double[] y = new double[n];
        double now = 0;
        for (int i = 0; i < n; i++) {
            now += 0.5 + random.nextDouble(); // 0.5-1.5 s apart, like irregular beats
            t[i] = now;
            y[i] = 40 * Math.sin(2 * Math.PI * 0.23 * now + 0.7) + random.nextGaussian();
        }
        double[] f = LombScargle.grid(0.01, 0.45, 0.001);
        double[] p = LombScargle.periodogram(t, y, f);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        assertEquals(0.23, f[best], 0.0015);
    }

    @Test
    void shouldEqualTheFftPeriodogramWhenSamplesAreEvenAtFourierFrequencies() {
        Random random = new Random(3);
        int n = 256;
        double dt = 0.5;
        double[] t = new double[n];
        double[] y = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
            y[i] = random.nextGaussian() * 30 + 800;
            mean += y[i] / n;
        }
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = y[i] - mean;
        }
        Complex[] spectrum =
                new FastFourierTransformer(DftNormalization.STANDARD).transform(centred, TransformType.FORWARD);
        for (int k : new int[] {1, 17, 64, 127}) {
            double f = k / (n * dt);
            double lomb = LombScargle.periodogram(t, y, new double[] {f})[0];
            double fft = spectrum[k].abs() * spectrum[k].abs() / n;
            assertEquals(fft, lomb, 1e-6 * fft, "bin " + k);
        }
    }

    @Test
    void shouldIntegrateToTheSinusoidsVarianceWhenSamplesAreUnevenWithGaps() {
        Random random = new Random(5);
        double amplitude = 50;
        java.util.List<double[]> samples = new java.util.ArrayList<>();
        double now = 0;
        while (now < 300) {
            now += 0.7 + 0.3 * random.nextDouble();
            if (now > 100 && now < 130) {
                continue; // a 30 s gap
            }
            samples.add(new double[] {now, amplitude * Math.sin(2 * Math.PI * 0.25 * now)});
        }
        double[] t = samples.stream().mapToDouble(s -> s[0]).toArray();
        double[] y = samples.stream().mapToDouble(s -> s[1]).toArray();
        double[] f = LombScargle.grid(0.15, 0.4, 0.0005);
        double power = LombScargle.bandPower(f, LombScargle.psd(t, y, f), 0.15, 0.4);
        assertEquals(amplitude * amplitude / 2, power, 0.1 * amplitude * amplitude / 2);
    }
}
