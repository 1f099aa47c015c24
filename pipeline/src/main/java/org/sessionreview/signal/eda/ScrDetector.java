package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds skin conductance responses (SCRs) in phasic EDA, by one of the {@link ScrMethod} variants:
 * {@link ScrMethod#NEUROKIT} (NeuroKit2's relative threshold, batch only) or {@link
 * ScrMethod#ABSOLUTE} (absolute amplitude and rise-time limits, usable on a stream; DOMAIN.md 4.0).
 *
 * <p>Masked samples are NaN: they never belong to a response, and a rise containing one is broken
 * there. For each response: the amplitude is peak minus onset on the phasic signal (onset = the
 * foot of the rise: for {@link ScrMethod#ABSOLUTE} where the rise falls below a tenth of its
 * steepest step, the trough at the latest, see {@code AbsoluteScrs}), the rise time is peak time minus
 * onset time, and the half-recovery time is the time from the peak to the first sample below {@code
 * peak - amplitude / 2}, searched up to the lowest point before the next rise; it is null when the
 * signal does not get there first, nor before a masked sample or the end of the data.
 *
 * <p>References: Boucsein, W. (2012). <i>Electrodermal Activity</i> (2nd ed.). Springer, ch. 2.3.1
 * (amplitude, rise time, half recovery); Makowski, D. et al. (2021). NeuroKit2, Behavior Research
 * Methods 53, 1689-1696 ({@code eda_peaks}: {@code SCR_Amplitude}, {@code SCR_RiseTime}, {@code
 * SCR_RecoveryTime}); Benedek, M. &amp; Kaernbach, C. (2010). A continuous measure of phasic
 * electrodermal activity. J. Neurosci. Methods 190(1), 80-91 (the Bateman-shaped SCR, rise and
 * slower decay, that the tests plant).
 */
public final class ScrDetector {
    /** Smallest turning-point hysteresis of {@link ScrMethod#ABSOLUTE}, microsiemens. */
    public static final double MIN_HYSTERESIS_US = AbsoluteScrs.MIN_HYSTERESIS_US;

    /**
     * {@link ScrMethod#ABSOLUTE}'s onset: where the rise falls below this fraction of its steepest
     * step.
     */
    public static final double ONSET_SLOPE_FRACTION = AbsoluteScrs.ONSET_SLOPE_FRACTION;

    private ScrDetector() {}

    /**
     * One response. Indices count from the first sample of the array given to {@code detect},
     * seconds from that sample's time.
     *
     * @param onsetIndex sample index of the onset
     * @param peakIndex sample index of the peak
     * @param onsetSeconds onset time, seconds
     * @param peakSeconds peak time, seconds
     * @param amplitudeUs peak minus onset, microsiemens
     * @param riseTimeS peak time minus onset time, seconds
     * @param halfRecoveryS seconds from the peak to the return below half amplitude; null when not
     *     reached before the next rise, a masked sample or the end of the data
     */
    public record Scr(
            int onsetIndex,
            int peakIndex,
            double onsetSeconds,
            double peakSeconds,
            double amplitudeUs,
            double riseTimeS,
            Double halfRecoveryS) {}

    /**
     * Detects responses with {@code cfg.scrMethod()} and its thresholds.
     *
     * @param phasicUs phasic EDA, microsiemens, uniformly sampled; NaN = masked
     * @param rateHz sampling rate, Hz
     * @return the responses in time order
     */
    public static List<Scr> detect(double[] phasicUs, double rateHz, EdaConfig cfg) {
        List<Rise> rises = switch (cfg.scrMethod()) {
            case NEUROKIT -> NeurokitScrs.find(phasicUs, cfg.relativeAmplitudeMin());
            case ABSOLUTE ->
                AbsoluteScrs.find(phasicUs, rateHz, cfg.minAmplitudeUs(), cfg.minRiseSeconds(), cfg.maxRiseSeconds());
        };
        return describe(phasicUs, rateHz, rises);
    }

    /**
     * {@link ScrMethod#ABSOLUTE} with a validity mask instead of NaN (the form {@code EdaFeatures}
     * uses).
     *
     * @param phasicUs phasic EDA, microsiemens, uniformly sampled
     * @param valid validity per sample; responses never span an invalid sample
     * @param rateHz sampling rate, Hz
     * @param minAmplitudeUs smallest onset-to-peak amplitude, microsiemens (> 0)
     * @param minRiseS shortest rise time, seconds
     * @param maxRiseS longest rise time, seconds
     * @return the responses in time order
     */
    public static List<Scr> detect(
            double[] phasicUs,
            boolean[] valid,
            double rateHz,
            double minAmplitudeUs,
            double minRiseS,
            double maxRiseS) {
        double[] masked = new double[phasicUs.length];
        for (int i = 0; i < masked.length; i++) {
            masked[i] = valid[i] ? phasicUs[i] : Double.NaN;
        }
        return describe(masked, rateHz, AbsoluteScrs.find(masked, rateHz, minAmplitudeUs, minRiseS, maxRiseS));
    }

    private static List<Scr> describe(double[] x, double rateHz, List<Rise> rises) {
        List<Scr> scrs = new ArrayList<>(rises.size());
        for (Rise r : rises) {
            double amplitude = x[r.peak()] - x[r.onset()];
            scrs.add(new Scr(
                    r.onset(),
                    r.peak(),
                    r.onset() / rateHz,
                    r.peak() / rateHz,
                    amplitude,
                    (r.peak() - r.onset()) / rateHz,
                    halfRecovery(x, r, amplitude, rateHz)));
        }
        return scrs;
    }

    /** First sample after the peak below peak - amplitude / 2, before the limit or a NaN. */
    private static Double halfRecovery(double[] x, Rise r, double amplitude, double rateHz) {
        double level = x[r.peak()] - amplitude / 2;
        for (int j = r.peak() + 1; j < r.recoveryLimit() && !Double.isNaN(x[j]); j++) {
            if (x[j] < level) {
                return (j - r.peak()) / rateHz;
            }
        }
        return null;
    }
}
