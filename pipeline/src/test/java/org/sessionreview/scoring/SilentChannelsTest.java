package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.config.SilentChannelRule;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * Channels without baseline information ({@link SilentChannels}) and the concordance support
 * ({@link Concordance}), on seeded window series of an electrodermal non-responder (EDA level
 * 0.8 uS, no SCR at all) and of a responder (SCR rate 3 /min), each reviewed from its own
 * calibration stretch by {@link SessionReviewer}.
 */
class SilentChannelsTest {
    /** The rule under test: an electrodermal non-responder's EDA channels left out. */
    private static final ScoringConfig CFG = rule(SilentChannelRule.EDA_NON_RESPONDER);

    private static final ScoringConfig KEEP = rule(SilentChannelRule.KEEP);
    private static final double DURATION_S = 1800;
    private static final double CELL_S = 5;
    private static final int CELLS_PER_WINDOW = 6;

    /**
     * An arousal from {@code onsetS} for {@code lengthS}: heart rate up, RMSSD down, skin
     * temperature falling, EDA level shifted by {@code sclUs} (a non-responder's level stays flat
     * or drifts down).
     */
    record Plant(double onsetS, double lengthS, double hrBpm, double rmssdMs, double tempCPerMin, double sclUs) {}

    private static ScoringConfig rule(SilentChannelRule r) {
        return ScoringConfig.builder().set(ScoringOptions.SILENT_CHANNELS, r).build();
    }

    /**
     * Windows of one wearer: 5-s cells with Gaussian noise (window-level SD: EDA level 0.02 uS,
     * SCR rate 0.8 /min, HR 1.5 bpm, RMSSD 4 ms, temperature slope 0.03 degC/min), averaged over
     * six cells per 30-s window; the plant ramps up over 20 s; the EDA level drifts linearly by
     * {@code driftUs} over the session.
     */
    static List<WindowFeatures> wearer(long seed, double scrPerMin, double driftUs, Plant plant) {
        Random rnd = new Random(seed);
        double[] level = {0.8, scrPerMin, 72, 45, 1e-4, 0};
        double[] sd = {0.02, scrPerMin > 0 ? 0.8 : 0, 1.5, 4, 2e-5, 0.03};
        int cells = (int) (DURATION_S / CELL_S);
        double[][] v = new double[cells][level.length];
        for (int c = 0; c < cells; c++) {
            double t = c * CELL_S;
            double a = plant == null ? 0 : Math.min(1, Math.max(0, (t - plant.onsetS()) / 20.0));
            if (plant != null && t >= plant.onsetS() + plant.lengthS()) {
                a = 0;
            }
            double[] shift = plant == null
                    ? new double[6]
                    : new double[] {plant.sclUs(), 0, plant.hrBpm(), plant.rmssdMs(), 0, plant.tempCPerMin()};
            for (int f = 0; f < level.length; f++) {
                v[c][f] = level[f] + sd[f] * Math.sqrt(CELLS_PER_WINDOW) * rnd.nextGaussian() + a * shift[f];
            }
            v[c][0] += driftUs * t / DURATION_S;
        }
        return SyntheticSession.windowsOfCells("client", v);
    }

    private static SessionReview review(List<WindowFeatures> ws, ScoringConfig cfg) {
        return new SessionReviewer().review(SyntheticSession.info(Windows.SESSION), ws, List.of(), cfg);
    }

    /** A heart-rate, RMSSD and temperature arousal of 3 min at 900 s, EDA level 0.04 uS down. */
    private static final Plant CARDIAC = new Plant(900, 180, 12, -15, -0.2, -0.04);

    @Test
    void shouldFindTheCardiacArousalOfANonResponderThatCountingItsSilentEdaMissed() {
        int foundBefore = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<WindowFeatures> ws = wearer(seed, 0, 0, CARDIAC);
            SessionReview now = review(ws, CFG);
            SessionReview before = review(ws, KEEP);
            Baseline b = now.baselines().get(Role.CLIENT);
            assertEquals(0.0, b.get(Feature.SCR_RATE).orElseThrow().median());
            assertEquals(0.0, b.get(Feature.SCR_RATE).orElseThrow().mad());
            List<AnxietyEpisode> found = now.episodes(Role.CLIENT);
            System.out.printf(
                    Locale.ROOT,
                    "non-responder seed %d: silent %s, %d episodes counting the silent channels, now %s%n",
                    seed,
                    silent(ws, b, CFG),
                    before.episodes(Role.CLIENT).size(),
                    found);
            foundBefore += before.episodes(Role.CLIENT).size();
            assertEquals(1, found.size(), "seed " + seed + ": " + found);
            // where the onset lands is the onset rule's business (EpisodeOnsetsTest); here: the
            // episode is the planted arousal, starting within a window length of it
            assertTrue(
                    Math.abs(found.get(0).startS() - CARDIAC.onsetS()) <= 30
                            && found.get(0).endS() > CARDIAC.onsetS() + CARDIAC.lengthS() - 30,
                    "seed " + seed + ": " + found.get(0));
            String evidence = now.moments().get(0).evidence;
            assertTrue(
                    evidence.contains("concordance rests on the other channels where SCR rate and EDA level do not"
                            + " rise (no SCR in the calibration stretch: an electrodermal non-responder)"),
                    evidence);
        }
        // counting the non-responder's zero SCR rate and flat EDA level against the arousal, the
        // support (about 0.8 here) stays below 1.0 in most seeds
        assertTrue(foundBefore <= 2, "found with the silent channels counted: " + foundBefore + " of 5");
    }

    @Test
    void shouldLeaveAResponderUnchanged() {
        for (long seed = 1; seed <= 5; seed++) {
            for (Plant p : new Plant[] {null, CARDIAC, new Plant(900, 180, 12, -15, -0.2, 0.3)}) {
                List<WindowFeatures> ws = wearer(seed, 3, 0, p);
                SessionReview now = review(ws, CFG);
                assertEquals(Set.of(), silent(ws, now.baselines().get(Role.CLIENT), CFG));
                assertEquals(
                        review(ws, KEEP).episodes(Role.CLIENT).toString(),
                        now.episodes(Role.CLIENT).toString(),
                        "seed " + seed + " " + p);
                assertEquals(
                        review(ws, KEEP).moments().stream().map(m -> m.evidence).toList(),
                        now.moments().stream().map(m -> m.evidence).toList());
            }
        }
    }

    @Test
    void shouldMakeNoEpisodeOfALoneChannelInANonResponder() {
        for (long seed = 1; seed <= 5; seed++) {
            // the EDA level drifting up 1.5 uS (z up to 30 against its 0.05 uS floor), all else at rest
            assertEquals(
                    List.of(), review(wearer(seed, 0, 1.5, null), CFG).episodes(Role.CLIENT), "drift, seed " + seed);
            // heart rate alone, 20 bpm up (z 10): RMSSD and temperature at rest
            List<AnxietyEpisode> hrAlone = review(wearer(seed, 0, 0, new Plant(900, 180, 20, 0, 0, 0)), CFG)
                    .episodes(Role.CLIENT);
            assertEquals(List.of(), hrAlone, "heart rate alone, seed " + seed);
        }
    }

    @Test
    void shouldLeaveASilentChannelOutOfTheSupportOnlyWhereItDoesNotRise() {
        WindowFeatures w = Windows.window("client", 0);
        w.zScr = 0.0;
        w.zScl = -1.0;
        w.zHr = 6.0;
        w.zRmssd = -3.0;
        w.zTemp = -4.0;
        // weights SCR 0.5, SCL 1, RMSSD 0.5, temperature 0.25; HR (the strongest) left out
        assertEquals((0.5 * 0 - 1.0 + 0.5 * 3 + 0.25 * 4) / 2.25, Concordance.support(w, CFG), 1e-12);
        assertEquals((-1.0 + 0.5 * 3 + 0.25 * 4) / 1.75, Concordance.support(w, CFG, Set.of(Feature.SCR_RATE)), 1e-12);
        assertEquals(
                (0.5 * 3 + 0.25 * 4) / 0.75, Concordance.support(w, CFG, Set.of(Feature.SCR_RATE, Feature.SCL)), 1e-12);
        w.zScr = 1.5; // SCRs appeared: the channel rose and counts
        assertEquals(
                (0.5 * 1.5 + 0.5 * 3 + 0.25 * 4) / 1.25,
                Concordance.support(w, CFG, Set.of(Feature.SCR_RATE, Feature.SCL)),
                1e-12);
        WindowFeatures lone = Windows.window("client", 0);
        lone.zHr = 8.0;
        lone.zScr = 0.0;
        assertEquals(0.0, Concordance.support(lone, CFG), 1e-12);
        assertEquals(null, Concordance.support(lone, CFG, Set.of(Feature.SCR_RATE)), "no other channel left");
    }

    private static Set<Feature> silent(List<WindowFeatures> ws, Baseline b, ScoringConfig cfg) {
        return SilentChannels.of(b, ws, cfg);
    }

    @Test
    void shouldTakeOnlyAZeroMedianAndMadAsSilent() {
        List<WindowFeatures> none = wearer(1, 0, 0, null);
        List<WindowFeatures> one = wearer(1, 0, 0, null);
        one.get(40).edaScrPerMin = 2.0; // one SCR in one calibration window (200-230 s)
        Baseline nonResponder = Baseline.builder("test")
                .put(Feature.SCR_RATE, new FeatureBaseline(0, 0, 48))
                .put(Feature.SCL, new FeatureBaseline(0.8, 0.01, 48))
                .put(Feature.HR, new FeatureBaseline(72, 1, 48))
                .build()
                .fromStretch(120, 360, false);
        Baseline fewScrs = Baseline.builder("test")
                .put(Feature.SCR_RATE, new FeatureBaseline(0, 1, 48))
                .put(Feature.SCL, new FeatureBaseline(0.8, 0.01, 48))
                .build()
                .fromStretch(120, 360, false);
        assertEquals(Set.of(Feature.SCR_RATE), SilentChannels.of(nonResponder, none, CFG, SilentChannelRule.CHANNEL));
        assertEquals(
                Set.of(Feature.SCR_RATE, Feature.SCL),
                SilentChannels.of(nonResponder, none, CFG, SilentChannelRule.EDA_NON_RESPONDER));
        assertEquals(Set.of(), SilentChannels.of(nonResponder, none, CFG, SilentChannelRule.KEEP));
        assertEquals(Set.of(), SilentChannels.of(fewScrs, none, CFG, SilentChannelRule.EDA_NON_RESPONDER));
        assertEquals(
                Set.of(),
                SilentChannels.of(nonResponder, one, CFG, SilentChannelRule.EDA_NON_RESPONDER),
                "one SCR in the calibration stretch: a responder, if a calm one");
        assertEquals(
                Set.of(Feature.SCR_RATE, Feature.SCL), SilentChannels.of(nonResponder, none, CFG), "by the option");
    }

    @Test
    void shouldJudgeOnlyACalibrationBaselineFromEnoughWindowsOfItsOwnStretch() {
        List<WindowFeatures> none = wearer(1, 0, 0, null);
        Baseline.Builder zeros = Baseline.builder("test")
                .put(Feature.SCR_RATE, new FeatureBaseline(0, 0, 48))
                .put(Feature.SCL, new FeatureBaseline(0.8, 0.01, 48));
        assertEquals(
                Set.of(Feature.SCR_RATE, Feature.SCL),
                SilentChannels.of(zeros.build().fromStretch(120, 360, false), none, CFG),
                "the calibration stretch 120-360 s: 43 windows, all without SCR");
        // a coded or stored baseline (no calibration stretch): its median and MAD come from other
        // windows, another session's for a stored one; before, this session's 120-360 s were read
        assertEquals(Set.of(), SilentChannels.of(zeros.build(), none, CFG));
        // a stretch too short for a baseline of its own (the features fell back to the whole
        // session, e.g. live before the stretch has passed): the windows checked are not the
        // baseline's; before, one zero window was enough
        int min = CFG.minBaselineWindows();
        double shortEnd = 120 + 30 + (min - 2) * CELL_S; // min - 1 windows of 30 s every 5 s
        assertEquals(Set.of(), SilentChannels.of(zeros.build().fromStretch(120, shortEnd, false), none, CFG));
        double enoughEnd = shortEnd + CELL_S;
        assertEquals(
                Set.of(Feature.SCR_RATE, Feature.SCL),
                SilentChannels.of(zeros.build().fromStretch(120, enoughEnd, false), none, CFG),
                "exactly the minimum");
    }
}
