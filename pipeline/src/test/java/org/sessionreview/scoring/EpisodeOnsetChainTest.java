package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.OnsetBaseline;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.features.PlantedArousalWearer;
import org.sessionreview.features.PlantedArousalWearer.Episode;
import org.sessionreview.features.PlantedArousalWearer.Rise;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * Episode onsets through the whole chain: arousal planted at known times in raw E4 signals (EDA
 * samples, beats, ACC, temperature), windows from the real {@code WearerWindower}, scored and
 * detected by {@link SessionReviewer}. The onset error printed here is the one quoted in the
 * README's validation table.
 */
class EpisodeOnsetChainTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    /** The crossing rule in force before GitHub issue 8: start at the elevated run, no concordance. */
    static final OnsetRule CROSSING = new OnsetRule(
            0,
            1.0,
            4,
            java.util.Set.of(),
            Map.of(),
            OnsetBaseline.LINE,
            false,
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY);

    /** Episode shapes of the onset tests: ramp s, plateau s, SCL uS, HR bpm, SCR rate factor. */
    static final double[][] SHAPES = {
        {30, 90, 0.6, 12, 3.0},
        {60, 90, 0.4, 10, 2.5},
        {90, 90, 0.3, 8, 2.5},
        {120, 60, 0.25, 7, 2.0},
        {45, 60, 2.0, 15, 3.0},
        {100, 80, 0.2, 6, 2.0},
    };

    /** {@code -Donset.wander=sclUs,hrBpm,tauS}: a tonic wander under every wearer of {@link #run}. */
    static final double[] WANDER = System.getProperty("onset.wander") == null
            ? null
            : java.util.Arrays.stream(System.getProperty("onset.wander").split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray();

    static List<AnxietyEpisode> clientEpisodes(PlantedArousalWearer wearer, OnsetRule rule) {
        List<WindowFeatures> windows = wearer.windows("S1", Role.CLIENT);
        SessionReview r = new SessionReviewer(BaselineProvider.CALIBRATION, rule)
                .review(SyntheticSession.info("S1"), windows, List.of(), CFG);
        return r.episodes(Role.CLIENT);
    }

    /** Detected start minus planted onset of the episode overlapping it; NaN when none. */
    static double error(List<AnxietyEpisode> found, Episode planted) {
        double best = Double.NaN;
        for (AnxietyEpisode e : found) {
            if (e.startS() < planted.endS()
                    && e.endS() > planted.onsetS()
                    && (Double.isNaN(best) || Math.abs(e.startS() - planted.onsetS()) < Math.abs(best))) {
                best = e.startS() - planted.onsetS();
            }
        }
        return best;
    }

    /** Onset errors (detected start minus planted onset, s) of the onset rule and the crossing rule. */
    record Errors(List<Double> crossing, List<Double> onsetRule, List<String> lines) {}

    /**
     * Two planted episodes per wearer, the six shapes cycled over seeds 1-4 ({@code
     * -Donset.seeds=N} for seeds 1-N), every rise of the given shape. {@code -Donset.seedFrom=M}
     * starts at seed M instead, so a rule can be developed on one range (1-8) and measured on
     * another it was not tuned on (9-16): {@code -Donset.seedFrom=9 -Donset.seeds=16}.
     */
    static Errors run(Rise rise) {
        return run(rise, null);
    }

    /**
     * As {@link #run(Rise)}; with {@code rampsS} given, the episodes' ramps are taken from it in
     * turn (by seed and episode) instead of the shapes' own 30-120 s.
     */
    static Errors run(Rise rise, double[] rampsS) {
        return run(rise, rampsS, WANDER, CROSSING);
    }

    /**
     * As {@link #run(Rise, double[])}, every wearer's resting level wandering as {@code wander}
     * says ({@code {sclUs, hrBpm, tauS}} of {@link PlantedArousalWearer#wander}; null: none), and
     * the onset rule compared with {@code other} instead of the crossing rule (in {@link
     * Errors#crossing()}). Where the wander hides an episode, its error is NaN.
     */
    static Errors run(Rise rise, double[] rampsS, double[] wander, OnsetRule other) {
        String otherName = other == CROSSING ? "crossing" : "other";
        Errors r = new Errors(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long from = Long.getLong("onset.seedFrom", 1);
        long to = Long.getLong("onset.seeds", 4);
        if (from < 1 || to < from) {
            throw new IllegalArgumentException(
                    "onset seeds: need 1 <= onset.seedFrom <= onset.seeds, got " + from + " and " + to);
        }
        for (long seed = from; seed <= to; seed++) {
            for (int s = 0; s < SHAPES.length; s += 2) {
                int shape = (int) ((s + seed) % SHAPES.length);
                double[] a = SHAPES[shape];
                double[] b = SHAPES[(shape + 1) % SHAPES.length];
                double rampA = rampsS == null ? a[0] : rampsS[(int) ((seed + s) % rampsS.length)];
                double rampB = rampsS == null ? b[0] : rampsS[(int) ((seed + s + 2) % rampsS.length)];
                Episode e1 = new Episode(700 + 7 * seed, rampA, a[1], a[2], a[3], a[4], rise);
                Episode e2 = new Episode(1300 + 11 * seed, rampB, b[1], b[2], b[3], b[4], rise);
                PlantedArousalWearer w =
                        new PlantedArousalWearer(2100, seed).episode(e1).episode(e2);
                if (wander != null) {
                    w.wander(wander[0], wander[1], wander[2]);
                }
                List<AnxietyEpisode> old = clientEpisodes(w, other);
                List<AnxietyEpisode> now = clientEpisodes(w, OnsetRule.of(CFG));
                for (Episode e : List.of(e1, e2)) {
                    r.crossing().add(error(old, e));
                    r.onsetRule().add(error(now, e));
                    r.lines()
                            .add(String.format(
                                    Locale.ROOT,
                                    "%s seed %d onset %.0f ramp %.0f SCL +%.2f HR +%.0f:"
                                            + " %s %+.1f s, onset rule %+.1f s",
                                    rise,
                                    seed,
                                    e.onsetS(),
                                    e.rampS(),
                                    e.sclUs(),
                                    e.hrBpm(),
                                    otherName,
                                    error(old, e),
                                    error(now, e)));
                }
                if (wander == null) {
                    assertEquals(2, now.size(), rise + " seed " + seed + ": " + now);
                }
            }
        }
        r.lines().forEach(System.out::println);
        String seeds = " (seeds " + from + "-" + to + (rampsS == null ? "" : ", sudden")
                + (wander == null ? ")" : ", wander " + java.util.Arrays.toString(wander) + ")");
        System.out.println(rise + " chain onsets, " + otherName + " rule: " + stats(r.crossing()) + seeds);
        System.out.println(rise + " chain onsets, onset rule:    " + stats(r.onsetRule()) + seeds);
        return r;
    }

    @Test
    void shouldStartEpisodesNearThePlantedOnsetWhenRampsAreSlow() {
        List<Double> after = run(Rise.RAISED_COSINE).onsetRule();
        // Goal (issue 8): median within +-5 s, and within 15 s for at least 90 % of onsets. With
        // the window-averaged power-law rise (RiseKernel, p = 1.2) that may level off after a
        // ramp time (RiseKernel.RAMPS_S), shared by the rising channels, each channel's level
        // before the onset a line or a random walk without drift, whichever fits
        // (OnsetBaseline.LINE_OR_WALK): median +3.0 s, 24/24 within 15 s, range -10 to +15 s (16
        // seeds: 87/96, median +5.0 s, -25 to +28 s). The walk with drift (before 2026-12-06
        // evening): +5.0 s, 20/24, -8 to +32 s (84/96, +5.0 s, -18 to +32 s); the line alone
        // (before 2026-12-06): 20/24, -18 to +21 s (84/96, +4.5 s, -24 to +22 s); the
        // still-climbing power law alone: 22/24 (86/96, median +1.0 s), but a median 15 s early
        // for sudden onsets (below); the quadratic knee on window centres: 20/24 (84/96); the
        // per-channel median before that: 19/24 (77/96). The misses are the weakest 90-120 s
        // ramps (SCL +0.2-0.25 uS), whose slow start the increments of a random walk barely show
        // (up to +28 s late). The test holds what is achieved: on the default seeds 1-4 (it is
        // deterministic) all 24 within 15 s, the median within 1 s of +3.0 s and the range within
        // 2 s of -10 to +15 s; on other seeds (-Donset.seeds) the goal and the range -25 to +35 s.
        double[] signed =
                after.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = (signed[signed.length / 2 - 1] + signed[signed.length / 2]) / 2;
        long within = after.stream().filter(e -> Math.abs(e) <= 15).count();
        String why = stats(after);
        assertTrue(Math.abs(median) <= 5, why);
        if (defaultSeeds()) {
            assertEquals(24, signed.length, why);
            assertEquals(24, within, why);
            assertEquals(3.0, median, 1.0, why);
            assertTrue(signed[0] >= -12 && signed[signed.length - 1] <= 17, why);
        } else {
            assertTrue(within >= signed.length * 0.83, why);
            assertTrue(signed[0] >= -25 && signed[signed.length - 1] <= 35, why);
        }
    }

    /** Whether the seeds are the default 1-4 (neither {@code -Donset.seedFrom} nor {@code -Donset.seeds} moves them). */
    static boolean defaultSeeds() {
        return Long.getLong("onset.seedFrom", 1) == 1 && Long.getLong("onset.seeds", 4) == 4;
    }

    /**
     * Sudden onsets: the same episodes reaching their level 2-20 s after the onset (a startle, a
     * question that lands). Before the fit modelled a rise that levels off ({@link
     * RiseKernel#RAMPS_S}), the still-climbing power law read the window series of such a step (a
     * straight ramp over the window's span) as a slow start and placed the onset a median 15-17 s
     * early (16 seeds, four shapes: 92/192 within 15 s; the crossing rule 153/192). The bounds
     * hold what is achieved (printed; quoted in the README).
     */
    @Test
    void shouldStartSuddenEpisodesNearThePlantedOnset() {
        for (Rise rise : List.of(Rise.RAISED_COSINE, Rise.SATURATING)) {
            Errors r = run(rise, SUDDEN_RAMPS_S);
            double[] signed = r.onsetRule().stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            double median = (signed[signed.length / 2 - 1] + signed[signed.length / 2]) / 2;
            long within = r.onsetRule().stream().filter(e -> Math.abs(e) <= 15).count();
            String why = rise + " sudden: " + stats(r.onsetRule()) + " / crossing " + stats(r.crossing());
            assertTrue(Math.abs(median) <= 7, why);
            assertTrue(within >= signed.length * 0.85, why);
            assertTrue(signed[0] >= -40 && signed[signed.length - 1] <= 20, why);
        }
    }

    /**
     * Sudden onsets under a resting level that wanders: EDA tonic and heart rate each an
     * Ornstein-Uhlenbeck process (SD 0.1 uS and 2.5 bpm, time constant 60 s; a tonic level moves
     * by 0.1-0.3 uS over minutes) on top of the generator's slow sinusoids (GitHub issue 8: on
     * an independent cohort with such a wander the line before the onset read the wander as the
     * start of the rise and placed sudden onsets up to 73 s early). The line alone ({@link
     * OnsetBaseline#LINE}, the rule before 2026-12-06) against the line or a random walk,
     * whichever fits: 4 seeds, 21/24 within 15 s (-104 to +8.5 s) against 22/24 (-21 to +5 s);
     * 16 seeds 67/88 (median -5.8 s, -104 to +13 s, 12 more than 30 s early) against 79/88 (-3.0
     * s, -102 to +9 s, 5; eight episodes hidden by the wander). Measured again 2026-12-06 evening:
     * 16 seeds, 85 of 96 found, the line alone 64 within 15 s, the walk with drift 78 (-102 to +9 s),
     * the walk without drift ({@link OnsetBaseline#LINE_OR_WALK}, the default) 81 (-30 to +11 s, none
     * more than 30 s early). Printed; quoted in the README.
     */
    @Test
    void shouldStartSuddenEpisodesNearThePlantedOnsetWhenTheRestingLevelWanders() {
        OnsetRule line = OnsetRule.of(CFG).withBaseline(OnsetBaseline.LINE);
        Errors r = run(Rise.RAISED_COSINE, SUDDEN_RAMPS_S, new double[] {0.1, 2.5, 60}, line);
        List<Double> now = r.onsetRule().stream().filter(e -> !e.isNaN()).toList();
        List<Double> before = r.crossing().stream().filter(e -> !e.isNaN()).toList();
        long within = now.stream().filter(e -> Math.abs(e) <= 15).count();
        long withinLine = before.stream().filter(e -> Math.abs(e) <= 15).count();
        String why = "line or wander: " + stats(now) + " / line: " + stats(before);
        // episodes the wander hides have no error (NaN): most must still be found (88 of 96 at 16 seeds)
        assertTrue(
                now.size() >= r.onsetRule().size() * 0.8,
                "found " + now.size() + " of " + r.onsetRule().size());
        assertTrue(within >= now.size() * 0.85, why);
        assertTrue(within > withinLine, why);
        long early = now.stream().filter(e -> e < -30).count();
        long earlyLine = before.stream().filter(e -> e < -30).count();
        assertTrue(early < earlyLine, why + "; more than 30 s early: " + early + " / line " + earlyLine);
    }

    /** Ramp times of the sudden onsets, seconds. */
    static final double[] SUDDEN_RAMPS_S = {2, 5, 10, 15, 20};

    /**
     * The same episodes with rises that start at full slope (linear, saturating) or more slowly
     * than a raised cosine (logistic). The rule's rise exponent (1.2) lies between a full-slope
     * and a zero-slope start; a saturating rise (concave, steepest at its onset) is still placed
     * early, a logistic one (flat for its first fifth) late. The bounds hold what is achieved
     * (printed; quoted in the README). {@code -Donset.rises=LINEAR,LOGISTIC} picks shapes.
     */
    @Test
    void shouldStayNearThePlantedOnsetForOtherRiseShapes() {
        for (Rise rise : rises()) {
            Errors r = run(rise);
            double[] signed = r.onsetRule().stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            double median = (signed[signed.length / 2 - 1] + signed[signed.length / 2]) / 2;
            String why = rise + ": " + stats(r.onsetRule()) + " / crossing " + stats(r.crossing());
            assertTrue(Math.abs(median) <= 15, why);
            assertTrue(median(abs(r.onsetRule())) < median(abs(r.crossing())), why);
            assertTrue(signed[0] >= -60 && signed[signed.length - 1] <= 50, why);
        }
    }

    /** The rise shapes of {@code -Donset.rises} (comma-separated), by default all but the raised cosine. */
    static List<Rise> rises() {
        String p = System.getProperty("onset.rises", "LINEAR,SATURATING,LOGISTIC");
        return java.util.Arrays.stream(p.split(","))
                .map(String::trim)
                .map(Rise::valueOf)
                .toList();
    }

    static List<Double> abs(List<Double> v) {
        return v.stream().map(Math::abs).toList();
    }

    static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String stats(List<Double> all) {
        List<Double> errors = all.stream().filter(e -> !e.isNaN()).toList();
        double[] s = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        double med = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        long within = errors.stream().filter(e -> Math.abs(e) <= 15).count();
        return String.format(
                Locale.ROOT,
                "n %d, median %+.1f s, range %+.1f to %+.1f s, %d within 15 s",
                n,
                med,
                s[0],
                s[n - 1],
                within);
    }
}
