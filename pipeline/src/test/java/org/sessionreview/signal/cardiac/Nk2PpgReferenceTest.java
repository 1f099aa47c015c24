package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionreview.testing.SharedData;

/**
 * The NeuroKit2 PPG pipeline ({@code ppg_process} with Elgendi peaks, then {@code hrv_time}) on
 * NeuroKit2's own 5-minute resting recording, against the values NeuroKit2 0.2.9 (numpy 1.24,
 * scipy 1.10) gives (shared/data/README.md).
 */
class Nk2PpgReferenceTest {
    private static final double RATE_HZ = 100;
    private static double[] ppg;
    private static int[] peaks;

    @BeforeAll
    static void detect() throws IOException {
        Path csv = SharedData.resolve("reference/neurokit2/bio_resting_5min_100hz.csv");
        List<String> lines = Files.readAllLines(csv);
        int column = List.of(lines.get(0).split(",")).indexOf("PPG");
        ppg = lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[column]))
                .toArray();
        peaks = ElgendiPeaks.find(PpgClean.clean(ppg, RATE_HZ), RATE_HZ);
    }

    @Test
    void shouldMatchNeuroKit2WhenProcessingItsRestingPpg() {
        HrvTimeDomain.Result hrv =
                HrvTimeDomain.compute(ElgendiPeaks.beats(peaks, RATE_HZ), 0, ppg.length * 1000.0 / RATE_HZ);
        double meanRate = SignalRate.meanRate(peaks, RATE_HZ, ppg.length);
        System.out.printf(
                "NK2 PPG reference: %d peaks (432); mean rate %.4f bpm (86.4014); "
                        + "60000/MeanNN %.4f; MeanNN %.4f ms (694.6868); SDNN %.4f ms (49.3806); "
                        + "RMSSD %.4f ms (39.2073); pNN50 %.4f %% (11.8329)%n",
                peaks.length,
                meanRate,
                hrv.meanHrBpm(),
                hrv.meanNnMs(),
                hrv.sdnnMs(),
                hrv.rmssdMs(),
                hrv.pnn50Percent());
        assertEquals(432, peaks.length);
        assertEquals(86.4014, meanRate, 0.5);
        assertEquals(694.6868, hrv.meanNnMs(), 1.0);
        assertEquals(49.3806, hrv.sdnnMs(), 2.0);
        assertEquals(39.2073, hrv.rmssdMs(), 2.0);
        assertEquals(11.8329, hrv.pnn50Percent(), 2.0);
    }

    @Test
    void shouldAgreeToRoundingWhenTheMethodIsTheSame() {
        // same filter, detector, interpolation and statistics: only float rounding may differ
        HrvTimeDomain.Result hrv =
                HrvTimeDomain.compute(ElgendiPeaks.beats(peaks, RATE_HZ), 0, ppg.length * 1000.0 / RATE_HZ);
        assertEquals(86.4014, SignalRate.meanRate(peaks, RATE_HZ, ppg.length), 1e-4);
        assertEquals(49.3806, hrv.sdnnMs(), 1e-4);
        assertEquals(39.2073, hrv.rmssdMs(), 1e-4);
        assertEquals(11.8329, hrv.pnn50Percent(), 1e-4);
        assertEquals(430, hrv.pairs());
    }
}
