package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;

/**
 * The evidence sentence on silent channels ({@link EpisodeEvidence#text}) appears only on
 * episodes whose concordance support actually left a silent channel out ({@link
 * AnxietyEpisode#silentLeftOut}), not on every episode of a wearer with silent channels.
 *
 * <p>Seeded series of one wearer, reviewed from its own calibration stretch by {@link
 * SessionReviewer} under the default rule ({@code EDA_NON_RESPONDER}), with two arousals of 3 min
 * each: at {@link #RISING_S} SCRs appear (4 /min) and the EDA level rises by 0.3 uS with heart
 * rate, RMSSD and skin temperature; at {@link #FLAT_S} only heart rate, RMSSD and temperature
 * change, the EDA level falls by 0.04 uS and no SCR appears.
 */
class SilentChannelEvidenceTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final String SENTENCE = "concordance rests on the other channels where";
    private static final double DURATION_S = 1800;
    private static final double CELL_S = 5;
    private static final double RISING_S = 700;
    private static final double FLAT_S = 1300;
    private static final double LENGTH_S = 180;

    /** Shifts of {EDA level uS, SCR /min, HR bpm, RMSSD ms, fidget, temperature slope degC/min}. */
    private static final double[] RISING = {0.3, 4, 12, -15, 0, -0.2};

    private static final double[] FLAT = {-0.04, 0, 12, -15, 0, -0.2};

    /**
     * 5-s cells with Gaussian noise (window-level SD: EDA level 0.02 uS, SCR rate 0.8 /min for a
     * responder and none for a non-responder, HR 1.5 bpm, RMSSD 4 ms, temperature slope 0.03
     * degC/min), six cells per 30-s window; each arousal ramps up over 20 s.
     */
    private static List<WindowFeatures> wearer(long seed, double scrPerMin) {
        Random rnd = new Random(seed);
        double[] level = {0.8, scrPerMin, 72, 45, 1e-4, 0};
        double[] sd = {0.02, scrPerMin > 0 ? 0.8 : 0, 1.5, 4, 2e-5, 0.03};
        int cells = (int) (DURATION_S / CELL_S);
        double[][] v = new double[cells][level.length];
        for (int c = 0; c < cells; c++) {
            double t = c * CELL_S;
            double aRising = ramp(t, RISING_S);
            double aFlat = ramp(t, FLAT_S);
            for (int f = 0; f < level.length; f++) {
                v[c][f] = level[f] + sd[f] * Math.sqrt(6) * rnd.nextGaussian() + aRising * RISING[f] + aFlat * FLAT[f];
            }
        }
        return SyntheticSession.windowsOfCells("client", v);
    }

    private static double ramp(double t, double onsetS) {
        return t >= onsetS + LENGTH_S ? 0 : Math.min(1, Math.max(0, (t - onsetS) / 20.0));
    }

    private static SessionReview review(List<WindowFeatures> ws) {
        return new SessionReviewer().review(SyntheticSession.info(Windows.SESSION), ws, List.of(), CFG);
    }

    private static MomentRow momentAt(SessionReview r, double onsetS, long seed) {
        List<MomentRow> at = r.moments().stream()
                .filter(m -> m.startS <= onsetS + LENGTH_S && m.endS >= onsetS)
                .toList();
        assertEquals(1, at.size(), "seed " + seed + ", one moment at " + onsetS + " s: " + r.moments());
        return at.get(0);
    }

    private static AnxietyEpisode episodeAt(SessionReview r, double onsetS) {
        return r.episodes(Role.CLIENT).stream()
                .filter(e -> e.startS() <= onsetS + LENGTH_S && e.endS() >= onsetS)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldSayTheSilentChannelsWereLeftOutOnlyOnTheEpisodeWhereTheyStayedFlat() {
        for (long seed = 1; seed <= 5; seed++) {
            SessionReview r = review(wearer(seed, 0));
            assertEquals(
                    Set.of(Feature.SCR_RATE, Feature.SCL),
                    SilentChannels.of(r.baselines().get(Role.CLIENT), wearer(seed, 0), CFG),
                    "seed " + seed + ": a non-responder");
            assertEquals(2, r.episodes(Role.CLIENT).size(), "seed " + seed + ": " + r.episodes(Role.CLIENT));

            // SCRs and the EDA level rose wherever the support was consulted: both counted
            assertEquals(Set.of(), episodeAt(r, RISING_S).silentLeftOut(), "seed " + seed);
            String rising = momentAt(r, RISING_S, seed).evidence;
            assertFalse(rising.contains(SENTENCE), "seed " + seed + ": " + rising);

            // no SCR and a falling EDA level: the support rested on the other channels
            assertTrue(
                    episodeAt(r, FLAT_S).silentLeftOut().contains(Feature.SCR_RATE),
                    "seed " + seed + ": " + episodeAt(r, FLAT_S).silentLeftOut());
            String flat = momentAt(r, FLAT_S, seed).evidence;
            assertTrue(
                    flat.contains("; concordance rests on the other channels where SCR rate and EDA level do not"
                            + " rise (no SCR in the calibration stretch: an electrodermal non-responder)"),
                    "seed " + seed + ": " + flat);
        }
    }

    @Test
    void shouldNeverSayItForAWearerWithoutSilentChannels() {
        for (long seed = 1; seed <= 5; seed++) {
            List<WindowFeatures> ws = wearer(seed, 3);
            SessionReview r = review(ws);
            assertEquals(Set.of(), SilentChannels.of(r.baselines().get(Role.CLIENT), ws, CFG), "seed " + seed);
            assertFalse(r.moments().isEmpty(), "seed " + seed + ": the rising arousal at least");
            for (AnxietyEpisode e : r.episodes(Role.CLIENT)) {
                assertEquals(Set.of(), e.silentLeftOut(), "seed " + seed + ": " + e);
            }
            for (MomentRow m : r.moments()) {
                assertFalse(m.evidence.contains(SENTENCE), "seed " + seed + ": " + m.evidence);
            }
        }
    }

    @Test
    void shouldNameOnlyTheSilentChannelsTheSupportLeavesOut() {
        Set<Feature> silent = Set.of(Feature.SCR_RATE, Feature.SCL);
        WindowFeatures w = Windows.window("client", 0);
        w.zScr = 0.0;
        w.zScl = -1.0;
        w.zHr = 6.0;
        w.zRmssd = -3.0;
        w.zTemp = -4.0;
        assertEquals(silent, Concordance.leftOutOfSupport(w, CFG, silent));
        assertEquals(Set.of(), Concordance.leftOutOfSupport(w, CFG, Set.of()), "no silent channel");
        w.zScr = 1.5; // SCRs appeared: the SCR rate counts
        assertEquals(Set.of(Feature.SCL), Concordance.leftOutOfSupport(w, CFG, silent));
        w.zScl = 8.0; // the level is the strongest channel: out of the support as such, not as silent
        assertEquals(Feature.SCL, Concordance.strongest(w, CFG));
        assertEquals(Set.of(), Concordance.leftOutOfSupport(w, CFG, silent));
    }

    /**
     * A window every 5 s: index {@code idx} with the given z of {SCR rate, EDA level, HR, RMSSD,
     * temperature slope}.
     */
    private static WindowFeatures scored(int k, double idx, double... z) {
        WindowFeatures w = Windows.indexed(5.0 * k, idx);
        w.zScr = z[0];
        w.zScl = z[1];
        w.zHr = z[2];
        w.zRmssd = z[3];
        w.zTemp = z[4];
        return w;
    }

    /**
     * 10 calm windows, 8 aroused ones with SCRs and a rising EDA level, 2 dip windows of index
     * {@code dipIndex} where SCR rate and EDA level are at 0 and heart rate, RMSSD and temperature
     * still changed, 8 aroused ones, 10 calm ones.
     */
    private static List<AnxietyEpisode> withDip(double dipIndex) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int k = 0; k < 38; k++) {
            boolean aroused = k >= 10 && k < 28 && (k < 18 || k >= 20);
            boolean dip = k == 18 || k == 19;
            ws.add(
                    aroused
                            ? scored(k, 3.0, 1.5, 1.0, 6.0, -3.0, -4.0)
                            : dip ? scored(k, dipIndex, 0, 0, 2.0, -2.0, -2.0) : scored(k, 0.2, 0, 0, 0, 0, 0));
        }
        return EpisodeDetector.detect(Role.CLIENT, ws, CFG, OnsetRule.of(CFG), Set.of(Feature.SCR_RATE, Feature.SCL));
    }

    @Test
    void shouldCountOnlyWindowsWhoseSupportTheDetectorConsulted() {
        // the dip between the thresholds (1.5): inside the episode its stay support is consulted,
        // and there SCR rate and EDA level (0, not rising) are left out of it
        List<AnxietyEpisode> mid = withDip(1.5);
        assertEquals(1, mid.size(), mid.toString());
        assertEquals(Set.of(Feature.SCR_RATE, Feature.SCL), mid.get(0).silentLeftOut());
        // the dip below the leave threshold (0.5) for 10 s, less than the leave hold: the episode
        // goes on, but those windows are low by their index alone, their support never consulted
        List<AnxietyEpisode> low = withDip(0.5);
        assertEquals(1, low.size(), low.toString());
        assertEquals(mid.get(0).startS(), low.get(0).startS());
        assertEquals(mid.get(0).endS(), low.get(0).endS());
        assertEquals(Set.of(), low.get(0).silentLeftOut());
        assertEquals(
                mid.get(0).silentLeftOut(),
                mid.get(0).endingAt(mid.get(0).endS() - 10).silentLeftOut(),
                "kept when cut at the video's end");
    }
}
