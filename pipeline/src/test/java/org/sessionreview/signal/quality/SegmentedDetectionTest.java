package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.sessionreview.signal.quality.PlantedScene.ACC_HZ;
import static org.sessionreview.signal.quality.PlantedScene.EDA_HZ;
import static org.sessionreview.signal.quality.PlantedScene.S;
import static org.sessionreview.signal.quality.PlantedScene.TEMP_HZ;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core by core with context, the detectors give the whole-signal intervals after merging. */
class SegmentedDetectionTest {
    private static final double END = PlantedScene.millis(PlantedScene.SECONDS);

    /** The samples of a regular channel in [fromMillis, toMillis), and the time of the first. */
    record Slice(double[] values, double startMillis) {
        static Slice of(double[] values, int width, double rateHz, double startMillis,
                double fromMillis, double toMillis) {
            int n = values.length / width;
            int i0 = Math.max(0, (int) Math.ceil((fromMillis - startMillis) * rateHz / 1000 - 1e-9));
            int i1 = Math.min(n, (int) Math.ceil((toMillis - startMillis) * rateHz / 1000 - 1e-9));
            return new Slice(Arrays.copyOfRange(values, i0 * width, Math.max(i0, i1) * width),
                    startMillis + i0 * 1000 / rateHz);
        }
    }

    /** Every detector over one core, given {@code context} ms on each side (null: its own). */
    static List<Artifact> detectCore(double from, double to, Double context) {
        double[] eda = PlantedScene.eda();
        double[] acc = PlantedScene.acc();
        double[] temp = PlantedScene.temp();
        double[] beats = PlantedScene.beatMillis();
        List<Artifact> out = new ArrayList<>();

        EdaContactLossDetector contact = EdaContactLossDetector.defaults();
        Slice e = slice(eda, 1, EDA_HZ, from, to, context, contact.contextMillis());
        out.addAll(contact.detect(e.values(), EDA_HZ, e.startMillis(), from, to));

        EdaJumpDetector jump = EdaJumpDetector.defaults();
        e = slice(eda, 1, EDA_HZ, from, to, context, jump.contextMillis());
        out.addAll(jump.detect(e.values(), EDA_HZ, e.startMillis(), from, to));

        EdaMotionDetector motion = EdaMotionDetector.defaults();
        e = slice(eda, 1, EDA_HZ, from, to, context, motion.contextMillis());
        Slice a = slice(acc, 3, ACC_HZ, from, to, context, motion.contextMillis());
        out.addAll(motion.detect(e.values(), EDA_HZ, e.startMillis(), a.values(), ACC_HZ,
                a.startMillis(), from, to));

        AccGrossMovementDetector gross = AccGrossMovementDetector.defaults();
        a = slice(acc, 3, ACC_HZ, from, to, context, gross.contextMillis());
        out.addAll(gross.detect(a.values(), ACC_HZ, a.startMillis(), from, to));

        TempOffWristDetector offWrist = TempOffWristDetector.defaults();
        Slice t = slice(temp, 1, TEMP_HZ, from, to, context, offWrist.contextMillis());
        out.addAll(offWrist.detect(t.values(), TEMP_HZ, t.startMillis(), from, to));

        IbiGapDetector gaps = IbiGapDetector.defaults();
        double c = context != null ? context : gaps.contextMillis();
        double spanFrom = Math.max(S, from - c);
        double spanTo = Math.min(END, to + c);
        double[] inSpan = Arrays.stream(beats).filter(b -> b >= spanFrom && b <= spanTo).toArray();
        boolean[] accepted = PlantedScene.accepted(inSpan);
        out.addAll(gaps.detect(inSpan, accepted, spanFrom, spanTo, from, to));
        return out;
    }

    private static Slice slice(double[] values, int width, double rateHz, double from, double to,
            Double context, double own) {
        double c = context != null ? context : own;
        return Slice.of(values, width, rateHz, S, from - c, to + c);
    }

    private static List<Artifact> byCores(double coreSeconds, Double context) {
        List<Artifact> pieces = new ArrayList<>();
        for (double from = S; from < END; from += coreSeconds * 1000) {
            pieces.addAll(detectCore(from, Math.min(END, from + coreSeconds * 1000), context));
        }
        return ArtifactIntervals.merge(pieces);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 5, 13.7, 60})
    void shouldGiveTheWholeSignalsIntervalsWhenDetectingCoreByCore(double coreSeconds) {
        List<Artifact> whole = ArtifactIntervals.merge(detectCore(S, END, null));
        assertEquals(ArtifactKind.values().length, whole.stream().map(Artifact::kind).distinct().count(),
                "every kind is planted: " + whole);
        assertEquals(whole, byCores(coreSeconds, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 5})
    void shouldDifferWhenTheCoresGetNoContext(double coreSeconds) {
        // the IBI gap at 30.4-36 s and the temperature fall after 110 s need context
        List<Artifact> whole = ArtifactIntervals.merge(detectCore(S, END, null));
        assertNotEquals(whole, byCores(coreSeconds, 0.0));
    }
}
