package org.sessionreview.scoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * Channel concordance of one scored window: does the anxiety index rest on more than one
 * channel? (GitHub issue 8: a skin-conductance level drifting up over 15-20 minutes, every other
 * channel near 0, was reported as anxiety.)
 *
 * <p>The <b>support</b> of a window is its anxiety index recomputed without the feature that
 * contributes most to it (largest {@code weight x sign x z}), weights renormalised over the
 * features left. A rise of one channel alone leaves the support near 0; a concordant autonomic
 * response (EDA level with heart rate, SCRs or reduced RMSSD; Kreibig 2010 lists all of them in
 * the anxiety pattern) keeps it high. The support is the mean of up to four other weighted
 * channels, so with no real change its spread is about 0.55 z (weighted mean of independent unit
 * z-scores without the SCL, default weights: sqrt(1.5625) / 2.25 = 0.56): it passes 1.0 in about
 * 3.5 % of windows.
 * A rule "at least two channels with z &gt;= 1" would instead pass in more than half of the
 * windows of a single-channel drift (some of five noisy channels is above 1 most of the time).
 *
 * <p><b>A shifted level</b> ({@link #levelShift}, 2026-12-06): the rule is a test run afresh at
 * every window, and while one channel stands high for many minutes it is run many times: a
 * drifting skin-conductance level that the drift-following reference ({@link
 * DriftFollowingLevel}) has not caught up with yet (it needs three 10-minute floors for a slope)
 * keeps the index above the enter threshold for 15-25 minutes, and in that stretch the 3.5 %
 * chance passes of the support (heart rate or SCR rate rising by chance for 20 s) made false
 * episodes (the independent cohort: 2 of 12 drift-only sessions). A channel that has stood at or
 * above the enter threshold for at least half of the trailing {@code scoring.episode.level_shift_s}
 * (360 s: half of it is the 180 s onset look-back of {@link OnsetRule}, so its rise began before
 * any onset the rule can place for this entry) is a level, not a response beginning now,
 * and the window's index says nothing about this moment beyond its support; the window then enters
 * only when the support alone reaches {@code scoring.episode.concordance_shift_z} (2.0, the enter
 * threshold: the other channels carry the episode on their own). With the null spread of 0.56 z
 * that is 3.6 spreads, passed by chance in about 0.02 % of windows instead of 3.5 %; a concordant
 * response (heart rate +10 bpm with SCRs and reduced RMSSD) gives a support of 3 or more.
 *
 * <p>The support is null when the window has fewer than two features with a z and a positive
 * weight (a lone channel cannot be concordant), and the window is not judged at all ({@link
 * #judged} false) when it carries no feature z (windows scored elsewhere, with only an index).
 *
 * <p><b>Silent channels</b> ({@link SilentChannels}, 2026-12-06 late): a channel without baseline
 * information (calibration median and MAD 0 and every calibration window 0: no SCR at all in the
 * calibration stretch) is left out of the support and its channel count wherever it does not rise: its zero is no measurement of calm, and counting
 * it kept the heart-rate, RMSSD and temperature arousals of electrodermal non-responders out.
 * The strongest channel is still chosen among all channels, so a lone rise stays a lone rise.
 *
 * <p>Reference: Kreibig 2010, <i>Autonomic nervous system activity in emotion: a review</i>,
 * Biol. Psychol. 84(3): anxiety goes with raised HR, SCL and non-specific SCR rate and reduced
 * HRV together.
 */
public final class Concordance {
    private Concordance() {}

    /** True when the window carries at least one feature z-score. */
    public static boolean judged(WindowFeatures w) {
        for (Feature f : Feature.values()) {
            if (f.z(w) != null) {
                return true;
            }
        }
        return false;
    }

    /** The feature contributing most to the window's index, or null without any z. */
    public static Feature strongest(WindowFeatures w, ScoringConfig cfg) {
        Feature best = null;
        double bestC = Double.NEGATIVE_INFINITY;
        for (Feature f : Feature.values()) {
            Double z = f.z(w);
            double wf = f.weight(cfg);
            if (z != null && wf > 0 && wf * f.contribution(z, cfg) > bestC) {
                bestC = wf * f.contribution(z, cfg);
                best = f;
            }
        }
        return best;
    }

    /** The index without the strongest contribution; null with fewer than two features. */
    public static Double support(WindowFeatures w, ScoringConfig cfg) {
        return support(w, cfg, Set.of());
    }

    /**
     * As {@link #support(WindowFeatures, ScoringConfig)}, also without the wearer's silent
     * channels where they do not rise ({@link SilentChannels#leftOut}); null when no other channel
     * is left.
     */
    public static Double support(WindowFeatures w, ScoringConfig cfg, Set<Feature> silent) {
        Feature top = strongest(w, cfg);
        double weighted = 0;
        double weights = 0;
        for (Feature f : Feature.values()) {
            Double z = f.z(w);
            double wf = f.weight(cfg);
            if (z != null && wf > 0 && f != top && !SilentChannels.leftOut(f, z, silent, cfg)) {
                weighted += wf * f.contribution(z, cfg);
                weights += wf;
            }
        }
        return weights > 0 ? weighted / weights : null;
    }

    /**
     * The silent channels that {@link #support(WindowFeatures, ScoringConfig, Set)} leaves out of
     * this window's support because they do not rise ({@link SilentChannels#leftOut}): those with a
     * z and a positive weight that are not the strongest channel (which is out of the support
     * anyway). Empty when {@code silent} is empty or every silent channel rises here.
     */
    public static Set<Feature> leftOutOfSupport(WindowFeatures w, ScoringConfig cfg, Set<Feature> silent) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        if (silent.isEmpty()) {
            return out;
        }
        Feature top = strongest(w, cfg);
        for (Feature f : silent) {
            Double z = f.z(w);
            if (z != null && f.weight(cfg) > 0 && f != top && SilentChannels.leftOut(f, z, silent, cfg)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * True when window {@code i}'s strongest channel stood at or above {@code level} (its signed
     * z, {@link Feature#contribution}) in at least half of the windows whose centre lies in the
     * {@code spanS} before window {@code i}'s centre, those windows with a z for it covering at
     * least half of the span: a level that has been up for longer than an episode lasts (a
     * drifting skin-conductance level before the drift-following reference has caught up), not a
     * response beginning now.
     *
     * @param ws one wearer's windows sorted by start, without end-of-stream markers
     */
    public static boolean levelShift(List<WindowFeatures> ws, int i, double spanS, double level, ScoringConfig cfg) {
        Feature top = strongest(ws.get(i), cfg);
        if (top == null) {
            return false;
        }
        double c = EpisodeDetector.centreS(ws.get(i), cfg);
        int covered = 0;
        int above = 0;
        for (int j = i - 1; j >= 0 && EpisodeDetector.centreS(ws.get(j), cfg) >= c - spanS; j--) {
            Double z = top.z(ws.get(j));
            if (z != null) {
                covered++;
                if (top.contribution(z, cfg) >= level) {
                    above++;
                }
            }
        }
        return covered > 0 && covered >= 0.5 * spanS / cfg.windowHopS() && 2 * above >= covered;
    }

    /** True when the window is not judged or its support reaches {@code level}. */
    public static boolean concordant(WindowFeatures w, double level, ScoringConfig cfg) {
        return concordant(w, level, cfg, Set.of());
    }

    /** As {@link #concordant(WindowFeatures, double, ScoringConfig)} with the wearer's silent channels. */
    public static boolean concordant(WindowFeatures w, double level, ScoringConfig cfg, Set<Feature> silent) {
        if (level == Double.NEGATIVE_INFINITY || !judged(w)) {
            return true;
        }
        Double s = support(w, cfg, silent);
        return s != null && s >= level;
    }
}
