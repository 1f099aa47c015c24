package org.sessionreview.signal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.signal.motion.SyntheticAcc.RATE_HZ;
import static org.sessionreview.signal.motion.SyntheticAcc.START_MILLIS;
import static org.sessionreview.signal.motion.SyntheticAcc.burst;
import static org.sessionreview.signal.motion.SyntheticAcc.onGravity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrossMovementTest {
    private static final GrossMovement DEFAULTS = GrossMovement.defaults();

    private static GrossMovement.Interval seconds(double fromS, double toS) {
        return new GrossMovement.Interval(START_MILLIS + fromS * 1000, START_MILLIS + toS * 1000);
    }

    @Test
    void shouldNotFlagATurningWristWhoseMagnitudeStaysAtOneG() {
        // gravity turns from z to x between t = 10 s and 12 s, and back by 14 s: |a| stays 1 g
        double[] xyz = SyntheticAcc.counts(20, t -> Math.sin(angle(t)), t -> 0, t -> Math.cos(angle(t)));
        double[] magnitude = AccMagnitude.magnitudeG(xyz, 64);
        assertTrue(Arrays.stream(magnitude).allMatch(m -> Math.abs(m - 1) < 0.02));

        assertEquals(List.of(), DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS));
        for (int s = 0; s < 20; s++) {
            double mad = GrossMovement.magnitudeMadG(xyz, 3 * 32 * s, 3 * 32 * (s + 1), 64);
            assertTrue(mad < 0.01, "second " + s + ": MAD " + mad + " g");
        }
    }

    private static double angle(double t) {
        return t < 10 ? 0 : t < 12 ? Math.PI / 2 * (t - 10) / 2 : t < 14 ? Math.PI / 2 * (14 - t) / 2 : 0;
    }

    @Test
    void shouldFlagAnArmSwingOfAFewTenthsOfAG() {
        // walking: a 1.9 Hz swing of 0.3 g along gravity from t = 4 s to 14 s, |a| = 1 + 0.3 sin
        double[] xyz = onGravity(20, burst(0.3, 1.9, 4, 14));
        assertEquals(List.of(seconds(4, 14)), DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS));
        // about 2 * 0.3 / pi: the MAD of a sine of amplitude A is 2A / pi over whole periods
        double mad = GrossMovement.magnitudeMadG(xyz, 3 * 32 * 5, 3 * 32 * 6, 64);
        assertEquals(2 * 0.3 / Math.PI, mad, 0.03);
    }

    @Test
    void shouldFlagASegmentWhenTheMadOfItsMagnitudeReachesTheThreshold() {
        // unrounded counts along gravity: |a| = 1 + A sin(2 pi 4 t), whose MAD over one second
        // (whole periods, mean 1) is A times the mean of |sin| over the 32 samples
        double meanAbsSine = 0;
        for (int i = 0; i < 32; i++) {
            meanAbsSine += Math.abs(Math.sin(2 * Math.PI * 4 * i / RATE_HZ)) / 32;
        }
        double edge = 0.09 / meanAbsSine;
        double[] amplitudes = {0.2, 0.12, 0.05, edge * (1 + 1e-9), edge * (1 - 1e-9)};
        double[] xyz = new double[3 * 32 * amplitudes.length];
        for (int i = 0; i < xyz.length / 3; i++) {
            double t = i / RATE_HZ;
            xyz[3 * i + 2] = 64 * (1 + amplitudes[i / 32] * Math.sin(2 * Math.PI * 4 * t));
        }
        assertEquals(0.2 * meanAbsSine, GrossMovement.magnitudeMadG(xyz, 0, 3 * 32, 64), 1e-12);
        assertEquals(List.of(seconds(0, 1), seconds(3, 4)), DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS));
        assertEquals(
                List.of(seconds(0, 2), seconds(3, 5)),
                new GrossMovement(0.12 * meanAbsSine - 1e-9, 64).detect(xyz, RATE_HZ, START_MILLIS));
    }

    @Test
    void shouldGiveNoMeasureForFewerThanTwoSamplesOrAMissingValue() {
        double[] xyz = {0, 0, 64, 0, 0, 80, Double.NaN, 0, 64};
        assertTrue(Double.isNaN(GrossMovement.magnitudeMadG(xyz, 0, 3, 64)));
        assertTrue(Double.isNaN(GrossMovement.magnitudeMadG(xyz, 0, 9, 64)));
        // |a| = 1 and 1.25 g: mean 1.125, deviations 0.125 each
        assertEquals(0.125, GrossMovement.magnitudeMadG(xyz, 0, 6, 64), 1e-15);
    }

    @Test
    void shouldIgnoreTappingAndMissingOrPartialSegmentsWhenJudgingMovement() {
        double[] tapping = onGravity(10, burst(0.1, 4, 0, 10));
        assertEquals(List.of(), DEFAULTS.detect(tapping, RATE_HZ, START_MILLIS), "MAD 0.06 g");

        double[] shaking = onGravity(10.5, burst(0.4, 3, 0, 10.5));
        shaking[3 * 40] = Double.NaN; // second 1 has a missing sample
        // segments start at the first sample: [10, 10.5) is partial
        List<GrossMovement.Interval> found = DEFAULTS.detect(shaking, RATE_HZ, START_MILLIS);
        assertEquals(
                List.of(seconds(0, 1), seconds(2, 10)),
                found,
                "[1, 2) holds the NaN, [10, 10.5) is only partly covered");
    }

    @Test
    void shouldMoveTheIntervalsWithTheRecordingWhenItStartsOffTheWholeSecond() {
        // the arm shakes for 3 s every 13 s; the recording (and the cores) start a fraction of a
        // second off the epoch second, as after a media start with a fractional second
        double[] xyz = onGravity(60, t -> (t % 13 < 3 ? 0.4 : 0.02) * Math.sin(2 * Math.PI * 3 * t));
        for (double shift : new double[] {0, 250, 500, 731.25}) {
            double start = START_MILLIS + shift;
            List<GrossMovement.Interval> expected = new ArrayList<>();
            for (double burst = 0; burst < 60; burst += 13) {
                expected.add(new GrossMovement.Interval(start + burst * 1000, start + (burst + 3) * 1000));
            }
            assertEquals(expected, DEFAULTS.detect(xyz, RATE_HZ, start), "whole input, shifted by " + shift + " ms");
            assertEquals(expected, coreByCore(xyz, start, 7_000), "cores of 7 s, shifted by " + shift + " ms");
        }
    }

    @Test
    void shouldGiveTheWholeSignalsIntervalsWhenRunCoreByCoreWithContext() {
        double[] xyz = onGravity(60, t -> (t % 13.4 < 3.3 ? 0.4 : 0.02) * Math.sin(2 * Math.PI * 3 * t));
        List<GrossMovement.Interval> whole = DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS);
        assertEquals(5, whole.size());
        // cores a whole number of segments apart share the whole input's grid
        assertEquals(whole, coreByCore(xyz, START_MILLIS, 7_000));
        assertEquals(whole, coreByCore(xyz, START_MILLIS, 60_000));
    }

    /** The intervals of consecutive cores of {@code coreMillis} from {@code start}, each with context, joined. */
    private static List<GrossMovement.Interval> coreByCore(double[] xyz, double start, double coreMillis) {
        List<GrossMovement.Interval> pieces = new ArrayList<>();
        double context = DEFAULTS.contextMillis();
        double end = start + xyz.length / 3 * 1000 / RATE_HZ;
        for (double from = start; from < end; from += coreMillis) {
            double to = Math.min(end, from + coreMillis);
            int i0 = Math.max(0, GrossMovement.sampleAtOrAfter(from - context, start, RATE_HZ));
            int i1 = Math.min(xyz.length / 3, GrossMovement.sampleAtOrAfter(to + context, start, RATE_HZ));
            double[] slice = Arrays.copyOfRange(xyz, 3 * i0, 3 * i1);
            pieces.addAll(DEFAULTS.detect(slice, RATE_HZ, start + i0 * 1000 / RATE_HZ, from, to));
        }
        return joinTouching(pieces);
    }

    private static List<GrossMovement.Interval> joinTouching(List<GrossMovement.Interval> in) {
        List<GrossMovement.Interval> out = new ArrayList<>();
        for (GrossMovement.Interval i : in) {
            GrossMovement.Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.endMillis() >= i.startMillis()) {
                out.set(out.size() - 1, new GrossMovement.Interval(last.startMillis(), i.endMillis()));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
