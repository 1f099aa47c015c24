package org.sessionreview.signal.eda;

/**
 * How {@link EdaClean} removes high-frequency noise before decomposition.
 *
 * <p>Reference: Makowski, D. et al. (2021). NeuroKit2: A Python toolbox for neurophysiological
 * signal processing. Behavior Research Methods 53, 1689-1696 ({@code eda_clean}).
 */
public enum EdaCleanMethod {
    /**
     * NeuroKit2's {@code eda_clean(method="neurokit")}: 4th-order Butterworth low-pass at 3 Hz,
     * zero phase; skipped (the signal is returned unchanged) when the rate is 6 Hz or lower, as for
     * the 4 Hz Empatica E4.
     */
    NEUROKIT,
    /** No cleaning. */
    NONE
}
