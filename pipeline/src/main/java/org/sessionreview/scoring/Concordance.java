package org.sessionreview.scoring;

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
 * <p>The support is null when the window has fewer than two features with a z and a positive
 * weight (a lone channel cannot be concordant), and the window is not judged at all ({@link
 * #judged} false) when it carries no feature z (windows scored elsewhere, with only an index).
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
        Feature top = strongest(w, cfg);
        double weighted = 0;
        double weights = 0;
        for (Feature f : Feature.values()) {
            Double z = f.z(w);
            double wf = f.weight(cfg);
            if (z != null && wf > 0 && f != top) {
                weighted += wf * f.contribution(z, cfg);
                weights += wf;
            }
        }
        return weights > 0 ? weighted / weights : null;
    }

    /** True when the window is not judged or its support reaches {@code level}. */
    public static boolean concordant(WindowFeatures w, double level, ScoringConfig cfg) {
        if (level == Double.NEGATIVE_INFINITY || !judged(w)) {
            return true;
        }
        Double s = support(w, cfg);
        return s != null && s >= level;
    }
}
