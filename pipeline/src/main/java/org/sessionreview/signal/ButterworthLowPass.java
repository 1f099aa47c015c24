package org.sessionreview.signal;

/**
 * A 2nd-order Butterworth low-pass as one biquad, designed by the bilinear transform with
 * pre-warping, so its coefficients equal {@code scipy.signal.butter(2, cutoffHz, fs=rateHz)}.
 * Magnitude response: {@code |H(f)| = 1 / sqrt(1 + (tan(pi f / fs) / tan(pi fc / fs))^4)}.
 *
 * <p>Two ways to apply it: {@link #filter} (causal, like {@code scipy.signal.lfilter} started at
 * steady state on the first sample, i.e. {@code zi = lfilter_zi * x[0]}) and {@link
 * #filterZeroPhase} (like {@code scipy.signal.filtfilt} with its default odd padding). Inputs
 * must be finite: fill gaps before filtering.
 *
 * <p>Reference: Oppenheim &amp; Schafer (2010), <i>Discrete-Time Signal Processing</i> (3rd ed.),
 * section 7.2 (bilinear transformation).
 */
public final class ButterworthLowPass {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;

    private ButterworthLowPass(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /**
     * Designs the filter.
     *
     * @param cutoffHz -3 dB frequency, Hz; {@code 0 < cutoffHz < rateHz / 2}
     * @param rateHz sampling rate, Hz
     * @throws IllegalArgumentException when the cut-off is not below Nyquist
     */
    public static ButterworthLowPass secondOrder(double cutoffHz, double rateHz) {
        if (!(cutoffHz > 0 && cutoffHz < rateHz / 2)) {
            throw new IllegalArgumentException("cutoffHz must be within (0, rateHz / 2) = (0, "
                    + rateHz / 2 + "), got " + cutoffHz);
        }
        double k = Math.tan(Math.PI * cutoffHz / rateHz);
        double kk = k * k;
        double norm = 1.0 / (1.0 + Math.sqrt(2.0) * k + kk);
        double b0 = kk * norm;
        return new ButterworthLowPass(
                b0, 2 * b0, b0, 2 * (kk - 1) * norm, (1 - Math.sqrt(2.0) * k + kk) * norm);
    }

    /** Numerator {b0, b1, b2}. */
    public double[] b() {
        return new double[] {b0, b1, b2};
    }

    /** Denominator {1, a1, a2}. */
    public double[] a() {
        return new double[] {1, a1, a2};
    }

    /** Causal filtering, the state at steady state for {@code x[0]} (no start-up transient). */
    public double[] filter(double[] x) {
        double[] y = new double[x.length];
        if (x.length > 0) {
            run(x, y, x[0]);
        }
        return y;
    }

    /**
     * Zero-phase filtering: forward, then backward, each started at steady state, on the signal
     * extended at both ends by odd reflection over {@code min(9, n - 1)} samples (scipy's
     * {@code padtype="odd", padlen=3 * max(len(a), len(b))}). The result has no lag and twice
     * the attenuation in dB.
     */
    public double[] filterZeroPhase(double[] x) {
        int n = x.length;
        if (n < 2) {
            return x.clone();
        }
        int pad = Math.min(9, n - 1);
        double[] ext = new double[n + 2 * pad];
        for (int j = 0; j < pad; j++) {
            ext[j] = 2 * x[0] - x[pad - j];
            ext[pad + n + j] = 2 * x[n - 1] - x[n - 2 - j];
        }
        System.arraycopy(x, 0, ext, pad, n);
        double[] forward = new double[ext.length];
        run(ext, forward, ext[0]);
        reverse(forward);
        double[] backward = new double[ext.length];
        run(forward, backward, forward[0]);
        reverse(backward);
        double[] y = new double[n];
        System.arraycopy(backward, pad, y, 0, n);
        return y;
    }

    /** Transposed direct form II, state started at steady state for a constant input {@code u}. */
    private void run(double[] x, double[] y, double u) {
        double z2 = (b2 - a2) * u;
        double z1 = (b1 - a1) * u + z2;
        for (int i = 0; i < x.length; i++) {
            double out = b0 * x[i] + z1;
            z1 = b1 * x[i] - a1 * out + z2;
            z2 = b2 * x[i] - a2 * out;
            y[i] = out;
        }
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
