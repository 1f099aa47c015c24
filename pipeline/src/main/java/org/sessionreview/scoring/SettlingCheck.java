package org.sessionreview.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.WindowFeatures;

/**
 * Whether a wearer was still settling during the calibration stretch, and where the settled
 * rest lies (issue 8: results on data the project had not seen).
 *
 * <p><b>Why.</b> The calibration stretch (minutes 2-6) is taken as the wearer's rest. A client
 * who arrives aroused and calms over the first minutes of the session gives a stretch whose
 * medians lie above that rest and whose MADs are inflated by the fall. Every later arousal is
 * then judged against that: on an independent synthetic cohort, clients aroused before the
 * session (+1.0-1.8 uS, +10-16 bpm, decaying through minutes 2-6) had 0 of 6 later episodes of
 * +0.6-1.4 uS and +9-15 bpm found, and nothing said why. Initial rest periods read higher than
 * later ones because people settle into a laboratory or a consulting room (Jennings, Kamarck,
 * Stewart, Eddy &amp; Johnson 1992, Alternate cardiovascular baseline assessment techniques:
 * vanilla or resting baseline, Psychophysiology 29(6)).
 *
 * <p><b>Rule</b> (defaults in brackets). Later stretches of the calibration stretch's length are
 * tried, moved on by {@code scoring.settling.step_s} [60 s] while they end by {@code
 * scoring.settling.search_end_s} [900 s]; each, like the calibration stretch, needs {@link
 * ScoringConfig#minBaselineWindows()} usable windows of EDA level and of heart rate. A later
 * stretch shows settling when <i>both</i> its EDA level and its heart rate median lie at least
 * {@code scoring.settling.min_fall_z} [3] of its own robust SDs (1.4826 x MAD, at least the
 * feature's scale floor) below the calibration stretch's. Both, as for an episode ({@link
 * Concordance}): EDA level alone falls as the skin habituates (Stress-Predict S05: 5.0 -> 2.8
 * uS by minute 8 while heart rate rose), heart rate alone as a wearer sits down after walking in
 * (a developer at work, msr2023: 87 -> 73 bpm over 12 min, EDA level flat). Among the stretches
 * that show it, the calmest is used: the one with the largest combined fall, the sum of its two
 * medians' falls below the calibration stretch's, each in the calibration stretch's robust SDs
 * (floored); the earliest on a tie. Only stretches that end by the end of the wearer's last
 * window are tried: one cut by the end of the data (or, live, by the data so far) would be judged
 * on part of itself. Without EDA level or heart rate in the calibration stretch there is no test.
 *
 * <p>On the seven Stress-Predict development subjects and msr2023 no stretch shows it (the rule
 * changes none of their windows); a coded {@code BASELINE} stretch or a stored baseline comes
 * before the calibration stretch and is never replaced.
 */
public final class SettlingCheck {
    private static final double EPS = 1e-9;
    private static final Feature[] LEVELS = {Feature.SCL, Feature.HR};

    /**
     * A settled stretch.
     *
     * @param fromS start, seconds from media start
     * @param toS end, seconds from media start
     * @param note what fell, from what to what, e.g. {@code settling from 120-360 s: EDA level
     *     5.06 -> 3.62 uS, HR 80.0 -> 73.1 bpm}
     */
    public record Settled(double fromS, double toS, String note) {}

    private SettlingCheck() {}

    /**
     * The settled stretch that replaces the calibration stretch, or empty when the wearer was not
     * settling there (or the check is off, or cannot be made).
     *
     * @param wearerWindows one wearer's windows, any order; end-of-stream markers are ignored
     */
    public static Optional<Settled> find(List<WindowFeatures> wearerWindows, ScoringConfig cfg) {
        if (!cfg.get(ScoringOptions.SETTLING)) {
            return Optional.empty();
        }
        double from0 = cfg.baselineStartS();
        double to0 = cfg.baselineEndS();
        FeatureBaseline[] calibration = levels(wearerWindows, from0, to0, cfg);
        if (calibration == null) {
            return Optional.empty();
        }
        double step = cfg.get(ScoringOptions.SETTLING_STEP_S);
        // only stretches the wearer's data has passed: a stretch cut by the end of the data (or,
        // live, by the horizon) would be judged on part of itself and change as data arrive
        double end = Math.min(cfg.get(ScoringOptions.SETTLING_SEARCH_END_S), lastEndS(wearerWindows));
        double fallZ = cfg.get(ScoringOptions.SETTLING_MIN_FALL_Z);
        double bestScore = Double.POSITIVE_INFINITY;
        Settled best = null;
        for (int k = 1; to0 + k * step <= end + EPS; k++) {
            double a = from0 + k * step;
            double b = to0 + k * step;
            FeatureBaseline[] later = levels(wearerWindows, a, b, cfg);
            if (later == null) {
                continue;
            }
            boolean falls = true;
            double score = 0;
            for (int i = 0; i < LEVELS.length; i++) {
                double m0 = calibration[i].median();
                double mk = later[i].median();
                falls &= m0 - mk >= fallZ * scale(LEVELS[i], later[i], cfg);
                score += (mk - m0) / scale(LEVELS[i], calibration[i], cfg);
            }
            if (falls && score < bestScore) {
                bestScore = score;
                best = new Settled(a, b, note(from0, to0, calibration, later));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The end of the wearer's last window, seconds from media start; -infinity without windows. */
    private static double lastEndS(List<WindowFeatures> ws) {
        double last = Double.NEGATIVE_INFINITY;
        for (WindowFeatures w : ws) {
            if (!w.endOfStream) {
                last = Math.max(last, w.endS);
            }
        }
        return last;
    }

    /** Robust SD of a stretch's feature: {@code madScale x MAD}, at least the feature's floor. */
    private static double scale(Feature f, FeatureBaseline b, ScoringConfig cfg) {
        return Math.max(cfg.madScale() * b.mad(), f.scaleFloor(cfg, b.median()));
    }

    /** Median and MAD of EDA level and HR in the stretch; null unless both have enough windows. */
    private static FeatureBaseline[] levels(List<WindowFeatures> ws, double fromS, double toS, ScoringConfig cfg) {
        FeatureBaseline[] out = new FeatureBaseline[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            double[] v = BaselineEstimator.values(ws, LEVELS[i], w -> w.startS >= fromS && w.endS <= toS, cfg);
            if (v.length < cfg.minBaselineWindows()) {
                return null;
            }
            out[i] = BaselineEstimator.robust(v);
        }
        return out;
    }

    private static String note(double from0, double to0, FeatureBaseline[] c, FeatureBaseline[] k) {
        return String.format(
                Locale.ROOT,
                "settling from %s-%s s: EDA level %.2f -> %.2f uS, HR %.1f -> %.1f bpm",
                TimeText.seconds(from0),
                TimeText.seconds(to0),
                c[0].median(),
                k[0].median(),
                c[1].median(),
                k[1].median());
    }
}
