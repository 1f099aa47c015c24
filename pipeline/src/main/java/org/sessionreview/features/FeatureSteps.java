package org.sessionreview.features;

import java.util.List;
import org.sessionreview.config.ArtifactOptions;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.MotionOptions;
import org.sessionreview.config.TemperatureOptions;
import org.sessionreview.signal.cardiac.BvpBeats;
import org.sessionreview.signal.cardiac.ElgendiPeaks;
import org.sessionreview.signal.cardiac.HrvFrequencyDomain;
import org.sessionreview.signal.cardiac.IbiCleaner;
import org.sessionreview.signal.motion.AccMagnitude;
import org.sessionreview.signal.motion.FidgetSpectrum;
import org.sessionreview.signal.motion.GrossMovement;
import org.sessionreview.signal.quality.AccGrossMovementDetector;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.EdaAboveRangeDetector;
import org.sessionreview.signal.quality.EdaContactLossDetector;
import org.sessionreview.signal.quality.EdaJumpDetector;
import org.sessionreview.signal.quality.EdaMotionDetector;
import org.sessionreview.signal.quality.IbiGapDetector;
import org.sessionreview.signal.quality.NoDataDetector;
import org.sessionreview.signal.quality.NotWornDetector;
import org.sessionreview.signal.quality.TempOffWristDetector;
import org.sessionreview.signal.temperature.OffWristGuard;
import org.sessionreview.signal.temperature.TemperatureSlope;

/**
 * The signal steps of the feature stage, built from the configured options: the one place where
 * a {@link FeatureConfig} becomes step objects, so that no step falls back on its own defaults.
 * The steps are cheap to build; callers build them per use.
 */
final class FeatureSteps {
    private FeatureSteps() {}

    /** Cleaning of the device's inter-beat intervals ({@code cardiac.ibi_*}). */
    static IbiCleaner.Config ibiCleaning(FeatureConfig c) {
        return new IbiCleaner.Config(
                c.ibiMinS(),
                c.ibiMaxS(),
                c.ibiMaxDeviation(),
                c.get(CardiacOptions.IBI_NEIGHBOURS),
                c.get(CardiacOptions.IBI_NEIGHBOUR_WINDOW_S));
    }

    /**
     * Beats from the pulse wave ({@code cardiac.ppg_*}; interval range, deviation and neighbour
     * count from {@code cardiac.ibi_*}, as for device beats).
     */
    static BvpBeats.Config pulseWaveBeats(FeatureConfig c) {
        return new BvpBeats.Config(
                new ElgendiPeaks.Config(
                        c.get(CardiacOptions.PPG_PEAK_WINDOW_S),
                        c.get(CardiacOptions.PPG_BEAT_WINDOW_S),
                        c.get(CardiacOptions.PPG_BEAT_OFFSET),
                        c.get(CardiacOptions.PPG_MIN_DELAY_S),
                        c.get(CardiacOptions.PPG_OFFSET_WINDOW_S)),
                new IbiCleaner.Config(
                        c.ibiMinS(),
                        c.ibiMaxS(),
                        c.ibiMaxDeviation(),
                        c.get(CardiacOptions.IBI_NEIGHBOURS),
                        c.get(CardiacOptions.PPG_NEIGHBOUR_WINDOW_S)),
                c.get(CardiacOptions.PPG_REFINE_PEAKS),
                c.get(CardiacOptions.PPG_AMPLITUDE_WINDOW_S),
                c.get(CardiacOptions.PPG_MIN_RELATIVE_AMPLITUDE),
                c.get(CardiacOptions.PPG_MAX_RELATIVE_AMPLITUDE),
                c.get(CardiacOptions.PPG_GUARD_S));
    }

    /** Lomb-Scargle LF/HF settings ({@code cardiac.frequency_*}, {@code cardiac.lf_*}, {@code cardiac.hf_high_hz}). */
    static HrvFrequencyDomain.Config frequencyDomain(FeatureConfig c) {
        return new HrvFrequencyDomain.Config(
                c.get(CardiacOptions.FREQUENCY_MIN_SPAN_S),
                c.get(CardiacOptions.FREQUENCY_MIN_COVERAGE),
                c.get(CardiacOptions.LF_LOW_HZ),
                c.get(CardiacOptions.LF_HIGH_HZ),
                c.get(CardiacOptions.HF_HIGH_HZ),
                c.get(CardiacOptions.FREQUENCY_STEP_HZ));
    }

    /** Gross movement ({@code artifacts.gross_movement_g}) on E4 units. */
    static GrossMovement grossMovement(FeatureConfig c) {
        return new GrossMovement(c.grossMovementG(), AccMagnitude.E4_COUNTS_PER_G);
    }

    /** Fidget spectrum ({@code motion.*}), frames with gross movement excluded. */
    static FidgetSpectrum fidgetSpectrum(FeatureConfig c) {
        return new FidgetSpectrum(
                c.fftFrameSeconds(),
                c.fidgetBandLowHz(),
                c.fidgetBandHighHz(),
                c.get(MotionOptions.FIDGET_MIN_POWER_G2),
                AccMagnitude.E4_COUNTS_PER_G,
                grossMovement(c));
    }

    /** Off-wrist rules ({@code artifacts.temp_*}). */
    static OffWristGuard offWrist(FeatureConfig c) {
        return new OffWristGuard(
                c.tempValidMinC(),
                c.tempValidMaxC(),
                c.get(ArtifactOptions.TEMP_MAX_FALL_C_PER_MIN),
                c.get(ArtifactOptions.TEMP_MIN_FALL_C),
                c.get(ArtifactOptions.TEMP_FALL_WINDOW_S));
    }

    /** Temperature slope ({@code temperature.*}) with the off-wrist guard. */
    static TemperatureSlope temperatureSlope(FeatureConfig c) {
        return new TemperatureSlope(
                c.get(TemperatureOptions.SLOPE_SPAN_S), c.get(TemperatureOptions.SLOPE_MIN_VALID_SHARE), offWrist(c));
    }

    static EdaContactLossDetector edaContactLoss(FeatureConfig c) {
        return new EdaContactLossDetector(c.edaMinUs(), 0);
    }

    static EdaAboveRangeDetector edaAboveRange(FeatureConfig c) {
        return new EdaAboveRangeDetector(c.edaMaxUs(), 0);
    }

    static EdaJumpDetector edaJump(FeatureConfig c) {
        return new EdaJumpDetector(c.edaMaxJumpUsPerS(), 0);
    }

    static EdaMotionDetector edaMotion(FeatureConfig c) {
        return new EdaMotionDetector(
                c.get(ArtifactOptions.EDA_MOTION_MIN_SLOPE_US_PER_S),
                c.get(ArtifactOptions.EDA_MOTION_JERK_G_PER_S),
                c.get(ArtifactOptions.EDA_MOTION_COINCIDENCE_S) * 1000,
                AccMagnitude.E4_COUNTS_PER_G,
                0);
    }

    /**
     * {@link #edaMotion}'s intervals with the accelerometer's {@code |a|} as the channel buffer
     * keeps it per sample ({@link ChannelBuffer#regular(double, double, GridScratch, GridScratch)},
     * E4 units), not computed again for the grid: the same bits ({@code EdaMotionSharedReferenceTest}).
     *
     * @param accMagnitudeG {@code |a|} of each sample of {@code acc}, g
     */
    static List<Artifact> edaMotionOnBuffer(
            FeatureConfig c,
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            RegularSeries acc,
            double[] accMagnitudeG,
            double coreFromMillis,
            double coreToMillis) {
        EdaMotionDetector d = edaMotion(c);
        if (d.countsPerG() != AccMagnitude.E4_COUNTS_PER_G) { // the buffer's |a| is in E4 units
            return d.detect(
                    edaUs,
                    edaRateHz,
                    edaStartMillis,
                    acc.values(),
                    acc.rateHz(),
                    acc.t0Millis(),
                    coreFromMillis,
                    coreToMillis);
        }
        return d.detectOnMagnitudes(
                edaUs,
                edaRateHz,
                edaStartMillis,
                accMagnitudeG,
                acc.rateHz(),
                acc.t0Millis(),
                coreFromMillis,
                coreToMillis);
    }

    static TempOffWristDetector tempOffWrist(FeatureConfig c) {
        return new TempOffWristDetector(offWrist(c));
    }

    static AccGrossMovementDetector accGrossMovement(FeatureConfig c) {
        return new AccGrossMovementDetector(grossMovement(c));
    }

    static IbiGapDetector ibiGap(FeatureConfig c) {
        return new IbiGapDetector(c.get(ArtifactOptions.IBI_MAX_GAP_S));
    }

    /** Stretches without a sample in any channel of at least a window ({@code features.window_s}). */
    static NoDataDetector noData(FeatureConfig c) {
        return new NoDataDetector(c.windowSeconds());
    }

    /**
     * Not worn: EDA contact loss ({@code artifacts.eda_min_us}) and off wrist ({@code
     * artifacts.temp_*}) at once for at least {@code artifacts.not_worn_min_s}.
     */
    static NotWornDetector notWorn(FeatureConfig c) {
        return new NotWornDetector(edaContactLoss(c), tempOffWrist(c), c.get(ArtifactOptions.NOT_WORN_MIN_S));
    }
}
