package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;

class CardiacFeaturesTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double T0 = 1_700_000_000_000.0;
    private static final double S = T0 + 60_000; // window [60 s, 90 s)
    private static final double E = S + 30_000;

    /** Beats built from intervals; {@code reported[i] == false} drops beat i like an E4 gap. */
    private static BeatSeries beats(double[] ibi, boolean[] reported) {
        List<double[]> kept = new ArrayList<>();
        double t = T0;
        for (int i = 0; i < ibi.length; i++) {
            t += ibi[i] * 1000;
            if (reported[i]) {
                kept.add(new double[] {t, ibi[i]});
            }
        }
        return new BeatSeries(
                kept.stream().mapToDouble(b -> b[0]).toArray(),
                kept.stream().mapToDouble(b -> b[1]).toArray());
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    private static double[] alternating(int n, double a, double b) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? a : b;
        }
        return x;
    }

    private static final RegularSeries NO_HR = RegularSeries.empty(1, 1);

    @Test
    void shouldGiveExactHeartRateAndRmssdWhenIntervalsAreKnown() {
        double[] ibi = alternating(120, 0.80, 0.84);
        BeatSeries beats = beats(ibi, all(ibi.length));

        CardiacFeatures.Result r = CardiacFeatures.compute(beats, NO_HR, S, E, CONFIG);

        double sum = 0;
        int n = 0;
        double last = 0;
        for (int i = 0; i < beats.length(); i++) {
            double t = beats.timesMillis()[i];
            if (t >= S && t < E) {
                sum += beats.ibiS()[i];
                n++;
                last = t;
            }
        }
        assertEquals(60.0 / (sum / n), r.hrBpm(), 1e-9);
        assertEquals(40.0, r.rmssdMs(), 1e-9, "every successive difference is 40 ms");
        assertEquals((last - S) / 30_000.0, r.quality(), 1e-9, "covered from S to the last beat");
        assertEquals(CardiacFeatures.HrSource.IBI, r.source());
        assertEquals(n, r.acceptedBeats());
    }

    @Test
    void shouldDropOutliersAndNotDifferenceAcrossGapsWhenBeatsAreMissedOrExtra() {
        List<Double> ibi = new ArrayList<>();
        List<Boolean> reported = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ibi.add(i % 2 == 0 ? 0.80 : 0.84);
            reported.add(true);
        }
        // In the window (beats from 60 s on: index ~73+): a missed beat, an extra beat, a
        // 2.5 s pause, and a device gap of 6 beats.
        ibi.addAll(List.of(1.64, 0.80, 0.42, 0.42, 0.80, 2.5, 0.84, 0.80));
        reported.addAll(List.of(true, true, true, true, true, true, true, true));
        for (int i = 0; i < 6; i++) {
            ibi.add(i % 2 == 0 ? 0.84 : 0.80);
            reported.add(false);
        }
        // After the gap the pattern resumes with 0.80 so that a difference across the gap
        // (0.80 -> 0.80) would be 0 and would lower the RMSSD.
        for (int i = 0; i < 30; i++) {
            ibi.add(i % 2 == 0 ? 0.80 : 0.84);
            reported.add(true);
        }
        double[] rr = ibi.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] rep = new boolean[reported.size()];
        for (int i = 0; i < rep.length; i++) {
            rep[i] = reported.get(i);
        }
        BeatSeries beats = beats(rr, rep);

        CardiacFeatures.Result r = CardiacFeatures.compute(beats, NO_HR, S, E, CONFIG);

        double sum = 0;
        int n = 0;
        for (int i = 0; i < beats.length(); i++) {
            double t = beats.timesMillis()[i];
            double v = beats.ibiS()[i];
            if (t >= S && t < E && (v == 0.80 || v == 0.84)) {
                sum += v;
                n++;
            }
        }
        assertEquals(60.0 / (sum / n), r.hrBpm(), 1e-9, "only the 0.80/0.84 beats count");
        assertEquals(n, r.acceptedBeats());
        assertEquals(40.0, r.rmssdMs(), 1e-9, "no difference across the gap or with an outlier");
    }

    @Test
    void shouldFallBackToDeviceHrWhenTheWindowHasNoBeats() {
        double[] hr = new double[30];
        Arrays.fill(hr, 72.0);
        hr[3] = 0;
        hr[4] = 250;
        RegularSeries device = new RegularSeries(S, 1, 1, hr);

        CardiacFeatures.Result r =
                CardiacFeatures.compute(new BeatSeries(new double[0], new double[0]), device, S, E, CONFIG);

        assertEquals(72.0, r.hrBpm(), 1e-12);
        assertEquals(28 / 30.0, r.quality(), 1e-12, "0 and 250 bpm are outside 30-200 bpm");
        assertNull(r.rmssdMs());
        assertEquals(CardiacFeatures.HrSource.DEVICE_HR, r.source());
    }

    @Test
    void shouldGiveNullWhenNeitherBeatsNorDeviceHrCoverHalfTheWindow() {
        double[] ibi = alternating(90, 0.80, 0.84);
        boolean[] rep = all(ibi.length);
        for (int i = 74; i < rep.length; i++) {
            rep[i] = i > 84; // ~8 s of beats in the window
        }
        double[] hr = new double[30];
        Arrays.fill(hr, Double.NaN);
        Arrays.fill(hr, 0, 10, 70.0);

        CardiacFeatures.Result r =
                CardiacFeatures.compute(beats(ibi, rep), new RegularSeries(S, 1, 1, hr), S, E, CONFIG);

        assertNull(r.hrBpm());
        assertNull(r.rmssdMs());
        assertEquals(10 / 30.0, r.quality(), 1e-9, "the larger of coverage (~0.27) and HR (0.33)");
        assertEquals(CardiacFeatures.HrSource.NONE, r.source());
    }
}
