package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ArtifactOptions;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.ConfigOption;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.MotionOptions;
import org.sessionreview.config.TemperatureOptions;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.BeatRow;
import org.sessionreview.signal.cardiac.BvpBeats;
import org.sessionreview.signal.cardiac.ElgendiPeaks;
import org.sessionreview.signal.cardiac.IbiCleaner;

/**
 * The steps that used to read their own defaults beside the configured values (device-beat
 * cleaning, the fidget spectrum, the temperature slope and its off-wrist guard, the artifact
 * detectors, and the pulse-wave beats, fixed settings until 2026-12-05) now follow the
 * configuration: on a synthetic wearer, changing the option changes the step's output.
 */
class ConfiguredStepsTest {
    private static final long MEDIA = SyntheticWearer.T0;

    /** Windows and events of six synthetic minutes with tapping at 120-180 s, under {@code config}. */
    private record Run(List<WindowFeatures> windows, WearerEvents events) {
        long artifacts(String kind) {
            return events.artifacts.stream().filter(a -> a.kind.equals(kind)).count();
        }

        double seconds(String kind) {
            return events.artifacts.stream()
                    .filter(a -> a.kind.equals(kind))
                    .mapToDouble(a -> a.endS - a.startS)
                    .sum();
        }

        List<BeatRow> pulseWaveBeats() {
            return events.beats.stream().filter(b -> "bvp".equals(b.source)).toList();
        }

        long rejectedBeats() {
            return events.beats.stream()
                    .filter(b -> "device".equals(b.source) && !b.accepted)
                    .count();
        }

        long windowsWith(java.util.function.Function<WindowFeatures, Object> field) {
            return windows.stream().map(field).filter(Objects::nonNull).count();
        }
    }

    private static Run run(FeatureConfig config) {
        List<SampleBlock> blocks = new BlockSplitter(config)
                .stream(
                        new SyntheticWearer()
                                .duration(360)
                                .scr(60, 0.3)
                                .tapping(120, 180)
                                .pulseWave()
                                .build(),
                        Role.CLIENT,
                        MEDIA);
        WearerWindower windower = new WearerWindower(config, "syn", Role.CLIENT, MEDIA);
        List<WindowFeatures> windows = new ArrayList<>(WindowerRuns.run(windower, blocks));
        WearerEvents events = new WearerEvents();
        windower.drainEvents(events);
        return new Run(windows, events);
    }

    private static <T> Run with(ConfigOption<T> option, T value) {
        return run(FeatureConfig.builder().set(option, value).build());
    }

    private static final Run DEFAULTS = run(FeatureConfig.defaults());

    @Test
    void shouldCleanDeviceBeatsWithTheConfiguredLimits() {
        assertEquals(0, DEFAULTS.rejectedBeats(), "0.80/0.84 s intervals pass 0.3-2.0 s and 20 %");
        assertTrue(with(CardiacOptions.IBI_MAX_S, 0.82).rejectedBeats() > 100, "the 0.84 s intervals are out of range");
        assertTrue(with(CardiacOptions.IBI_MAX_DEVIATION, 0.01).rejectedBeats() > 100, "5 % off the local median");
    }

    @Test
    void shouldReportTheFidgetFrequencyWithTheConfiguredSpectrum() {
        long tapping = DEFAULTS.windowsWith(w -> w.fidgetFreqHz);
        assertTrue(tapping > 0, "4 Hz tapping has a dominant frequency");
        assertEquals(0, with(MotionOptions.FIDGET_MIN_POWER_G2, 1.0).windowsWith(w -> w.fidgetFreqHz));
    }

    @Test
    void shouldFitTheTemperatureSlopeWithTheConfiguredGuardAndSpan() {
        long slopes = DEFAULTS.windowsWith(w -> w.tempSlopeCPerMin);
        assertTrue(slopes > 0);
        // the synthetic skin starts at 33 degC and cools: a worn range from 33.5 degC masks it all
        Run offWrist = with(ArtifactOptions.TEMP_MIN_C, 33.5);
        assertEquals(0, offWrist.windowsWith(w -> w.tempSlopeCPerMin));
        assertEquals(0, DEFAULTS.artifacts("temp_off_wrist"));
        assertTrue(offWrist.artifacts("temp_off_wrist") > 0);
        assertTrue(
                with(TemperatureOptions.SLOPE_MIN_VALID_SHARE, 1.0).windowsWith(w -> w.tempSlopeCPerMin) < slopes,
                "windows near the start have less than a full span");
    }

    @Test
    void shouldDetectArtifactsWithTheConfiguredThresholds() {
        assertEquals(0, DEFAULTS.artifacts("eda_contact_loss"));
        assertTrue(with(ArtifactOptions.EDA_MIN_US, 2.5).artifacts("eda_contact_loss") > 0, "EDA level is 2 uS");
        assertTrue(
                with(ArtifactOptions.IBI_MAX_GAP_S, 0.5).seconds("ibi_gap") > DEFAULTS.seconds("ibi_gap") + 60,
                "beats come every 0.8 s: all is a gap at 0.5 s");
        assertEquals(0, DEFAULTS.artifacts("acc_gross_movement"));
        assertTrue(
                with(ArtifactOptions.GROSS_MOVEMENT_G, 0.01).artifacts("acc_gross_movement") > 0,
                "tapping is gross movement at 0.01 g");
        assertEquals(0, DEFAULTS.artifacts("eda_above_range"));
        assertTrue(with(ArtifactOptions.EDA_MAX_US, 1.5).artifacts("eda_above_range") > 0, "EDA level is 2 uS");
        assertEquals(0, DEFAULTS.artifacts("eda_jump"));
        assertTrue(with(ArtifactOptions.EDA_MAX_JUMP_US_PER_S, 1e-4).artifacts("eda_jump") > 0);
    }

    @Test
    void shouldComputeHrvOverTheConfiguredSpans() {
        Run shortSpan = with(CardiacOptions.TIME_SPAN_S, 20.0);
        assertNotEquals(
                DEFAULTS.windowsWith(w -> w.hrvRmssdMs),
                shortSpan.windowsWith(w -> w.hrvRmssdMs),
                "a 20 s span has RMSSD from the first windows on");
        Run shortFrequencySpan = run(FeatureConfig.builder()
                .set(CardiacOptions.FREQUENCY_SPAN_S, 90.0)
                .set(CardiacOptions.FREQUENCY_MIN_SPAN_S, 60.0)
                .build());
        assertTrue(
                shortFrequencySpan.windowsWith(w -> w.hrvLfMs2) > DEFAULTS.windowsWith(w -> w.hrvLfMs2),
                "LF and HF from 90 s spans start earlier: " + shortFrequencySpan.windowsWith(w -> w.hrvLfMs2) + " vs "
                        + DEFAULTS.windowsWith(w -> w.hrvLfMs2));
    }

    @Test
    void shouldDetectPulseWaveBeatsWithTheConfiguredSettings() {
        List<BeatRow> beats = DEFAULTS.pulseWaveBeats();
        long accepted = beats.stream().filter(b -> b.accepted).count();
        assertTrue(accepted > 300, "a beat every 0.8 s over six minutes: " + accepted);
        assertTrue(beats.stream().anyMatch(b -> !onSampleGrid(b.tS)), "refined peak times fall between samples");
        assertTrue(
                with(CardiacOptions.PPG_REFINE_PEAKS, false).pulseWaveBeats().stream()
                        .allMatch(b -> onSampleGrid(b.tS)),
                "unrefined peaks lie on the 64 Hz sample grid");
        long afterDelay = with(CardiacOptions.PPG_MIN_DELAY_S, 0.9).pulseWaveBeats().stream()
                .filter(b -> b.accepted)
                .count();
        assertTrue(afterDelay < accepted / 2, "peaks 0.8 s apart within a 0.9 s delay: " + afterDelay);
        long lowAmplitude = with(CardiacOptions.PPG_MIN_RELATIVE_AMPLITUDE, 0.99).pulseWaveBeats().stream()
                .filter(b -> "low_amplitude".equals(b.rejectReason))
                .count();
        assertTrue(
                lowAmplitude
                        > beats.stream()
                                .filter(b -> "low_amplitude".equals(b.rejectReason))
                                .count(),
                "waves below 0.99 x their neighbours' median: " + lowAmplitude);
    }

    private static boolean onSampleGrid(double tS) {
        double samples = tS * 64; // the synthetic BVP starts at the media start
        return Math.abs(samples - Math.rint(samples)) < 1e-6;
    }

    @Test
    void shouldBuildThePulseWaveDetectorFromEveryOneOfItsOptions() {
        FeatureConfig c = FeatureConfig.builder()
                .set(CardiacOptions.PPG_PEAK_WINDOW_S, 0.12)
                .set(CardiacOptions.PPG_BEAT_WINDOW_S, 0.7)
                .set(CardiacOptions.PPG_BEAT_OFFSET, 0.03)
                .set(CardiacOptions.PPG_MIN_DELAY_S, 0.25)
                .set(CardiacOptions.PPG_OFFSET_WINDOW_S, 10.0)
                .set(CardiacOptions.PPG_REFINE_PEAKS, false)
                .set(CardiacOptions.PPG_AMPLITUDE_WINDOW_S, 6.0)
                .set(CardiacOptions.PPG_MIN_RELATIVE_AMPLITUDE, 0.4)
                .set(CardiacOptions.PPG_MAX_RELATIVE_AMPLITUDE, 2.5)
                .set(CardiacOptions.PPG_GUARD_S, 4.0)
                .set(CardiacOptions.PPG_NEIGHBOUR_WINDOW_S, 9.0)
                .set(CardiacOptions.IBI_MIN_S, 0.35)
                .set(CardiacOptions.IBI_MAX_S, 1.9)
                .set(CardiacOptions.IBI_MAX_DEVIATION, 0.25)
                .set(CardiacOptions.IBI_NEIGHBOURS, 4)
                .build();
        BvpBeats.Config b = FeatureSteps.pulseWaveBeats(c);
        assertEquals(new ElgendiPeaks.Config(0.12, 0.7, 0.03, 0.25, 10.0), b.peaks());
        assertEquals(new IbiCleaner.Config(0.35, 1.9, 0.25, 4, 9.0), b.ibi());
        assertEquals(false, b.refinePeaks());
        assertEquals(6.0, b.amplitudeWindowS());
        assertEquals(0.4, b.minRelativeAmplitude());
        assertEquals(2.5, b.maxRelativeAmplitude());
        assertEquals(4.0, b.guardS());
        assertEquals(
                BvpBeats.Config.DEFAULT,
                FeatureSteps.pulseWaveBeats(FeatureConfig.defaults()),
                "the declared defaults are the detector's documented ones");
    }
}
