package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * Estimates a wearer's personal {@link Baseline} from the wearer's own windows (DOMAIN.md 4.0).
 *
 * <p>For each {@link Feature}, the values used are those of windows that lie wholly inside the
 * stretch ({@code startS >= from} and {@code endS <= to}), whose feature is non-null, whose
 * channel quality reaches {@link ScoringConfig#qualityThreshold()} and that are rest windows
 * ({@link #restWindow}: less than {@link ScoringConfig#grossMovementMaxS()} of gross movement).
 * When a feature has fewer than {@link ScoringConfig#minBaselineWindows()} such values, that
 * feature falls back to all usable windows of the session, and the source string says so:
 *
 * <ul>
 *   <li>{@code calibration 120-360 s}: every feature from the stretch;
 *   <li>{@code whole session (calibration stretch had N usable windows)}: every feature fell
 *       back; N is the largest usable count any feature had in the stretch;
 *   <li>{@code calibration 120-360 s; whole session for EDA level, SCR rate (calibration stretch
 *       had N usable windows)}: some features fell back (a coded stretch: {@code coded stretch had});
 *   <li>{@code none (no usable windows)}: nothing to estimate from.
 * </ul>
 *
 * <p>Per feature: median m and MAD = median(|x - m|) (Leys, Ley, Klein, Bernard & Licata 2013,
 * <i>Detecting outliers: do not use standard deviation around the mean, use absolute deviation
 * around the median</i>, J. Exp. Soc. Psychol. 49(4)). The 1.4826 scale and the floors are
 * applied when scoring ({@link AnxietyIndex}), so a baseline from elsewhere is treated alike.
 */
public final class BaselineEstimator {
    private BaselineEstimator() {}

    /**
     * Baseline from the configured calibration stretch ({@link ScoringConfig#baselineStartS()}
     * to {@link ScoringConfig#baselineEndS()}), labelled {@code calibration <from>-<to> s}; or,
     * when the wearer was still settling there, from the later stretch {@link SettlingCheck}
     * finds, labelled {@code calibration <from>-<to> s (settling from ...: ...)}. The baseline
     * carries the stretch used ({@link Baseline#stretch()}).
     *
     * @param wearerWindows windows of one wearer of one session, any order; end-of-stream
     *     markers are ignored
     */
    public static Baseline calibration(List<WindowFeatures> wearerWindows, ScoringConfig cfg) {
        java.util.Optional<SettlingCheck.Settled> settled = SettlingCheck.find(wearerWindows, cfg);
        double from = settled.map(SettlingCheck.Settled::fromS).orElse(cfg.baselineStartS());
        double to = settled.map(SettlingCheck.Settled::toS).orElse(cfg.baselineEndS());
        String label = "calibration " + TimeText.seconds(from) + "-" + TimeText.seconds(to) + " s"
                + settled.map(s -> " (" + s.note() + ")").orElse("");
        return fromStretch(wearerWindows, from, to, label, "calibration stretch", cfg)
                .fromStretch(from, to, settled.isPresent());
    }

    /**
     * The most usable windows any feature has inside {@code [fromS, toS]}: what decides whether
     * a stretch can give a baseline ({@link ScoringConfig#minBaselineWindows()}).
     */
    public static int usableWindows(List<WindowFeatures> wearerWindows, double fromS, double toS, ScoringConfig cfg) {
        Predicate<WindowFeatures> inside = w -> w.startS >= fromS && w.endS <= toS;
        int most = 0;
        for (Feature f : Feature.values()) {
            most = Math.max(most, values(wearerWindows, f, inside, cfg).length);
        }
        return most;
    }

    /**
     * Baseline from any stretch, e.g. a coded BASELINE interval, with the whole-session fallback
     * described in the class comment.
     *
     * @param fromS stretch start, seconds from media start
     * @param toS stretch end, seconds from media start
     * @param label source text used when the stretch suffices, e.g. {@code coded BASELINE
     *     300-540 s}
     * @param stretchName what the fallback text calls the stretch, e.g. {@code calibration
     *     stretch} or {@code coded stretch}
     */
    public static Baseline fromStretch(
            List<WindowFeatures> wearerWindows,
            double fromS,
            double toS,
            String label,
            String stretchName,
            ScoringConfig cfg) {
        Predicate<WindowFeatures> inside = w -> w.startS >= fromS && w.endS <= toS;
        List<Feature> fellBack = new ArrayList<>();
        List<Feature> fromStretch = new ArrayList<>();
        int maxFallbackCount = 0;
        int maxStretchCount = 0;
        java.util.EnumMap<Feature, Integer> stretchCounts = new java.util.EnumMap<>(Feature.class);
        List<FeatureBaseline> chosen = new ArrayList<>();
        for (Feature f : Feature.values()) {
            double[] inStretch = values(wearerWindows, f, inside, cfg);
            maxStretchCount = Math.max(maxStretchCount, inStretch.length);
            double[] used = inStretch;
            if (inStretch.length < cfg.minBaselineWindows()) {
                used = values(wearerWindows, f, w -> true, cfg);
                if (used.length > 0) {
                    fellBack.add(f);
                    maxFallbackCount = Math.max(maxFallbackCount, inStretch.length);
                    stretchCounts.put(f, inStretch.length);
                }
            } else {
                fromStretch.add(f);
            }
            chosen.add(used.length == 0 ? null : robust(used));
        }
        String source;
        if (fellBack.isEmpty() && fromStretch.isEmpty()) {
            source = "none (no usable windows"
                    + movementNote(wearerWindows, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, cfg) + ")";
        } else if (fellBack.isEmpty()) {
            source = label;
        } else if (fromStretch.isEmpty()) {
            source = "whole session (" + stretchName + " had " + maxStretchCount + " usable windows"
                    + movementNote(wearerWindows, fromS, toS, cfg) + ")";
        } else {
            List<String> names = new ArrayList<>();
            fellBack.forEach(f -> names.add(f.label()));
            source = label + "; whole session for " + String.join(", ", names) + " (" + stretchName + " had "
                    + maxFallbackCount + " usable windows" + movementNote(wearerWindows, fromS, toS, cfg) + ")";
        }
        Baseline.Builder b = Baseline.builder(source);
        for (Feature f : Feature.values()) {
            FeatureBaseline fb = chosen.get(f.ordinal());
            if (fb != null) {
                b.put(f, fb);
            }
        }
        if (!fellBack.isEmpty()) {
            // each baselines/ row names its own source (nineteenth audit: every row of such a
            // session read "<label>; whole session for RMSSD (...)", and baselines.json left the
            // session's stretch baselines out for it)
            // each with its own count (review: every row gave the largest)
            String moving = movementNote(wearerWindows, fromS, toS, cfg);
            fellBack.forEach(f -> b.source(
                    f,
                    "whole session (" + stretchName + " had " + stretchCounts.get(f) + " usable windows" + moving
                            + ")"));
            fromStretch.forEach(f -> b.source(f, label));
        }
        return b.build();
    }

    /**
     * What a source text adds when a stretch lacks usable windows because the wearer moved:
     * {@code ", N more with gross movement"} for the N windows wholly inside {@code [fromS, toS]}
     * that are no rest windows ({@link #restWindow}), or nothing when there are none.
     */
    public static String movementNote(List<WindowFeatures> wearerWindows, double fromS, double toS, ScoringConfig cfg) {
        long moving = wearerWindows.stream()
                .filter(w -> !w.endOfStream && w.startS >= fromS && w.endS <= toS && !restWindow(w, cfg))
                .count();
        return moving == 0 ? "" : ", " + moving + " more with gross movement";
    }

    /** Median and MAD of non-empty values. */
    static FeatureBaseline robust(double[] values) {
        Median median = new Median();
        double m = median.evaluate(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - m);
        }
        return new FeatureBaseline(m, median.evaluate(dev), values.length);
    }

    /**
     * True when a window may stand for the wearer's rest: not an end-of-stream marker, and with
     * less than {@link ScoringConfig#grossMovementMaxS()} (10 s) of gross movement. A window the
     * index leaves unscored for movement is exertion (walking, stairs: EDA and heart rate rise
     * with it, DOMAIN.md 4.0), not rest; before 2026-12-06 night such windows counted, so a short
     * session whose minutes 2-6 fell on the walk after it had the walk as its baseline (sixth
     * audit, 111.5 bpm against a rest of 66.8).
     */
    static boolean restWindow(WindowFeatures w, ScoringConfig cfg) {
        return !w.endOfStream && w.grossMovementS < cfg.grossMovementMaxS();
    }

    static double[] values(
            List<WindowFeatures> windows, Feature f, Predicate<WindowFeatures> where, ScoringConfig cfg) {
        return windows.stream()
                .filter(w -> restWindow(w, cfg) && where.test(w) && f.usable(w, cfg))
                .mapToDouble(w -> f.value(w))
                .toArray();
    }
}
