package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations: checks with messages that name the key, text round trips, the rules between options. */
class ConfigOptionTest {

    @Test
    void shouldNameTheKeyWhenAValueFailsItsDeclaration() {
        assertMessage(
                "scoring.z_clamp must be > 0, got -1.0",
                () -> ScoringConfig.builder().set(ScoringOptions.Z_CLAMP, -1.0));
        assertMessage(
                "features.min_quality must be within [0, 1], got 1.5",
                () -> FeatureConfig.builder().set(FeatureOptions.MIN_QUALITY, 1.5));
        assertMessage(
                "features.min_quality must be a finite number, got NaN",
                () -> FeatureConfig.builder().set(FeatureOptions.MIN_QUALITY, Double.NaN));
        assertMessage(
                "cardiac.ibi_max_deviation must be within (0, 1), got 1.0",
                () -> FeatureConfig.builder().set(CardiacOptions.IBI_MAX_DEVIATION, 1.0));
        assertMessage(
                "synchrony.shuffles must be >= 100, got 99",
                () -> SynchronyConfig.builder().set(SynchronyOptions.SHUFFLES, 99));
        assertMessage(
                "opportunity.sensitivity_windows_s must be strictly ascending, got 10.0;5.0",
                () -> RuptureConfig.builder().set(OpportunityOptions.SENSITIVITY_WINDOWS_S, List.of(10.0, 5.0)));
        assertMessage(
                "trends.client.last_n must be within [3, 1000], got 2",
                () -> PipelineConfig.builder().set(TrendOptions.LAST_N, 2));
    }

    @Test
    void shouldNameTheKeysWhenARuleBetweenOptionsFails() {
        assertMessage(
                "features.hop_s must be <= features.window_s",
                () -> FeatureConfig.builder().set(FeatureOptions.HOP_S, 40.0).build());
        assertMessage(
                "eda.scr_max_rise_s must be > eda.scr_min_rise_s",
                () -> FeatureConfig.builder()
                        .set(EdaOptions.SCR_MIN_RISE_S, 5.0)
                        .set(EdaOptions.SCR_MAX_RISE_S, 0.5)
                        .build());
        assertMessage(
                "artifacts.temp_max_c must be > artifacts.temp_min_c",
                () -> FeatureConfig.builder()
                        .set(ArtifactOptions.TEMP_MIN_C, 41.0)
                        .build());
        assertMessage(
                "features.max_channel_skew_s must be >= features.block_s",
                () -> FeatureConfig.builder()
                        .set(FeatureOptions.MAX_CHANNEL_SKEW_S, 20.0)
                        .build());
        assertMessage(
                "scoring.episode.leave_threshold must be <= scoring.episode.enter_threshold",
                () -> ScoringConfig.builder()
                        .set(ScoringOptions.LEAVE_THRESHOLD, 3.0)
                        .build());
        assertMessage(
                "rupture.quiet_s must be >= rupture.merge_gap_s",
                () -> RuptureConfig.builder().set(RuptureOptions.QUIET_S, 60.0).build());
        assertMessage(
                "'AFF_NOPE' is not a canonical code",
                () -> RuptureConfig.builder()
                        .set(RuptureOptions.REENGAGEMENT_CODES, List.of("aff_nope"))
                        .build());
        assertMessage(
                "synchrony.window_s must be at least twice synchrony.max_lag_s",
                () -> SynchronyConfig.builder()
                        .set(SynchronyOptions.MAX_LAG_S, 20.0)
                        .build());
    }

    @Test
    void shouldParseWhatItFormatsAndNameTheKeyOnBadText() {
        for (ConfigOption<?> o : PipelineConfig.ALL) {
            assertRoundTrip(o);
        }
        assertEquals(EdaMethod.NEUROKIT, EdaOptions.METHOD.parse("neurokit"));
        assertMessage(
                "scoring.therapist_moments must be true or false, got 'yes'",
                () -> ScoringOptions.THERAPIST_MOMENTS.parse("yes"));
        assertMessage(
                "scoring.episode.enter_threshold must be a real, got 'high'",
                () -> ScoringOptions.ENTER_THRESHOLD.parse("high"));
        assertMessage("eda.method must be one of STREAMING, NEUROKIT, got 'FOO'", () -> EdaOptions.METHOD.parse("FOO"));
        assertMessage(
                "unknown option scoring.nope", () -> PipelineConfig.builder().setText("scoring.nope", "1"));
    }

    private static <T> void assertRoundTrip(ConfigOption<T> o) {
        assertEquals(o.defaultValue(), o.parse(o.format(o.defaultValue())), o.key());
        assertTrue(o.help().startsWith(o.key() + " ("), o.help());
        assertTrue(!o.description().isBlank(), o.key());
    }

    @Test
    void shouldNormaliseCodesAndValuesWhenRead() {
        RuptureConfig c = RuptureConfig.builder()
                .set(RuptureOptions.REENGAGEMENT_CODES, List.of(" aff_concern "))
                .set(RuptureOptions.REENGAGEMENT_VALUES, List.of("Self Assertion"))
                .build();
        assertEquals(List.of("AFF_CONCERN"), c.reengagementCodes());
        assertEquals(List.of("self_assertion"), c.reengagementValues());
    }

    @Test
    void shouldSurviveJavaSerializationAndKeepValueEquality() throws Exception {
        PipelineConfig c = PipelineConfig.builder()
                .set(SynchronyOptions.SHUFFLES, 200)
                .set(RuptureOptions.MERGE_GAP_S, 90.0)
                .set(FeatureOptions.HOP_S, 10.0)
                .build();
        for (Object part : List.of(c.features(), c.scoring(), c.rupture(), c.synchrony())) {
            Object back = roundTrip(part);
            assertEquals(part, back);
            assertEquals(part.toString(), back.toString());
        }
        assertEquals(10.0, ((ScoringConfig) roundTrip(c.scoring())).windowHopS());
        assertEquals(c.rupture(), c.rupture().toBuilder().build());
        assertNotEquals(RuptureConfig.defaults(), c.rupture());
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
