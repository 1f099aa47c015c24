package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.sessionreview.signal.quality.PlantedScene.ACC_HZ;
import static org.sessionreview.signal.quality.PlantedScene.EDA_HZ;
import static org.sessionreview.signal.quality.PlantedScene.S;
import static org.sessionreview.signal.quality.PlantedScene.TEMP_HZ;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core by core with context, the detectors give the whole-signal intervals after merging. */
class SegmentedDetectionTest {
    private static final double END = PlantedScene.millis(PlantedScene.SECONDS);

    static AllDetectors.Channels scene() {
        double[] beats = PlantedScene.beatMillis();
        return new AllDetectors.Channels(
                new AllDetectors.Regular(PlantedScene.eda(), 1, EDA_HZ, S),
                new AllDetectors.Regular(PlantedScene.acc(), 3, ACC_HZ, S),
                new AllDetectors.Regular(PlantedScene.temp(), 1, TEMP_HZ, S),
                beats,
                PlantedScene.accepted(beats),
                S,
                END);
    }

    // whole seconds: the gross-movement segments start at each core's start (GrossMovement)
    @ParameterizedTest
    @ValueSource(doubles = {2, 5, 13, 60})
    void shouldGiveTheWholeSignalsIntervalsWhenDetectingCoreByCore(double coreSeconds) {
        AllDetectors.Channels scene = scene();
        List<Artifact> whole = ArtifactIntervals.merge(AllDetectors.detectCore(scene, S, END, null));
        // the kinds of the whole band are found by the event stage, NotWornDetectorTest and NoDataDetectorTest
        assertEquals(
                Arrays.stream(ArtifactKind.values())
                        .filter(k -> k.channel() != null)
                        .count(),
                whole.stream().map(Artifact::kind).distinct().count(),
                "every channel's kind is planted: " + whole);
        assertEquals(whole, AllDetectors.byCores(scene, S, END, coreSeconds, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 5})
    void shouldDifferWhenTheCoresGetNoContext(double coreSeconds) {
        // e.g. the IBI gap at 30.4-36 s and the temperature fall after 110 s need context
        AllDetectors.Channels scene = scene();
        List<Artifact> whole = ArtifactIntervals.merge(AllDetectors.detectCore(scene, S, END, null));
        assertNotEquals(whole, AllDetectors.byCores(scene, S, END, coreSeconds, 0.0));
    }
}
