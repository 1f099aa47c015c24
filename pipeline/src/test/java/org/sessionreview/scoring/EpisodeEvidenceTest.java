package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionreview.scoring.SyntheticSession.annotation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;

class EpisodeEvidenceTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    /** Episode 4500-4620 s (75:00-77:00) with the given peak and mean z per feature. */
    private static AnxietyEpisode episode(Role role, Map<Feature, Double> peak, Map<Feature, Double> mean) {
        return new AnxietyEpisode(role, 4500, 4620, 3.2, 4550, 24, peak, mean);
    }

    private static Map<Feature, Double> z(Object... featureThenValue) {
        Map<Feature, Double> m = new EnumMap<>(Feature.class);
        for (int i = 0; i < featureThenValue.length; i += 2) {
            m.put((Feature) featureThenValue[i], (Double) featureThenValue[i + 1]);
        }
        return m;
    }

    @Test
    void shouldListChannelsWhoseMeanRoseOrderedByPeakWhenWritingEvidence() {
        AnxietyEpisode e = episode(
                Role.CLIENT,
                z(
                        Feature.SCR_RATE,
                        2.4,
                        Feature.SCL,
                        3.14,
                        Feature.HR,
                        2.2,
                        Feature.RMSSD,
                        -2.6,
                        Feature.FIDGET,
                        3.9,
                        Feature.TEMP_SLOPE,
                        1.5),
                z(
                        Feature.SCR_RATE,
                        1.1,
                        Feature.SCL,
                        2.0,
                        Feature.HR,
                        1.0,
                        Feature.RMSSD,
                        -1.2,
                        Feature.FIDGET,
                        0.4,
                        Feature.TEMP_SLOPE,
                        0.8));
        // fidget: peak 3.9 but mean 0.4, not named; temp slope rose: calmer direction, not named
        assertEquals(
                List.of(Feature.SCL, Feature.RMSSD, Feature.SCR_RATE, Feature.HR),
                EpisodeEvidence.risingChannels(e, CFG));
        assertEquals(
                "client arousal: EDA level z 3.1, RMSSD z -2.6, SCR rate z 2.4, HR z 2.2"
                        + " (other channels' peak: fidget z 3.9, skin temp slope z 1.5);"
                        + " no coded anxiety cue inside (unvoiced arousal)",
                EpisodeEvidence.text(e, List.of(), true, CFG));
    }

    @Test
    void shouldCountCuesOverlappingTheLookbackWhenMatchingActorAndFamily() {
        AnxietyEpisode e = episode(Role.CLIENT, z(Feature.SCL, 3.0), z(Feature.SCL, 2.0));
        List<Annotation> all = List.of(
                annotation("S1", "ANX_STR_SIGH", "client", 4600, null),
                annotation("S1", "ANX_CPD", null, 4475, null), // no actor: client; look-back
                annotation("S1", "ANX_STR_HANDS", "client", 4400, 4471.0), // ends in look-back
                annotation("S1", "ANX_STR_TENSION", "client", 4400, 4469.0), // ends too early
                annotation("S1", "ANX_MOT", "client", 4621, null), // after the end
                annotation("S1", "ANX_SMO", "therapist", 4510, null), // other wearer
                annotation("S1", "AFF_SAD", "client", 4520, null)); // not ANX
        List<Annotation> inside = EpisodeEvidence.cuesInside(e, all, CFG);
        assertEquals(
                List.of("ANX_STR_HANDS", "ANX_CPD", "ANX_STR_SIGH"),
                inside.stream().map(a -> a.code).collect(Collectors.toList()));
        assertEquals(
                "client arousal: rests on a single channel (EDA level): EDA level z 3.0; coded cues inside: ANX_STR_HANDS at"
                        + " 73:20, ANX_CPD at 74:35, ANX_STR_SIGH at 76:40",
                EpisodeEvidence.text(e, inside, true, CFG));
    }

    @Test
    void shouldCountAnAffectCueOrConcernAsVoicingTheEpisodeAsTheMissedOpportunityRuleDoes() {
        AnxietyEpisode e = episode(Role.CLIENT, z(Feature.SCL, 3.0), z(Feature.SCL, 2.0));
        List<Annotation> all = List.of(
                annotation("S1", "AFF_CONCERN", "client", 4540, null),
                annotation("S1", "AFF_CUE", "client", 4560, null),
                annotation("S1", "AFF_SAD", "client", 4520, null)); // affect, not a cue (DOMAIN.md 5)
        List<Annotation> inside = EpisodeEvidence.cuesInside(e, all, CFG);
        // before: ANX_* only, so the evidence said "unvoiced arousal" while the episode's missed
        // opportunity, voiced by the AFF_CONCERN, was a missed_opportunity
        assertEquals(
                List.of("AFF_CONCERN", "AFF_CUE"),
                inside.stream().map(a -> a.code).collect(Collectors.toList()));
        assertEquals(
                "client arousal: rests on a single channel (EDA level): EDA level z 3.0; coded cues inside:"
                        + " AFF_CONCERN at 75:40, AFF_CUE at 76:00",
                EpisodeEvidence.text(e, inside, true, CFG));
    }

    @Test
    void shouldNotNameAChannelWithoutWeightAsWhatTheEpisodeRestsOn() {
        // fidget saturates with any hand use and has no weight by default: a heart-rate episode
        // with busy hands rests on a single channel (before: "fidget z 10.0, HR z 7.9")
        AnxietyEpisode e = episode(
                Role.CLIENT,
                z(Feature.FIDGET, 10.0, Feature.HR, 7.9, Feature.SCL, -1.3),
                z(Feature.FIDGET, 5.7, Feature.HR, 3.75, Feature.SCL, -1.3));
        assertEquals(List.of(Feature.HR), EpisodeEvidence.risingChannels(e, CFG));
        assertEquals(
                "client arousal: rests on a single channel (HR): HR z 7.9 (other channels' peak: EDA level z -1.3,"
                        + " fidget z 10.0); video not coded (no cue or response to compare)",
                EpisodeEvidence.text(e, List.of(), false, CFG));
        // given a weight, it is part of the index again
        ScoringConfig weighted = ScoringConfig.builder()
                .set(org.sessionreview.config.ScoringOptions.WEIGHT_FIDGET, 0.5)
                .build();
        assertEquals(List.of(Feature.FIDGET, Feature.HR), EpisodeEvidence.risingChannels(e, weighted));
    }

    @Test
    void shouldMatchTherapistCuesOnlyWhenTheEpisodeIsTheTherapists() {
        AnxietyEpisode e = episode(Role.THERAPIST, z(Feature.HR, 2.5), z(Feature.HR, 1.5));
        List<Annotation> all = List.of(
                annotation("S1", "ANX_SMO", "therapist", 4510, null), annotation("S1", "ANX_CPD", null, 4520, null));
        List<Annotation> inside = EpisodeEvidence.cuesInside(e, all, CFG);
        assertEquals(1, inside.size());
        assertEquals("ANX_SMO", inside.get(0).code);
    }

    @Test
    void shouldSayNoChannelRoseWhenAllMeansStayLow() {
        AnxietyEpisode e = episode(Role.CLIENT, z(Feature.HR, 2.5), z(Feature.HR, 0.9));
        assertEquals(
                "client arousal: no single channel rose by a mean z of 1.0"
                        + " (other channels' peak: HR z 2.5); no coded anxiety cue inside (unvoiced arousal)",
                EpisodeEvidence.text(e, List.of(), true, CFG));
    }

    @Test
    void shouldSayTheVideoWasNotCodedRatherThanUnvoicedWithoutACoding() {
        AnxietyEpisode e = episode(Role.CLIENT, z(Feature.HR, 2.5), z(Feature.HR, 0.9));
        assertEquals(
                "client arousal: no single channel rose by a mean z of 1.0"
                        + " (other channels' peak: HR z 2.5); video not coded (no cue or response to compare)",
                EpisodeEvidence.text(e, List.of(), false, CFG));
    }
}
