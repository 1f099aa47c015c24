package org.sessionreview.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.config.SilentChannelRule;
import org.sessionreview.model.WindowFeatures;

/**
 * The channels of one wearer that carry no baseline information, and so cannot count against
 * arousal in the concordance support ({@link Concordance}; option {@code
 * scoring.episode.silent_channels}, {@link SilentChannelRule}, default {@code EDA_NON_RESPONDER}).
 *
 * <p>A feature is <b>silent</b> when its baseline median and MAD are both exactly 0 and every
 * rest window of the calibration stretch read exactly 0 ({@link BaselineEstimator#restWindow}; no
 * SCR at all in the calibration stretch; a
 * temperature slope the sensor did not resolve). Median and MAD alone are not enough: a calm
 * responder with about one SCR a minute reads 0 in most 30 s windows, and leaving its zeros out
 * while its SCRs count would bias the support upwards (on the independent cohort it added a
 * false episode to a drift-only session). Its z-score is then {@code value / floor}, and a
 * window that reads 0 again gets z 0: not a measurement of calm, since the channel could not go
 * lower in the calibration either. Counted in the support, such a zero pulls it towards 0 with
 * the channel's full weight (the SCR rate's 0.5 of 2.25 without heart rate: 22 %), and an arousal
 * carried by heart rate, RMSSD and skin temperature in an electrodermal non-responder stays below
 * the support needed to enter (GitHub issue 8; {@code validation/second-cohort}). A silent channel
 * is therefore left out of a window's support, and out of its channel count, wherever its
 * contribution is not above 0; when it rises (SCRs appear) it counts as before.
 *
 * <p>With {@link SilentChannelRule#EDA_NON_RESPONDER} a wearer whose SCR rate is silent is taken
 * as an electrodermal non-responder (about 10-25 % of people show no or hardly any SCRs:
 * Venables &amp; Mitchell 1996; Boucsein 2012, ch. 3 on hypo-responders), and the EDA level is
 * left out in the same way: without sudomotor responses its level follows electrode hydration,
 * not arousal. One-sided, as for the SCR rate: a flat or falling level is what such a wearer
 * shows whether aroused or not, so it is no evidence against arousal; a rising one still counts,
 * since slow hydration drift is taken out before (the drift-following reference, {@link
 * DriftFollowingLevel}) and the strongest channel is chosen among all channels, so a level rise
 * alone makes no episode. Only a calibration baseline from enough windows of its own stretch is
 * judged ({@link #of}): a coded or stored baseline, or a feature that fell back to the whole
 * session (live, before the stretch has passed), has no silent channel. Levels the device cannot resolve need no rule here: EDA below 0.05 uS is contact
 * loss and never scored (DOMAIN.md 4.0).
 *
 * <p>References: Venables &amp; Mitchell 1996, <i>The effects of age, sex and time of testing on
 * skin conductance activity</i>, Biol. Psychol. 43(2); Boucsein 2012, <i>Electrodermal
 * Activity</i>, 2nd ed., Springer.
 */
public final class SilentChannels {
    private SilentChannels() {}

    /**
     * The wearer's silent features under the configured rule, in {@link Feature} order.
     *
     * @param baseline the wearer's baseline; only a calibration baseline ({@link Baseline#stretch()}
     *     present) is judged: a coded or stored baseline's median and MAD come from windows other
     *     than that stretch (another session's, for a stored one), so no channel is silent there
     * @param windows the wearer's windows (any order); the rest windows wholly inside the
     *     baseline's stretch must all read exactly 0, and be at least {@code scoring.min_baseline_windows} (fewer,
     *     and the feature's baseline fell back to the whole session: not judged either)
     */
    public static Set<Feature> of(Baseline baseline, List<WindowFeatures> windows, ScoringConfig cfg) {
        return of(baseline, windows, cfg, cfg.get(ScoringOptions.SILENT_CHANNELS));
    }

    /** As above under {@code rule}; empty for {@link SilentChannelRule#KEEP}. */
    public static Set<Feature> of(
            Baseline baseline, List<WindowFeatures> windows, ScoringConfig cfg, SilentChannelRule rule) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        Optional<double[]> stretch = baseline.stretch();
        if (rule == SilentChannelRule.KEEP || stretch.isEmpty()) {
            return Collections.unmodifiableSet(out);
        }
        double fromS = stretch.get()[0];
        double toS = stretch.get()[1];
        for (Feature f : Feature.values()) {
            if (silent(baseline.get(f)) && allZero(f, windows, fromS, toS, cfg)) {
                out.add(f);
            }
        }
        if (rule == SilentChannelRule.EDA_NON_RESPONDER && out.contains(Feature.SCR_RATE)) {
            out.add(Feature.SCL);
        }
        return Collections.unmodifiableSet(out);
    }

    /** True when a window's z of {@code f} is left out of the support: silent and not above 0. */
    public static boolean leftOut(Feature f, double z, Set<Feature> silent, ScoringConfig cfg) {
        return silent.contains(f) && f.contribution(z, cfg) <= 0;
    }

    /**
     * True when the usable values of {@code f} in windows wholly inside the stretch are all 0 and
     * at least the minimum a baseline needs (the windows its median and MAD came from).
     */
    private static boolean allZero(
            Feature f, List<WindowFeatures> windows, double fromS, double toS, ScoringConfig cfg) {
        int n = 0;
        for (WindowFeatures w : windows) {
            if (BaselineEstimator.restWindow(w, cfg) && w.startS >= fromS && w.endS <= toS && f.usable(w, cfg)) {
                if (f.value(w) != 0) {
                    return false;
                }
                n++;
            }
        }
        return n > 0 && n >= cfg.minBaselineWindows();
    }

    private static boolean silent(Optional<FeatureBaseline> b) {
        return b.isPresent() && b.get().median() == 0 && b.get().mad() == 0;
    }
}
