package org.sessionreview.signal.eda;

/**
 * How {@link EdaPhasic} splits EDA into a slow tonic level and fast phasic responses.
 *
 * <p>References: Makowski, D. et al. (2021). NeuroKit2: A Python toolbox for neurophysiological
 * signal processing. Behavior Research Methods 53, 1689-1696 ({@code eda_phasic}); Boucsein, W.
 * (2012). <i>Electrodermal Activity</i> (2nd ed.). Springer, ch. 2.3.
 */
public enum EdaPhasicMethod {
    /**
     * NeuroKit2 0.2.9 {@code eda_phasic(method="highpass")} (also its {@code "neurokit"} default):
     * tonic = 2nd-order Butterworth low-pass at the cut-off (default 0.05 Hz), phasic = 2nd-order
     * Butterworth high-pass at the same cut-off, each {@code scipy.signal.sosfiltfilt} over the
     * whole signal. Batch only: every output depends on every input sample.
     */
    NEUROKIT_HIGHPASS,
    /**
     * The same low-pass, zero phase, with bounded support for streams: tonic = the {@code
     * sosfiltfilt} impulse response of the 0.05 Hz low-pass cut at {@code +-supportSeconds}
     * (default 15 s), its outer half on each side tapered by a raised cosine and the taps rescaled
     * to unit DC gain ({@link org.sessionreview.signal.filter.ZeroPhaseFir#tapered}); phasic = EDA
     * - tonic. Look-ahead and latency: {@code supportSeconds} (plus the cleaning filter's 2.9 s
     * above 6 Hz). Because the Butterworth low- and high-pass are power complementary ({@code
     * |H_lp|^2 + |H_hp|^2 = 1}), the phasic part follows {@link #NEUROKIT_HIGHPASS}'s phasic; the
     * cut changes the tonic's gain from 0.500 to 0.487 at 0.05 Hz, from 0.975 to 0.898 at 0.02 Hz
     * and from 0.058 to 0.038 at 0.1 Hz. The taper matters: a plain cut at 15 s lands on the
     * kernel's negative side lobe (-4 % of its centre), and a large response entering the support
     * 15 s ahead then steps the tonic down, which shows as a spurious 0.01 uS rise before a 1 uS
     * response. Deterministic: the same samples give bit-identical output however the signal is cut
     * into pieces.
     */
    STREAMING
}
