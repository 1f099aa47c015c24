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
