package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Role;

class ReviewPriorityTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    private static AnxietyEpisode episode(double startS, double durationS, double peak) {
        return new AnxietyEpisode(Role.CLIENT, startS, startS + durationS, peak, startS, 1, Map.of(), Map.of());
    }

    @Test
    void shouldSumMinutesTimesPeakPlusAPerEpisodeTermWhenEpisodesExist() {
        List<AnxietyEpisode> eps = List.of(episode(600, 180, 3.0), episode(1200, 150, 2.4));
        assertEquals(3 * 3.0 + 2.5 * 2.4 + 2 * 0.5, ReviewPriority.priority(eps, CFG), 1e-12);
        assertEquals(0.0, ReviewPriority.priority(List.of(), CFG));
    }

    @Test
    void shouldRiseWhenAnEpisodeIsAddedLengthenedOrStronger() {
        double base = ReviewPriority.priority(List.of(episode(600, 120, 2.5)), CFG);
        assertTrue(ReviewPriority.priority(List.of(episode(600, 120, 2.5), episode(1200, 30, 2.0)), CFG) > base);
        assertTrue(ReviewPriority.priority(List.of(episode(600, 150, 2.5)), CFG) > base);
        assertTrue(ReviewPriority.priority(List.of(episode(600, 120, 2.6)), CFG) > base);
    }

    @Test
    void shouldWriteReadableReasonsWhenFlagged() {
        List<AnxietyEpisode> eps = List.of(episode(600, 180, 3.0), episode(1200, 150, 3.44));
        assertEquals(
                List.of(
                        "2 candidate client anxiety episodes (5.5 min, peak index 3.4)",
                        "1 without a coded anxiety cue (unvoiced arousal)",
                        "client data quality 49 % (EDA 3 %, skin temperature 0 %): review sensor placement"),
                ReviewPriority.reasons(eps, 1, 300, 0.499, groups(0.039, 0.99, 0.97, 0), Set.of(), CFG));
        assertEquals(
                List.of("client data quality 45 % (skin temperature 0 %): review sensor placement"),
                ReviewPriority.reasons(List.of(), 0, 300, 0.45, groups(0.6, 0.6, 0.6, 0), Set.of(), CFG),
                "a wearer without a temperature sensor");
    }

    @Test
    void shouldSayNoDataWasReadWhenALowGroupHadNoFileRead() {
        assertEquals(
                List.of("client data quality 25 % (EDA 0 %, heart beats 0 %, skin temperature 0 %): no EDA, heart beats"
                        + " or skin temperature data read (a file missing or rejected: see the rejects table)"),
                ReviewPriority.reasons(
                        List.of(),
                        0,
                        300,
                        0.25,
                        groups(0, 0, 1, 0),
                        Set.of(ChannelGroup.EDA, ChannelGroup.CARDIAC, ChannelGroup.TEMP),
                        CFG),
                "a damaged file, not the sensor's placement");
        assertEquals(
                List.of("client data quality 40 % (EDA 0 %, skin temperature 10 %): no EDA data read (a file missing"
                        + " or rejected: see the rejects table); review sensor placement"),
                ReviewPriority.reasons(
                        List.of(), 0, 300, 0.40, groups(0, 0.9, 0.9, 0.1), Set.of(ChannelGroup.EDA), CFG),
                "one group not read, another read and poor");
        assertEquals(
                List.of("client data quality 45 % (skin temperature 0 %): review sensor placement"),
                ReviewPriority.reasons(
                        List.of(), 0, 300, 0.45, groups(0.6, 0.6, 0.6, 0), Set.of(ChannelGroup.ACC), CFG),
                "a missing group that is not low is not named");
    }

    @Test
    void shouldFindTheGroupsOfWhichNoChannelWasRead() {
        assertEquals(
                Set.of(ChannelGroup.EDA, ChannelGroup.TEMP),
                ChannelGroup.missing(Role.CLIENT, List.of("client:EDA", "client:TEMP", "client:IBI", "therapist:ACC")));
        assertEquals(
                Set.of(ChannelGroup.CARDIAC),
                ChannelGroup.missing(Role.CLIENT, List.of("client:BVP", "client:IBI", "client:HR")),
                "heart beats need neither the pulse wave nor the device's beats");
        assertEquals(Set.of(ChannelGroup.ACC), ChannelGroup.missing(Role.THERAPIST, List.of("therapist:ACC")));
    }

    private static Map<ChannelGroup, Double> groups(double eda, double cardiac, double acc, double temp) {
        Map<ChannelGroup, Double> m = new EnumMap<>(ChannelGroup.class);
        m.put(ChannelGroup.EDA, eda);
        m.put(ChannelGroup.CARDIAC, cardiac);
        m.put(ChannelGroup.ACC, acc);
        m.put(ChannelGroup.TEMP, temp);
        return m;
    }

    @Test
    void shouldGiveNoReasonWhenCalmWithGoodData() {
        assertEquals(List.of(), ReviewPriority.reasons(List.of(), 0, 300, 0.5, groups(1, 1, 0, 0), Set.of(), CFG));
    }
}
