package org.sessionreview.signal.eda;

/**
 * How {@link EdaTonic} separates the slow tonic level from the phasic responses.
 *
 * <p>Both variants use the 2nd-order Butterworth low-pass that NeuroKit2 uses for its default
 * tonic ({@code eda_phasic(method="highpass")} at 0.05 Hz); they differ in phase.
 *
 * <p>References: Makowski et al. (2021) NeuroKit2: A Python toolbox for neurophysiological
 * signal processing. Behavior Research Methods 53, 1689-1696. Boucsein, W. (2012).
 * <i>Electrodermal Activity</i> (2nd ed.). Springer, ch. 2.3.
 */
public enum EdaTonicMethod {
    /**
     * Forward-only filter, state started at steady state on the first valid sample. It uses no
     * sample later than the one it outputs, so it suits a stream. Its group delay near 0 Hz is
     * about {@code sqrt(2) / (2 pi fc)} (4.5 s at 0.05 Hz), so the tonic lags, which lets a
     * response show fully in the phasic part and produces an undershoot after it.
     */
    CAUSAL_BUTTERWORTH,
    /**
     * Forward-backward filter ({@code scipy.signal.filtfilt} with its default odd padding of 3 x
     * filter order + 3 samples): no lag, as in NeuroKit2 batch processing. Applied to the samples
     * up to the window end only, so the last seconds carry an edge effect.
     */
    ZERO_PHASE_BUTTERWORTH
}
