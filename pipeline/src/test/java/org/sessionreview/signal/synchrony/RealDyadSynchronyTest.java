package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.testing.SharedData;

/**
 * The real patient/therapist dyad shipped with rMEA (Kleinbub &amp; Ramseyer 2020; {@code
 * inst/extdata/normal/200_01.txt}, GPL-3.0): motion energy at 25 Hz, 10 minutes, columns {@code
 * "pat"} (the client) and {@code "th"} (the therapist). It is movement, not EDA, but it runs
 * through exactly the code the EDA series will: once at its own 25 Hz and once brought to the
 * default 4 Hz by {@link DyadResampler} (bin means of 6.25 source samples). There is no published
 * value for this single dyad to compare with, so the results are printed and only sanity-checked.
 */
class RealDyadSynchronyTest {
    private static final double RATE_HZ = 25.0;
    private static final SynchronyConfig CFG = SynchronyConfig.defaults();

    static DyadSeries readRmea() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.resolve("annotations/rmea/rMEA_normal_200_01.txt"));
        assertEquals("\"pat\" \"th\"", lines.get(0).trim(), "header");
        int n = lines.size() - 1;
        double[] pat = new double[n];
        double[] th = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).trim().split("\\s+");
            pat[i] = Double.parseDouble(f[0]);
            th[i] = Double.parseDouble(f[1]);
        }
        return new DyadSeries(pat, th, RATE_HZ, 0);
    }

    @Test
    void shouldRunTheRealRmeaDyadAt25HzWhenReadAsClientAndTherapist() throws IOException {
        DyadSeries dyad = readRmea();
        assertEquals(15000, dyad.length(), "10 min at 25 Hz");
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(dyad, CFG);
        SessionSynchrony s = SessionSynchronyIndex.compute(dyad, windows, CFG);
        print("rMEA 200_01 at 25 Hz", windows, s);

        assertEquals((15000 - 750) / 125 + 1, windows.size());
        assertSane(windows, s, 20);
    }

    @Test
    void shouldRunTheRealRmeaDyadWhenBroughtTo4HzLikeEda() throws IOException {
        DyadSeries raw = readRmea();
        DyadSeries dyad = DyadResampler.align(raw.client(), RATE_HZ, 0, raw.therapist(), RATE_HZ, 0, CFG);
        assertEquals(2400, dyad.length(), "600 s at 4 Hz");
        List<SynchronyWindow> windows = WindowedCrossCorrelation.compute(dyad, CFG);
        SessionSynchrony s = SessionSynchronyIndex.compute(dyad, windows, CFG);
        print("rMEA 200_01 at 4 Hz", windows, s);

        assertEquals((2400 - 120) / 20 + 1, windows.size());
        assertSane(windows, s, 20);
    }

    private static void assertSane(List<SynchronyWindow> windows, SessionSynchrony s, int segs) {
        assertEquals(SessionSynchrony.OK, s.status());
        assertEquals(segs, s.segmentsTotal());
        assertTrue(s.windowsUsed() > 0 && s.windowsUsed() <= windows.size());
        assertTrue(Double.isFinite(s.es()) && Double.isFinite(s.surrogateEs()));
        assertTrue(s.percentile() >= 0 && s.percentile() <= 100);
        assertTrue(s.clientLeadsShare() >= 0 && s.clientLeadsShare() <= 1);
        for (SynchronyWindow w : windows) {
            if (w.analysed()) {
                assertTrue(Math.abs(w.peakZ()) <= CFG.zClamp() && w.meanAbsZ() >= 0);
                assertTrue(Math.abs(w.peakLagS()) <= CFG.maxLagS() + 1e-9);
                assertTrue(Math.abs(w.peakZ()) >= Math.abs(w.zLag0()), "peak is the largest");
            }
        }
    }

    private static void print(String label, List<SynchronyWindow> windows, SessionSynchrony s) {
        double meanAbs = windows.stream()
                .filter(SynchronyWindow::analysed)
                .mapToDouble(SynchronyWindow::meanAbsZ)
                .average()
                .orElse(Double.NaN);
        double meanZ0 = windows.stream()
                .filter(SynchronyWindow::analysed)
                .mapToDouble(SynchronyWindow::zLag0)
                .average()
                .orElse(Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "%s: %d windows (%d analysed), mean window |z| %.3f," + " mean z at lag 0 %.3f%n  %s%n",
                label,
                windows.size(),
                s.windowsUsed(),
                meanAbs,
                meanZ0,
                SessionSynchronyIndexTest.summary(s));
    }
}
