package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.signal.quality.ArtifactKind.NO_DATA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twenty synthetic minutes of EDA (4 Hz), ACC (32 Hz) and beats every 0.8 s, with every channel
 * silent over 600-900 s; each test varies one thing.
 */
class NoDataDetectorTest {
    private static final double S = 1_700_000_000_000.0;
    private static final double END_S = 1200;

    /** Sample times of a channel at {@code rateHz} over [0, END_S) except [gapFromS, gapToS), epoch ms. */
    private static double[] times(double rateHz, double gapFromS, double gapToS) {
        return DoubleStream.iterate(0, t -> t < END_S, t -> t + 1 / rateHz)
                .filter(t -> t < gapFromS || t >= gapToS)
                .map(t -> S + t * 1000)
                .toArray();
    }

    private static List<NoDataDetector.Samples> channels(double gapFromS, double gapToS) {
        return List.of(
                new NoDataDetector.Samples(times(4, gapFromS, gapToS), 250),
                new NoDataDetector.Samples(times(32, gapFromS, gapToS), 31.25),
                new NoDataDetector.Samples(times(1 / 0.8, gapFromS, gapToS), 0));
    }

    private static Artifact seconds(double fromS, double toS) {
        return new Artifact(NO_DATA, S + fromS * 1000, S + toS * 1000);
    }

    @Test
    void shouldReportTheWholeGapWhenEveryChannelIsSilent() {
        // the last EDA sample at 599.75 s stands for [599.75, 600); the data resume at 900 s
        assertEquals(List.of(seconds(600, 900)), NoDataDetector.defaults().detect(channels(600, 900)));
    }

    @Test
    void shouldReportNothingWhenOneChannelKeepsGoingOrTheGapIsShorterThanTheMinimum() {
        List<NoDataDetector.Samples> oneGoesOn = new ArrayList<>(channels(600, 900));
        oneGoesOn.set(1, new NoDataDetector.Samples(times(32, 0, 0), 31.25));
        assertEquals(List.of(), NoDataDetector.defaults().detect(oneGoesOn));
        // beats alone keep the band "recording" too: one every 0.8 s through the gap
        oneGoesOn.set(1, new NoDataDetector.Samples(times(32, 600, 900), 31.25));
        oneGoesOn.set(2, new NoDataDetector.Samples(times(1 / 0.8, 0, 0), 0));
        assertEquals(List.of(), NoDataDetector.defaults().detect(oneGoesOn));

        assertEquals(List.of(), NoDataDetector.defaults().detect(channels(600, 629.75)));
        assertEquals(List.of(seconds(600, 630)), NoDataDetector.defaults().detect(channels(600, 630)));
        assertEquals(List.of(), new NoDataDetector(300.25).detect(channels(600, 900)));
    }

    @Test
    void shouldReportNothingBeforeTheFirstSampleOrAfterTheLast() {
        List<NoDataDetector.Samples> late = channels(0, 600);
        assertEquals(List.of(), NoDataDetector.defaults().detect(late));
        List<NoDataDetector.Samples> early = channels(600, END_S);
        NoDataDetector.Result r = NoDataDetector.defaults().detect(early, Double.NEGATIVE_INFINITY);
        assertEquals(List.of(), r.gaps());
        assertEquals(S + 600_000, r.dataEndMillis(), 1e-6, "the end of the last EDA sample");
    }

    @ParameterizedTest
    @ValueSource(doubles = {7.5, 60, 137})
    void shouldFindTheWholeGapOnceWhenTheSamplesComeCoreByCore(double coreSeconds) {
        NoDataDetector detector = NoDataDetector.defaults();
        List<NoDataDetector.Samples> all = channels(600, 900);
        List<Artifact> found = new ArrayList<>();
        double seen = Double.NEGATIVE_INFINITY;
        for (double from = 0; from < END_S; from += coreSeconds) {
            double a = S + from * 1000;
            double b = S + Math.min(END_S, from + coreSeconds) * 1000;
            List<NoDataDetector.Samples> core = new ArrayList<>();
            for (NoDataDetector.Samples c : all) {
                double[] in = Arrays.stream(c.timesMillis())
                        .filter(t -> t >= a && t < b)
                        .toArray();
                core.add(new NoDataDetector.Samples(in, c.periodMillis()));
            }
            NoDataDetector.Result r = detector.detect(core, seen);
            found.addAll(r.gaps());
            seen = r.dataEndMillis();
        }
        assertEquals(List.of(seconds(600, 900)), found);
    }
}
