package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.WindowFeatures;

class DataRunsTest {
    /** 30 s windows every 5 s from {@code from} to {@code to}; quality 0 where {@code empty} holds the window. */
    private static List<WindowFeatures> windows(double from, double to, double emptyFrom, double emptyTo) {
        List<WindowFeatures> out = new ArrayList<>();
        for (double t = from; t + 30 <= to; t += 5) {
            WindowFeatures w = new WindowFeatures();
            w.role = "client";
            w.startS = t;
            w.endS = t + 30;
            boolean empty = t >= emptyFrom && t + 30 <= emptyTo;
            w.accQuality = empty ? 0 : 1;
            w.edaQuality = empty ? 0 : 0.5;
            out.add(w);
        }
        return out;
    }

    @Test
    void shouldSplitTheRecordingWhereAWholeWindowHoldsNoSample() {
        // samples missing from 600 to 900 s: the windows wholly inside are empty
        DataRuns runs = DataRuns.of(windows(-100, 1500, 600, 900));
        assertEquals(List.of(new DataRuns.Run(-100, 600), new DataRuns.Run(900, 1500)), runs.runs());
        assertEquals(1200.0, runs.covered(1500));
        assertEquals(List.of(new DataRuns.Run(600, 900)), runs.gaps(1500));
        assertEquals(100.0, runs.dataBefore(1000));
        assertEquals(Double.NEGATIVE_INFINITY, runs.dataBefore(700));
    }

    @Test
    void shouldKeepOneRunWhenADropoutIsShorterThanAWindow() {
        DataRuns runs = DataRuns.of(windows(0, 1000, 500, 520));
        assertEquals(List.of(new DataRuns.Run(0, 1000)), runs.runs());
    }

    @Test
    void shouldReportTheVideoBeforeALateStartAndAfterAnEarlyStopAsGaps() {
        List<WindowFeatures> ws = windows(600, 1200, 0, 0);
        DataRuns runs = DataRuns.of(ws);
        assertEquals(List.of(new DataRuns.Run(600, 1200)), runs.runs());
        assertEquals(List.of(new DataRuns.Run(0, 600), new DataRuns.Run(1200, 1500)), runs.gaps(1500));
        assertEquals(600.0, runs.covered(1500));
        // windows missing altogether (none emitted in the gap) split the runs too
        List<WindowFeatures> apart = new ArrayList<>(windows(0, 300, 0, 0));
        apart.addAll(windows(500, 800, 0, 0));
        assertEquals(
                List.of(new DataRuns.Run(0, 300), new DataRuns.Run(500, 800)),
                DataRuns.of(apart).runs());
        assertEquals(List.of(), DataRuns.of(List.of()).runs());
    }

    @Test
    void shouldEndARunWhereTheSamplesStopThoughTheTrailingHeartRateSpanStillHoldsBeats() {
        // samples missing from 600 to 690 s; the cardiac quality covers the trailing 60 s of beats,
        // so the first windows of the gap still have some (the diff review: runs ended 30 s late,
        // and a gap under a minute split none)
        List<WindowFeatures> ws = windows(0, 1200, 600, 690);
        for (WindowFeatures w : ws) {
            w.cardiacQuality = w.startS >= 600 && w.startS < 640 ? 0.4 : (w.accQuality > 0 ? 1 : 0);
        }
        assertEquals(
                List.of(new DataRuns.Run(0, 600), new DataRuns.Run(690, 1200)),
                DataRuns.of(ws).runs());
        // a wearer with beats only (no EDA, movement or temperature file): the cardiac quality decides
        List<WindowFeatures> beatsOnly = windows(0, 300, 0, 0);
        beatsOnly.forEach(w -> {
            w.accQuality = 0;
            w.edaQuality = 0;
            w.cardiacQuality = 0.9;
        });
        assertEquals(List.of(new DataRuns.Run(0, 300)), DataRuns.of(beatsOnly).runs());
    }
}
