package org.sessionreview.scoring.rupture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.scoring.rupture.Coded.at;
import static org.sessionreview.scoring.rupture.Coded.by;
import static org.sessionreview.scoring.rupture.Coded.list;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;

class PressureAboveThresholdTest {
    private static final RuptureConfig CFG = RuptureConfig.defaults();

    private static List<PressureEvent> find(Annotation... as) {
        return PressureAboveThreshold.find(list(as), CFG);
    }

    @Test
    void shouldGiveTheLatencyAsTheDecimalDifferenceOfTheCodedTimes() {
        // before: 742.3 - 720.1 = 22.199999999999932
        assertEquals(
                22.2,
                find(at(720.1, "ANX_CPD", 3), at(742.3, "INT_EXPLORE_FEELING"))
                        .get(0)
                        .latencyS());
    }

    @Test
    void shouldFlagPressureToFeelingWithin30sOfCognitivePerceptualDisruption() {
        List<PressureEvent> found = find(at(720, "ANX_CPD", 3), at(740, "INT_EXPLORE_FEELING"));
        assertEquals(1, found.size());
        PressureEvent e = found.get(0);
        assertEquals(720, e.startS());
        assertEquals(740, e.endS());
        assertEquals(20, e.latencyS());
        List<MomentRow> m = PressureAboveThreshold.moments("S1", 0, found);
        assertEquals(CodedMoments.PRESSURE_ABOVE_THRESHOLD, m.get(0).kind);
        assertEquals(4.0, m.get(0).severity, "intensity 3 + 1");
        assertEquals("therapist", m.get(0).role);
        assertEquals(
                "candidate pressure above threshold: client ANX_CPD at 12:00 (intensity 3), "
                        + "then therapist INT_EXPLORE_FEELING at 12:20, 20 s later, with no "
                        + "INT_REGULATE_ANXIETY coded in between (ISTDP: regulate anxiety before pressing "
                        + "toward feeling)",
                m.get(0).evidence);
    }

    @Test
    void shouldNotFlagWhenTheTherapistRegulatesAnxietyFirst() {
        assertEquals(
                List.of(), find(at(600, "ANX_CPD"), at(610, "INT_REGULATE_ANXIETY"), at(620, "INT_EXPLORE_FEELING")));
    }

    @Test
    void shouldNotFlagWhenTheTherapistRegulatesInTheSameSecondAsThePressureWhateverTheOrder() {
        assertEquals(
                0,
                find(at(720, "ANX_CPD", 3), at(740, "INT_EXPLORE_FEELING"), at(740, "INT_REGULATE_ANXIETY"))
                        .size());
        assertEquals(
                0,
                find(at(720, "ANX_CPD", 3), at(740, "INT_REGULATE_ANXIETY"), at(740, "INT_EXPLORE_FEELING"))
                        .size());
    }

    @Test
    void shouldFlagOnlyInsideTheWindowWhenTheInterventionIsLate() {
        assertEquals(
                1, find(at(600, "ANX_MOT"), at(630, "INT_CHALLENGE_DEFENSE")).size());
        assertEquals(List.of(), find(at(600, "ANX_MOT"), at(630.5, "INT_CHALLENGE_DEFENSE")));
        assertEquals(List.of(), find(at(600, "INT_EXPLORE_FEELING"), at(601, "ANX_CPD")), "pressure before the cue");
    }

    @Test
    void shouldGroupCuesAnsweredByOneInterventionWhenTheyComeInABurst() {
        List<PressureEvent> found = find(
                at(600, "ANX_MOT", 2),
                at(605, "ANX_CPD"),
                at(615, "INT_CHALLENGE_DEFENSE"),
                at(620, "INT_EXPLORE_FEELING"));
        assertEquals(1, found.size(), "the second pressure code follows the same cues");
        assertEquals(
                List.of("ANX_MOT", "ANX_CPD"),
                found.get(0).cues().stream().map(CodedEvent::code).toList());
        assertEquals("INT_CHALLENGE_DEFENSE", found.get(0).intervention().code());
        assertEquals(10, found.get(0).latencyS());
        assertEquals(3.0, PressureAboveThreshold.moments("S1", 0, found).get(0).severity);
    }

    @Test
    void shouldIgnoreOtherChannelsAndMisattributedCodesWhenNotInTheRule() {
        assertEquals(List.of(), find(at(600, "ANX_SMO"), at(610, "INT_EXPLORE_FEELING")));
        assertEquals(List.of(), find(at(600, "ANX_STR_HANDS", 3), at(610, "INT_EXPLORE_FEELING")));
        assertEquals(List.of(), find(at(600, "ANX_CPD"), by(at(610, "INT_EXPLORE_FEELING"), "client")));
        assertEquals(List.of(), find(by(at(600, "ANX_CPD"), "therapist"), at(610, "INT_EXPLORE_FEELING")));
    }

    @Test
    void shouldFlagEachCueEpisodeSeparatelyWhenRegulationWasDoneInBetween() {
        List<PressureEvent> found = find(
                at(600, "ANX_CPD"),
                at(610, "INT_REGULATE_ANXIETY"),
                at(700, "ANX_CPD"),
                at(705, "INT_EXPLORE_FEELING"),
                at(900, "ANX_MOT"),
                at(920, "INT_CHALLENGE_DEFENSE"));
        assertEquals(
                List.of(700.0, 900.0), found.stream().map(PressureEvent::startS).toList());
        assertEquals(3.0, PressureAboveThreshold.moments("S1", 0, found).get(0).severity, "no intensity coded");
    }

    // Sixteenth audit: 1003.189 + 30 is 1033.1889999999999, below the coded 1033.189
    @Test
    void shouldFlagAPressingCodeExactly30sAfterTheCueAtAnyMilliseconds() {
        assertEquals(
                1,
                find(at(1003.189, "ANX_CPD"), at(1033.189, "INT_EXPLORE_FEELING"))
                        .size());
    }
}
