package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_CONTACT_LOSS;
import static org.sessionreview.signal.quality.ArtifactKind.NOT_WORN;
import static org.sessionreview.signal.quality.ArtifactKind.TEMP_OFF_WRIST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ten synthetic minutes at 4 Hz: EDA 2 uS and skin temperature 33 degC, with the EDA at 0.01 uS
 * over 100-400 s and the temperature at a room's 22 degC over 200-500 s. Only 200-400 s has both.
 */
class NotWornDetectorTest {
    private static final double S = 1_700_000_000_000.0;
    private static final double HZ = 4;
    private static final double SECONDS = 600;

    private static double[] channel(double worn, double off, double offFromS, double offToS) {
        double[] x = new double[(int) (SECONDS * HZ)];
        for (int i = 0; i < x.length; i++) {
            double t = i / HZ;
            x[i] = t >= offFromS && t < offToS ? off : worn;
        }
        return x;
    }

    private static final double[] EDA = channel(2.0, 0.01, 100, 400);
    private static final double[] TEMP = channel(33.0, 22.0, 200, 500);

    private static Artifact seconds(ArtifactKind kind, double fromS, double toS) {
        return new Artifact(kind, S + fromS * 1000, S + toS * 1000);
    }

    @Test
    void shouldMarkOnlyWhereBothSensorsSayOffWhenTheyOverlap() {
        List<Artifact> found = NotWornDetector.defaults().detect(EDA, HZ, S, TEMP, HZ, S);
        assertEquals(List.of(seconds(NOT_WORN, 200, 400)), found);
    }

    @Test
    void shouldMarkNothingWhenOneSensorStaysOnOrIsMissing() {
        double[] warm = channel(33.0, 33.0, 0, 0);
        assertEquals(List.of(), NotWornDetector.defaults().detect(EDA, HZ, S, warm, HZ, S));
        double[] missing = new double[TEMP.length];
        Arrays.fill(missing, Double.NaN);
        assertEquals(List.of(), NotWornDetector.defaults().detect(EDA, HZ, S, missing, HZ, S));
        assertEquals(List.of(), NotWornDetector.defaults().detect(missing, HZ, S, TEMP, HZ, S));
    }

    @Test
    void shouldFollowTheConfiguredRulesWhenTheyChange() {
        // a floor below the table's 0.01 uS: the EDA no longer says off, so nothing is marked
        NotWornDetector lowFloor =
                new NotWornDetector(new EdaContactLossDetector(0.005, 0), TempOffWristDetector.defaults(), 5);
        assertEquals(List.of(), lowFloor.detect(EDA, HZ, S, TEMP, HZ, S));
        // a minimum longer than the 200 s overlap: nothing; one just at it: the stretch
        assertEquals(
                List.of(),
                new NotWornDetector(EdaContactLossDetector.defaults(), TempOffWristDetector.defaults(), 200.25)
                        .detect(EDA, HZ, S, TEMP, HZ, S));
        assertEquals(
                List.of(seconds(NOT_WORN, 200, 400)),
                new NotWornDetector(EdaContactLossDetector.defaults(), TempOffWristDetector.defaults(), 200)
                        .detect(EDA, HZ, S, TEMP, HZ, S));
    }

    @Test
    void shouldLeaveAMomentaryCoincidenceToEachChannelWhenItIsShorterThanFiveSeconds() {
        // both sensors off together for 4.75 s (a contact shift), then for 5 s
        double[] eda = channel(2.0, 0.01, 100, 104.75);
        double[] temp = channel(33.0, 22.0, 100, 110);
        assertEquals(List.of(), NotWornDetector.defaults().detect(eda, HZ, S, temp, HZ, S));
        eda = channel(2.0, 0.01, 100, 105);
        assertEquals(
                List.of(seconds(NOT_WORN, 100, 105)), NotWornDetector.defaults().detect(eda, HZ, S, temp, HZ, S));
    }

    @ParameterizedTest
    @ValueSource(doubles = {7.5, 60, 137})
    void shouldGiveTheWholeSignalsStretchesWhenDetectingCoreByCore(double coreSeconds) {
        // a minimum of 60 s: a stretch cut by a core of 7.5 s is judged by its whole length
        NotWornDetector detector =
                new NotWornDetector(EdaContactLossDetector.defaults(), TempOffWristDetector.defaults(), 60);
        double context = detector.contextMillis();
        List<Artifact> pieces = new ArrayList<>();
        for (double from = 0; from < SECONDS; from += coreSeconds) {
            double to = Math.min(SECONDS, from + coreSeconds);
            int i0 = (int) Math.max(0, Math.ceil((from * 1000 - context) * HZ / 1000));
            int i1 = (int) Math.min(EDA.length, Math.ceil((to * 1000 + context) * HZ / 1000));
            double start = S + i0 * 1000 / HZ;
            pieces.addAll(detector.detect(
                    Arrays.copyOfRange(EDA, i0, i1),
                    HZ,
                    start,
                    Arrays.copyOfRange(TEMP, i0, i1),
                    HZ,
                    start,
                    S + from * 1000,
                    S + to * 1000));
        }
        assertEquals(List.of(seconds(NOT_WORN, 200, 400)), ArtifactIntervals.merge(pieces));
    }

    @Test
    void shouldIntersectUnionsOfEitherSideWhenIntervalsOverlapThemselves() {
        List<Artifact> a = List.of(
                seconds(EDA_CONTACT_LOSS, 0, 10), seconds(EDA_CONTACT_LOSS, 5, 20), seconds(EDA_CONTACT_LOSS, 30, 40));
        List<Artifact> b = List.of(seconds(TEMP_OFF_WRIST, 15, 35), seconds(TEMP_OFF_WRIST, 39, 50));
        assertEquals(
                List.of(seconds(NOT_WORN, 15, 20), seconds(NOT_WORN, 30, 35), seconds(NOT_WORN, 39, 40)),
                ArtifactIntervals.intersection(a, b, NOT_WORN));
        assertEquals(List.of(), ArtifactIntervals.intersection(a, List.of(), NOT_WORN));
    }
}
