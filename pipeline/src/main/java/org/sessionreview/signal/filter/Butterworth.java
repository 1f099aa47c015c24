package org.sessionreview.signal.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * Digital Butterworth filters as second-order sections, designed exactly as {@code
 * scipy.signal.butter(order, Wn, btype, output="sos", fs=rateHz)}: the analog prototype with poles
 * {@code -exp(i pi m / (2N))}, {@code m = -N+1, -N+3, ..., N-1} ({@code buttap}); the cut-offs
 * pre-warped to {@code 4 tan(pi f / fs)} rad/s on the internal 2 Hz scale; the frequency transform
 * ({@code lp2lp_zpk}, {@code lp2hp_zpk}, {@code lp2bp_zpk}); the bilinear transform ({@code
 * bilinear_zpk}); and the pole-zero pairing of {@code zpk2sos(pairing="nearest")}. The coefficients
 * agree with scipy to rounding (about 1e-15 relative).
 *
 * <p>Magnitude response of a low-pass of order N with cut-off fc at rate fs: {@code |H(f)|^2 = 1 /
 * (1 + (tan(pi f / fs) / tan(pi fc / fs))^(2N))}, so the gain is 1 at 0 Hz and 1/sqrt(2) (-3 dB) at
 * fc; the high-pass is the complement {@code |H_hp|^2 = 1 - |H_lp|^2}.
 *
 * <p>References: Butterworth, S. (1930). On the theory of filter amplifiers. Wireless Engineer 7,
 * 536-541. Oppenheim, A. V. &amp; Schafer, R. W. (2010). <i>Discrete-Time Signal Processing</i>
 * (3rd ed.), section 7.2. SciPy: {@code scipy.signal.butter}, {@code scipy.signal.zpk2sos}
 * (https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.butter.html).
 */
public final class Butterworth {
    private Butterworth() {}

    /**
     * A low-pass filter.
     *
     * @param order filter order N (>= 1); the result has {@code ceil(N / 2)} sections
     * @param cutoffHz -3 dB frequency, Hz, in {@code (0, rateHz / 2)}
     * @param rateHz sampling rate, Hz
     */
    public static Sos lowPass(int order, double cutoffHz, double rateHz) {
        return design(order, BandType.LOW_PASS, rateHz, cutoffHz);
    }

    /** A high-pass filter; arguments as for {@link #lowPass}. */
    public static Sos highPass(int order, double cutoffHz, double rateHz) {
        return design(order, BandType.HIGH_PASS, rateHz, cutoffHz);
    }

    /**
     * A band-pass filter of order N (2N poles, N sections), -3 dB at both edges.
     *
     * @param lowHz lower edge, Hz, {@code 0 < lowHz < highHz < rateHz / 2}
     * @param highHz upper edge, Hz
     */
    public static Sos bandPass(int order, double lowHz, double highHz, double rateHz) {
        return design(order, BandType.BAND_PASS, rateHz, lowHz, highHz);
    }

    /**
     * The general design.
     *
     * @param order filter order N, >= 1
     * @param type the pass band
     * @param rateHz sampling rate, Hz (> 0)
     * @param cutoffsHz one cut-off, or two (low, high) for {@link BandType#BAND_PASS}, each in
     *     {@code (0, rateHz / 2)}
     * @throws IllegalArgumentException for an order below 1, a wrong number of cut-offs, or a
     *     cut-off outside {@code (0, rateHz / 2)} or not increasing
     */
    public static Sos design(int order, BandType type, double rateHz, double... cutoffsHz) {
        check(order, type, rateHz, cutoffsHz);
        // scipy normalises to Nyquist, then designs on an internal rate of 2 Hz.
        double internalFs = 2.0;
        double[] warped = new double[cutoffsHz.length];
        for (int i = 0; i < warped.length; i++) {
            double wn = 2 * cutoffsHz[i] / rateHz;
            warped[i] = 2 * internalFs * Math.tan(Math.PI * wn / internalFs);
        }
        Zpk prototype = prototype(order);
        Zpk analog = switch (type) {
            case LOW_PASS -> prototype.lowPass(warped[0]);
            case HIGH_PASS -> prototype.highPass(warped[0]);
            case BAND_PASS -> prototype.bandPass(Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
        };
        Zpk digital = analog.bilinear(internalFs);
        return new Sos(ZpkToSos.nearest(digital));
    }

    /** {@code scipy.signal.buttap(N)}: no zeros, poles on the left unit half-circle, gain 1. */
    static Zpk prototype(int order) {
        List<Complex> poles = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            double theta = Math.PI * m / (2.0 * order);
            poles.add(new Complex(-Math.cos(theta), -Math.sin(theta)));
        }
        return new Zpk(List.of(), poles, 1.0);
    }

    private static void check(int order, BandType type, double rateHz, double[] cutoffsHz) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive and finite, got " + rateHz);
        }
        if (cutoffsHz.length != type.cutoffCount()) {
            throw new IllegalArgumentException(
                    type + " needs " + type.cutoffCount() + " cut-off(s), got " + cutoffsHz.length);
        }
        double nyquist = rateHz / 2;
        for (int i = 0; i < cutoffsHz.length; i++) {
            double f = cutoffsHz[i];
            if (!(f > 0 && f < nyquist)) {
                throw new IllegalArgumentException(
                        "cut-offs must lie in (0, rateHz / 2) = (0, " + nyquist + ") Hz, got " + f);
            }
            if (i > 0 && !(f > cutoffsHz[i - 1])) {
                throw new IllegalArgumentException("band edges must increase, got " + cutoffsHz[i - 1] + " then " + f);
            }
        }
    }
}
