package org.sessionreview.signal.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * Pairs the zeros and poles of a digital filter into second-order sections as {@code
 * scipy.signal.zpk2sos(z, p, k, pairing="nearest")} does: the pole closest to the unit circle goes
 * into the last section together with its nearest zero, and so on inwards; the gain goes into the
 * first section. An odd count gets an extra pole and zero at the origin. Ties are broken as numpy's
 * stable sort does for short arrays, so the section order and coefficients equal scipy's.
 */
final class ZpkToSos {
    /** {@code 100 * eps}, scipy's tolerance for telling real roots from complex pairs. */
    private static final double TOL = 100 * Math.ulp(1.0);

    private enum Kind {
        REAL,
        COMPLEX,
        ANY
    }

    private ZpkToSos() {}

    static double[][] nearest(Zpk zpk) {
        List<Complex> z = new ArrayList<>(zpk.zeros());
        List<Complex> p = new ArrayList<>(zpk.poles());
        if (z.isEmpty() && p.isEmpty()) {
            return new double[][] {{zpk.gain(), 0, 0, 1, 0, 0}};
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int sections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = conjugatePairsThenReals(z);
        p = conjugatePairsThenReals(p);
        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            Complex p1 = p.remove(worst(p));
            if (isReal(p1) && countReal(p) == 0) {
                // the last real pole: pair it with a real zero, pad with the origin
                Complex z1 = z.remove(nearest(z, p1, Kind.REAL));
                sos[si] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (p.size() + 1 == z.size() && !isReal(p1) && countReal(p) == 1 && countReal(z) == 1) {
                // one real pole and one real zero left for later: this pair needs complex zeros
                Complex z1 = z.remove(nearest(z, p1, Kind.COMPLEX));
                sos[si] = section(List.of(z1, z1.conjugate()), List.of(p1, p1.conjugate()));
            } else {
                Complex p2;
                if (isReal(p1)) {
                    List<Integer> realIdx = new ArrayList<>();
                    List<Complex> reals = new ArrayList<>();
                    for (int i = 0; i < p.size(); i++) {
                        if (isReal(p.get(i))) {
                            realIdx.add(i);
                            reals.add(p.get(i));
                        }
                    }
                    p2 = p.remove((int) realIdx.get(worst(reals)));
                } else {
                    p2 = p1.conjugate();
                }
                List<Complex> zs = new ArrayList<>();
                if (!z.isEmpty()) {
                    Complex z1 = z.remove(nearest(z, p1, Kind.ANY));
                    zs.add(z1);
                    if (!isReal(z1)) {
                        zs.add(z1.conjugate());
                    } else if (!z.isEmpty()) {
                        zs.add(z.remove(nearest(z, p1, Kind.REAL)));
                    }
                }
                sos[si] = section(zs, List.of(p1, p2));
            }
        }
        for (int j = 0; j < 3; j++) {
            sos[0][j] *= zpk.gain();
        }
        return sos;
    }

    /**
     * {@code scipy.signal._cplxreal}, concatenated: one member (positive imaginary part) of each
     * conjugate pair, sorted by real part then |imag|, followed by the real roots in increasing
     * order (their imaginary parts set to exactly 0).
     */
    static List<Complex> conjugatePairsThenReals(List<Complex> roots) {
        List<Complex> sorted = new ArrayList<>(roots);
        sorted.sort(Comparator.comparingDouble(Complex::getReal).thenComparingDouble(c -> Math.abs(c.getImaginary())));
        List<Complex> reals = new ArrayList<>();
        List<Complex> upper = new ArrayList<>();
        int lower = 0;
        for (Complex c : sorted) {
            if (Math.abs(c.getImaginary()) <= TOL * c.abs()) {
                reals.add(new Complex(c.getReal(), 0));
            } else if (c.getImaginary() > 0) {
                upper.add(c);
            } else {
                lower++;
            }
        }
        if (lower != upper.size()) {
            throw new IllegalArgumentException("complex roots without conjugates: " + roots);
        }
        // runs of (nearly) equal real parts are ordered by |imag|, as scipy does
        int start = 0;
        for (int i = 1; i <= upper.size(); i++) {
            boolean sameReal = i < upper.size()
                    && upper.get(i).getReal() - upper.get(i - 1).getReal()
                            <= TOL * upper.get(i - 1).abs();
            if (!sameReal) {
                upper.subList(start, i).sort(Comparator.comparingDouble(c -> Math.abs(c.getImaginary())));
                start = i;
            }
        }
        List<Complex> out = new ArrayList<>(upper);
        out.addAll(reals);
        return out;
    }

    /** Index of the root closest to the unit circle (the first on ties). */
    private static int worst(List<Complex> roots) {
        int best = 0;
        for (int i = 1; i < roots.size(); i++) {
            if (Math.abs(1 - roots.get(i).abs()) < Math.abs(1 - roots.get(best).abs())) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the root of the given kind nearest to {@code to}; stable on equal distances. */
    private static int nearest(List<Complex> from, Complex to, Kind kind) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < from.size(); i++) {
            Complex c = from.get(i);
            boolean fits = kind == Kind.ANY || (kind == Kind.REAL) == isReal(c);
            double d = c.subtract(to).abs();
            if (fits && d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + kind + " root left to pair with " + to);
        }
        return best;
    }

    private static boolean isReal(Complex c) {
        return c.getImaginary() == 0;
    }

    private static int countReal(List<Complex> roots) {
        int n = 0;
        for (Complex c : roots) {
            if (isReal(c)) {
                n++;
            }
        }
        return n;
    }

    /** {@code scipy.signal._single_zpksos}: b = poly(z), a = poly(p), right-aligned in 3 slots. */
    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] b = poly(zeros);
        double[] a = poly(poles);
        double[] sos = new double[6];
        System.arraycopy(b, 0, sos, 3 - b.length, b.length);
        System.arraycopy(a, 0, sos, 6 - a.length, a.length);
        return sos;
    }

    /**
     * {@code numpy.poly}: coefficients of {@code prod(x - r)}, highest power first; the real part,
     * since the roots are real or come in conjugate pairs.
     */
    private static double[] poly(List<Complex> roots) {
        Complex[] c = {Complex.ONE};
        for (Complex r : roots) {
            Complex[] next = new Complex[c.length + 1];
            next[0] = c[0];
            for (int j = 1; j < c.length; j++) {
                next[j] = c[j].add(c[j - 1].multiply(r.negate()));
            }
            next[c.length] = c[c.length - 1].multiply(r.negate());
            c = next;
        }
        double[] out = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            out[j] = c[j].getReal();
        }
        return out;
    }
}
