package org.sessionreview.signal.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Compares {@link Sos} with straightforward implementations written here. */
class SosTest {
    private static double[] randomWalk(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double level = 5;
        for (int i = 0; i < n; i++) {
            level += r.nextGaussian();
            x[i] = level;
        }
        return x;
    }

    /**
     * Direct form I, section after section: y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2
     * y[n-2].
     */
    private static double[] directFormOne(double[][] sections, double[] x) {
        double[] in = x.clone();
        for (double[] c : sections) {
            double[] out = new double[in.length];
            for (int n = 0; n < in.length; n++) {
                double acc = c[0] * in[n];
                if (n >= 1) {
                    acc += c[1] * in[n - 1] - c[4] * out[n - 1];
                }
                if (n >= 2) {
                    acc += c[2] * in[n - 2] - c[5] * out[n - 2];
                }
                out[n] = acc;
            }
            in = out;
        }
        return in;
    }

    @Test
    void shouldEqualTheDifferenceEquationWhenFilteringFromRest() {
        double[] x = randomWalk(2000, 1);
        for (Sos sos : new Sos[] {
            Butterworth.lowPass(4, 3, 100), Butterworth.bandPass(3, 0.5, 8, 64), Butterworth.highPass(5, 1, 32)
        }) {
            assertArrayEquals(directFormOne(sos.sections(), x), sos.filter(x), 1e-9, sos.toString());
        }
    }

    @Test
    void shouldGiveTheOneCallOutputWhenFedInChunks() {
        double[] x = randomWalk(1001, 2);
        Sos sos = Butterworth.lowPass(4, 3, 100);
        double[] state = sos.zeroState();
        double[] chunked = new double[x.length];
        int from = 0;
        for (int size : new int[] {1, 7, 250, 0, 333, 410}) {
            double[] y = sos.filterCausal(Arrays.copyOfRange(x, from, from + size), state);
            System.arraycopy(y, 0, chunked, from, size);
            from += size;
        }
        assertEquals(x.length, from);
        assertArrayEquals(sos.filter(x), chunked, 0.0);
    }

    @Test
    void shouldStartWithoutTransientWhenStateIsSteadyForTheFirstSample() {
        for (Sos sos : new Sos[] {
            Butterworth.lowPass(2, 0.05, 4), Butterworth.lowPass(3, 3, 100), Butterworth.highPass(2, 0.05, 100)
        }) {
            double dc = ButterworthTest.magnitude(sos, 0, 1);
            double[] state = sos.steadyState();
            for (int i = 0; i < state.length; i++) {
                state[i] *= 7.5;
            }
            double[] constant = new double[50];
            Arrays.fill(constant, 7.5);
            for (double y : sos.filterCausal(constant, state)) {
                assertEquals(7.5 * dc, y, 1e-9, sos.toString());
            }
        }
    }

    /**
     * A two-tap average as one section (b = {1/2, 1/2, 0}, a = {1, 0, 0}): forward-backward it is
     * the [1, 2, 1] / 4 smoother inside, and the odd padding keeps both end samples unchanged.
     */
    @Test
    void shouldSmoothWithOneTwoOneWhenFiltFiltOfTwoTapAverage() {
        Sos average = new Sos(new double[][] {{0.5, 0.5, 0, 1, 0, 0}});
        double[] x = randomWalk(40, 3);

        double[] y = average.filtFilt(x);

        assertEquals(3 * (2 * 1 + 1 - 1), average.padLength());
        assertEquals(x[0], y[0], 1e-12);
        assertEquals(x[39], y[39], 1e-12);
        for (int i = 1; i < 39; i++) {
            assertEquals((x[i - 1] + 2 * x[i] + x[i + 1]) / 4, y[i], 1e-12, "sample " + i);
        }
    }

    @Test
    void shouldUseScipysDefaultPadLengthWhenZeroPhase() {
        assertEquals(9, Butterworth.lowPass(2, 0.05, 4).padLength());
        assertEquals(15, Butterworth.lowPass(4, 3, 100).padLength());
        // one section has b2 = 0 and another a2 = 0: 3 * (2 * 2 + 1 - 1)
        assertEquals(12, Butterworth.lowPass(3, 3, 100).padLength());
        assertEquals(3 * (2 * 3 + 1), Butterworth.bandPass(3, 0.5, 8, 64).padLength());
        assertThrows(
                IllegalArgumentException.class,
                () -> Butterworth.lowPass(2, 0.05, 4).filtFilt(new double[9]));
    }

    @Test
    void shouldKeepPhaseAndSquareTheGainWhenFiltFiltOfASine() {
        double fs = 100;
        double fc = 3;
        Sos lp = Butterworth.lowPass(4, fc, fs);
        for (double f : new double[] {0.5, 3, 5}) {
            double[] x = new double[(int) (60 * fs)];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(2 * Math.PI * f * i / fs);
            }
            double[] y = lp.filtFilt(x);
            double gain = Math.pow(ButterworthTest.magnitude(lp, f, fs), 2);
            for (int i = x.length / 4; i < 3 * x.length / 4; i++) {
                assertEquals(gain * x[i], y[i], 1e-6, f + " Hz, sample " + i);
            }
        }
    }

    @Test
    void shouldReturnAConstantUnchangedWhenFiltFiltLowPass() {
        double[] x = new double[100];
        Arrays.fill(x, 14.4);
        assertArrayEquals(x, Butterworth.lowPass(2, 0.05, 100).filtFilt(x), 1e-9);
        assertArrayEquals(new double[100], Butterworth.highPass(2, 0.05, 100).filtFilt(x), 1e-9);
    }

    @Test
    void shouldRejectMalformedSections() {
        assertThrows(IllegalArgumentException.class, () -> new Sos(new double[][] {{1, 0, 0, 2, 0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> new Sos(new double[][] {{1, 0, 0, 1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> new Sos(new double[0][]));
        Sos sos = Butterworth.lowPass(4, 3, 100);
        assertThrows(IllegalArgumentException.class, () -> sos.filterCausal(new double[3], new double[2]));
    }

    /**
     * Golden values from scipy 1.17.1 / numpy 2.4.6 (recorded for the former {@code
     * ButterworthLowPass}, re-checked for this class): {@code sos = butter(2, 0.05, output="sos",
     * fs=4.0)}, x = 10 ones then 30 twos; {@code sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0])} and
     * {@code sosfiltfilt(sos, x)}.
     */
    @Test
    void shouldEqualScipyOnAStepWhenStartedAtSteadyStateOrZeroPhase() {
        double[] step = new double[40];
        for (int i = 0; i < step.length; i++) {
            step[i] = i < 10 ? 1.0 : 2.0;
        }
        Sos lp = Butterworth.lowPass(2, 0.05, 4.0);
        double[] state = lp.steadyState();
        double[] causal = lp.filterCausal(step, state);
        assertEquals(1.0000000000000155, causal[0], 1e-12);
        assertEquals(1.001460316305541, causal[10], 1e-12);
        assertEquals(1.0180212828906008, causal[12], 1e-12);
        assertEquals(1.2267769201751593, causal[20], 1e-12);
        assertEquals(1.8194331851984489, causal[39], 1e-12);
        double[] zero = lp.filtFilt(step);
        assertEquals(1.2575403749951768, zero[0], 1e-12);
        assertEquals(1.5129370891044422, zero[10], 1e-12);
        assertEquals(1.7563289139592637, zero[20], 1e-12);
        assertEquals(1.9562238498623958, zero[39], 1e-12);
    }

    @Test
    void shouldPadAsAskedWhenFiltFiltWithAPadLength() {
        Sos average = new Sos(new double[][] {{0.5, 0.5, 0, 1, 0, 0}});
        double[] x = {1, 4, 2, 8};
        // no padding: forward from steady state on x[0], backward from steady state on the
        // forward output's last value (x[2] + x[3]) / 2
        double[] y = average.filtFilt(x, 0);
        assertEquals((3 * x[0] + x[1]) / 4, y[0], 1e-12);
        assertEquals((x[2] + x[3]) / 2, y[3], 1e-12);
        assertArrayEquals(
                average.filtFilt(x, 3),
                new double[] {x[0], (x[0] + 2 * x[1] + x[2]) / 4, (x[1] + 2 * x[2] + x[3]) / 4, x[3]},
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> average.filtFilt(x, 4));
        assertThrows(IllegalArgumentException.class, () -> average.filtFilt(x, -1));
    }

    /** The generic section loop, as filterCausal ran for every section count before issue 10. */
    private static double[] genericLoop(double[][] sections, double[] x, double[] state) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double cur = x[n];
            for (int s = 0; s < sections.length; s++) {
                double[] c = sections[s];
                double next = c[0] * cur + state[2 * s];
                state[2 * s] = c[1] * cur - c[4] * next + state[2 * s + 1];
                state[2 * s + 1] = c[2] * cur - c[5] * next;
                cur = next;
            }
            y[n] = cur;
        }
        return y;
    }

    @Test
    void shouldGiveTheGenericLoopsBitsWithThreeSectionsInLocals() {
        Random rng = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            double rate = 16 + 100 * rng.nextDouble();
            Sos sos = Butterworth.bandPass(3, 0.5, Math.min(8, rate / 2.5), rate);
            assertEquals(3, sos.sectionCount());
            double[] x = randomWalk(500 + rng.nextInt(2000), trial);
            double[] state = sos.steadyState();
            for (int i = 0; i < state.length; i++) {
                state[i] *= x[0];
            }
            double[] expectedState = state.clone();
            double[] expected = genericLoop(sos.sections(), x, expectedState);
            double[] actual = sos.filterCausal(x, state);
            assertArrayEquals(expected, actual, "trial " + trial); // exact: doubles compared bit for bit
            assertArrayEquals(expectedState, state, "final state of trial " + trial);
        }
    }
}
