package org.sessionreview.scoring.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.by;
import static org.sessionreview.scoring.rupture.Coded.list;
import static org.sessionreview.scoring.rupture.Coded.state;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.rupture.CodedMoments;

class SafetyEventsTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();

    private static SafetyEvent only(Annotation... as) {
        List<SafetyEvent> found = SafetyEvents.find(list(as), CFG);
        assertEquals(1, found.size());
        return found.get(0);
    }

    @Test
    void shouldSayNoResponseWasCodedWhenNoTherapistCodeFollowsWithin60s() {
        List<SafetyEvent> found =
                SafetyEvents.find(list(at(750, "SAFE_SUICIDAL_IDEATION"), at(811, "INT_VALIDATION")), CFG);
        List<MomentRow> m = SafetyEvents.moments("S1", 1_000L, found, CFG);
        assertEquals(1, m.size());
        assertEquals(CodedMoments.SAFETY, m.get(0).kind);
        assertEquals(
                "safety event SAFE_SUICIDAL_IDEATION at 12:30 (client): no therapist " + "response coded within 60 s",
                m.get(0).evidence);
        assertEquals(5.0, m.get(0).severity);
        assertEquals(1_000L + 750_000L, m.get(0).startMillis);
        assertEquals("client", m.get(0).role);
    }

    @Test
    void shouldSayAVideoEndingExactlySixtySecondsAfterTheEventObservedTheWholeWindow() {
        // review of 2026-12-07: 160.003 - 100.003 is 59.999999999999986 in binary, and the event
        // read "no therapist response coded in the 60.0 s before the video ends"
        for (double t : new double[] {100, 100.003, 100.004, 250.576}) {
            List<SafetyEvent> found = SafetyEvents.find(list(at(t, "SAFE_SUICIDAL_IDEATION")), t + 60, CFG);
            assertEquals(1, found.size());
            assertFalse(SafetyEvents.cutShort(found.get(0), CFG), "at " + t);
            assertTrue(SafetyEvents.evidence(found.get(0), CFG).endsWith("no therapist response coded within 60 s"));
        }
        List<SafetyEvent> cut = SafetyEvents.find(list(at(100.003, "SAFE_SUICIDAL_IDEATION")), 160.002, CFG);
        assertTrue(SafetyEvents.cutShort(cut.get(0), CFG), "a millisecond short");
    }

    @Test
    void shouldNameTheResponseWhenATherapistCodeFollowsWithin60s() {
        SafetyEvent e =
                only(at(750, "SAFE_SELF_HARM"), at(790, "RES_VALIDATE_DEFENSIVE_POSTURE"), at(800, "INT_VALIDATION"));
        assertTrue(e.responded());
        assertEquals("RES_VALIDATE_DEFENSIVE_POSTURE", e.response().code());
        MomentRow m = SafetyEvents.moments("S1", 0, List.of(e), CFG).get(0);
        assertEquals(4.0, m.severity);
        assertEquals(
                "safety event SAFE_SELF_HARM at 12:30 (client): therapist response coded "
                        + "within 60 s: RES_VALIDATE_DEFENSIVE_POSTURE at 13:10",
                m.evidence);
    }

    @Test
    void shouldCountOnlyTherapistCodesFromTheEventToSixtySecondsLater() {
        assertTrue(
                only(at(750, "SAFE_PANIC"), at(810, "INT_SILENCE_DELIBERATE")).responded());
        assertFalse(
                only(at(750, "SAFE_PANIC"), at(810.5, "INT_REGULATE_ANXIETY")).responded());
        assertFalse(only(at(749, "INT_REGULATE_ANXIETY"), at(750, "SAFE_PANIC")).responded());
        assertFalse(only(at(750, "SAFE_PANIC"), by(at(760, "INT_REGULATE_ANXIETY"), "client"))
                .responded());
        assertFalse(only(at(750, "SAFE_PANIC"), at(760, "AFF_CUE")).responded());
    }

    @Test
    void shouldSurfaceEverySafetyEventWhenEarlyOrRepeated() {
        List<SafetyEvent> found = SafetyEvents.find(
                list(at(30, "SAFE_MEDICAL"), state(31, 90, "SAFE_SEVERE_DISSOCIATION"), at(40, "SAFE_MEDICAL")), CFG);
        assertEquals(
                List.of("SAFE_MEDICAL", "SAFE_SEVERE_DISSOCIATION", "SAFE_MEDICAL"),
                found.stream().map(e -> e.event().code()).toList());
        assertEquals(90, SafetyEvents.moments("S1", 0, found, CFG).get(1).endS);
    }

    @Test
    void shouldSayAResponseWasNotObservableWhenTheVideoEndsWithinTheWindow() {
        // a 1560 s video: 5 s of the window left after 1555 s, none after a code accepted at 1575 s
        List<SafetyEvent> found = SafetyEvents.find(
                list(at(1000, "SAFE_PANIC"), at(1555, "SAFE_SELF_HARM"), at(1575, "SAFE_SUICIDAL_IDEATION")),
                1575,
                CFG);
        assertEquals(
                List.of(60.0, 20.0, 0.0),
                found.stream().map(SafetyEvent::observedS).toList());
        List<MomentRow> m = SafetyEvents.moments("S1", 0, found, CFG);
        assertEquals(
                "safety event SAFE_PANIC at 16:40 (client): no therapist response coded within 60 s",
                m.get(0).evidence);
        // before: "no therapist response coded within 60 s", though the video ended 20 s after it
        assertEquals(
                "safety event SAFE_SELF_HARM at 25:55 (client): no therapist response coded in the 20 s before the video"
                        + " ends (a response within 60 s not observable)",
                m.get(1).evidence);
        assertEquals(
                "safety event SAFE_SUICIDAL_IDEATION at 26:15 (client): the video ends with it (a therapist response"
                        + " within 60 s not observable)",
                m.get(2).evidence);
        assertEquals(5.0, m.get(1).severity, "still at the top of the review order");
        List<String> reasons =
                CodedReviewPriority.reasons(CodedEventCounts.of(found, List.of(), List.of(), List.of()), CFG);
        assertTrue(
                reasons.stream()
                        .anyMatch(
                                r -> r.contains("SAFE_PANIC") && r.endsWith("no therapist response coded within 60 s")),
                reasons.toString());
        assertTrue(
                reasons.stream()
                        .anyMatch(r ->
                                r.contains("SAFE_SELF_HARM") && r.contains("the video ends less than 60 s after it")),
                reasons.toString());
    }

    @Test
    void shouldSurfaceASevereDissociationCodedAsAnxCpdAtIntensityThreeOrOverThirtySeconds() {
        // DOMAIN.md 2.7: SAFE_SEVERE_DISSOCIATION = ANX_CPD at intensity 3 or lasting over 30 s.
        // Before: only SAFE_* codes were safety events, so these three were never surfaced
        List<SafetyEvent> found = SafetyEvents.find(
                list(
                        at(400, "ANX_CPD", 3),
                        state(500, 540, "ANX_CPD"),
                        at(600, "ANX_CPD", 2), // neither: a cue, not a safety event
                        state(700, 730, "ANX_CPD"), // exactly 30 s: not over
                        by(at(800, "ANX_CPD", 3), "therapist"), // the therapist's own: not the client's
                        at(900, "ANX_CPD", 3),
                        at(905, "SAFE_SEVERE_DISSOCIATION"), // coded as well: one event, not two
                        at(1000, "ANX_CPD", 3),
                        at(1020, "INT_REGULATE_ANXIETY")),
                CFG);
        assertEquals(
                List.of(400.0, 500.0, 905.0, 1000.0),
                found.stream().map(e -> e.event().startS()).toList());
        List<MomentRow> m = SafetyEvents.moments("S1", 0, found, CFG);
        assertEquals(
                "safety event SAFE_SEVERE_DISSOCIATION at 06:40 (client; coded as ANX_CPD at intensity 3): no therapist"
                        + " response coded within 60 s",
                m.get(0).evidence);
        assertEquals(
                "safety event SAFE_SEVERE_DISSOCIATION at 08:20 (client; coded as ANX_CPD lasting 40 s): no therapist"
                        + " response coded within 60 s",
                m.get(1).evidence);
        assertEquals(540.0, m.get(1).endS);
        assertEquals(4.0, m.get(3).severity, "answered by INT_REGULATE_ANXIETY at 17:00");
        // both thresholds are options
        RuptureConfig other = RuptureConfig.builder()
                .set(org.sessionreview.config.OpportunityOptions.SEVERE_DISSOCIATION_S, 60.0)
                .set(org.sessionreview.config.OpportunityOptions.SEVERE_DISSOCIATION_INTENSITY, 2)
                .build();
        assertEquals(
                List.of(400.0, 600.0, 905.0),
                SafetyEvents.find(
                                list(
                                        at(400, "ANX_CPD", 3),
                                        state(500, 540, "ANX_CPD"),
                                        at(600, "ANX_CPD", 2),
                                        at(905, "SAFE_PANIC")),
                                other)
                        .stream()
                        .map(e -> e.event().startS())
                        .toList());
    }

    // Sixteenth audit: limits held at any milliseconds (135.323 - 105.323 = 30.000000000000014)
    @Test
    void shouldHoldTheSafetyLimitsAtAnyMillisecondsOfTheCodedTimes() {
        assertEquals(
                List.of(),
                SafetyEvents.find(list(state(105.323, 135.323, "ANX_CPD")), CFG),
                "an ANX_CPD lasting exactly 30 s is no severe dissociation (over 30 s is)");
        assertTrue(
                only(at(122.996, "SAFE_PANIC"), at(182.996, "INT_VALIDATION")).responded(),
                "a therapist code exactly 60 s after the event answers it");
    }
}
