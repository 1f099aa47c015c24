package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.scoring.AnxietyIndex;
import org.sessionreview.scoring.Baseline;
import org.sessionreview.scoring.Feature;
import org.sessionreview.scoring.FeatureBaseline;

/**
 * An irregular heart rhythm must not make chance rises of z(HR) (eighth audit: an AF-like wearer
 * at rest reached z 5.8): synthetic device beats through the windower, z(HR) against a
 * calibration stretch (120-360 s, the windows' median and MAD, as the review takes them) with
 * the default scoring. Atrial-fibrillation-like intervals (independent, log-normal, mean 700 ms,
 * CV 15-25 %) at rest stay below z 3; the same beats with the irregular-rhythm rule off
 * ({@code cardiac.irregular_min_share} 2: the kept beats' rate, the scale without the sampling
 * error) go higher, so the bound can fail. Sinus rhythms with strong respiratory sinus
 * arrhythmia (a young adult, an athlete) and premature beats every 20-60 beats are never taken
 * for irregular, so their heart rate and z(HR) are as before; a tachycardic arousal of +15 bpm in
 * the AF-like wearer still gives z(HR) of at least 3.
 */
class IrregularRhythmWindowsTest {
    private static final double DURATION_S = 1200;
    private static final ScoringConfig SCORING = ScoringConfig.defaults();

    /** Intervals (s) from a generator of the next interval given the beat time (s). */
    private static E4Recording withBeats(DoubleUnaryOperator nextIbi) {
        E4Recording base = new SyntheticWearer().duration(DURATION_S).build();
        List<Double> offsets = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        double t = 3.0;
        while (true) {
            double ibi = nextIbi.applyAsDouble(t);
            t += ibi;
            if (t >= DURATION_S) {
                break;
            }
            offsets.add(t);
            intervals.add(ibi);
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : base.presentChannels()) {
            if (c != Channel.HR) { // the synthetic wearer's HR.csv has its own, regular rate
                channels.put(c, base.channel(c).orElseThrow());
            }
        }
        channels.put(
                Channel.IBI,
                E4Channel.ibi(
                        SyntheticWearer.T0,
                        offsets.stream().mapToDouble(Double::doubleValue).toArray(),
                        intervals.stream().mapToDouble(Double::doubleValue).toArray()));
        return new E4Recording(base.sessionId(), channels, Map.of());
    }

    private static List<WindowFeatures> windows(E4Recording rec, FeatureConfig config) {
        return WindowerRuns.run(
                new WearerWindower(config, rec.sessionId(), Role.CLIENT, SyntheticWearer.T0),
                new BlockSplitter(config).stream(rec, Role.CLIENT, SyntheticWearer.T0));
    }

    /** z(HR) of every window with a heart rate, against the windows ending in 120-360 s. */
    private static double[] zHr(List<WindowFeatures> windows) {
        double[] cal = windows.stream()
                .filter(w -> w.hrBpm != null && w.endS > 120 && w.endS <= 360)
                .mapToDouble(w -> w.hrBpm)
                .sorted()
                .toArray();
        double median = median(cal);
        double[] dev =
                Arrays.stream(cal).map(v -> Math.abs(v - median)).sorted().toArray();
        Baseline baseline = Baseline.builder("test")
                .put(Feature.HR, new FeatureBaseline(median, median(dev), cal.length))
                .build();
        return windows.stream()
                .filter(w -> w.hrBpm != null)
                .mapToDouble(w -> AnxietyIndex.zScores(w, baseline, SCORING).get(Feature.HR))
                .toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Independent log-normal intervals with mean {@code meanS} x {@code rate} and coefficient of variation {@code cv}. */
    private static DoubleUnaryOperator fibrillation(long seed, double meanS, double cv, DoubleUnaryOperator rate) {
        Random rng = new Random(seed);
        double s = Math.sqrt(Math.log(1 + cv * cv));
        return t -> Math.min(
                1.8, Math.max(0.33, meanS * rate.applyAsDouble(t) * Math.exp(rng.nextGaussian() * s - s * s / 2)));
    }

    @Test
    void shouldKeepAnAtrialFibrillationAtRestBelowZ3() {
        FeatureConfig off = FeatureConfig.builder()
                .set(CardiacOptions.IRREGULAR_MIN_SHARE, 2.0)
                .build();
        double worstOn = 0;
        double worstOff = 0;
        for (double cv : new double[] {0.15, 0.20, 0.25}) {
            for (long seed = 1; seed <= 3; seed++) {
                E4Recording rec = withBeats(fibrillation(seed, 0.7, cv, t -> 1));
                List<WindowFeatures> on = windows(rec, FeatureConfig.defaults());
                long irregular = on.stream().filter(w -> w.hrSeBpm != null).count();
                long withHr = on.stream().filter(w -> w.hrBpm != null).count();
                // at CV 15 % a 60 s span's deviating share is about 21 %, below 15 % in some spans
                double least = cv < 0.2 ? 0.8 : 0.95;
                assertTrue(irregular >= least * withHr, "CV " + cv + ": " + irregular + " of " + withHr + " irregular");
                double[] zz = zHr(on);
                double maxOn = Arrays.stream(zz).map(Math::abs).max().orElseThrow();
                double maxOff = Arrays.stream(zHr(windows(rec, off)))
                        .map(Math::abs)
                        .max()
                        .orElseThrow();
                assertTrue(maxOn < 3, "CV " + cv + " seed " + seed + ": |z(HR)| reached " + maxOn + " at rest");
                worstOn = Math.max(worstOn, maxOn);
                worstOff = Math.max(worstOff, maxOff);
            }
        }
        // the kept beats' rate against the floor alone, the review before the rule, goes higher
        assertTrue(worstOff > worstOn + 0.5, "rule off " + worstOff + ", on " + worstOn);
    }

    @Test
    void shouldStillCountATachycardicArousalInAnAtrialFibrillation() {
        // +15 bpm at 85 bpm from 700 s, held to 900 s
        DoubleUnaryOperator rate = t -> t >= 700 && t < 900 ? 85.0 / 100.0 : 1;
        List<WindowFeatures> w = windows(withBeats(fibrillation(7, 60.0 / 85, 0.2, rate)), FeatureConfig.defaults());
        double[] z = zHr(w);
        List<WindowFeatures> withHr = w.stream().filter(x -> x.hrBpm != null).toList();
        int held = 0;
        for (int i = 0; i < z.length; i++) {
            WindowFeatures x = withHr.get(i);
            if (x.endS >= 770 && x.endS <= 900) {
                held++;
                assertTrue(z[i] >= 3, "z(HR) " + z[i] + " at " + x.endS + " s in the arousal");
            }
        }
        assertTrue(held > 20, "windows in the arousal: " + held);
    }

    /** Sinus rhythms: never irregular, so the heart rate is the accepted beats' as before. */
    @Test
    void shouldNotTakeStrongSinusArrhythmiaAthletesOrIsolatedPrematureBeatsForAnIrregularRhythm() {
        Random rng = new Random(11);
        Map<String, DoubleUnaryOperator> rhythms = Map.of(
                // young adult: 70 bpm, RSA of +-100 ms (200 ms peak to trough) at 0.25 Hz, 0.1 Hz wave
                "strong RSA",
                t -> 0.857 + 0.10 * Math.sin(2 * Math.PI * 0.25 * t) + 0.03 * Math.sin(2 * Math.PI * 0.1 * t),
                // athlete: 48 bpm, RSA of +-120 ms at 0.2 Hz
                "athlete",
                t -> 1.25 + 0.12 * Math.sin(2 * Math.PI * 0.2 * t) + 0.04 * Math.sin(2 * Math.PI * 0.1 * t),
                "premature beats every 20-60 beats",
                prematureEvery(rng, 0.85));
        for (Map.Entry<String, DoubleUnaryOperator> r : rhythms.entrySet()) {
            List<WindowFeatures> w = windows(withBeats(r.getValue()), FeatureConfig.defaults());
            long withHr = w.stream().filter(x -> x.hrBpm != null).count();
            assertTrue(withHr > 200, r.getKey() + ": " + withHr);
            for (WindowFeatures x : w) {
                assertNull(x.hrSeBpm, r.getKey() + " taken for irregular at " + x.endS + " s");
            }
        }
    }

    /** A premature beat (0.65 of the interval) with its full compensatory pause every 20-60 beats. */
    private static DoubleUnaryOperator prematureEvery(Random rng, double ibiS) {
        int[] countdown = {20 + rng.nextInt(41)};
        boolean[] pause = {false};
        return t -> {
            double base = ibiS + 0.03 * Math.sin(2 * Math.PI * 0.25 * t);
            if (pause[0]) {
                pause[0] = false;
                return base * 1.35;
            }
            if (--countdown[0] <= 0) {
                countdown[0] = 20 + rng.nextInt(41);
                pause[0] = true;
                return base * 0.65;
            }
            return base;
        };
    }

    @Test
    void shouldGiveAnIrregularSpanTheRateOfAllItsBeatsAndItsSamplingError() {
        List<WindowFeatures> w = windows(withBeats(fibrillation(5, 0.7, 0.2, t -> 1)), FeatureConfig.defaults());
        WindowFeatures x = w.stream().filter(y -> y.endS >= 600).findFirst().orElseThrow();
        assertNotNull(x.hrSeBpm);
        // about HR x CV / sqrt(n): 85.7 x 0.2 / sqrt(86) = 1.85 bpm
        assertEquals(1.85, x.hrSeBpm, 0.5);
    }
    /** Windows with a heart rate after the wearer's first irregular one that are not irregular. */
    private static long dropOuts(List<WindowFeatures> w) {
        long out = 0;
        boolean entered = false;
        for (WindowFeatures x : w) {
            entered |= x.irregularRhythm;
            if (entered && x.hrBpm != null && !x.irregularRhythm) {
                out++;
            }
        }
        return out;
    }

    @Test
    void shouldKeepAnAtrialFibrillationIrregularThroughSpansJustBelowTheEntryShare() {
        // CV 15 %: a span's deviating share is about 21 %, some spans fall below 15 %
        FeatureConfig noHysteresis = FeatureConfig.builder()
                .set(CardiacOptions.IRREGULAR_LEAVE_SHARE, 0.15)
                .build();
        for (double cv : new double[] {0.15, 0.18}) {
            long with = 0;
            long without = 0;
            long windows = 0;
            for (long seed = 1; seed <= 3; seed++) {
                E4Recording rec = withBeats(fibrillation(seed, 0.7, cv, t -> 1));
                List<WindowFeatures> on = windows(rec, FeatureConfig.defaults());
                with += dropOuts(on);
                without += dropOuts(windows(rec, noHysteresis));
                windows += on.stream().filter(x -> x.hrBpm != null).count();
                for (WindowFeatures x : on) {
                    assertEquals(
                            x.irregularRhythm && x.cardiacQuality >= 0.5, x.hrSeBpm != null, "at " + x.endS + " s");
                }
            }
            System.out.printf(
                    "CV %.2f: %d windows, not irregular after entering: %d with hysteresis, %d without%n",
                    cv, windows, with, without);
            // measured: CV 15 % 24 and 82 of 710, CV 18 % 0 and 7 of 711
            assertTrue(without > 0, "CV " + cv + " without hysteresis " + without + " of " + windows);
            assertTrue(with * 3 < without, "CV " + cv + " with hysteresis " + with + ", without " + without);
            assertTrue(with < 0.05 * windows, "CV " + cv + " with hysteresis " + with + " of " + windows);
        }
    }

    @Test
    void shouldEndTheIrregularRhythmWhenTheWearerReturnsToSinusRhythm() {
        // AF (CV 20 %) until 600 s, then a sinus rhythm at 75 bpm with RSA
        DoubleUnaryOperator af = fibrillation(3, 0.7, 0.2, t -> 1);
        List<WindowFeatures> w = windows(
                withBeats(t -> t < 600 ? af.applyAsDouble(t) : 0.8 + 0.05 * Math.sin(2 * Math.PI * 0.25 * t)),
                FeatureConfig.defaults());
        assertTrue(w.stream().anyMatch(x -> x.endS > 300 && x.endS < 600 && x.irregularRhythm));
        for (WindowFeatures x : w) {
            if (x.endS >= 600 + 60) { // the trailing 60 s span holds sinus beats only
                assertTrue(!x.irregularRhythm && x.hrSeBpm == null, "irregular at " + x.endS + " s");
            }
        }
    }
}
