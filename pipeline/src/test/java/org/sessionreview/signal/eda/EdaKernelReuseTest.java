package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sessionreview.signal.filter.Butterworth;
import org.sessionreview.signal.filter.Sos;
import org.sessionreview.signal.filter.ZeroPhaseFir;

/**
 * The bounded-support EDA filters with their kernels designed once and kept ({@link
 * EdaPhasic#streamingKernel}, {@link EdaClean#cleanBounded}) against a design per call, the code
 * they replaced (kept here): the same output bit for bit, at E4 and other rates, repeatedly, on
 * drifting EDA with planted responses.
 */
class EdaKernelReuseTest {
    @Test
    void shouldFilterAsAFreshDesignWhenTheKernelIsKept() {
        double[][] settings = {{4, 0.05, 160}, {4, 0.05, 160}, {8, 0.1, 100}, {4, 0.02, 300}, {32, 0.05, 500}};
        for (int round = 0; round < 2; round++) {
            for (double[] s : settings) {
                double rateHz = s[0];
                double[] x = EdaSignals.driftingTonic((int) (rateHz * 400), rateHz, 0.01, round * 10 + (long) rateHz);
                EdaSignals.plant(x, rateHz, 100, 0.4);
                EdaSignals.plant(x, rateHz, 250, 0.1);
                assertArrayEquals(
                        bits(freshStreaming(x, rateHz, s[1], (int) s[2])),
                        bits(EdaPhasic.streamingKernel(rateHz, s[1], (int) s[2]).apply(x)),
                        "phasic kernel " + rateHz + " Hz");
                for (EdaCleanMethod method : EdaCleanMethod.values()) {
                    assertArrayEquals(
                            bits(freshCleanBounded(x, rateHz, method)),
                            bits(EdaClean.cleanBounded(x, rateHz, method)),
                            method + " at " + rateHz + " Hz");
                    Sos sos = EdaClean.filter(rateHz, method);
                    assertEquals(
                            sos == null ? 0 : ZeroPhaseFir.decaySamples(sos, 1e-9),
                            EdaClean.boundedHalfWidth(rateHz, method));
                }
            }
        }
        EdaConfig cfg = EdaConfig.defaults();
        double[] x = EdaSignals.driftingTonic(4 * 600, 4, 0.01, 7);
        int support = EdaPhasic.supportSamples(4, cfg);
        double[] tonic = EdaPhasic.decompose(x, 4, cfg).tonicUs();
        assertArrayEquals(bits(freshStreaming(x, 4, cfg.tonicCutoffHz(), support)), bits(tonic), "decompose, defaults");
    }

    /** {@code EdaPhasic.streaming}'s tonic as it was: the kernel designed on every call. */
    private static double[] freshStreaming(double[] x, double rateHz, double cutoffHz, int halfWidth) {
        return ZeroPhaseFir.tapered(
                        Butterworth.lowPass(EdaPhasic.ORDER, cutoffHz, rateHz), halfWidth, EdaPhasic.STREAMING_TAPER)
                .apply(x);
    }

    /** {@link EdaClean#cleanBounded} as it was: the filter and kernel designed on every call. */
    private static double[] freshCleanBounded(double[] x, double rateHz, EdaCleanMethod method) {
        Sos sos = EdaClean.filter(rateHz, method);
        return sos == null
                ? x.clone()
                : ZeroPhaseFir.of(sos, ZeroPhaseFir.decaySamples(sos, 1e-9)).apply(x);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
