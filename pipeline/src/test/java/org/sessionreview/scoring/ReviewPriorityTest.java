package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
                ReviewPriority.reasons(eps, 1, 300, 0.499, groups(0.039, 0.99, 0.97, 0), CFG));
        assertEquals(
                List.of("client data quality 45 % (skin temperature 0 %): review sensor placement"),
                ReviewPriority.reasons(List.of(), 0, 300, 0.45, groups(0.6, 0.6, 0.6, 0), CFG),
                "a wearer without a temperature sensor");
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
        assertEquals(List.of(), ReviewPriority.reasons(List.of(), 0, 300, 0.5, groups(1, 1, 0, 0), CFG));
    }
}
