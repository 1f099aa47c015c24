package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.signal.quality.ArtifactKind.ACC_GROSS_MOVEMENT;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_CONTACT_LOSS;
import static org.sessionreview.signal.quality.ArtifactKind.EDA_JUMP;
import static org.sessionreview.signal.quality.ArtifactKind.TEMP_OFF_WRIST;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.model.Channel;

class ArtifactIntervalsTest {
    private static final double S = 1_700_000_000_000.0;
    private static final double ALL_FROM = Double.NEGATIVE_INFINITY;
    private static final double ALL_TO = Double.POSITIVE_INFINITY;

    private static Artifact a(ArtifactKind kind, double fromMs, double toMs) {
        return new Artifact(kind, S + fromMs, S + toMs);
    }

    @Test
    void shouldCoverEachFlaggedRunsSamplePeriodsWhenBuildingIntervals() {
        boolean[] flags = {false, true, true, false, false, true, false, true};
        assertEquals(
                List.of(a(EDA_JUMP, 250, 750), a(EDA_JUMP, 1250, 1500), a(EDA_JUMP, 1750, 2000)),
                ArtifactIntervals.fromFlags(flags, 4, S, EDA_JUMP, 0, ALL_FROM, ALL_TO));
        // padding joins the runs that come within 2 x 300 ms of each other, the core clips
        assertEquals(
                List.of(a(EDA_JUMP, 100, 1800)),
                ArtifactIntervals.fromFlags(flags, 4, S, EDA_JUMP, 300, S + 100, S + 1800));
        assertEquals(List.of(), ArtifactIntervals.fromFlags(flags, 4, S, EDA_JUMP, 0, S + 750, S + 1250));
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 32, 64})
    void shouldGiveBackTheSameMaskWhenAMaskMakesARoundTrip(double rateHz) {
        Random random = new Random(42);
        boolean[] mask = new boolean[1000];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < (i % 200 < 100 ? 0.1 : 0.8);
        }
        List<Artifact> intervals = ArtifactIntervals.fromFlags(mask, rateHz, S, EDA_CONTACT_LOSS, 0, ALL_FROM, ALL_TO);
        assertArrayEquals(mask, ArtifactIntervals.toMask(intervals, mask.length, rateHz, S));
    }

    @Test
    void shouldMaskEverySlowChannelSampleTouchedWhenAnIntervalComesFromAFasterChannel() {
        // one ACC sample period (31.25 ms) inside EDA sample 3's period [750, 1000)
        boolean[] eda = ArtifactIntervals.toMask(List.of(a(ACC_GROSS_MOVEMENT, 800, 831.25)), 8, 4, S);
        assertArrayEquals(new boolean[] {false, false, false, true, false, false, false, false}, eda);
        // one that straddles the boundary between samples 3 and 4, and one past the end
        boolean[] both =
                ArtifactIntervals.toMask(List.of(a(ACC_GROSS_MOVEMENT, 990, 1010), a(EDA_JUMP, 1900, 5000)), 8, 4, S);
        assertArrayEquals(new boolean[] {false, false, false, true, true, false, false, true}, both);
    }

    @Test
    void shouldJoinOverlappingAndTouchingIntervalsOfOneKindWhenMerging() {
        List<Artifact> merged = ArtifactIntervals.merge(List.of(
                a(EDA_JUMP, 500, 1000),
                a(TEMP_OFF_WRIST, 0, 100),
                a(EDA_JUMP, 1000, 1200),
                a(EDA_CONTACT_LOSS, 900, 1100),
                a(EDA_JUMP, 0, 600),
                a(EDA_JUMP, 1300, 1400),
                a(EDA_JUMP, 100, 200)));
        assertEquals(
                List.of(
                        a(EDA_CONTACT_LOSS, 900, 1100),
                        a(EDA_JUMP, 0, 1200),
                        a(EDA_JUMP, 1300, 1400),
                        a(TEMP_OFF_WRIST, 0, 100)),
                merged);

        assertEquals(1300, ArtifactIntervals.totalMillis(merged, EDA_JUMP), 1e-9);
        assertEquals(
                (1200 - 50) + (1400 - 1300),
                ArtifactIntervals.coveredMillis(merged, S + 50, S + 2000),
                1e-9,
                "the contact loss and the off-wrist stretch inside the first jump count once");
        assertEquals(
                List.of(a(EDA_CONTACT_LOSS, 900, 1100), a(EDA_JUMP, 0, 1200), a(EDA_JUMP, 1300, 1400)),
                ArtifactIntervals.forChannel(merged, Channel.EDA));
    }

    @Test
    void shouldRejectAnEmptyIntervalWhenOneIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> a(EDA_JUMP, 10, 10));
        assertEquals("eda_contact_loss", EDA_CONTACT_LOSS.code());
        assertEquals(Channel.TEMP, TEMP_OFF_WRIST.channel());
    }

    @Test
    void shouldMaskFromTheSampleAStretchStartsAtWhateverThePeriod() {
        // 7 Hz: the period is no whole number of ms, and a stretch starting at sample i, its time
        // an epoch-ms double, masked sample i - 1 too for some i (review of 2026-12-07)
        double t0 = 1_700_000_123_456.0;
        for (double rate : new double[] {1, 4, 7, 32, 64}) {
            for (int i = 1; i < 20_000; i += 7) {
                double start = t0 + i * 1000.0 / rate;
                boolean[] m = ArtifactIntervals.toMask(
                        List.of(new Artifact(ArtifactKind.TEMP_OFF_WRIST, start, start + 3 * 1000.0 / rate)),
                        20_003,
                        rate,
                        t0);
                assertFalse(m[i - 1], rate + " Hz, sample " + (i - 1));
                assertTrue(m[i] && m[i + 1] && m[i + 2], rate + " Hz, sample " + i);
                assertFalse(m[i + 3], rate + " Hz, sample " + (i + 3));
            }
        }
    }
}
