package org.sessionreview.signal.cardiac;

import java.util.Arrays;
import org.sessionreview.signal.SelectMedian;

/**
 * Lomb-Scargle power spectrum of an unevenly sampled series, such as inter-beat intervals at
 * their beat times with gaps where beats were rejected: no resampling or interpolation needed.
 *
 * <p>For each angular frequency {@code w = 2 pi f}, with {@code y} centred on its mean and the
 * time shift {@code tau} given by {@code tan(2 w tau) = sum sin(2 w t) / sum cos(2 w t)}:
 *
 * <pre>
 * P(f) = 1/2 [ (sum y cos w(t - tau))^2 / sum cos^2 w(t - tau)
 *            + (sum y sin w(t - tau))^2 / sum sin^2 w(t - tau) ]
 * </pre>
 *
 * (Lomb's unnormalised periodogram, units of {@code y^2}). {@link #psd} turns it into a one-sided
 * power spectral density {@code S(f) = 2 P(f) dt}, {@code dt} the median spacing of successive
 * samples. For even sampling this is the usual periodogram, whose integral over {@code (0,
 * Nyquist]} equals the variance (Parseval). The median, not the span over the sample count,
 * keeps that true when samples are missing in stretches (rejected beats): the spectral window
 * of a gapped series has the energy of {@code N} samples spread over {@code 1 / dt}, so a
 * sinusoid of amplitude {@code A} still integrates to about {@code A^2 / 2}, though part of it
 * moves into sidelobes. With IBIs in ms and times in s, S is in ms²/Hz and band integrals are in
 * ms².
 *
 * <p>Computed with {@code sin wt} and {@code cos wt} per sample and frequency (the double angle
 * and the shift by {@code tau} by the angle formulas); on an evenly spaced frequency grid (as
 * {@link #grid} makes) they are rotated on from the previous frequency by the angle addition
 * formulas and recomputed every 16 frequencies. The result agrees with the formula evaluated
 * directly to rounding ({@code LombScargleReferenceTest}).
 *
 * <p>References: Lomb, N. R. (1976), Least-squares frequency analysis of unequally spaced data,
 * Astrophysics and Space Science 39, 447-462; Scargle, J. D. (1982), Studies in astronomical
 * time series analysis II: statistical aspects of spectral analysis of unevenly spaced data,
 * Astrophysical Journal 263, 835-853; Task Force of the ESC and NASPE (1996), Circulation 93,
 * 1043-1065.
 */
public final class LombScargle {
    /** On a uniform grid, sin and cos of w t are computed afresh every this many frequencies. */
    private static final int RESEED = 16;

    private LombScargle() {}

    /**
     * Lomb's unnormalised periodogram {@code P(f)}.
     *
     * @param t sample times, seconds (any order, at least 2 distinct)
     * @param y values; their mean is removed here
     * @param frequenciesHz where to evaluate, Hz, > 0
     */
    public static double[] periodogram(double[] t, double[] y, double[] frequenciesHz) {
        int n = t.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("need >= 2 samples and as many values as times");
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double[] power = new double[frequenciesHz.length];
        double[] sin = new double[n];
        double[] cos = new double[n];
        double step = frequenciesHz.length > 1 ? frequenciesHz[1] - frequenciesHz[0] : 0;
        boolean uniform = isUniform(frequenciesHz, step);
        double[] stepSin = uniform ? new double[n] : null;
        double[] stepCos = uniform ? new double[n] : null;
        if (uniform) {
            for (int i = 0; i < n; i++) {
                stepSin[i] = Math.sin(2 * Math.PI * step * t[i]);
                stepCos[i] = Math.cos(2 * Math.PI * step * t[i]);
            }
        }
        for (int k = 0; k < frequenciesHz.length; k++) {
            double w = 2 * Math.PI * frequenciesHz[k];
            // sin and cos of w t per sample: on a uniform grid rotated on from the previous
            // frequency (angle addition), recomputed every RESEED frequencies so rounding cannot
            // build up; the double angle and the shift by tau follow from them (sin 2a = 2 sin a
            // cos a, cos 2a = cos^2 a - sin^2 a, and the angle difference formulas)
            boolean rotate = uniform && k % RESEED != 0;
            double s2 = 0;
            double c2 = 0;
            for (int i = 0; i < n; i++) {
                double s;
                double c;
                if (rotate) {
                    s = sin[i] * stepCos[i] + cos[i] * stepSin[i];
                    c = cos[i] * stepCos[i] - sin[i] * stepSin[i];
                } else {
                    s = Math.sin(w * t[i]);
                    c = Math.cos(w * t[i]);
                }
                sin[i] = s;
                cos[i] = c;
                s2 += 2 * s * c;
                c2 += c * c - s * s;
            }
            double wTau = Math.atan2(s2, c2) / 2;
            double cosTau = Math.cos(wTau);
            double sinTau = Math.sin(wTau);
            double yc = 0;
            double ys = 0;
            double cc = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double c = cos[i] * cosTau + sin[i] * sinTau;
                double s = sin[i] * cosTau - cos[i] * sinTau;
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

    /** Whether {@code f} is an evenly spaced grid (to 1e-9 of each frequency) with a positive step. */
    static boolean isUniform(double[] f, double step) {
        if (f.length < 3 || !(step > 0)) {
            return false;
        }
        for (int k = 2; k < f.length; k++) {
            if (Math.abs(f[k] - (f[0] + k * step)) > 1e-9 * Math.abs(f[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One-sided power spectral density {@code 2 P(f) dt}, {@code dt} the median sample spacing
     * (see class comment), units of {@code y^2} per Hz.
     */
    public static double[] psd(double[] t, double[] y, double[] frequenciesHz) {
        double dt = medianSpacing(t);
        double[] p = periodogram(t, y, frequenciesHz);
        toPsd(p, dt);
        return p;
    }

    /**
     * The median spacing of successive sample times (sorted), units of {@code t}: the {@code dt}
     * of {@link #psd}.
     *
     * @throws IllegalArgumentException when it is not > 0
     */
    public static double medianSpacing(double[] t) {
        // beat times come in order: sort only when they do not (Arrays.sort's order, -0.0 before 0.0)
        double[] sorted = t;
        for (int i = 1; i < t.length; i++) {
            if (Double.compare(t[i - 1], t[i]) > 0) {
                sorted = t.clone();
                Arrays.sort(sorted);
                break;
            }
        }
        double[] spacing = new double[sorted.length - 1];
        for (int i = 1; i < sorted.length; i++) {
            spacing[i - 1] = sorted[i] - sorted[i - 1];
        }
        double dt = new SelectMedian().of(spacing);
        if (!(dt > 0)) {
            throw new IllegalArgumentException("sample times must mostly differ");
        }
        return dt;
    }

    /** Turns a periodogram into the one-sided PSD {@code 2 P(f) dt}, in place ({@link #psd}). */
    public static void toPsd(double[] periodogram, double dt) {
        for (int k = 0; k < periodogram.length; k++) {
            periodogram[k] *= 2 * dt;
        }
    }

    /** {@code fromHz, fromHz + stepHz, ...} up to and including {@code toHz} (within 1e-9). */
    public static double[] grid(double fromHz, double toHz, double stepHz) {
        int count = (int) Math.floor((toHz - fromHz) / stepHz + 1e-9) + 1;
        double[] f = new double[count];
        for (int k = 0; k < count; k++) {
            f[k] = fromHz + k * stepHz;
        }
        return f;
    }

    /**
     * Trapezoidal integral of a spectrum over {@code [lowHz, highHz]}, using the grid points
     * inside the band.
     */
    public static double bandPower(double[] frequenciesHz, double[] psd, double lowHz, double highHz) {
        double sum = 0;
        for (int k = 1; k < frequenciesHz.length; k++) {
            double f0 = frequenciesHz[k - 1];
            double f1 = frequenciesHz[k];
            if (f0 >= lowHz - 1e-12 && f1 <= highHz + 1e-12) {
                sum += 0.5 * (psd[k - 1] + psd[k]) * (f1 - f0);
            }
        }
        return sum;
    }
}
