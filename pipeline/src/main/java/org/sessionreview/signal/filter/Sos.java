package org.sessionreview.signal.filter;

import java.util.Arrays;

/**
 * An IIR filter as cascaded second-order sections (biquads), each row {@code b0 b1 b2 a0 a1 a2}
 * with {@code a0 = 1}, as {@code scipy.signal} represents {@code output="sos"}. Immutable.
 *
 * <p>Three ways to apply it, each equal to its scipy counterpart to rounding (the section recursion
 * is scipy's transposed direct form II, in the same order of operations):
 *
 * <ul>
 *   <li>{@link #filter}: {@code scipy.signal.sosfilt(sos, x)}, causal, started from rest;
 *   <li>{@link #filterCausal}: {@code sosfilt(sos, x, zi=state)}, carrying the state from one chunk
 *       to the next, so a stream fed in chunks gives the output of one call;
 *   <li>{@link #filtFilt}: {@code scipy.signal.sosfiltfilt(sos, x)} with its defaults ({@code
 *       padtype="odd"}, {@code padlen = 3 * (2 * len(sos) + 1 - min((sos[:, 2] == 0).sum(), (sos[:,
 *       5] == 0).sum()))}), zero phase and the squared magnitude response.
 * </ul>
 *
 * Inputs must be finite: a NaN spreads through the rest of the output.
 *
 * <p>References: SciPy, {@code scipy.signal.sosfilt}, {@code sosfilt_zi}, {@code sosfiltfilt}
 * (https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.sosfiltfilt.html); Gustafsson,
 * F. (1996). Determining the initial states in forward-backward filtering. IEEE Trans. Signal
 * Processing 44(4), 988-992 (the steady-state start that {@code sosfilt_zi} gives).
 */
public final class Sos {
    private final double[][] sections;

    /**
     * @param sections rows {@code b0 b1 b2 a0 a1 a2}, at least one, each with {@code a0 = 1}
     * @throws IllegalArgumentException for a row of the wrong length, a0 != 1 or a non-finite
     *     coefficient
     */
    public Sos(double[][] sections) {
        if (sections.length == 0) {
            throw new IllegalArgumentException("at least one section is needed");
        }
        this.sections = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            double[] row = sections[s];
            if (row.length != 6 || row[3] != 1.0) {
                throw new IllegalArgumentException(
                        "section " + s + " must be {b0, b1, b2, 1, a1, a2}, got " + Arrays.toString(row));
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("section " + s + " is not finite: " + Arrays.toString(row));
                }
            }
            this.sections[s] = row.clone();
        }
    }

    /** Number of sections. */
    public int sectionCount() {
        return sections.length;
    }

    /** A copy of the coefficients, one row {@code b0 b1 b2 a0 a1 a2} per section. */
    public double[][] sections() {
        double[][] copy = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            copy[s] = sections[s].clone();
        }
        return copy;
    }

    /** {@code scipy.signal.sosfilt(sos, x)}: causal, from a zero state. */
    public double[] filter(double[] x) {
        return filterCausal(x, zeroState());
    }

    /**
     * Causal filtering that continues from {@code state} and leaves the final state in it, like
     * {@code y, state = sosfilt(sos, x, zi=state)}. Feeding a signal in consecutive chunks with the
     * same state array gives exactly the output of one call on the whole signal.
     *
     * @param x the next samples
     * @param state {@code 2 * sectionCount()} values, section by section (scipy's {@code zi} of
     *     shape {@code (n_sections, 2)}, flattened); start with {@link #zeroState} or {@link
     *     #steadyState}; updated in place
     * @return the filtered samples
     */
    public double[] filterCausal(double[] x, double[] state) {
        if (state.length != 2 * sections.length) {
            throw new IllegalArgumentException(
                    "state must hold 2 * " + sections.length + " values, got " + state.length);
        }
        double[] y = x.clone();
        filterInPlace(y, y.length, state, false);
        return y;
    }

    /** An all-zero state for {@link #filterCausal}. */
    public double[] zeroState() {
        return new double[2 * sections.length];
    }

    /**
     * {@code scipy.signal.sosfilt_zi(sos)}: the state at which a unit step input gives a constant
     * output from the first sample (steady state). Multiply by the first sample to start a signal
     * without a transient. Each section's part is {@code lfilter_zi} of that section scaled by the
     * DC gain of the sections before it.
     */
    public double[] steadyState() {
        double[] zi = new double[2 * sections.length];
        double scale = 1.0;
        for (int s = 0; s < sections.length; s++) {
            double[] c = sections[s];
            // lfilter_zi for one biquad: solve (I - A^T) zi = b[1:] - a[1:] b0 in closed form
            double r0 = c[1] - c[4] * c[0];
            double r1 = c[2] - c[5] * c[0];
            double z0 = (r0 + r1) / (1 + c[4] + c[5]);
            zi[2 * s] = scale * z0;
            zi[2 * s + 1] = scale * (r1 - c[5] * z0);
            scale *= (c[0] + c[1] + c[2]) / (c[3] + c[4] + c[5]);
        }
        return zi;
    }

    /**
     * The edge padding of {@link #filtFilt}, samples: {@code 3 * (2 * sectionCount() + 1 - min(#
     * sections with b2 = 0, # sections with a2 = 0))}, as {@code sosfiltfilt} computes it.
     */
    public int padLength() {
        int b2Zero = 0;
        int a2Zero = 0;
        for (double[] c : sections) {
            b2Zero += c[2] == 0 ? 1 : 0;
            a2Zero += c[5] == 0 ? 1 : 0;
        }
        return 3 * (2 * sections.length + 1 - Math.min(b2Zero, a2Zero));
    }

    /**
     * Zero-phase filtering, {@code scipy.signal.sosfiltfilt(sos, x)} with its defaults: the signal
     * is extended by {@link #padLength()} samples of odd reflection at each end ({@code 2 x[0] -
     * x[j]}), filtered forward from {@code steadyState() * ext[0]}, then backward from {@code
     * steadyState() * y[last]}, and the padding is cut off. No lag; the magnitude response is
     * squared (a Butterworth of order N becomes -6 dB at its cut-off).
     *
     * @param x finite samples, more than {@link #padLength()} of them
     * @throws IllegalArgumentException when {@code x.length <= padLength()} (as scipy)
     */
    public double[] filtFilt(double[] x) {
        return filtFilt(x, padLength());
    }

    /**
     * {@code scipy.signal.sosfiltfilt(sos, x, padlen=padLength)}: as {@link #filtFilt(double[])}
     * with another amount of odd padding (0 for none).
     *
     * @throws IllegalArgumentException when {@code padLength < 0} or {@code x.length <= padLength}
     */
    public double[] filtFilt(double[] x, int padLength) {
        double[] out = new double[x.length];
        filtFilt(x, 0, x.length, padLength, out);
        return out;
    }

    /**
     * {@link #filtFilt(double[])} of {@code x[from, to)}, written to {@code out[from, to)} (the
     * same bits as filtering a copy of the range): no copies of the input, no reversed arrays.
     *
     * @throws IllegalArgumentException when {@code to - from <= padLength()}
     */
    public void filtFilt(double[] x, int from, int to, double[] out) {
        filtFilt(x, from, to, padLength(), out);
    }

    private void filtFilt(double[] x, int from, int to, int padLength, double[] out) {
        int edge = padLength;
        int len = to - from;
        if (edge < 0 || len <= edge) {
            throw new IllegalArgumentException("The length of the input vector x must be greater than padlen, which is "
                    + edge
                    + " (got "
                    + len
                    + " samples)");
        }
        // forward over the extension, then backward over the forward output, both in place: the
        // operations of filtering, reversing, filtering and reversing again, in the same order
        // the extension goes into this thread's kept array (its first extLength elements, each
        // written before it is read), not a new one per call
        int extLength = len + 2 * edge;
        double[] ext = extensionScratch(extLength);
        oddExtension(x, from, len, edge, ext);
        double[] zi = steadyState();
        filterInPlace(ext, extLength, scaled(zi, ext[0]), false);
        filterInPlace(ext, extLength, scaled(zi, ext[extLength - 1]), true);
        System.arraycopy(ext, edge, out, from, len);
    }

    /**
     * {@link #filterCausal} over {@code v[0, length)} in place (each output replaces the input it
     * came from), from the last sample to the first when {@code backward}.
     */
    private void filterInPlace(double[] v, int length, double[] state, boolean backward) {
        int first = backward ? length - 1 : 0;
        int step = backward ? -1 : 1;
        if (sections.length == 3) {
            filterInPlace3(v, length, state, first, step);
            return;
        }
        for (int k = 0, n = first; k < length; k++, n += step) {
            double cur = v[n];
            for (int s = 0; s < sections.length; s++) {
                double[] c = sections[s];
                double next = c[0] * cur + state[2 * s];
                state[2 * s] = c[1] * cur - c[4] * next + state[2 * s + 1];
                state[2 * s + 1] = c[2] * cur - c[5] * next;
                cur = next;
            }
            v[n] = cur;
        }
    }

    /**
     * {@link #filterInPlace} for three sections (a band-pass of order 3, as {@code PpgClean}'s),
     * with coefficients and state in local variables: the same operations in the same order, so
     * the same bits ({@code SosTest}), without a load and store of the state per section and sample.
     */
    private void filterInPlace3(double[] v, int length, double[] state, int first, int step) {
        double[] c = sections[0];
        double a0 = c[0], a1 = c[1], a2 = c[2], a4 = c[4], a5 = c[5];
        c = sections[1];
        double b0 = c[0], b1 = c[1], b2 = c[2], b4 = c[4], b5 = c[5];
        c = sections[2];
        double d0 = c[0], d1 = c[1], d2 = c[2], d4 = c[4], d5 = c[5];
        double za = state[0], wa = state[1], zb = state[2], wb = state[3], zd = state[4], wd = state[5];
        for (int k = 0, n = first; k < length; k++, n += step) {
            double cur = v[n];
            double next = a0 * cur + za;
            za = a1 * cur - a4 * next + wa;
            wa = a2 * cur - a5 * next;
            cur = next;
            next = b0 * cur + zb;
            zb = b1 * cur - b4 * next + wb;
            wb = b2 * cur - b5 * next;
            cur = next;
            next = d0 * cur + zd;
            zd = d1 * cur - d4 * next + wd;
            wd = d2 * cur - d5 * next;
            v[n] = next;
        }
        state[0] = za;
        state[1] = wa;
        state[2] = zb;
        state[3] = wb;
        state[4] = zd;
        state[5] = wd;
    }

    /** {@code scipy.signal._arraytools.odd_ext(x, n)}: n samples of odd reflection at each end. */
    static double[] oddExtension(double[] x, int n) {
        return oddExtension(x, 0, x.length, n);
    }

    /** {@link #oddExtension(double[], int)} of {@code x[from, from + len)}. */
    private static double[] oddExtension(double[] x, int from, int len, int n) {
        return oddExtension(x, from, len, n, new double[len + 2 * n]);
    }

    /** {@link #oddExtension(double[], int, int, int)} written into {@code ext[0, len + 2 n)}. */
    private static double[] oddExtension(double[] x, int from, int len, int n, double[] ext) {
        for (int j = 0; j < n; j++) {
            ext[j] = 2 * x[from] - x[from + n - j];
            ext[n + len + j] = 2 * x[from + len - 1] - x[from + len - 2 - j];
        }
        System.arraycopy(x, from, ext, n, len);
        return ext;
    }

    /** This thread's array for an extension of {@code n} samples (grown as needed up to {@link #KEPT_MAX}; old contents left). */
    static double[] extensionScratch(int n) {
        if (n > KEPT_MAX) {
            return new double[n]; // a whole long recording: not kept
        }
        double[] a = EXTENSION.get();
        if (a.length < n) {
            a = new double[Math.min(KEPT_MAX, Math.max(n, a.length + (a.length >> 1)))];
            EXTENSION.set(a);
        }
        return a;
    }

    /**
     * Longest kept array, samples (512 KB): a 60 s pulse-wave core with its margins is about 8,500;
     * longer inputs (a whole recording at once) get an array of their own.
     */
    static final int KEPT_MAX = 1 << 16;

    /**
     * The odd extension of the running {@link #filtFilt} on this thread: not state (an instance
     * is shared by every thread), nothing in it outlives a call, and calls on one thread do not
     * nest.
     */
    private static final ThreadLocal<double[]> EXTENSION = ThreadLocal.withInitial(() -> new double[0]);

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Sos" + Arrays.deepToString(sections);
    }
}
