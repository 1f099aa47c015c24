package org.sessionreview.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;

/**
 * {@link BandPower#mean} (in-place transform of reused arrays) against the straightforward code it
 * replaced (issue 10): {@link FastFourierTransformer#transform} of each frame into {@link Complex}
 * objects. Same frames, same transform: the results must be identical, bit for bit.
 */
class BandPowerReferenceTest {
    @Test
    void shouldGiveExactlyTheValuesOfTheComplexArrayTransform() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 20 + rng.nextInt(2000);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.sin(i * 0.7) * rng.nextDouble() + rng.nextGaussian() * 0.1 + 1;
                if (rng.nextDouble() < 0.002) {
                    x[i] = Double.NaN;
                }
            }
            int frame = 8 + rng.nextInt(200);
            double rate = 32;
            double low = rng.nextDouble() * 4;
            double high = low + rng.nextDouble() * 10;
            BandPower.Result fast = BandPower.mean(x, rate, frame, low, high);
            double[] ref = reference(x, rate, frame, low, high);
            assertEquals(ref[1], fast.frames(), "trial " + trial);
            assertEquals(
                    Double.doubleToLongBits(ref[0]),
                    Double.doubleToLongBits(fast.power()),
                    "trial " + trial + ": " + ref[0] + " vs " + fast.power());
        }
    }

    private static double[] reference(double[] x, double rateHz, int frameLength, double lowHz, double highHz) {
        FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
        int m = Integer.highestOneBit(frameLength - 1) << 1;
        double[] hann = new double[frameLength];
        double sumW2 = 0;
        for (int n = 0; n < frameLength; n++) {
            hann[n] = 0.5 * (1 - Math.cos(2 * Math.PI * n / frameLength));
            sumW2 += hann[n] * hann[n];
        }
        double total = 0;
        int frames = 0;
        double[] buffer = new double[m];
        frame:
        for (int start = 0; start + frameLength <= x.length; start += Math.max(1, frameLength / 2)) {
            double mean = 0;
            for (int n = 0; n < frameLength; n++) {
                if (Double.isNaN(x[start + n])) {
                    continue frame;
                }
                mean += x[start + n];
            }
            mean /= frameLength;
            Arrays.fill(buffer, 0);
            for (int n = 0; n < frameLength; n++) {
                buffer[n] = (x[start + n] - mean) * hann[n];
            }
            Complex[] spectrum = fft.transform(buffer, TransformType.FORWARD);
            double binHz = rateHz / m;
            double sum = 0;
            for (int k = 0; k <= m / 2; k++) {
                double f = k * binHz;
                if (f < lowHz || f > highHz) {
                    continue;
                }
                double re = spectrum[k].getReal();
                double im = spectrum[k].getImaginary();
                sum += ((k == 0 || k == m / 2) ? 1 : 2) * (re * re + im * im);
            }
            total += sum / (sumW2 * m);
            frames++;
        }
        return new double[] {frames == 0 ? Double.NaN : total / frames, frames};
    }
}
