package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * The shifted-level rule of {@link Concordance#levelShift} on hand-made windows with two channels
 * (EDA level and HR, weight 1 each, so the support is the weaker one's z).
 */
class ConcordanceLevelShiftTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    /** Windows every 5 s for 20 min: z(SCL) from {@code sclFromS} on, z(HR) in [700, 760) s. */
    private static List<WindowFeatures> windows(double sclFromS, double sclZ, double hrZ) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (double t = 0; t < 1200; t += 5) {
            WindowFeatures w = Windows.window("client", t);
            w.zScl = t >= sclFromS ? sclZ : 0.0;
            w.zHr = t >= 700 && t < 760 ? hrZ : 0.0;
            w.anxietyIndex = (w.zScl + w.zHr) / 2;
            ws.add(w);
        }
        return ws;
    }

    @Test
    void shouldNotEnterOnAChanceRiseBesideALevelHighForMinutes() {
        List<WindowFeatures> ws = windows(0, 6, 1.5);
        assertTrue(Concordance.levelShift(ws, 142, 360, 2.0, CFG)); // 710 s: SCL high all along
        assertEquals(List.of(), EpisodeDetector.detect(Role.CLIENT, ws, CFG));
        ScoringConfig before = ScoringConfig.builder()
                .set(ScoringOptions.CONCORDANCE_SHIFT_Z, 1.0)
                .build();
        assertEquals(1, EpisodeDetector.detect(Role.CLIENT, ws, before).size(), "the rule before 2026-12-06");
    }

    @Test
    void shouldEnterWhenTheOtherChannelsCarryTheEpisodeAlone() {
        assertEquals(
                1, EpisodeDetector.detect(Role.CLIENT, windows(0, 6, 2.5), CFG).size());
    }

    @Test
    void shouldEnterOnAChanceSizedRiseWhenTheLevelRoseWithIt() {
        List<WindowFeatures> ws = windows(690, 6, 1.5);
        assertFalse(Concordance.levelShift(ws, 142, 360, 2.0, CFG));
        assertEquals(1, EpisodeDetector.detect(Role.CLIENT, ws, CFG).size());
    }
}
