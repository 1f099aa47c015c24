package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IrregularRhythm} on synthetic device beats cleaned as the pipeline cleans them: the
 * deviating share separates independent (atrial-fibrillation-like) intervals from sinus rhythms;
 * the rate is that of all in-range beats; its standard error matches the spread of the rate over
 * independent realisations.
 */
class IrregularRhythmTest {
    private static final double SPAN_MS = 60_000;

    /** The span's beats from intervals (s), cleaned with the default rules, the span ending at the last beat. */
    private static List<Beat> cleaned(double[] ibiS) {
        double[] t = new double[ibiS.length];
        double sum = 0;
        for (int i = 0; i < ibiS.length; i++) {
            sum += ibiS[i];
            t[i] = sum;
        }
        return IbiCleaner.fromDevice(0, t, ibiS, IbiCleaner.Config.DEFAULT);
    }

    private static double endMs(List<Beat> beats) {
        return beats.get(beats.size() - 1).tMillis() + 1;
    }

    private static IrregularRhythm.Result assess(double[] ibiS) {
        List<Beat> beats = cleaned(ibiS);
        double end = endMs(beats);
        return IrregularRhythm.assess(beats, end - SPAN_MS, end, 0.15, 30);
    }

    /** Independent log-normal intervals with mean {@code meanS} and coefficient of variation {@code cv}, for 90 s. */
    private static double[] fibrillation(Random rng, double meanS, double cv) {
        double s = Math.sqrt(Math.log(1 + cv * cv));
        List<Double> out = new ArrayList<>();
        double t = 0;
        while (t < 90) {
            double ibi = meanS * Math.exp(rng.nextGaussian() * s - s * s / 2);
            out.add(ibi);
            t += ibi;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] sinus(double baseS, double rsaS, double breathHz) {
        List<Double> out = new ArrayList<>();
        double t = 0;
        while (t < 90) {
            double ibi = baseS + rsaS * Math.sin(2 * Math.PI * breathHz * t) + 0.02 * Math.sin(2 * Math.PI * 0.1 * t);
            out.add(ibi);
            t += ibi;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void shouldTakeIndependentWideIntervalsForAnIrregularRhythmWithTheRateOfAllBeats() {
        Random rng = new Random(3);
        for (double cv : new double[] {0.2, 0.25}) {
            double[] ibi = fibrillation(rng, 0.7, cv);
            List<Beat> beats = cleaned(ibi);
            double end = endMs(beats);
            IrregularRhythm.Result r = IrregularRhythm.assess(beats, end - SPAN_MS, end, 0.15, 30);
            assertTrue(r.irregular(), "CV " + cv + ": share " + r.deviatingShare());
            // the rate of every in-range interval in the span, not of the accepted ones
            double sum = 0;
            int n = 0;
            for (Beat b : beats) {
                if (b.tMillis() >= end - SPAN_MS && b.tMillis() < end && IrregularRhythm.eligible(b)) {
                    sum += b.ibiMs();
                    n++;
                }
            }
            assertEquals(n, r.eligible());
            assertEquals(60000.0 / (sum / n), r.hrBpm(), 1e-9);
            assertTrue(r.coverage() > 0.95, "all beats cover the span: " + r.coverage());
        }
    }

    @Test
    void shouldGiveAStandardErrorThatMatchesTheRatesSpreadOverRealisations() {
        Random rng = new Random(5);
        int k = 400;
        double[] hr = new double[k];
        double seSum = 0;
        for (int i = 0; i < k; i++) {
            IrregularRhythm.Result r = assess(fibrillation(rng, 0.7, 0.2));
            hr[i] = r.hrBpm();
            seSum += r.seBpm();
        }
        double mean = 0;
        for (double h : hr) {
            mean += h / k;
        }
        double var = 0;
        for (double h : hr) {
            var += (h - mean) * (h - mean) / (k - 1);
        }
        double sd = Math.sqrt(var);
        double se = seSum / k;
        assertTrue(se > 0.8 * sd && se < 1.25 * sd, "mean standard error " + se + " against the spread " + sd);
    }

    @Test
    void shouldNotTakeSinusRhythmsOrIsolatedPrematureBeatsForAnIrregularRhythm() {
        // young adult 70 bpm with RSA +-100 ms; athlete 48 bpm with RSA +-120 ms
        for (double[] ibi : new double[][] {sinus(0.857, 0.10, 0.25), sinus(1.25, 0.12, 0.2)}) {
            IrregularRhythm.Result r = assess(ibi);
            assertEquals(0, r.deviating(), "a sinus beat deviates");
            assertFalse(r.irregular());
        }
        // a premature beat (0.65) with its compensatory pause (1.35) every 20 beats, the most frequent
        double[] ibi = sinus(0.85, 0.03, 0.25);
        for (int i = 19; i + 1 < ibi.length; i += 20) {
            ibi[i + 1] = ibi[i] * 1.35;
            ibi[i] *= 0.65;
        }
        IrregularRhythm.Result r = assess(ibi);
        assertTrue(r.deviatingShare() > 0 && r.deviatingShare() < 0.15, "share " + r.deviatingShare());
        assertFalse(r.irregular());
    }

    /** Sinus at {@code baseS} (RSA 5 %, 2 % beat noise) with a premature beat (0.6) and its pause (1.4) every {@code period} beats; period 0: every 5-10. */
    private static double[] ectopy(Random rng, double baseS, int period) {
        List<Double> out = new ArrayList<>();
        double t = 0;
        double phase = rng.nextDouble() * 2 * Math.PI;
        while (t < 90) {
            int k = period > 0 ? period : 5 + rng.nextInt(6);
            for (int i = 0; i < k; i++) {
                double base = baseS * (1 + 0.05 * Math.sin(2 * Math.PI * 0.25 * t + phase));
                double ibi;
                if (i == k - 2) {
                    ibi = base * 0.6 * (1 + 0.03 * rng.nextGaussian());
                } else if (i == k - 1) {
                    ibi = base * (2 - 0.6) + base * 0.02 * rng.nextGaussian();
                } else {
                    ibi = base * (1 + 0.02 * rng.nextGaussian());
                }
                out.add(ibi);
                t += ibi;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The independence-assuming error, bpm: HR x (RMSSD / sqrt 2) / meanRR / sqrt n over the span's eligible beats. */
    private static double independentSe(double[] ibiS) {
        List<Beat> beats = cleaned(ibiS);
        double end = endMs(beats);
        List<Double> x = new ArrayList<>();
        for (Beat b : beats) {
            if (b.tMillis() >= end - SPAN_MS && b.tMillis() < end && IrregularRhythm.eligible(b)) {
                x.add(b.ibiMs());
            }
        }
        double sum = 0;
        double diffSq = 0;
        for (int i = 0; i < x.size(); i++) {
            sum += x.get(i);
            if (i > 0) {
                diffSq += (x.get(i) - x.get(i - 1)) * (x.get(i) - x.get(i - 1));
            }
        }
        double mean = sum / x.size();
        return 60000.0 / mean * Math.sqrt(diffSq / (x.size() - 1) / 2) / mean / Math.sqrt(x.size());
    }

    @Test
    void shouldGiveTheIndependentErrorForIndependentIntervals() {
        for (double cv : new double[] {0.15, 0.2, 0.25}) {
            Random rng = new Random(11);
            double se = 0;
            double independent = 0;
            int k = 300;
            for (int i = 0; i < k; i++) {
                double[] ibi = fibrillation(rng, 0.7, cv);
                se += assess(ibi).seBpm() / k;
                independent += independentSe(ibi) / k;
            }
            assertEquals(
                    1, se / independent, 0.06, "CV " + cv + ": batch means " + se + ", independent " + independent);
        }
    }

    @Test
    void shouldGiveFrequentEctopyAFarSmallerErrorThanIndependentIntervalsWouldHave() {
        // bigeminy, trigeminy, a premature beat every 5-10 beats: the pause makes up for the premature beat
        for (int period : new int[] {2, 3, 0}) {
            Random rng = new Random(13 + period);
            int k = 300;
            double[] hr = new double[k];
            double se = 0;
            double independent = 0;
            for (int i = 0; i < k; i++) {
                double[] ibi = ectopy(rng, 0.8, period);
                IrregularRhythm.Result r = assess(ibi);
                assertTrue(r.irregular(), "period " + period + ": share " + r.deviatingShare());
                hr[i] = r.hrBpm();
                se += r.seBpm() / k;
                independent += independentSe(ibi) / k;
            }
            double sd = sd(hr);
            assertTrue(se < 0.4 * independent, "period " + period + ": " + se + " against independent " + independent);
            assertTrue(se > 0.5 * sd, "period " + period + ": " + se + " below the spread " + sd);
        }
    }

    @Test
    void shouldComputeOverlappingBatchMeansAsTheirDefinition() {
        Random rng = new Random(17);
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = 700 + 100 * rng.nextGaussian();
        }
        int n = 47;
        int b = 6; // floor(sqrt 47)
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i] / n;
        }
        double sum = 0;
        for (int j = 0; j + b <= n; j++) {
            double y = 0;
            for (int i = j; i < j + b; i++) {
                y += x[i] / b;
            }
            sum += (y - mean) * (y - mean);
        }
        assertEquals(Math.sqrt(b * sum / ((n - b) * (n - b + 1.0))), IrregularRhythm.batchMeansSe(x, n), 1e-9);
        assertTrue(Double.isNaN(IrregularRhythm.batchMeansSe(x, 3)));
    }

    private static double sd(double[] v) {
        double mean = 0;
        for (double h : v) {
            mean += h / v.length;
        }
        double var = 0;
        for (double h : v) {
            var += (h - mean) * (h - mean) / (v.length - 1);
        }
        return Math.sqrt(var);
    }

    @Test
    void shouldNotJudgeASpanWithTooFewBeats() {
        IrregularRhythm.Result r = assess(fibrillation(new Random(9), 0.7, 0.25));
        List<Beat> beats = cleaned(fibrillation(new Random(9), 0.7, 0.25));
        double end = endMs(beats);
        IrregularRhythm.Result few = IrregularRhythm.assess(beats, end - 15_000, end, 0.15, 30);
        assertTrue(r.irregular());
        assertTrue(few.eligible() < 30);
        assertFalse(few.irregular());
    }
}
