package org.sessionreview.signal;

import java.util.Arrays;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Mean power of a signal inside a frequency band, averaged over Hann-windowed FFT frames with
 * 50 % overlap (Welch's method).
 *
 * <p>Per frame: the frame mean is removed, a periodic Hann window {@code w[n] = 0.5 (1 - cos(2
 * pi n / N))} applied, the frame zero-padded to the next power of two {@code M} (the Commons Math
 * FFT needs one) and transformed. The one-sided power spectral density is {@code P[k] = c |X[k]|^2
 * / (fs * sum(w^2))} with {@code c = 2} except at 0 and Nyquist; the band power is {@code sum P[k]
 * * fs / M} over the bins whose frequency {@code k fs / M} lies in {@code [lowHz, highHz]}. So
 * the result is in squared signal units (a variance): a sine of amplitude {@code A} inside the
 * band gives {@code A^2 / 2}. Frames holding a NaN are skipped.
 *
 * <p>Reference: Welch, P. D. (1967). The use of fast Fourier transform for the estimation of
 * power spectra. IEEE Trans. Audio Electroacoustics 15(2), 70-73.
 */
public final class BandPower {
    private BandPower() {}

    /**
     * The band power and the frames it averages.
     *
     * @param power mean band power over the frames, squared signal units; NaN when no frame
     * @param frames number of frames used
     */
    public record Result(double power, int frames) {}

    /**
     * Mean band power of {@code x}.
     *
     * @param x the signal (NaN marks invalid samples)
     * @param rateHz sampling rate, Hz
     * @param frameLength samples per frame (e.g. 128 = 4 s at 32 Hz), >= 2
     * @param lowHz lower band edge, Hz (inclusive)
     * @param highHz upper band edge, Hz (inclusive)
     */
    public static Result mean(double[] x, double rateHz, int frameLength, double lowHz, double highHz) {
        if (frameLength < 2) {
            throw new IllegalArgumentException("frameLength must be >= 2, got " + frameLength);
        }
        int fftLength = Integer.highestOneBit(frameLength - 1) << 1;
        double[] hann = new double[frameLength];
        double sumW2 = 0;
        for (int n = 0; n < frameLength; n++) {
            hann[n] = 0.5 * (1 - Math.cos(2 * Math.PI * n / frameLength));
            sumW2 += hann[n] * hann[n];
        }
        int step = Math.max(1, frameLength / 2);
        double total = 0;
        int frames = 0;
        // real and imaginary parts, transformed in place: the values FastFourierTransformer.transform
        // gives (it copies its input into such arrays), without a Complex object per bin
        double[][] spectrum = new double[2][fftLength];
        for (int start = 0; start + frameLength <= x.length; start += step) {
            if (!fill(x, start, frameLength, hann, spectrum[0])) {
                continue;
            }
            Arrays.fill(spectrum[1], 0);
            FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.FORWARD);
            total += bandPower(spectrum, rateHz, fftLength, sumW2, lowHz, highHz);
            frames++;
        }
        return new Result(frames == 0 ? Double.NaN : total / frames, frames);
    }

    /** Demeaned, windowed, zero-padded frame; false when it holds a NaN. */
    private static boolean fill(double[] x, int start, int len, double[] hann, double[] out) {
        double mean = 0;
        for (int n = 0; n < len; n++) {
            double v = x[start + n];
            if (Double.isNaN(v)) {
                return false;
            }
            mean += v;
        }
        mean /= len;
        Arrays.fill(out, 0);
        for (int n = 0; n < len; n++) {
            out[n] = (x[start + n] - mean) * hann[n];
        }
        return true;
    }

    private static double bandPower(
            double[][] spectrum, double rateHz, int m, double sumW2, double lowHz, double highHz) {
        double binHz = rateHz / m;
        double sum = 0;
        for (int k = 0; k <= m / 2; k++) {
            double f = k * binHz;
            if (f < lowHz || f > highHz) {
                continue;
            }
            double re = spectrum[0][k];
            double im = spectrum[1][k];
            double oneSided = (k == 0 || k == m / 2) ? 1 : 2;
            sum += oneSided * (re * re + im * im);
        }
        // PSD = c|X|^2 / (fs sum w^2); times bin width fs / M.
        return sum / (sumW2 * m);
    }
}
