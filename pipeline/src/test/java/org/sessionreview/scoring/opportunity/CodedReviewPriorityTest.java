package org.sessionreview.scoring.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.list;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.taxonomy.RuptureClass;

class CodedReviewPriorityTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();
    private static final CodedEventCounts NONE = CodedEventCounts.none();

    private static List<SafetyEvent> safety(boolean answered) {
        return SafetyEvents.find(
                answered
                        ? list(at(750, "SAFE_SUICIDAL_IDEATION"), at(760, "INT_VALIDATION"))
                        : list(at(750, "SAFE_SUICIDAL_IDEATION")),
                CFG);
    }

    private static double p(CodedEventCounts c, double anxiety) {
        return CodedReviewPriority.priority(c, anxiety, CFG);
    }

    @Test
    void shouldGiveACalmSessionZeroAndNoReasons() {
        assertEquals(0.0, p(NONE, 0));
        assertEquals(List.of(), CodedReviewPriority.reasons(NONE, CFG));
    }

    @Test
    void shouldRankAnySafetySessionAboveEverySessionWithoutOne() {
        CodedEventCounts heavy = NONE.withUnaddressed(RuptureClass.W, 40)
                .withUnaddressed(RuptureClass.C, 40)
                .withEscalated(RuptureClass.C, 20)
                .withMissed(200)
                .withPressure(50)
                .withUnvoiced(50);
        double answeredSafety = p(NONE.withSafety(safety(true)), 0);
        assertTrue(answeredSafety > p(heavy, 1e6), answeredSafety + " vs " + p(heavy, 1e6));
        double unanswered = p(NONE.withSafety(safety(false)), 0);
        assertTrue(
                unanswered > p(heavy.withSafety(safety(true)), 1e6), "an unanswered safety event goes to the very top");
    }

    @Test
    void shouldOrderUnaddressedThenMissedThenAnxietyWhenNoSafety() {
        double unaddressed = p(NONE.withUnaddressed(RuptureClass.C, 1), 0);
        double missed = p(NONE.withMissed(30).withUnvoiced(10), 500);
        double anxiety = p(NONE, 500);
        assertTrue(unaddressed > missed, unaddressed + " vs " + missed);
        assertTrue(missed > anxiety, missed + " vs " + anxiety);
        assertTrue(anxiety > 0 && anxiety < CFG.priorityTierStep());
    }

    @Test
    void shouldRiseWithinATierWhenSomethingIsAdded() {
        CodedEventCounts base = NONE.withMissed(1);
        assertTrue(p(base.withMissed(2), 0) > p(base, 0));
        assertTrue(p(base.withPressure(1), 0) > p(base, 0));
        assertTrue(p(base, 3.5) > p(base, 0));
        double load = CFG.weightMissed() * 1;
        assertEquals(CFG.priorityTierStep() * (1 + load / (load + CFG.priorityHalfLoad())), p(base, 0), 1e-9);
    }

    @Test
    void shouldWriteReadableReasonsWithWAndCApart() {
        CodedEventCounts c = NONE.withSafety(safety(false))
                .withUnaddressed(RuptureClass.W, 1)
                .withUnaddressed(RuptureClass.C, 2)
                .withEscalated(RuptureClass.W, 1)
                .withMissed(2)
                .withPressure(1)
                .withUnvoiced(3);
        assertEquals(
                List.of(
                        "1 safety event (SAFE_SUICIDAL_IDEATION at 12:30): no therapist response coded "
                                + "within 60 s",
                        "1 candidate unaddressed withdrawal rupture",
                        "2 candidate unaddressed confrontation ruptures",
                        "1 candidate escalated withdrawal rupture",
                        "2 candidate missed opportunities",
                        "1 candidate pressure-above-threshold moment",
                        "3 candidate unvoiced-arousal moments"),
                CodedReviewPriority.reasons(c, CFG));
        assertEquals(
                List.of("1 safety event (SAFE_SUICIDAL_IDEATION at 12:30): therapist " + "response coded within 60 s"),
                CodedReviewPriority.reasons(NONE.withSafety(safety(true)), CFG));
    }
}
