package org.sessionreview.signal.eda;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionreview.signal.filter.Butterworth;
import org.sessionreview.signal.filter.ZeroPhaseFir;

/**
 * Splits (cleaned) EDA into its tonic level and phasic responses; the variants are described in
 * {@link EdaPhasicMethod}. Both use the 2nd-order Butterworth at {@code tonicCutoffHz} (default
 * 0.05 Hz) that NeuroKit2 uses, zero phase.
 *
 * <p>References: Makowski, D. et al. (2021). NeuroKit2, Behavior Research Methods 53, 1689-1696
 * ({@code eda_phasic(method="highpass")}); Boucsein, W. (2012). <i>Electrodermal Activity</i> (2nd
 * ed.). Springer, ch. 2.3; SciPy {@code scipy.signal.sosfiltfilt}.
 */
public final class EdaPhasic {
    /** Order of the tonic low-pass and the phasic high-pass (NeuroKit2's {@code signal_filter}). */
    public static final int ORDER = 2;

    /** Share of each side of {@link EdaPhasicMethod#STREAMING}'s kernel under the cosine taper. */
    public static final double STREAMING_TAPER = 0.5;

    private EdaPhasic() {}

    /**
     * Tonic and phasic parts, same length as the input.
     *
     * @param tonicUs slow level, microsiemens
     * @param phasicUs responses, microsiemens (about zero between responses)
     */
    public record Components(double[] tonicUs, double[] phasicUs) {}

    /**
     * Decomposes the signal with {@code cfg.phasicMethod()}.
     *
     * @param edaUs (cleaned) skin conductance, microsiemens, finite, uniformly sampled
     * @param rateHz sampling rate, Hz, above {@code 2 * cfg.tonicCutoffHz()}
     * @param cfg method, cut-off and (for {@link EdaPhasicMethod#STREAMING}) support
     * @throws IllegalArgumentException for {@link EdaPhasicMethod#NEUROKIT_HIGHPASS} on 9 samples
     *     or fewer ({@code sosfiltfilt}'s padding)
     */
    public static Components decompose(double[] edaUs, double rateHz, EdaConfig cfg) {
        return switch (cfg.phasicMethod()) {
            case NEUROKIT_HIGHPASS -> highPass(edaUs, rateHz, cfg.tonicCutoffHz());
            case STREAMING -> streaming(edaUs, rateHz, cfg.tonicCutoffHz(), supportSamples(rateHz, cfg));
        };
    }

    /** {@link EdaPhasicMethod#STREAMING}'s kernel half-width, samples. */
    public static int supportSamples(double rateHz, EdaConfig cfg) {
        return (int) Math.round(cfg.supportSeconds() * rateHz);
    }

    // =========================================================================================
    // NeuroKit2 eda_phasic(method="highpass") (Makowski et al., 2021)
    // =========================================================================================
    private static Components highPass(double[] x, double rateHz, double cutoffHz) {
        double[] tonic = Butterworth.lowPass(ORDER, cutoffHz, rateHz).filtFilt(x);
        double[] phasic = Butterworth.highPass(ORDER, cutoffHz, rateHz).filtFilt(x);
        return new Components(tonic, phasic);
    }

    // =========================================================================================
    // Bounded-support zero-phase low-pass, phasic = EDA - tonic (this project)
    // =========================================================================================
    private static Components streaming(double[] x, double rateHz, double cutoffHz, int halfWidth) {
        double[] tonic = streamingKernel(rateHz, cutoffHz, halfWidth).apply(x);
        double[] phasic = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            phasic[i] = x[i] - tonic[i];
        }
        return new Components(tonic, phasic);
    }

    /**
     * Designed kernels by (rate in Hz, cutoff in Hz, half-width in samples): the design filters an
     * impulse thousands of samples long, and every core of a stream asks for the same kernel. The
     * design is deterministic, so a kept kernel is the one a new design would give, bit for bit.
     */
    private static final Map<List<Object>, ZeroPhaseFir> KERNELS = new ConcurrentHashMap<>();

    /** {@link EdaPhasicMethod#STREAMING}'s kernel, designed once per (rate, cutoff, half-width). */
    static ZeroPhaseFir streamingKernel(double rateHz, double cutoffHz, int halfWidth) {
        if (KERNELS.size() > 64) {
            KERNELS.clear(); // a bound for odd callers; the pipeline uses one or two
        }
        return KERNELS.computeIfAbsent(
                List.of(rateHz, cutoffHz, halfWidth),
                k -> ZeroPhaseFir.tapered(Butterworth.lowPass(ORDER, cutoffHz, rateHz), halfWidth, STREAMING_TAPER));
    }
}
