package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

class BvpBeatsTest {
    private static final double RATE_HZ = 64;
    private static final BvpBeats.Config CONFIG = BvpBeats.Config.DEFAULT;

    private static List<Beat> all(double[] x) {
        return BvpBeats.detect(x, RATE_HZ, 0, x.length, CONFIG);
    }

    /** The true beat nearest to {@code tS}, seconds. */
    private static double nearest(List<Double> truth, double tS) {
        double best = Double.NaN;
        for (double b : truth) {
            if (Double.isNaN(best) || Math.abs(b - tS) < Math.abs(best - tS)) {
                best = b;
            }
        }
        return best;
    }

    @Test
    void shouldFindEveryBeatWithItsIntervalWhenThePulseIsClean() {
        SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 120, 0.85, 0.05, 1);
        List<Beat> beats = all(pulse.samples);
        long inside = pulse.beatTimesS.stream()
                .filter(b -> b > CONFIG.guardS() + 0.5 && b < 120 - CONFIG.guardS() - 0.5)
                .count();
        long accepted = beats.stream().filter(Beat::accepted).count();
        assertTrue(accepted >= inside - 1, accepted + " accepted of " + inside + " true beats");
        for (Beat b : beats) {
            if (b.accepted()) {
                double t = b.tMillis() / 1000;
                double truth = nearest(pulse.beatTimesS, t);
                assertEquals(truth, t, 0.01, "beat time");
                int k = pulse.beatTimesS.indexOf(truth);
                double trueIbi = (truth - pulse.beatTimesS.get(k - 1)) * 1000;
                assertEquals(trueIbi, b.ibiMs(), 15, "interval at " + t);
            }
        }
        double trueHr = 60
                / ((pulse.beatTimesS.get(pulse.beatTimesS.size() - 1) - pulse.beatTimesS.get(0))
                        / (pulse.beatTimesS.size() - 1));
        assertEquals(trueHr, HrvTimeDomain.compute(beats, 0, 120_000).meanHrBpm(), 0.5);
    }

    @Test
    void shouldRejectBeatsInAMotionBurstWhenTheirWavesAreTooLarge() {
        SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 120, 0.85, 0.05, 2).withMotion(50, 58, 9);
        List<Beat> beats = all(pulse.samples);
        List<RejectReason> reasons = new ArrayList<>();
        for (Beat b : beats) {
            double t = b.tMillis() / 1000;
            if (t >= 50 && t < 58) {
                assertFalse(b.accepted(), "beat at " + t + " s inside the burst");
                reasons.add(b.rejectReason());
            }
        }
        assertTrue(reasons.contains(RejectReason.MOTION), "reasons " + reasons);
        double trueHr = 60 / 0.85;
        HrvTimeDomain.Result r = HrvTimeDomain.compute(beats, 10_000, 110_000);
        System.out.printf(
                "synthetic motion burst: HR %.2f (true ~%.2f), coverage %.2f, reasons %s%n",
                r.meanHrBpm(), trueHr, r.coverage(), reasons);
        assertEquals(trueHr, r.meanHrBpm(), 1.0);
        assertTrue(r.coverage() > 0.75 && r.coverage() < 0.95);
    }

    @Test
    void shouldNotBridgeAMaskWhenSamplesAreMissing() {
        SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 90, 0.85, 0.05, 3).withMask(40, 50);
        List<Beat> beats = all(pulse.samples);
        for (Beat b : beats) {
            assertFalse(b.tMillis() >= 40_000 && b.tMillis() < 50_000, "no beat inside the mask");
            if (b.accepted()) {
                assertFalse(
                        b.startMillis() < 50_000 + CONFIG.guardS() * 1000
                                && b.tMillis() > 40_000 - CONFIG.guardS() * 1000,
                        "interval near the mask");
                assertTrue(b.ibiMs() < 1200);
            }
        }
        assertTrue(beats.stream().anyMatch(b -> b.rejectReason() == RejectReason.MASKED));
        assertTrue(
                beats.stream().filter(b -> b.tMillis() > 50_000).anyMatch(Beat::accepted),
                "detection resumes after the mask");
    }

    @Test
    void shouldReportEachBeatOnceAsInOneCallWhenCoresAreConsecutive() {
        SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 300, 0.8, 0.06, 4)
                .withMotion(100, 104, 5)
                .withMask(170, 175);
        assertSameAsOneCall(pulse.samples, 60);
        assertSameAsOneCall(pulse.samples, 17.3);
    }

    @Test
    void shouldReportEachBeatOnceAsInOneCallWhenRealWristBvpIsCutIntoCores() throws IOException {
        E4Channel bvp = E4Reader.read(SharedData.resolve("e4/stress-predict-S04"), "S04")
                .channel(Channel.BVP)
                .orElseThrow();
        assertEquals(RATE_HZ, bvp.rateHz());
        double[] tenMinutes = Arrays.copyOfRange(bvp.values(), 0, (int) (600 * RATE_HZ));
        assertSameAsOneCall(tenMinutes, 30);
    }

    /** Cuts {@code x} into cores of {@code coreS} with the config's margin on each side. */
    static void assertSameAsOneCall(double[] x, double coreS) {
        List<Beat> whole = all(x);
        int margin = (int) Math.ceil(CONFIG.marginSeconds() * RATE_HZ);
        int core = (int) Math.round(coreS * RATE_HZ);
        List<Beat> pieces = new ArrayList<>();
        for (int from = 0; from < x.length; from += core) {
            int to = Math.min(x.length, from + core);
            int bufferFrom = Math.max(0, from - margin);
            int bufferTo = Math.min(x.length, to + margin);
            double[] buffer = Arrays.copyOfRange(x, bufferFrom, bufferTo);
            for (Beat b : BvpBeats.detect(buffer, RATE_HZ, from - bufferFrom, to - bufferFrom, CONFIG)) {
                pieces.add(b.shifted(bufferFrom * 1000.0 / RATE_HZ));
            }
        }
        assertEquals(whole.size(), pieces.size(), "beats in one call vs in cores of " + coreS + " s");
        for (int i = 0; i < whole.size(); i++) {
            Beat a = whole.get(i);
            Beat b = pieces.get(i);
            assertEquals(a.tMillis(), b.tMillis(), 1e-3, "beat " + i);
            assertEquals(a.rejectReason(), b.rejectReason(), "beat " + i + " at " + a.tMillis());
            if (a.accepted()) {
                assertEquals(a.ibiMs(), b.ibiMs(), 1e-3);
            }
            if (i > 0) {
                assertTrue(b.tMillis() > pieces.get(i - 1).tMillis(), "once, in order");
            }
        }
    }

    @Test
    void shouldReturnNoBeatsWhenTheCoreIsEmptyOrAllMasked() {
        double[] masked = new double[64 * 30];
        Arrays.fill(masked, Double.NaN);
        assertTrue(all(masked).isEmpty());
        SyntheticPulse pulse = new SyntheticPulse(RATE_HZ, 30, 0.85, 0.05, 6);
        assertTrue(BvpBeats.detect(pulse.samples, RATE_HZ, 640, 640, CONFIG).isEmpty());
    }
}
