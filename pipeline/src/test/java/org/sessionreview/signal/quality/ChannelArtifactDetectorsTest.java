package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.signal.quality.ArtifactKind.ACC_GROSS_MOVEMENT;
import static org.sessionreview.signal.quality.ArtifactKind.IBI_GAP;
import static org.sessionreview.signal.quality.ArtifactKind.TEMP_OFF_WRIST;
import static org.sessionreview.signal.quality.Intervals.assertIntervals;
import static org.sessionreview.signal.quality.Intervals.seconds;
import static org.sessionreview.signal.quality.PlantedScene.ACC_HZ;
import static org.sessionreview.signal.quality.PlantedScene.S;
import static org.sessionreview.signal.quality.PlantedScene.SECONDS;
import static org.sessionreview.signal.quality.PlantedScene.TEMP_HZ;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.temperature.OffWristGuard;

class ChannelArtifactDetectorsTest {

    @Test
    void shouldMarkLowReadingsAndTheRemovalWhenTheTemperatureLeavesTheWrist() {
        double[] temp = PlantedScene.temp();
        List<Artifact> found = TempOffWristDetector.defaults().detect(temp, TEMP_HZ, S);
        // 2.5 s at 22 degC; then every sample after the last worn one (110 s) to the end
        assertIntervals(
                List.of(
                        seconds(TEMP_OFF_WRIST, PlantedScene.TEMP_LOW_S, PlantedScene.TEMP_LOW_S + 2.5),
                        seconds(TEMP_OFF_WRIST, PlantedScene.TEMP_OFF_S + 0.25, SECONDS)),
                found);
        assertArrayEquals(
                OffWristGuard.defaults().mask(temp, TEMP_HZ),
                ArtifactIntervals.toMask(found, temp.length, TEMP_HZ, S),
                "the guard's own mask");
    }

    @Test
    void shouldMarkTheShakingButNotTheKnocksWhenLookingForGrossMovement() {
        List<Artifact> found = AccGrossMovementDetector.defaults().detect(PlantedScene.acc(), ACC_HZ, S);
        assertIntervals(
                List.of(seconds(ACC_GROSS_MOVEMENT, PlantedScene.SHAKE_FROM_S, PlantedScene.SHAKE_END_S)), found);
    }

    @Test
    void shouldMarkStretchesWithoutAcceptedBeatsWhenLongerThanThreeSeconds() {
        double[] beats = PlantedScene.beatMillis();
        boolean[] accepted = PlantedScene.accepted(beats);
        List<Artifact> found = IbiGapDetector.defaults().detect(beats, accepted, S, PlantedScene.millis(SECONDS));
        // the device gap (5.6 s) and the rejected stretch (5.6 s), not the 2.4 s gap
        assertIntervals(
                List.of(
                        seconds(IBI_GAP, PlantedScene.IBI_DEVICE_GAP_FROM_S, PlantedScene.IBI_DEVICE_GAP_TO_S),
                        seconds(IBI_GAP, PlantedScene.IBI_REJECTED_FROM_S, PlantedScene.IBI_REJECTED_TO_S)),
                found);

        // with every beat accepted only the device gap is left; a limit of 2 s adds the short gap
        assertEquals(
                1,
                IbiGapDetector.defaults()
                        .detect(beats, null, S, PlantedScene.millis(SECONDS))
                        .size());
        assertIntervals(
                List.of(
                        seconds(IBI_GAP, PlantedScene.IBI_DEVICE_GAP_FROM_S, PlantedScene.IBI_DEVICE_GAP_TO_S),
                        seconds(IBI_GAP, PlantedScene.IBI_SHORT_GAP_FROM_S, PlantedScene.IBI_SHORT_GAP_FROM_S + 2.4)),
                new IbiGapDetector(2).detect(beats, null, S, PlantedScene.millis(SECONDS)));
    }

    @Test
    void shouldCountTheSpanEdgesAsGapsWhenBeatsStartLateOrStopEarly() {
        double[] beats = {S + 5_000, S + 5_800, S + 6_600};
        assertIntervals(
                List.of(new Artifact(IBI_GAP, S, S + 5_000), new Artifact(IBI_GAP, S + 6_600, S + 20_000)),
                IbiGapDetector.defaults().detect(beats, null, S, S + 20_000));
        assertIntervals(
                List.of(new Artifact(IBI_GAP, S, S + 20_000)),
                IbiGapDetector.defaults().detect(new double[0], null, S, S + 20_000));
        assertEquals(
                List.of(),
                IbiGapDetector.defaults().detect(new double[0], null, S, S + 3_000),
                "3 s without a beat is not yet a gap");
    }
}
