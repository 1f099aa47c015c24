package org.sessionreview.signal.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * A transfer function as zeros, poles and gain, {@code H = k * prod(s - z) / prod(s - p)}, with the
 * frequency transforms and the bilinear transform of {@code scipy.signal} ({@code lp2lp_zpk},
 * {@code lp2hp_zpk}, {@code lp2bp_zpk}, {@code bilinear_zpk}), in the same order of operations so
 * that the results agree to rounding.
 */
record Zpk(List<Complex> zeros, List<Complex> poles, double gain) {
    Zpk {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }

    /** Poles minus zeros. */
    int relativeDegree() {
        return poles.size() - zeros.size();
    }

    /** Low-pass prototype (cut-off 1 rad/s) to low-pass with cut-off {@code wo}. */
    Zpk lowPass(double wo) {
        return new Zpk(scale(zeros, wo), scale(poles, wo), gain * Math.pow(wo, relativeDegree()));
    }

    /** Low-pass prototype to high-pass with cut-off {@code wo}: s -> wo / s. */
    Zpk highPass(double wo) {
        Complex w = new Complex(wo, 0);
        List<Complex> z = new ArrayList<>();
        for (Complex zero : zeros) {
            z.add(w.divide(zero));
        }
        List<Complex> p = new ArrayList<>();
        for (Complex pole : poles) {
            p.add(w.divide(pole));
        }
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        double k = gain * product(negate(zeros)).divide(product(negate(poles))).getReal();
        return new Zpk(z, p, k);
    }

    /** Low-pass prototype to band-pass with centre {@code wo} and width {@code bw}, rad/s. */
    Zpk bandPass(double wo, double bw) {
        List<Complex> z = splitForBand(scale(zeros, bw / 2), wo);
        List<Complex> p = splitForBand(scale(poles, bw / 2), wo);
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        return new Zpk(z, p, gain * Math.pow(bw, relativeDegree()));
    }

    /**
     * Analog to digital by the bilinear transform {@code s = 2 fs (z - 1) / (z + 1)}; zeros at
     * infinity go to z = -1.
     */
    Zpk bilinear(double fs) {
        Complex fs2 = new Complex(2 * fs, 0);
        List<Complex> z = new ArrayList<>();
        for (Complex zero : zeros) {
            z.add(fs2.add(zero).divide(fs2.subtract(zero)));
        }
        List<Complex> p = new ArrayList<>();
        for (Complex pole : poles) {
            p.add(fs2.add(pole).divide(fs2.subtract(pole)));
        }
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(new Complex(-1, 0));
        }
        Complex num = Complex.ONE;
        for (Complex zero : zeros) {
            num = num.multiply(fs2.subtract(zero));
        }
        Complex den = Complex.ONE;
        for (Complex pole : poles) {
            den = den.multiply(fs2.subtract(pole));
        }
        return new Zpk(z, p, gain * num.divide(den).getReal());
    }

    /** {@code x + sqrt(x^2 - wo^2)} for every x, then {@code x - sqrt(x^2 - wo^2)} for every x. */
    private static List<Complex> splitForBand(List<Complex> xs, double wo) {
        List<Complex> plus = new ArrayList<>();
        List<Complex> minus = new ArrayList<>();
        for (Complex x : xs) {
            Complex root = x.multiply(x).subtract(wo * wo).sqrt();
            plus.add(x.add(root));
            minus.add(x.subtract(root));
        }
        plus.addAll(minus);
        return plus;
    }

    private static List<Complex> scale(List<Complex> xs, double factor) {
        List<Complex> out = new ArrayList<>();
        for (Complex x : xs) {
            out.add(x.multiply(factor));
        }
        return out;
    }

    private static List<Complex> negate(List<Complex> xs) {
        List<Complex> out = new ArrayList<>();
        for (Complex x : xs) {
            out.add(x.negate());
        }
        return out;
    }

    private static Complex product(List<Complex> xs) {
        Complex prod = Complex.ONE;
        for (Complex x : xs) {
            prod = prod.multiply(x);
        }
        return prod;
    }
}
