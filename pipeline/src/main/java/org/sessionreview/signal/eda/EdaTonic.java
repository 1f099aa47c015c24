package org.sessionreview.signal.eda;

import java.util.Arrays;
import org.sessionreview.signal.filter.Butterworth;
import org.sessionreview.signal.filter.Sos;

/**
 * Tonic (slow) component of EDA by a 2nd-order Butterworth low-pass (NeuroKit2 default cut-off
 * 0.05 Hz); the phasic component is {@code eda - tonic}.
 *
 * <p>Invalid samples are replaced by the last valid value before them (the first valid value
 * for a leading stretch) before filtering, so an artifact does not leak into the tonic; the
 * output at invalid samples is still a number and must be masked by the caller.
 *
 * <p>References: Makowski et al. (2021), NeuroKit2, Behav. Res. Methods 53, 1689-1696 ({@code
 * eda_phasic(method="highpass")}); Boucsein (2012), <i>Electrodermal Activity</i>, ch. 2.3.
 */
public final class EdaTonic {
    private EdaTonic() {}

    /**
     * The tonic component.
     *
     * @param edaUs skin conductance, microsiemens, uniformly sampled
     * @param valid validity of each sample (see {@link EdaQuality})
     * @param rateHz sampling rate, Hz (the cut-off must lie below rateHz / 2)
     * @param cutoffHz low-pass cut-off, Hz
     * @param method causal or zero-phase
     * @return the tonic level, microsiemens; all NaN when no sample is valid
     */
    public static double[] tonic(
            double[] edaUs, boolean[] valid, double rateHz, double cutoffHz, EdaTonicMethod method) {
        double[] filled = holdLastValid(edaUs, valid);
        if (filled == null) {
            double[] nan = new double[edaUs.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        Sos lp = Butterworth.lowPass(2, cutoffHz, rateHz);
        switch (method) {
            case CAUSAL_BUTTERWORTH:
                double[] state = lp.steadyState();
                for (int i = 0; i < state.length; i++) {
                    state[i] *= filled[0];
                }
                return lp.filterCausal(filled, state);
            case ZERO_PHASE_BUTTERWORTH:
                // scipy's padding (9 samples), shortened for signals of 9 samples or fewer
                return filled.length < 2 ? filled : lp.filtFilt(filled, Math.min(lp.padLength(), filled.length - 1));
            default:
                throw new IllegalArgumentException("unknown EdaTonicMethod " + method);
        }
    }

    /** {@code eda - tonic}, microsiemens. */
    public static double[] phasic(double[] edaUs, double[] tonic) {
        double[] p = new double[edaUs.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = edaUs[i] - tonic[i];
        }
        return p;
    }

    /** Invalid samples replaced by the previous valid one; null when none is valid. */
    static double[] holdLastValid(double[] x, boolean[] valid) {
        int first = 0;
        while (first < x.length && !valid[first]) {
            first++;
        }
        if (first == x.length) {
            return null;
        }
        double[] out = new double[x.length];
        double held = x[first];
        for (int i = 0; i < x.length; i++) {
            if (valid[i]) {
                held = x[i];
            }
            out[i] = held;
        }
        return out;
    }
}
