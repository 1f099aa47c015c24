package org.sessionreview.config;

import static org.sessionreview.config.Settings.require;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.signal.eda.EdaConfig;

/**
 * Settings of the per-window feature stage and its signal steps (DOMAIN.md 4.0/4.1): the options
 * of {@link FeatureOptions}, {@link EdaOptions}, {@link CardiacOptions}, {@link MotionOptions},
 * {@link TemperatureOptions} and {@link ArtifactOptions}, each declared once there with unit,
 * default and description. Immutable and {@link Serializable}; {@link #builder()} checks each
 * value and the rules between them, naming the keys.
 */
public final class FeatureConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Every option of this component, in declaration order. */
    public static final List<ConfigOption<?>> ALL = concat(
            FeatureOptions.ALL,
            EdaOptions.ALL,
            CardiacOptions.ALL,
            MotionOptions.ALL,
            TemperatureOptions.ALL,
            ArtifactOptions.ALL);

    private final Settings values;

    private FeatureConfig(Settings values) {
        this.values = values;
        require(
                get(FeatureOptions.HOP_S) <= get(FeatureOptions.WINDOW_S),
                "features.hop_s must be <= features.window_s");
        require(
                get(MotionOptions.FFT_FRAME_S) <= get(FeatureOptions.WINDOW_S),
                "motion.fft_frame_s must be <= features.window_s");
        // channels deliver a block slot one after another, so one may lead by a whole block
        require(
                get(FeatureOptions.MAX_CHANNEL_SKEW_S) >= get(FeatureOptions.BLOCK_S),
                "features.max_channel_skew_s must be >= features.block_s");
        require(
                get(EdaOptions.SCR_MAX_RISE_S) > get(EdaOptions.SCR_MIN_RISE_S),
                "eda.scr_max_rise_s must be > eda.scr_min_rise_s");
        require(
                get(EdaOptions.CONTEXT_S) >= get(EdaOptions.SUPPORT_S)
                        && get(EdaOptions.LOOK_AHEAD_S) >= get(EdaOptions.SUPPORT_S),
                "eda.context_s and eda.look_ahead_s must be >= eda.support_s");
        require(
                get(CardiacOptions.IBI_MAX_S) > get(CardiacOptions.IBI_MIN_S),
                "cardiac.ibi_max_s must be > cardiac.ibi_min_s");
        require(
                get(CardiacOptions.PPG_MAX_RELATIVE_AMPLITUDE) > get(CardiacOptions.PPG_MIN_RELATIVE_AMPLITUDE),
                "cardiac.ppg_max_relative_amplitude must be > cardiac.ppg_min_relative_amplitude");
        require(
                get(CardiacOptions.LF_LOW_HZ) < get(CardiacOptions.LF_HIGH_HZ)
                        && get(CardiacOptions.LF_HIGH_HZ) < get(CardiacOptions.HF_HIGH_HZ),
                "need cardiac.lf_low_hz < cardiac.lf_high_hz < cardiac.hf_high_hz");
        require(
                get(CardiacOptions.FREQUENCY_MIN_SPAN_S) <= get(CardiacOptions.FREQUENCY_SPAN_S),
                "cardiac.frequency_min_span_s must be <= cardiac.frequency_span_s");
        require(
                get(MotionOptions.FIDGET_HIGH_HZ) > get(MotionOptions.FIDGET_LOW_HZ),
                "motion.fidget_high_hz must be > motion.fidget_low_hz");
        require(
                get(ArtifactOptions.TEMP_MAX_C) > get(ArtifactOptions.TEMP_MIN_C),
                "artifacts.temp_max_c must be > artifacts.temp_min_c");
    }

    /** Every option at its declared default (for tests and tools; the pipeline passes its configured values). */
    public static FeatureConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Settings.Builder<FeatureConfig> builder() {
        return new Settings.Builder<>(ALL, FeatureConfig::new);
    }

    /** A builder starting from this configuration's values. */
    public Settings.Builder<FeatureConfig> toBuilder() {
        return new Settings.Builder<>(values, FeatureConfig::new);
    }

    /** The value of one of this component's options. */
    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** Every option's key to its value as text, sorted by key. */
    public Map<String, String> parameters() {
        return values.asText();
    }

    // Getters kept for the steps; see the declarations for unit, default and meaning.

    public double windowSeconds() {
        return get(FeatureOptions.WINDOW_S);
    }

    public double hopSeconds() {
        return get(FeatureOptions.HOP_S);
    }

    public double contextSeconds() {
        return get(FeatureOptions.CONTEXT_S);
    }

    public double blockSeconds() {
        return get(FeatureOptions.BLOCK_S);
    }

    public double coreSeconds() {
        return get(FeatureOptions.CORE_S);
    }

    public double minQuality() {
        return get(FeatureOptions.MIN_QUALITY);
    }

    public double maxChannelSkewSeconds() {
        return get(FeatureOptions.MAX_CHANNEL_SKEW_S);
    }

    public EdaMethod edaMethod() {
        return get(EdaOptions.METHOD);
    }

    public double edaTonicCutoffHz() {
        return get(EdaOptions.TONIC_CUTOFF_HZ);
    }

    public double scrMinAmplitudeUs() {
        return get(EdaOptions.SCR_MIN_AMPLITUDE_US);
    }

    public double scrMinRiseSeconds() {
        return get(EdaOptions.SCR_MIN_RISE_S);
    }

    public double scrMaxRiseSeconds() {
        return get(EdaOptions.SCR_MAX_RISE_S);
    }

    public double edaMinUs() {
        return get(ArtifactOptions.EDA_MIN_US);
    }

    public double edaMaxUs() {
        return get(ArtifactOptions.EDA_MAX_US);
    }

    public double edaMaxJumpUsPerS() {
        return get(ArtifactOptions.EDA_MAX_JUMP_US_PER_S);
    }

    public double grossMovementG() {
        return get(ArtifactOptions.GROSS_MOVEMENT_G);
    }

    public double tempValidMinC() {
        return get(ArtifactOptions.TEMP_MIN_C);
    }

    public double tempValidMaxC() {
        return get(ArtifactOptions.TEMP_MAX_C);
    }

    public double fidgetBandLowHz() {
        return get(MotionOptions.FIDGET_LOW_HZ);
    }

    public double fidgetBandHighHz() {
        return get(MotionOptions.FIDGET_HIGH_HZ);
    }

    public double fftFrameSeconds() {
        return get(MotionOptions.FFT_FRAME_S);
    }

    public double ibiMinS() {
        return get(CardiacOptions.IBI_MIN_S);
    }

    public double ibiMaxS() {
        return get(CardiacOptions.IBI_MAX_S);
    }

    public double ibiMaxDeviation() {
        return get(CardiacOptions.IBI_MAX_DEVIATION);
    }

    public long windowMillis() {
        return Math.round(windowSeconds() * 1000.0);
    }

    public long hopMillis() {
        return Math.round(hopSeconds() * 1000.0);
    }

    public long contextMillis() {
        return Math.round(contextSeconds() * 1000.0);
    }

    public long blockMillis() {
        return Math.round(blockSeconds() * 1000.0);
    }

    public long maxChannelSkewMillis() {
        return Math.round(maxChannelSkewSeconds() * 1000.0);
    }

    /**
     * The EDA steps' settings from the {@code eda.*} options: {@code eda.method} NEUROKIT picks
     * NeuroKit2's whole-recording split and relative SCR threshold, STREAMING the bounded split
     * and absolute threshold; cut-off, rise times, thresholds and margins apply to either.
     */
    public EdaConfig edaConfig() {
        boolean nk = edaMethod() == EdaMethod.NEUROKIT;
        EdaConfig base = nk ? EdaConfig.neurokit() : EdaConfig.defaults();
        return new EdaConfig(
                get(EdaOptions.CLEAN_METHOD),
                base.phasicMethod(),
                edaTonicCutoffHz(),
                base.scrMethod(),
                get(EdaOptions.SCR_RELATIVE_AMPLITUDE_MIN),
                scrMinAmplitudeUs(),
                scrMinRiseSeconds(),
                scrMaxRiseSeconds(),
                get(EdaOptions.SUPPORT_S),
                get(EdaOptions.CONTEXT_S),
                get(EdaOptions.LOOK_AHEAD_S));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureConfig" + values;
    }

    @SafeVarargs
    static List<ConfigOption<?>> concat(List<ConfigOption<?>>... lists) {
        List<ConfigOption<?>> all = new ArrayList<>();
        for (List<ConfigOption<?>> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}
