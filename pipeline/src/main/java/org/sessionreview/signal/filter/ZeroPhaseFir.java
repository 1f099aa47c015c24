package org.sessionreview.signal.filter;

/**
 * The zero-phase (forward-backward) response of an {@link Sos} filter as a symmetric FIR kernel of
 * bounded support, for streams: each output sample uses at most {@code halfWidth} samples before
 * and after it, and the same input samples always give bit-identical output, wherever the signal
 * was cut into pieces.
 *
 * <p>The kernel is the impulse response of {@link Sos#filtFilt} (the autocorrelation of the causal
 * impulse response; magnitude response {@code |H|^2}), cut at {@code +-halfWidth} and corrected so
 * that its taps sum to the zero-phase DC gain {@code H(1)^2} (scaled when that gain is not zero, as
 * for a low-pass; shifted by the mean tap when it is, as for a high-pass), so a constant passes as
 * {@code filtFilt} passes it. When the cut falls where the response has decayed (see {@link
 * #decaySamples}), the result equals {@code filtFilt} away from the ends of the signal; a shorter
 * cut trades accuracy at the lowest frequencies for look-ahead. At both ends the signal is extended
 * by odd reflection, as {@code sosfiltfilt} does.
 *
 * <p>Cost: {@code 2 * halfWidth + 1} multiply-adds per sample.
 *
 * <p>Reference: Gustafsson, F. (1996). Determining the initial states in forward-backward
 * filtering. IEEE Trans. Signal Processing 44(4), 988-992 (forward-backward filtering and its
 * zero-phase response).
 */
public final class ZeroPhaseFir {
    private final double[] kernel;
    private final int halfWidth;

    private ZeroPhaseFir(double[] kernel) {
        this.kernel = kernel;
        this.halfWidth = kernel.length / 2;
    }

    /**
     * The kernel of {@code sos}'s forward-backward response cut at {@code +-halfWidth} samples.
     *
     * @param halfWidth look-ahead (and look-back) in samples, >= 0
     */
    public static ZeroPhaseFir of(Sos sos, int halfWidth) {
        return tapered(sos, halfWidth, 0);
    }

    /**
     * Like {@link #of}, with the outer {@code taperFraction} of each side multiplied by a
     * raised-cosine (Tukey) window, {@code 0.5 * (1 - cos(pi * d / (taperFraction * halfWidth)))}
     * at {@code d} samples from the edge (as {@code scipy.signal.windows.tukey(2 * halfWidth + 1,
     * taperFraction)}), before the DC correction. The kernel then falls smoothly to zero, so a
     * large input entering or leaving the support changes the output gradually rather than by a
     * step of the cut tap's weight; the price is a slightly wider transition band.
     *
     * @param taperFraction in [0, 1]; 0 is a plain cut
     */
    public static ZeroPhaseFir tapered(Sos sos, int halfWidth, double taperFraction) {
        if (!(taperFraction >= 0 && taperFraction <= 1)) {
            throw new IllegalArgumentException("taperFraction must be in [0, 1], got " + taperFraction);
        }
        if (halfWidth < 0) {
            throw new IllegalArgumentException("halfWidth must be >= 0, got " + halfWidth);
        }
        // the forward response must have died out before the end of the work array
        int tail = decaySamples(sos, 1e-16) + 16;
        int centre = halfWidth + tail;
        double[] impulse = new double[2 * centre + 1];
        impulse[centre] = 1;
        double[] forward = sos.filter(impulse);
        reverse(forward);
        double[] both = sos.filter(forward);
        reverse(both);
        double[] kernel = new double[2 * halfWidth + 1];
        System.arraycopy(both, centre - halfWidth, kernel, 0, kernel.length);
        double taperWidth = taperFraction * halfWidth;
        for (int d = 0; d < taperWidth; d++) {
            double w = 0.5 * (1 - Math.cos(Math.PI * d / taperWidth));
            kernel[d] *= w;
            kernel[kernel.length - 1 - d] *= w;
        }
        double target = dcGain(sos) * dcGain(sos);
        double cut = 0;
        for (double v : kernel) {
            cut += v;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] = target != 0 ? kernel[k] * (target / cut) : kernel[k] - cut / kernel.length;
        }
        return new ZeroPhaseFir(kernel);
    }

    /**
     * Samples after which the envelope {@code r^n} of the causal impulse response, r the largest
     * pole modulus, falls below {@code tolerance}; a cut at this many samples leaves a relative
     * error of about {@code tolerance}.
     */
    public static int decaySamples(Sos sos, double tolerance) {
        double r = 0;
        for (double[] c : sos.sections()) {
            double disc = c[4] * c[4] - 4 * c[5];
            double modulus = disc < 0
                    ? Math.sqrt(c[5])
                    : Math.max(Math.abs(-c[4] + Math.sqrt(disc)), Math.abs(-c[4] - Math.sqrt(disc))) / 2;
            r = Math.max(r, modulus);
        }
        if (r >= 1) {
            throw new IllegalArgumentException("filter is not stable: pole modulus " + r);
        }
        return r == 0 ? 2 : (int) Math.ceil(Math.log(tolerance) / Math.log(r));
    }

    /** Support on each side, samples. */
    public int halfWidth() {
        return halfWidth;
    }

    /** A copy of the {@code 2 * halfWidth + 1} taps, centre tap in the middle. */
    public double[] kernel() {
        return kernel.clone();
    }

    /**
     * Filters {@code x} (finite values). Output sample i is {@code sum_k kernel[k] x[i + k -
     * halfWidth]}, with {@code x[j] = 2 x[0] - x[-j]} before the start and {@code 2 x[n-1] -
     * x[2n-2-j]} after the end (reflection indices clamped to the signal).
     */
    public double[] apply(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int from = i - halfWidth;
            double acc = 0;
            if (from >= 0 && i + halfWidth < n) {
                for (int k = 0; k < kernel.length; k++) {
                    acc += kernel[k] * x[from + k];
                }
            } else {
                for (int k = 0; k < kernel.length; k++) {
                    acc += kernel[k] * at(x, from + k);
                }
            }
            y[i] = acc;
        }
        return y;
    }

    /** {@code H(z = 1)}: the product of each section's {@code (b0 + b1 + b2) / (1 + a1 + a2)}. */
    static double dcGain(Sos sos) {
        double g = 1;
        for (double[] c : sos.sections()) {
            g *= (c[0] + c[1] + c[2]) / (c[3] + c[4] + c[5]);
        }
        return g;
    }

    private static double at(double[] x, int j) {
        int n = x.length;
        if (j < 0) {
            return 2 * x[0] - x[Math.min(-j, n - 1)];
        }
        if (j >= n) {
            return 2 * x[n - 1] - x[Math.max(2 * n - 2 - j, 0)];
        }
        return x[j];
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
