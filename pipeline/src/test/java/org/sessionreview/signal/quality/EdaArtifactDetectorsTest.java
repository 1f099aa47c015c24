package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_ABOVE_RANGE;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_CONTACT_LOSS;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_JUMP;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_MOTION;
import static org.sessionreview.signal.quality.Intervals.assertIntervals;
import static org.sessionreview.signal.quality.Intervals.seconds;
import static org.sessionreview.signal.quality.PlantedScene.ACC_HZ;
import static org.sessionreview.signal.quality.PlantedScene.EDA_HZ;
import static org.sessionreview.signal.quality.PlantedScene.S;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdaArtifactDetectorsTest {
    private static final double[] EDA = PlantedScene.eda();
    private static final double[] ACC = PlantedScene.acc();
    private static final double QUARTER = 1 / EDA_HZ;

    @Test
    void shouldFindThePlantedContactLossWhenEdaDropsUnderTheFloor() {
        List<Artifact> found = EdaContactLossDetector.defaults().detect(EDA, EDA_HZ, S);
        assertIntervals(
                List.of(seconds(EDA_CONTACT_LOSS, PlantedScene.CONTACT_LOSS_S, PlantedScene.CONTACT_LOSS_S + 5)),
                found);

        // Kleckner's rule 4 as padding
        List<Artifact> padded = new EdaContactLossDetector(0.05, 5000).detect(EDA, EDA_HZ, S);
        assertIntervals(
                List.of(seconds(EDA_CONTACT_LOSS, PlantedScene.CONTACT_LOSS_S - 5, PlantedScene.CONTACT_LOSS_S + 10)),
                padded);
    }

    @Test
    void shouldFlagTheSamplesAboveTheCeilingWhenARampPassesSixtyMicrosiemens() {
        List<Artifact> found = EdaAboveRangeDetector.defaults().detect(EDA, EDA_HZ, S);
        // samples 41-43, 25-27 steps into the ramp from 4 s: 62, 64.4 and 62 uS
        assertIntervals(
                List.of(seconds(EDA_ABOVE_RANGE, PlantedScene.ABOVE_RANGE_FROM_S, PlantedScene.ABOVE_RANGE_TO_S)),
                found);
        assertEquals(List.of(), new EdaAboveRangeDetector(65, 0).detect(EDA, EDA_HZ, S), "the peak is 64.4 uS");
        double[] missing = {Double.NaN, 61, Double.NaN};
        assertEquals(
                List.of(new Artifact(EDA_ABOVE_RANGE, S + 250, S + 500)),
                EdaAboveRangeDetector.defaults().detect(missing, EDA_HZ, S),
                "missing samples are not out of range");
    }

    @Test
    void shouldNotCallLowButPresentEdaContactLossWhenItStaysAboveTheFloor() {
        double[] low = new double[400];
        for (int i = 0; i < low.length; i++) {
            low[i] = 0.08 + 0.01 * Math.sin(i / 10.0); // flirt-truncated's level, 0.07-0.09 uS
        }
        low[100] = Double.NaN;
        assertEquals(List.of(), EdaContactLossDetector.defaults().detect(low, EDA_HZ, S));
        low[200] = 0.049;
        assertIntervals(
                List.of(new Artifact(EDA_CONTACT_LOSS, S + 50_000, S + 50_250)),
                EdaContactLossDetector.defaults().detect(low, EDA_HZ, S));
    }

    @Test
    void shouldFlagBothSidesOfTheJumpWhenASampleLeapsThreeMicrosiemens() {
        List<Artifact> found = EdaJumpDetector.defaults().detect(EDA, EDA_HZ, S);
        // samples 239, 240 and 241: the spike and both its neighbours
        assertIntervals(
                List.of(seconds(EDA_JUMP, PlantedScene.JUMP_S - QUARTER, PlantedScene.JUMP_S + 2 * QUARTER)), found);
        assertEquals(
                List.of(), new EdaJumpDetector(12.5, 0).detect(EDA, EDA_HZ, S), "the steps are 12 uS/s (plus drift)");
    }

    @Test
    void shouldFlagOnlyTheSpikeWithACoincidingJerkWhenLookingForMotionArtifacts() {
        List<Artifact> found = EdaMotionDetector.defaults().detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S);
        // only the 2 uS/s spike at 80 s with the knock 0.31 s later; not the slow SCRs (with and
        // without a knock), the steep step at 110 s without a knock, the lone knock at 30 s,
        // the shaking at 90-93 s, or the contact-loss edges and the jump (no jerk near)
        assertIntervals(
                List.of(seconds(
                        EDA_MOTION, PlantedScene.MOTION_SPIKE_S - QUARTER, PlantedScene.MOTION_SPIKE_S + QUARTER)),
                found);
    }

    @Test
    void shouldNeedBothTheSteepStepAndTheJerkWhenEitherThresholdMoves() {
        // a slope floor above 2 uS/s no longer sees the spike
        assertEquals(List.of(), new EdaMotionDetector(2.1, 5, 1000, 64, 0).detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S));
        // a jerk floor above the knocks' 15 g/s no longer sees it either
        assertEquals(List.of(), new EdaMotionDetector(1, 15.5, 1000, 64, 0).detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S));
        // the step ends at 80 s and the knock is at 80.3125 s: outside 300 ms, inside 320 ms
        assertEquals(List.of(), new EdaMotionDetector(1, 5, 300, 64, 0).detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S));
        assertEquals(
                1,
                new EdaMotionDetector(1, 5, 320, 64, 0)
                        .detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S)
                        .size());
        // with a lower slope floor the SCR with the knock (steepest 0.47 uS/s) would be taken
        List<Artifact> loose = new EdaMotionDetector(0.4, 5, 1000, 64, 0).detect(EDA, EDA_HZ, S, ACC, ACC_HZ, S);
        assertTrue(
                loose.stream()
                        .anyMatch(a -> a.overlapMillis(
                                        PlantedScene.millis(PlantedScene.SCR_WITH_KNOCK_S), PlantedScene.millis(102))
                                > 0),
                "the floor is what keeps the SCR: " + loose);
    }

    @Test
    void shouldPlaceJerkBurstsAtTheKnocksWhenTheWristIsOtherwiseStill() {
        double[] times = EdaMotionDetector.defaults().jerkBurstMillis(ACC, ACC_HZ, S);
        // each knock: up and down again (two samples), three knocks; shaking 0.4 g at 3 Hz peaks
        // at 7.5 g/s, above 5 g/s as well
        long knockSamples = Arrays.stream(times)
                .filter(t -> t < PlantedScene.millis(PlantedScene.SHAKE_FROM_S)
                        || t > PlantedScene.millis(PlantedScene.SHAKE_END_S + 0.05))
                .count();
        assertEquals(6, knockSamples);
        assertTrue(times.length > 6);
    }
}
