package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;

/**
 * {@link DriftFollowingLevel} on real E4 recordings in {@code ../shared/data/e4}.
 *
 * <p>Stress-Predict S02: the 10th percentile of the EDA per 5 min climbs from 0.21 uS in the
 * calibration minutes to 0.6-0.8 uS from minute 30 on and stays there through the last rest
 * (minutes 50-59, after the last task): a tonic rise that a fixed calibration median reports as
 * arousal for the whole second half. The final rest is the place where the level has drifted
 * and nothing is happening, so z(SCL) there must drop markedly with drift following.
 *
 * <p>msr2023 (a developer at work, 61 min): the floor rises only 0.93 to 1.17 uS over the hour;
 * drift following must never raise z(SCL) (the reference never falls below the baseline
 * median) and must leave it unchanged until the calibration stretch has ended.
 */
class DriftFollowingLevelRealDataTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    static List<WindowFeatures> windows(String folder, String id) throws Exception {
        E4Recording rec = E4Reader.read(SharedData.resolve(folder), id);
        FeatureConfig fc = FeatureConfig.defaults();
        long media = rec.startMillis();
        WearerWindower windower = new WearerWindower(fc, id, Role.CLIENT, media);
        List<WindowFeatures> out = new ArrayList<>();
        for (SampleBlock b : new BlockSplitter(fc).stream(rec, Role.CLIENT, media)) {
            out.addAll(windower.add(b));
        }
        out.removeIf(w -> w.endOfStream);
        return out;
    }

    private static List<WindowFeatures> scored(List<WindowFeatures> w, DriftFollowingLevel.Params p, String id) {
        return new SessionReviewer(BaselineProvider.CALIBRATION, p)
                .review(SyntheticSession.info(id), w, List.of(), CFG)
                .scoredWindows();
    }

    private static double medianZ(List<WindowFeatures> scored, double fromS, double toS) {
        double[] z = scored.stream()
                .filter(w -> w.startS >= fromS && w.endS <= toS && w.zScl != null)
                .mapToDouble(w -> w.zScl)
                .sorted()
                .toArray();
        assertTrue(z.length > 20, "windows with z(SCL) in " + fromS + "-" + toS + " s: " + z.length);
        return z.length % 2 == 1 ? z[z.length / 2] : (z[z.length / 2 - 1] + z[z.length / 2]) / 2;
    }

    @Test
    void shouldTakeTheDriftOutOfTheFinalRestOfStressPredictS02() throws Exception {
        List<WindowFeatures> w = windows("e4/stress-predict-S02", "S02");
        // the last rest: from the last task's end (tag at 49.8 min) to the recording's end (59.1 min)
        double from = 50.5 * 60;
        double to = 59 * 60;
        double fixed = medianZ(scored(w, DriftFollowingLevel.Params.OFF, "S02"), from, to);
        double follow = medianZ(
                scored(w, DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()), "S02"),
                from,
                to);
        System.out.printf(
                Locale.ROOT,
                "S02 final rest, median z(SCL): fixed baseline %.2f," + " drift-following %.2f%n",
                fixed,
                follow);
        assertTrue(fixed > 4, "the fixed baseline reads the drifted level as arousal: " + fixed);
        assertTrue(follow < fixed - 3 && follow < 2, "drift not taken out: " + follow + " vs " + fixed);
    }

    @Test
    void shouldNeverRaiseSclZOnMsr2023() throws Exception {
        List<WindowFeatures> w = windows("e4/msr2023", "msr2023");
        List<WindowFeatures> fixed = scored(w, DriftFollowingLevel.Params.OFF, "msr2023");
        List<WindowFeatures> follow =
                scored(w, DriftFollowingLevel.Params.of(org.sessionreview.config.ScoringConfig.defaults()), "msr2023");
        double end = w.get(w.size() - 1).endS;
        for (int i = 0; i < fixed.size(); i++) {
            Double a = fixed.get(i).zScl;
            Double b = follow.get(i).zScl;
            if (a == null) {
                continue;
            }
            assertTrue(b <= a + 1e-9, "window at " + fixed.get(i).startS + " s: " + b + " > " + a);
            if (fixed.get(i).startS < CFG.baselineEndS()) {
                assertTrue(b.equals(a), "changed before the anchor is known at " + fixed.get(i).startS);
            }
        }
        double lastFixed = medianZ(fixed, end - 600, end);
        double lastFollow = medianZ(follow, end - 600, end);
        System.out.printf(
                Locale.ROOT,
                "msr2023 last 10 min, median z(SCL): fixed %.2f, drift-following" + " %.2f%n",
                lastFixed,
                lastFollow);
        assertTrue(lastFollow <= lastFixed, lastFollow + " vs " + lastFixed);
    }
}
