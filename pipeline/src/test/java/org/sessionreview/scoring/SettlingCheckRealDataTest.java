package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * {@link SettlingCheck} on the real E4 recordings in {@code ../shared/data/e4}: none of them
 * settles in the sense of the rule (EDA level and heart rate both falling), so their baselines,
 * and the Stress-Predict AUCs, are those of the calibration stretch (msr2023's, with 8 rest
 * windows there, that of its whole recording's rest windows). S05's EDA level falls from
 * 5.0 to 2.8 uS by minute 8 while its heart rate rises; msr2023's heart rate falls from 87 to
 * 73 bpm over 12 minutes while its EDA level stays at 0.95-1.04 uS.
 */
class SettlingCheckRealDataTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "stress-predict-S02",
                "stress-predict-S03",
                "stress-predict-S04",
                "stress-predict-S05",
                "stress-predict-S06",
                "stress-predict-S07",
                "stress-predict-S08",
                "msr2023"
            })
    void shouldFindNoSettlingInTheSharedRecordings(String folder) throws Exception {
        List<WindowFeatures> ws = DriftFollowingLevelRealDataTest.windows("e4/" + folder, folder);
        ScoringConfig cfg = ScoringConfig.defaults();

        assertEquals(Optional.empty(), SettlingCheck.find(ws, cfg));
        // msr2023's minutes 2-6 hold 8 rest windows (gross movement in the others): since windows
        // with gross movement left the baseline (2026-12-06 night) it is drawn from the whole
        // recording's rest windows, and there is no calibration stretch to test for settling
        assertEquals(
                folder.equals("msr2023")
                        ? "whole session (calibration stretch had 8 usable windows, 35 more with gross movement)"
                        : "calibration 120-360 s",
                BaselineEstimator.calibration(ws, cfg).source().split(";")[0]);
    }
}
