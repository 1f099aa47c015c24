package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * Finds anxiety episodes in one wearer's scored windows with hysteresis (DOMAIN.md 4.0).
 *
 * <p><b>Time of a window.</b> Each window stands for the hop-long cell around its centre,
 * {@code [c - hop/2, c + hop/2)} with {@code c = startS + windowLength/2}; with the defaults
 * (30 s windows, 5 s hop) a run of n consecutive windows covers n x 5 s. Using centres puts an
 * episode's start close to when the arousal began rather than up to a window length earlier.
 *
 * <p><b>Rules</b> (defaults in brackets):
 *
 * <ol>
 *   <li>Missing time between windows (a gap of more than half a hop between cells) counts as not
 *       elevated and as low: the recording itself stopped there (device off, a pause, a lost part
 *       of a file), and the onset look-back ({@link EpisodeOnsets}) also stops at it.
 *   <li>An unscored window (null index) counts as not elevated, so it breaks a run towards entry.
 *       Inside an episode a stretch of consecutive unscored windows is <em>unknown time</em>,
 *       neither high nor low. The index is null when the window has gross movement ({@link
 *       org.sessionreview.model.WindowFeatures#grossMovementS} at least {@code
 *       scoring.gross_movement_max_s} [10 s]: exertion raises EDA and heart rate too) or when no
 *       channel passes quality (contact loss, a loose strap, often from the same movement). Both
 *       are treated alike: neither is evidence that the arousal stopped, only that it cannot be
 *       seen. The first scored window after the stretch decides: if it is not low (rule 4) the
 *       episode goes on through the stretch; if it is low, the stretch is low time from its
 *       start, so the episode ends where the stretch began once the leave hold is reached (as for
 *       any low run). A stretch longer than the bridge limit [{@code
 *       scoring.episode.max_unscored_bridge_s}, 60 s of cells, 12 windows] is low time from its
 *       start without waiting; so is a stretch cut by missing time or still open at the last
 *       window. Until this rule (2026-12-06; limit 0 restores it) every unscored window was low
 *       time, so 20 s of movement ended an episode and each fragment after it became a new onset
 *       and a new moment. Why 60 s: with 30 s windows and a 5 s hop the raw time that no scored
 *       window sees is 60 - 30 + 5 = 35 s, about the merge gap [30 s] (rule 5), so a fall and a
 *       new rise hidden in it could hardly have been reported apart; and the stretch is decided
 *       before a live moment ending at its start is sent ({@code live.settle_s}, 90 s behind the
 *       data, when windows up to 77.5 s past that end have arrived).
 *   <li>Enter: a run of consecutive windows with index &gt;= enter threshold [2.0] covering at
 *       least the enter hold [20 s, 4 windows], each also concordant ({@link Concordance}: its
 *       support reaches 1.0, or 2.0 while its strongest channel is a shifted level, {@link
 *       Concordance#levelShift}; a silent channel, {@link SilentChannels}, does not count where it
 *       does not rise). The episode starts at the onset of the run's rise ({@link
 *       EpisodeOnsets}).
 *   <li>Leave: a run of low time (index &lt; leave threshold [1.0] or not concordant at the stay
 *       support [0.5], missing time, or unscored time that rule 2 makes low) covering at least the
 *       leave hold [20 s]. The episode ends where that low run began. Windows in between the
 *       thresholds keep an episode going. An episode still open at the last window ends where the
 *       trailing low or unknown run began, or at the last window's cell end.
 *   <li>Episodes separated by less than the merge gap [30 s] are merged.
 *   <li>Then episodes shorter than the minimum [30 s] are dropped.
 * </ol>
 *
 * <p>Episode statistics (peak index, per-feature peak and mean z) use the windows whose centre
 * lies inside the episode.
 */
public final class EpisodeDetector {
    /** Tolerance for comparing times built from sums of hops, seconds. */
    private static final double EPS = 1e-6;

    private EpisodeDetector() {}

    /**
     * Detects the episodes of one wearer.
     *
     * @param role the wearer, copied into each episode
     * @param scoredWindows that wearer's windows with {@code anxietyIndex} (and z) filled, any
     *     order; end-of-stream markers are ignored
     * @return episodes in time order
     */
    public static List<AnxietyEpisode> detect(Role role, List<WindowFeatures> scoredWindows, ScoringConfig cfg) {
        return detect(role, scoredWindows, cfg, OnsetRule.of(cfg));
    }

    /** {@link #detect(Role, List, ScoringConfig)} with the given onset and concordance rule. */
    public static List<AnxietyEpisode> detect(
            Role role, List<WindowFeatures> scoredWindows, ScoringConfig cfg, OnsetRule rule) {
        return detect(role, scoredWindows, cfg, rule, Set.of());
    }

    /**
     * As {@link #detect(Role, List, ScoringConfig, OnsetRule)}, the concordance support leaving
     * out the wearer's silent channels where they do not rise ({@link SilentChannels#of}).
     */
    public static List<AnxietyEpisode> detect(
            Role role, List<WindowFeatures> scoredWindows, ScoringConfig cfg, OnsetRule rule, Set<Feature> silent) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (WindowFeatures w : scoredWindows) {
            if (!w.endOfStream) {
                ws.add(w);
            }
        }
        ws.sort(Comparator.comparingDouble((WindowFeatures w) -> w.startS));
        boolean[] consulted = new boolean[ws.size()];
        List<double[]> spans = merge(hysteresis(ws, cfg, rule, silent, consulted), cfg.mergeGapS());
        List<AnxietyEpisode> episodes = new ArrayList<>();
        for (double[] span : spans) {
            if (span[1] - span[0] >= cfg.minEpisodeS() - EPS) {
                episodes.add(summarise(role, span[0], span[1], ws, cfg, consulted, silent));
            }
        }
        return episodes;
    }

    /** Centre of a window, seconds from media start. */
    public static double centreS(WindowFeatures w, ScoringConfig cfg) {
        return w.startS + cfg.windowLengthS() / 2.0;
    }

    /**
     * Raw [start, end] spans from the enter/leave state machine, in time order; the start is the
     * onset from {@link EpisodeOnsets} (with the configured rule).
     */
    static List<double[]> hysteresis(List<WindowFeatures> ws, ScoringConfig cfg) {
        return hysteresis(ws, cfg, OnsetRule.of(cfg));
    }

    static List<double[]> hysteresis(List<WindowFeatures> ws, ScoringConfig cfg, OnsetRule rule) {
        return hysteresis(ws, cfg, rule, Set.of());
    }

    static List<double[]> hysteresis(List<WindowFeatures> ws, ScoringConfig cfg, OnsetRule rule, Set<Feature> silent) {
        return hysteresis(ws, cfg, rule, silent, null);
    }

    /**
     * As above; {@code consulted} (null, or one flag per window of {@code ws}) is set for each
     * window whose concordance support took part in its decision: outside an episode a window
     * at the enter threshold (is it concordant enough to enter?), inside one a window at the leave
     * threshold (concordant enough to stay?); none when the rule has no concordance.
     */
    static List<double[]> hysteresis(
            List<WindowFeatures> ws, ScoringConfig cfg, OnsetRule rule, Set<Feature> silent, boolean[] consulted) {
        double half = cfg.windowHopS() / 2.0;
        double bridgeS = cfg.maxUnscoredBridgeS();
        List<double[]> spans = new ArrayList<>();
        boolean inside = false;
        double runStart = Double.NaN; // outside: start of the current elevated run
        int runStartIdx = -1;
        double lowStart = Double.NaN; // inside: start of the current low run
        double unknownStart = Double.NaN; // inside: start of the current run of unscored windows
        double episodeStart = Double.NaN;
        double prevEnd = Double.NaN;
        double floor = Double.NEGATIVE_INFINITY; // end of the previous span
        double shiftS = cfg.get(ScoringOptions.LEVEL_SHIFT_S);
        double shiftZ = cfg.get(ScoringOptions.CONCORDANCE_SHIFT_Z);
        for (int i = 0; i < ws.size(); i++) {
            WindowFeatures w = ws.get(i);
            double c = centreS(w, cfg);
            double cellStart = c - half;
            double cellEnd = c + half;
            boolean gap = !Double.isNaN(prevEnd) && cellStart - prevEnd > half + EPS;
            if (gap) {
                runStart = Double.NaN;
                if (inside) {
                    // unknown time cut by missing time is low time (rule 2), then the gap (rule 1)
                    lowStart = firstSet(lowStart, unknownStart, prevEnd);
                    unknownStart = Double.NaN;
                    if (cellStart - lowStart >= cfg.leaveHoldS() - EPS) {
                        spans.add(new double[] {episodeStart, lowStart});
                        floor = lowStart;
                        inside = false;
                    }
                }
            }
            Double idx = w.anxietyIndex;
            boolean elevated = idx != null
                    && idx >= cfg.enterThreshold()
                    && Concordance.concordant(w, rule.concordanceEnterZ(), cfg, silent)
                    && (inside
                            || rule.concordanceEnterZ() == Double.NEGATIVE_INFINITY
                            || !Concordance.levelShift(ws, i, shiftS, cfg.enterThreshold(), cfg)
                            || Concordance.concordant(w, shiftZ, cfg, silent));
            if (consulted != null && idx != null) {
                consulted[i] = inside
                        ? idx >= cfg.leaveThreshold() && rule.concordanceStayZ() != Double.NEGATIVE_INFINITY
                        : idx >= cfg.enterThreshold() && rule.concordanceEnterZ() != Double.NEGATIVE_INFINITY;
            }
            boolean unknown = false;
            if (inside && idx == null) {
                unknownStart = Double.isNaN(unknownStart) ? cellStart : unknownStart;
                unknown = cellEnd - unknownStart <= bridgeS + EPS; // else too long: low from its start
            }
            boolean low = idx == null
                    || idx < cfg.leaveThreshold()
                    || !Concordance.concordant(w, rule.concordanceStayZ(), cfg, silent);
            if (!inside) {
                if (!elevated) {
                    runStart = Double.NaN;
                } else {
                    if (Double.isNaN(runStart)) {
                        runStart = cellStart;
                        runStartIdx = i;
                    }
                    if (cellEnd - runStart >= cfg.enterHoldS() - EPS) {
                        inside = true;
                        episodeStart = EpisodeOnsets.onset(ws, runStartIdx, i, floor, cfg, rule);
                        lowStart = Double.NaN;
                        unknownStart = Double.NaN;
                    }
                }
            } else if (unknown) {
                prevEnd = cellEnd; // undecided until the first scored window after the stretch (rule 2)
                continue;
            } else if (low) {
                lowStart = firstSet(lowStart, unknownStart, cellStart);
                if (idx != null) {
                    unknownStart = Double.NaN;
                }
                if (cellEnd - lowStart >= cfg.leaveHoldS() - EPS) {
                    spans.add(new double[] {episodeStart, lowStart});
                    floor = lowStart;
                    inside = false;
                    runStart = Double.NaN;
                    unknownStart = Double.NaN;
                }
            } else {
                lowStart = Double.NaN;
                unknownStart = Double.NaN;
            }
            prevEnd = cellEnd;
        }
        if (inside) {
            spans.add(new double[] {episodeStart, firstSet(lowStart, unknownStart, prevEnd)});
        }
        return spans;
    }

    /** The first of {@code a}, {@code b}, {@code c} that is not NaN (c when both are). */
    private static double firstSet(double a, double b, double c) {
        return !Double.isNaN(a) ? a : !Double.isNaN(b) ? b : c;
    }

    /** Merges spans whose gap is shorter than {@code gapS}. */
    static List<double[]> merge(List<double[]> spans, double gapS) {
        List<double[]> out = new ArrayList<>();
        for (double[] s : spans) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] - last[1] < gapS - EPS) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new double[] {s[0], s[1]});
            }
        }
        return out;
    }

    /**
     * The episode over the windows whose centre lies in {@code [startS, endS]}; its silent channels
     * left out ({@link AnxietyEpisode#silentLeftOut}) are those {@link
     * Concordance#leftOutOfSupport} names in any of them whose support was {@code consulted}.
     */
    private static AnxietyEpisode summarise(
            Role role,
            double startS,
            double endS,
            List<WindowFeatures> ws,
            ScoringConfig cfg,
            boolean[] consulted,
            Set<Feature> silent) {
        double peak = Double.NEGATIVE_INFINITY;
        double peakS = startS;
        int count = 0;
        Map<Feature, Double> peakZ = new EnumMap<>(Feature.class);
        Map<Feature, double[]> sums = new EnumMap<>(Feature.class);
        Set<Feature> leftOut = EnumSet.noneOf(Feature.class);
        for (int i = 0; i < ws.size(); i++) {
            WindowFeatures w = ws.get(i);
            double c = centreS(w, cfg);
            if (c < startS - EPS || c > endS + EPS) {
                continue;
            }
            count++;
            if (consulted[i]) {
                leftOut.addAll(Concordance.leftOutOfSupport(w, cfg, silent));
            }
            if (w.anxietyIndex == null) {
                // unscored (gross movement, or no channel passing quality): its z-scores are no
                // evidence of arousal, as it has no index
                continue;
            }
            if (w.anxietyIndex > peak) {
                peak = w.anxietyIndex;
                peakS = c;
            }
            for (Feature f : Feature.values()) {
                Double z = f.z(w);
                if (z == null) {
                    continue;
                }
                Double best = peakZ.get(f);
                if (best == null || f.sign() * z > f.sign() * best) {
                    peakZ.put(f, z);
                }
                double[] s = sums.computeIfAbsent(f, k -> new double[2]);
                s[0] += z;
                s[1]++;
            }
        }
        Map<Feature, Double> meanZ = new EnumMap<>(Feature.class);
        sums.forEach((f, s) -> meanZ.put(f, s[0] / s[1]));
        return new AnxietyEpisode(role, startS, endS, peak, peakS, count, peakZ, meanZ, leftOut);
    }
}
