package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.config.SynchronyOptions;

class WindowedCrossCorrelationTest {
    private static final SynchronyConfig CFG = SynchronyConfig.defaults();

    @Test
    void shouldPeakNearThreeSecondsAndNameTheClientWhenTheTherapistFollowsBy3s() {
        DyadSeries dyad = SyntheticDyad.following(7, 20, 3.0, 0.5);
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(dyad, CFG);

        double[] peaks = windows.stream()
                .filter(SynchronyWindow::analysed)
                .mapToDouble(SynchronyWindow::peakLagS)
                .sorted()
                .toArray();
        assertEquals(windows.size(), peaks.length, "no window should be skipped");
        double median = peaks[peaks.length / 2];
        assertEquals(3.0, median, 1.0, "median peak lag");
        long near = Arrays.stream(peaks).filter(p -> Math.abs(p - 3.0) <= 1.0).count();
        assertTrue(near >= 0.9 * peaks.length, near + " of " + peaks.length + " peaks near 3 s");
        long clientLed =
                windows.stream().filter(w -> w.leader() == Leader.CLIENT).count();
        assertTrue(clientLed >= 0.9 * windows.size(), clientLed + " client-led windows");
        double leadDiff = windows.stream()
                .mapToDouble(w -> w.clientLeadsZ() - w.therapistLeadsZ())
                .average()
                .orElseThrow();
        assertTrue(leadDiff > 0, "client-leading lags should carry more coupling: " + leadDiff);
    }

    @Test
    void shouldNameTheTherapistWhenTheClientFollowsBy3s() {
        DyadSeries dyad = SyntheticDyad.following(11, 20, -3.0, 0.5);
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(dyad, CFG);

        double[] peaks =
                windows.stream().mapToDouble(SynchronyWindow::peakLagS).sorted().toArray();
        assertEquals(-3.0, peaks[peaks.length / 2], 1.0, "median peak lag");
        long therapistLed =
                windows.stream().filter(w -> w.leader() == Leader.THERAPIST).count();
        assertTrue(therapistLed >= 0.9 * windows.size(), therapistLed + " therapist-led windows");
    }

    @Test
    void shouldPlaceWindowsEveryStepWithTheirTimesWhenTheSeriesStartsLate() {
        DyadSeries base = SyntheticDyad.independent(3, 5);
        DyadSeries late = new DyadSeries(base.client(), base.therapist(), base.rateHz(), 100.0);
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(late, CFG);

        int w = (int) Math.round(30 * base.rateHz());
        int step = (int) Math.round(5 * base.rateHz());
        assertEquals((base.length() - w) / step + 1, windows.size());
        for (int i = 0; i < windows.size(); i++) {
            assertEquals(100.0 + 5.0 * i, windows.get(i).startS(), 1e-9);
            assertEquals(windows.get(i).startS() + 30.0, windows.get(i).endS(), 1e-9);
        }
    }

    @Test
    void shouldSkipWindowsAndSaySoWhenAStretchIsMasked() {
        DyadSeries dyad = SyntheticDyad.following(5, 10, 3.0, 0.5);
        double rate = dyad.rateHz();
        double[] therapist = dyad.therapist().clone();
        int maskFrom = (int) (120 * rate);
        int maskTo = (int) (240 * rate);
        Arrays.fill(therapist, maskFrom, maskTo, Double.NaN);
        DyadSeries masked = new DyadSeries(dyad.client(), therapist, rate, 0);

        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(masked, CFG);
        int skipped = 0;
        for (SynchronyWindow w : windows) {
            double overlap = Math.max(0, Math.min(w.endS(), 240) - Math.max(w.startS(), 120));
            double expectedShare = 1 - overlap / 30.0;
            assertEquals(expectedShare, w.validShare(), 1e-9, "share at " + w.startS());
            if (expectedShare < CFG.minValidShare()) {
                skipped++;
                assertEquals(WindowStatus.TOO_MANY_MASKED, w.status(), "at " + w.startS());
                assertTrue(Double.isNaN(w.meanAbsZ()) && Double.isNaN(w.peakLagS()));
                assertEquals(Leader.NONE, w.leader());
            } else {
                assertTrue(w.analysed(), "at " + w.startS());
                assertFalse(Double.isNaN(w.meanAbsZ()));
            }
        }
        // windows starting 110..220 s overlap the mask by more than 15 s: 23 windows
        assertEquals(23, skipped);
    }

    @Test
    void shouldReportNoVarianceWhenOneWearerIsConstant() {
        DyadSeries dyad = SyntheticDyad.independent(9, 2);
        double[] flat = new double[dyad.length()];
        Arrays.fill(flat, 1.5);
        List<SynchronyWindow> windows =
                WindowedCrossCorrelation.compute(new DyadSeries(dyad.client(), flat, dyad.rateHz(), 0), CFG);

        assertFalse(windows.isEmpty());
        assertTrue(windows.stream().allMatch(w -> w.status() == WindowStatus.NO_VARIANCE));
    }

    @Test
    void shouldGiveTheSameWindowWhenFedFromAStreamingBuffer() {
        DyadSeries dyad = SyntheticDyad.following(13, 5, 3.0, 0.5);
        List<SynchronyWindow> batch = WindowedCrossCorrelation.compute(dyad, CFG);
        int w = WindowedCrossCorrelation.windowSamples(dyad.rateHz(), CFG);
        int step = WindowedCrossCorrelation.stepSamples(dyad.rateHz(), CFG);

        for (int i = 0; i < batch.size(); i++) {
            int from = i * step;
            DyadSeries buffer = new DyadSeries(
                    Arrays.copyOfRange(dyad.client(), from, from + w),
                    Arrays.copyOfRange(dyad.therapist(), from, from + w),
                    dyad.rateHz(),
                    dyad.timeS(from));
            assertEquals(batch.get(i), WindowedCrossCorrelation.window(buffer, 0, CFG));
        }
    }

    @Test
    void shouldUseTheConfiguredWindowAndLagWhenChanged() {
        SynchronyConfig cfg = CFG.toBuilder()
                .set(SynchronyOptions.WINDOW_S, 60.0)
                .set(SynchronyOptions.STEP_S, 10.0)
                .set(SynchronyOptions.MAX_LAG_S, 2.0)
                .build();
        DyadSeries dyad = SyntheticDyad.following(17, 10, 1.5, 0.3);
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(dyad, cfg);

        assertEquals((dyad.length() - 240) / 40 + 1, windows.size());
        assertEquals(60.0, windows.get(0).endS() - windows.get(0).startS(), 1e-9);
        assertTrue(windows.stream().allMatch(x -> Math.abs(x.peakLagS()) <= 2.0));
        double[] peaks =
                windows.stream().mapToDouble(SynchronyWindow::peakLagS).sorted().toArray();
        assertEquals(1.5, peaks[peaks.length / 2], 0.5);
    }

    @Test
    void shouldRejectAWindowOutsideTheSeries() {
        DyadSeries dyad = SyntheticDyad.independent(1, 1);
        assertThrows(
                IllegalArgumentException.class, () -> WindowedCrossCorrelation.window(dyad, dyad.length() - 10, CFG));
    }
}
