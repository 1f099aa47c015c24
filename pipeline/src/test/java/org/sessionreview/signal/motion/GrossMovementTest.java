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
    void shouldFlagTheSecondsWhenTheWristTurnsAlthoughTheMagnitudeStaysAtOneG() {
        // gravity turns from z to x between t = 10 s and 12 s: |a| stays 1 g
        double[] xyz = SyntheticAcc.counts(20, t -> Math.sin(angle(t)), t -> 0, t -> Math.cos(angle(t)));
        double[] magnitude = AccMagnitude.magnitudeG(xyz, 64);
        assertTrue(Arrays.stream(magnitude).allMatch(m -> Math.abs(m - 1) < 0.02));

        assertEquals(List.of(seconds(10, 12)), DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS));
        assertEquals(2.0, GrossMovement.totalSeconds(DEFAULTS.detect(xyz, RATE_HZ, START_MILLIS)));
    }

    private static double angle(double t) {
        return t < 10 ? 0 : t < 12 ? Math.PI / 2 * (t - 10) / 2 : Math.PI / 2;
    }

    @Test
    void shouldFlagASegmentWhenItsSpreadReachesTheThreshold() {
        // unrounded counts: a whole number of periods of a sine of amplitude A has spread A / sqrt 2
        double[] xyz = new double[3 * 32 * 4];
        double[] amplitudes = {0.13, 0.15, 0.05, 0.1 * Math.sqrt(2) + 1e-9};
        for (int i = 0; i < xyz.length / 3; i++) {
            double t = i / RATE_HZ;
            xyz[3 * i + 2] = 64 * (1 + amplitudes[i / 32] * Math.sin(2 * Math.PI * 4 * t));
        }
        GrossMovement g = DEFAULTS;
        assertEquals(0.13 / Math.sqrt(2), g.spreadG(xyz, 0, 32), 1e-12);
        assertEquals(List.of(seconds(1, 2), seconds(3, 4)), g.detect(xyz, RATE_HZ, START_MILLIS));
        assertEquals(
                List.of(seconds(1, 2)),
                new GrossMovement(0.15 / Math.sqrt(2) - 1e-9, 64).detect(xyz, RATE_HZ, START_MILLIS));
    }

    @Test
    void shouldIgnoreTappingAndMissingOrPartialSegmentsWhenJudgingMovement() {
        double[] tapping = onGravity(10, burst(0.1, 4, 0, 10));
        assertEquals(List.of(), DEFAULTS.detect(tapping, RATE_HZ, START_MILLIS), "spread 0.07 g");

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
