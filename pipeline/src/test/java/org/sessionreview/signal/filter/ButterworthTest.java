package org.sessionreview.signal.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * Coefficients checked against values derived here from the textbook formulas (bilinear transform
 * with pre-warping, {@code K = tan(pi fc / fs)}), the analytic Butterworth magnitude response, and
 * the section order that {@code scipy.signal.zpk2sos(pairing="nearest")} defines.
 */
class ButterworthTest {
    private static final double SQRT2 = Math.sqrt(2);

    @Test
    void shouldEqualTheBilinearBiquadWhenLowPassOfOrderTwo() {
        double fs = 4;
        double fc = 0.05;
        double k = Math.tan(Math.PI * fc / fs);
        double norm = 1 + SQRT2 * k + k * k;
        double b0 = k * k / norm;
        double[] expected = {b0, 2 * b0, b0, 1, 2 * (k * k - 1) / norm, (1 - SQRT2 * k + k * k) / norm};

        double[][] sos = Butterworth.lowPass(2, fc, fs).sections();

        assertEquals(1, sos.length);
        assertArrayEquals(expected, sos[0], 1e-15);
    }

    @Test
    void shouldEqualTheBilinearBiquadWhenHighPassOfOrderTwo() {
        double fs = 100;
        double fc = 0.05;
        double k = Math.tan(Math.PI * fc / fs);
        double norm = 1 + SQRT2 * k + k * k;
        double[] expected = {1 / norm, -2 / norm, 1 / norm, 1, 2 * (k * k - 1) / norm, (1 - SQRT2 * k + k * k) / norm};

        double[][] sos = Butterworth.highPass(2, fc, fs).sections();

        assertArrayEquals(expected, sos[0], 1e-12);
    }

    /** NeuroKit2's EDA cleaning filter: 4th order, 3 Hz, 100 Hz. */
    @Test
    void shouldPairPolesAsScipyWhenLowPassOfOrderFour() {
        double fs = 100;
        double k = Math.tan(Math.PI * 3 / fs);
        // prototype poles -exp(i pi m / 8); m = 1 (inner pair) in section 0, m = 3 (nearest the
        // unit circle once mapped) last; digital pole z = (1 + K p) / (1 - K p)
        double[] inner = biquadDenominator(digitalPole(k, Math.PI / 8));
        double[] outer = biquadDenominator(digitalPole(k, 3 * Math.PI / 8));
        double gain = (1 + inner[1] + inner[2]) * (1 + outer[1] + outer[2]) / 16;

        double[][] sos = Butterworth.lowPass(4, 3, fs).sections();

        assertEquals(2, sos.length);
        assertArrayEquals(new double[] {gain, 2 * gain, gain, 1, inner[1], inner[2]}, sos[0], 1e-15);
        assertArrayEquals(new double[] {1, 2, 1, 1, outer[1], outer[2]}, sos[1], 1e-14);
    }

    /**
     * Odd order: zpk2sos adds a pole and a zero at the origin; the real pole (1 - K) / (1 + K)
     * pairs with two zeros at -1, the complex pair with -1 and the origin: b = {1, 1, 0}.
     */
    @Test
    void shouldPutTheRealPoleFirstWhenOrderIsOdd() {
        double fs = 100;
        double k = Math.tan(Math.PI * 3 / fs);
        double realPole = (1 - k) / (1 + k);
        double[] pair = biquadDenominator(digitalPole(k, Math.PI / 3));
        double gain = (1 - realPole) * (1 + pair[1] + pair[2]) / (4 * 2);

        double[][] sos = Butterworth.lowPass(3, 3, fs).sections();

        assertArrayEquals(new double[] {gain, 2 * gain, gain, 1, -realPole, 0}, sos[0], 1e-15);
        assertArrayEquals(new double[] {1, 1, 0, 1, pair[1], pair[2]}, sos[1], 1e-14);
    }

    @Test
    void shouldFollowTheAnalyticMagnitudeWhenAnyOrderAndBand() {
        double fs = 64;
        for (int order = 1; order <= 8; order++) {
            Sos low = Butterworth.lowPass(order, 4, fs);
            Sos high = Butterworth.highPass(order, 4, fs);
            Sos band = Butterworth.bandPass(order, 0.5, 8, fs);
            for (double f = 0.05; f < fs / 2; f += 0.37) {
                double r = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * 4 / fs);
                assertEquals(
                        1 / Math.sqrt(1 + Math.pow(r, 2 * order)),
                        magnitude(low, f, fs),
                        1e-9,
                        "low-pass order " + order + " at " + f + " Hz");
                assertEquals(
                        1 / Math.sqrt(1 + Math.pow(r, -2 * order)),
                        magnitude(high, f, fs),
                        1e-9,
                        "high-pass order " + order + " at " + f + " Hz");
                double w = Math.tan(Math.PI * f / fs);
                double w1 = Math.tan(Math.PI * 0.5 / fs);
                double w2 = Math.tan(Math.PI * 8 / fs);
                double q = (w * w - w1 * w2) / (w * (w2 - w1));
                assertEquals(
                        1 / Math.sqrt(1 + Math.pow(q, 2 * order)),
                        magnitude(band, f, fs),
                        1e-9,
                        "band-pass order " + order + " at " + f + " Hz");
            }
        }
    }

    @Test
    void shouldHaveUnitDcGainAndMinus3DbAtTheCutoffWhenLowPass() {
        for (int order = 1; order <= 6; order++) {
            Sos lp = Butterworth.lowPass(order, 0.05, 4);
            assertEquals(1.0, magnitude(lp, 0, 4), 1e-12);
            assertEquals(1 / SQRT2, magnitude(lp, 0.05, 4), 1e-9);
        }
    }

    @Test
    void shouldOrderSectionsByPoleDistanceFromTheUnitCircle() {
        for (Sos sos : new Sos[] {
            Butterworth.lowPass(8, 10, 250), Butterworth.highPass(6, 0.5, 32), Butterworth.bandPass(5, 0.5, 8, 64)
        }) {
            double[][] s = sos.sections();
            double previous = Double.POSITIVE_INFINITY;
            for (double[] row : s) {
                // largest root modulus of 1 + a1 z^-1 + a2 z^-2
                double disc = row[4] * row[4] - 4 * row[5];
                double modulus = disc < 0
                        ? Math.sqrt(row[5])
                        : Math.max(
                                Math.abs((-row[4] + Math.sqrt(disc)) / 2), Math.abs((-row[4] - Math.sqrt(disc)) / 2));
                assertTrue(1 - modulus <= previous + 1e-12, sos.toString());
                previous = 1 - modulus;
            }
        }
    }

    @Test
    void shouldRejectCutoffsOutsideTheBandWhenDesigning() {
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(2, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(2, 3, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.design(2, BandType.BAND_PASS, 10, 1));
    }

    /** z = (1 + K p) / (1 - K p) for the prototype pole p = -exp(i theta). */
    private static Complex digitalPole(double k, double theta) {
        Complex p = new Complex(-Math.cos(theta), -Math.sin(theta)).multiply(k);
        return Complex.ONE.add(p).divide(Complex.ONE.subtract(p));
    }

    /** {1, -2 Re z, |z|^2}: the denominator with roots z and conj(z). */
    private static double[] biquadDenominator(Complex z) {
        return new double[] {1, -2 * z.getReal(), z.getReal() * z.getReal() + z.getImaginary() * z.getImaginary()};
    }

    /** |H(exp(i 2 pi f / fs))| from the sections' coefficients. */
    static double magnitude(Sos sos, double f, double fs) {
        Complex zInv = new Complex(Math.cos(-2 * Math.PI * f / fs), Math.sin(-2 * Math.PI * f / fs));
        Complex h = Complex.ONE;
        for (double[] r : sos.sections()) {
            Complex num = zInv.multiply(r[2]).add(r[1]).multiply(zInv).add(r[0]);
            Complex den = zInv.multiply(r[5]).add(r[4]).multiply(zInv).add(r[3]);
            h = h.multiply(num.divide(den));
        }
        return h.abs();
    }
}
