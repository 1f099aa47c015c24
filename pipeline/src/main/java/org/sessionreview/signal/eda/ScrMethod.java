package org.sessionreview.signal.eda;

/**
 * How {@link ScrDetector} decides which phasic peaks are skin conductance responses.
 *
 * <p>References: Makowski, D. et al. (2021). NeuroKit2, Behavior Research Methods 53, 1689-1696
 * ({@code eda_findpeaks(method="neurokit")}, {@code eda_peaks}); Boucsein, W. (2012).
 * <i>Electrodermal Activity</i> (2nd ed.). Springer, ch. 2.3.1 (SCR amplitude and rise time);
 * Boucsein, W. et al. (2012). Publication recommendations for electrodermal measurements.
 * Psychophysiology 49, 1017-1034.
 */
public enum ScrMethod {
    /**
     * NeuroKit2 0.2.9 {@code eda_findpeaks(method="neurokit", amplitude_min=0.1)}: every local
     * maximum of the phasic signal ({@code scipy.signal.find_peaks}) whose prominence ({@code
     * peak_prominences}) is at least {@code relativeAmplitudeMin} (0.1) times the largest
     * prominence in the input; onset = the nearest local minimum before the peak; amplitude = peak
     * - onset value. No rise-time limit. Relative to the whole input, so batch only.
     */
    NEUROKIT,
    /**
     * Trough-to-peak responses with an absolute threshold (DOMAIN.md 4.0, 4.2): amplitude >= {@code
     * minAmplitudeUs} (default 0.01 uS, sensitive; 0.05 uS conservative) and rise time in {@code
     * [minRiseSeconds, maxRiseSeconds]} (default 0.5-5 s). Each decision uses only samples near the
     * response, so it works on a stream.
     */
    ABSOLUTE
}
