package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.list;
import static org.sessionreview.scoring.rupture.Coded.mods;
import static org.sessionreview.scoring.rupture.Coded.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.RuptureOptions;
import org.sessionreview.model.Annotation;

class RuptureTrackerTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();
    private static final RuptureConfig REQUIRE =
            CFG.toBuilder().set(RuptureOptions.REQUIRE_REENGAGEMENT, true).build();
    private static final String W = "RUP_W_MINIMAL";
    private static final String C = "RUP_C_DEFENDS_SELF";
    private static final String RES = "RES_VALIDATE_DEFENSIVE_POSTURE";
    private static final String[] CODES = {
        W,
        "RUP_W_AVOID_STORY",
        C,
        "RUP_C_REJECTS_INTERVENTION",
        RES,
        "RES_ACK_OWN_CONTRIBUTION",
        "INT_METACOMMUNICATION",
        "AFF_CONCERN",
        "INT_VALIDATION"
    };

    /** The hand-built sequences of RuptureEpisodesTest, and others. */
    static Stream<List<Annotation>> sequences() {
        List<List<Annotation>> s = new ArrayList<>();
        s.add(list(at(600, W, 2), at(650, RES, 3)));
        s.add(list(at(600, W, 3), at(650, RES), at(700, W, 3)));
        s.add(list(at(600, W), at(700, RES), at(760, W)));
        s.add(list(at(600, C, 2), at(630, RES), at(680, C, 4)));
        s.add(list(at(600, W), at(620, C), at(625, W), at(630, RES)));
        s.add(list(at(600, W), at(850, W), at(860, RES)));
        s.add(list(at(600, W), at(900, RES)));
        s.add(list(at(600, W), at(900.5, RES)));
        s.add(list(state(600, 650, W), at(770, W), at(1300, C), at(1310, RES), at(1500, C)));
        s.add(list(at(2900, C), at(2950, RES)));
        s.add(list(at(600, W), at(850, RES), at(960, W)));
        s.add(list(at(600, W), at(650, RES), mods(at(700, "AFF_POSITIVE"), "stage=elaboration")));
        return s.stream();
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void shouldGiveTheSameEpisodesFedOneByOneAsDetectWhenSequencesAreHandBuilt(List<Annotation> as) {
        for (RuptureConfig cfg : List.of(CFG, REQUIRE)) {
            assertEquals(RuptureEpisodes.detect(as, 3000, cfg), streamed(as, 3000, cfg, null));
            assertEquals(RuptureEpisodes.detect(as, 3000, cfg), streamed(as, 3000, cfg, new Random(as.size())));
        }
    }

    @Test
    void shouldGiveTheSameEpisodesFedOneByOneAsDetectWhenSequencesAreRandom() {
        Random rnd = new Random(20260302);
        for (int run = 0; run < 300; run++) {
            List<Annotation> as = new ArrayList<>();
            double t = rnd.nextDouble() * 100;
            int n = 1 + rnd.nextInt(25);
            for (int i = 0; i < n; i++) {
                t += run % 3 == 0 ? 1 + rnd.nextInt(200) : rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 200;
                Integer sig = rnd.nextBoolean() ? null : 1 + rnd.nextInt(5);
                as.add(at(Math.rint(t), CODES[rnd.nextInt(CODES.length)], sig));
            }
            double end = t + rnd.nextDouble() * 400;
            RuptureConfig cfg = run % 2 == 0 ? CFG : REQUIRE;
            List<RuptureEpisode> batch = RuptureEpisodes.detect(as, end, cfg);
            assertEquals(batch, streamed(as, end, cfg, rnd), as.toString());
            if (run % 3 == 0) {
                ReferenceRules.check(batch, as, cfg);
            }
        }
    }

    @Test
    void shouldEmitAnUnaddressedEpisodeOnlyAfterItsQuietPeriodPasses() {
        RuptureTracker tracker = new RuptureTracker(CFG);
        assertEquals(List.of(), tracker.accept(at(600, W)));
        assertEquals(900 + CodedTimes.TOLERANCE_S, tracker.nextDeadlineS());
        assertEquals(List.of(), tracker.accept(at(899, "INT_VALIDATION")));
        assertEquals(List.of(), tracker.advanceTo(900));
        List<RuptureEpisode> out = tracker.advanceTo(900.001);
        assertEquals(1, out.size());
        assertEquals(RuptureOutcome.UNADDRESSED, out.get(0).outcome());
        assertTrue(tracker.isIdle());
        assertEquals(Double.POSITIVE_INFINITY, tracker.nextDeadlineS());
    }

    @Test
    void shouldEmitWhenAdvancedJustPastItsDeadlineAtMillisecondTimes() {
        // review of 2026-12-07: after a marker at 250.576 the deadline said 550.576, and advancing
        // to just after it returned nothing (the close allows the rules' tolerance)
        RuptureTracker tracker = new RuptureTracker(CFG);
        tracker.accept(at(250.576, W));
        List<RuptureEpisode> out = tracker.advanceTo(Math.nextUp(tracker.nextDeadlineS()));
        assertEquals(1, out.size(), "emitted just after the deadline it announced");
        assertTrue(tracker.isIdle());
    }

    @Test
    void shouldWaitForTheResolvedWindowAfterCloseBeforeDecidingTheOutcome() {
        RuptureTracker tracker = new RuptureTracker(CFG);
        tracker.accept(at(600, W));
        tracker.accept(at(850, RES));
        assertEquals(List.of(), tracker.advanceTo(930), "closed at 900, but undecided until 970");
        assertEquals(970 + CodedTimes.TOLERANCE_S, tracker.nextDeadlineS());
        assertEquals(List.of(), tracker.accept(at(960, W)), "comes back 110 s after the repair");
        List<RuptureEpisode> out = tracker.advanceTo(971);
        assertEquals(1, out.size());
        assertEquals("W1", out.get(0).id());
        assertEquals(RuptureOutcome.PARTIALLY_RESOLVED, out.get(0).outcome());
        assertEquals(900, out.get(0).closedS());
    }

    @Test
    void shouldRejectOutOfOrderAnnotationsAndUseAfterFinish() {
        RuptureTracker tracker = new RuptureTracker(CFG);
        tracker.accept(at(600, W));
        assertThrows(IllegalArgumentException.class, () -> tracker.accept(at(599, W)));
        assertThrows(IllegalArgumentException.class, () -> tracker.finish(Double.NaN));
        assertEquals(1, tracker.finish(700).size());
        assertThrows(IllegalStateException.class, () -> tracker.accept(at(800, W)));
    }

    @Test
    void shouldContinueFromSerializedStateWhenRestored() throws Exception {
        List<Annotation> as =
                list(at(600, W, 2), at(620, C), at(640, RES), at(700, W, 4), at(900, "AFF_CONCERN"), at(1000, C));
        RuptureTracker tracker = new RuptureTracker(CFG);
        List<RuptureEpisode> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.addAll(tracker.accept(as.get(i)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(tracker);
        }
        RuptureTracker restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (RuptureTracker) in.readObject();
        }
        for (int i = 3; i < as.size(); i++) {
            out.addAll(restored.accept(as.get(i)));
        }
        out.addAll(restored.finish(2000));
        out.sort(RuptureEpisodes.ORDER);
        assertEquals(RuptureEpisodes.detect(as, 2000, CFG), out);
    }

    /**
     * Feeds the annotations one by one; with {@code rnd}, also moves time on to random points
     * between them (as a timer would), which must never finalise an outcome early.
     */
    static List<RuptureEpisode> streamed(List<Annotation> as, double end, RuptureConfig cfg, Random rnd) {
        RuptureTracker tracker = new RuptureTracker(cfg);
        List<RuptureEpisode> out = new ArrayList<>();
        double prev = Double.NEGATIVE_INFINITY;
        for (Annotation a : RuptureEpisodes.sortedByStart(as)) {
            if (rnd != null && prev > Double.NEGATIVE_INFINITY && a.startS > prev) {
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    out.addAll(tracker.advanceTo(prev + rnd.nextDouble() * (a.startS - prev)));
                }
                double deadline = tracker.nextDeadlineS();
                if (deadline < a.startS && rnd.nextBoolean()) {
                    out.addAll(tracker.advanceTo(Math.nextUp(deadline)));
                }
            }
            out.addAll(tracker.accept(a));
            prev = a.startS;
        }
        out.addAll(tracker.finish(end));
        out.sort(RuptureEpisodes.ORDER);
        return out;
    }
}
