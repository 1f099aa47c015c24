package org.sessionreview.config;

import java.io.Serializable;
import java.util.Objects;
import org.sessionreview.signal.eda.EdaTonicMethod;

/**
 * Parameters of the per-window physiological features (DOMAIN.md section 4.0): windowing,
 * quality gates and the settings of each signal step. Immutable and {@link Serializable} so it
 * can travel with Flink operators; build it with {@link #builder()}, which validates every value
 * and fails with a message naming the option.
 *
 * <p>Defaults follow DOMAIN.md 4.0/4.1, NeuroKit2 (tonic low-pass 0.05 Hz) and conventional SCR
 * criteria (Boucsein 2012, <i>Electrodermal Activity</i>, 2nd ed., Springer).
 */
public final class FeatureConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    final double windowSeconds;
    final double hopSeconds;
    final double contextSeconds;
    final double blockSeconds;
    final double minQuality;
    final double scrMinAmplitudeUs;
    final double scrMinRiseSeconds;
    final double scrMaxRiseSeconds;
    final double edaTonicCutoffHz;
    final EdaTonicMethod edaTonicMethod;
    final double edaMinUs;
    final double edaMaxJumpUsPerS;
    final double fidgetBandLowHz;
    final double fidgetBandHighHz;
    final double fftFrameSeconds;
    final double tempValidMinC;
    final double tempValidMaxC;
    final double ibiMinS;
    final double ibiMaxS;
    final double ibiMaxDeviation;
    final double maxChannelSkewSeconds;
    final double grossMovementSdG;
    final double coreSeconds;
    final EdaMethod edaMethod;

    FeatureConfig(FeatureConfigBuilder b) {
        windowSeconds = b.windowSeconds;
        hopSeconds = b.hopSeconds;
        contextSeconds = b.contextSeconds;
        blockSeconds = b.blockSeconds;
        minQuality = b.minQuality;
        scrMinAmplitudeUs = b.scrMinAmplitudeUs;
        scrMinRiseSeconds = b.scrMinRiseSeconds;
        scrMaxRiseSeconds = b.scrMaxRiseSeconds;
        edaTonicCutoffHz = b.edaTonicCutoffHz;
        edaTonicMethod = b.edaTonicMethod;
        edaMinUs = b.edaMinUs;
        edaMaxJumpUsPerS = b.edaMaxJumpUsPerS;
        fidgetBandLowHz = b.fidgetBandLowHz;
        fidgetBandHighHz = b.fidgetBandHighHz;
        fftFrameSeconds = b.fftFrameSeconds;
        tempValidMinC = b.tempValidMinC;
        tempValidMaxC = b.tempValidMaxC;
        ibiMinS = b.ibiMinS;
        ibiMaxS = b.ibiMaxS;
        ibiMaxDeviation = b.ibiMaxDeviation;
        maxChannelSkewSeconds = b.maxChannelSkewSeconds;
        grossMovementSdG = b.grossMovementSdG;
        coreSeconds = b.coreSeconds;
        edaMethod = b.edaMethod;
    }

    /** A builder holding every default. */
    public static FeatureConfigBuilder builder() {
        return new FeatureConfigBuilder();
    }

    /** The configuration with every default. */
    public static FeatureConfig defaults() {
        return builder().build();
    }

    /** Analysis window length, seconds. Default 30. */
    public double windowSeconds() {
        return windowSeconds;
    }

    /** Step between window starts, seconds; windows start at k x hop from media start. Default 5. */
    public double hopSeconds() {
        return hopSeconds;
    }

    /** Data before a window that filters see so they can settle, seconds. Default 60. */
    public double contextSeconds() {
        return contextSeconds;
    }

    /** Time span of one {@code SampleBlock} (all channels, IBI included), seconds. Default 30. */
    public double blockSeconds() {
        return blockSeconds;
    }

    /** Minimum channel quality (0..1) for a channel's features to be reported. Default 0.5. */
    public double minQuality() {
        return minQuality;
    }

    /** Minimum SCR trough-to-peak amplitude, microsiemens. Default 0.05 (conservative). */
    public double scrMinAmplitudeUs() {
        return scrMinAmplitudeUs;
    }

    /** Shortest accepted SCR rise time (trough to peak), seconds. Default 0.5. */
    public double scrMinRiseSeconds() {
        return scrMinRiseSeconds;
    }

    /** Longest accepted SCR rise time (trough to peak), seconds. Default 5. */
    public double scrMaxRiseSeconds() {
        return scrMaxRiseSeconds;
    }

    /** Cut-off of the tonic low-pass, Hz. Default 0.05 (NeuroKit2). */
    public double edaTonicCutoffHz() {
        return edaTonicCutoffHz;
    }

    /** Tonic/phasic separation variant. Default {@link EdaTonicMethod#CAUSAL_BUTTERWORTH}. */
    public EdaTonicMethod edaTonicMethod() {
        return edaTonicMethod;
    }

    /** EDA below this is contact loss, microsiemens. Default 0.05. */
    public double edaMinUs() {
        return edaMinUs;
    }

    /** EDA changes faster than this are artifacts, microsiemens per second. Default 10. */
    public double edaMaxJumpUsPerS() {
        return edaMaxJumpUsPerS;
    }

    /** Lower edge of the fidget band of the ACC magnitude, Hz (inclusive). Default 2. */
    public double fidgetBandLowHz() {
        return fidgetBandLowHz;
    }

    /** Upper edge of the fidget band of the ACC magnitude, Hz (inclusive). Default 6. */
    public double fidgetBandHighHz() {
        return fidgetBandHighHz;
    }

    /** FFT frame length for the fidget power, seconds (128 samples at 32 Hz). Default 4. */
    public double fftFrameSeconds() {
        return fftFrameSeconds;
    }

    /** Lowest plausible on-wrist skin temperature, degrees C. Default 25. */
    public double tempValidMinC() {
        return tempValidMinC;
    }

    /** Highest plausible on-wrist skin temperature, degrees C. Default 40. */
    public double tempValidMaxC() {
        return tempValidMaxC;
    }

    /** Shortest plausible inter-beat interval, seconds (200 bpm). Default 0.3. */
    public double ibiMinS() {
        return ibiMinS;
    }

    /** Longest plausible inter-beat interval, seconds (30 bpm). Default 2.0. */
    public double ibiMaxS() {
        return ibiMaxS;
    }

    /** Largest accepted relative deviation of an IBI from its local median. Default 0.2. */
    public double ibiMaxDeviation() {
        return ibiMaxDeviation;
    }

    /**
     * How far (seconds) the most advanced channel may run past a window's end before the window
     * is computed without the channels that have not reached it (stopped or absent). At least
     * {@link #blockSeconds()}. Default 60.
     */
    public double maxChannelSkewSeconds() {
        return maxChannelSkewSeconds;
    }

    /** {@link #windowSeconds()} in whole milliseconds. */
    public long windowMillis() {
        return Math.round(windowSeconds * 1000.0);
    }

    /** {@link #hopSeconds()} in whole milliseconds. */
    public long hopMillis() {
        return Math.round(hopSeconds * 1000.0);
    }

    /** {@link #contextSeconds()} in whole milliseconds. */
    public long contextMillis() {
        return Math.round(contextSeconds * 1000.0);
    }

    /** {@link #blockSeconds()} in whole milliseconds. */
    public long blockMillis() {
        return Math.round(blockSeconds * 1000.0);
    }

    /**
     * Three-axis acceleration spread over 1 s (g) at or above which a second counts as gross
     * movement; default 0.1 g. Tapping of a few hundredths of a g stays below it.
     */
    public double grossMovementSdG() {
        return grossMovementSdG;
    }

    /**
     * Length of the consecutive stretches (cores) in which SCRs and beats are detected once each,
     * seconds; default 60. Each core is processed with context before it and look-ahead after
     * it, so events are reported with a latency of about the look-ahead (20-40 s).
     */
    public double coreSeconds() {
        return coreSeconds;
    }

    /**
     * The EDA steps' settings derived from these options: the streaming tonic/phasic split and
     * absolute SCR threshold ({@code scrMinAmplitudeUs}, rise {@code scrMinRiseSeconds ..
     * scrMaxRiseSeconds}, tonic cut-off {@code edaTonicCutoffHz}).
     */
    public org.sessionreview.signal.eda.EdaConfig edaConfig() {
        if (edaMethod == EdaMethod.NEUROKIT) {
            return org.sessionreview.signal.eda.EdaConfig.neurokit();
        }
        org.sessionreview.signal.eda.EdaConfig d = org.sessionreview.signal.eda.EdaConfig.defaults();
        return new org.sessionreview.signal.eda.EdaConfig(d.cleanMethod(), d.phasicMethod(), edaTonicCutoffHz,
                d.scrMethod(), d.relativeAmplitudeMin(), scrMinAmplitudeUs, scrMinRiseSeconds, scrMaxRiseSeconds,
                d.supportSeconds(), d.contextSeconds(), d.lookAheadSeconds());
    }

    /** The EDA decomposition and SCR method; default {@link EdaMethod#STREAMING}. */
    public EdaMethod edaMethod() {
        return edaMethod;
    }

    /** {@link #maxChannelSkewSeconds()} in whole milliseconds. */
    public long maxChannelSkewMillis() {
        return Math.round(maxChannelSkewSeconds * 1000.0);
    }

    /** A builder starting from this configuration's values. */
    public FeatureConfigBuilder toBuilder() {
        return new FeatureConfigBuilder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureConfig && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }

    /**
     * Every option with its value under a {@code features.} key, in declaration order, for the
     * Parquet footers and run.json.
     */
    public java.util.Map<String, String> asMetadata() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("features.window_s", Double.toString(windowSeconds));
        m.put("features.hop_s", Double.toString(hopSeconds));
        m.put("features.context_s", Double.toString(contextSeconds));
        m.put("features.block_s", Double.toString(blockSeconds));
        m.put("features.min_quality", Double.toString(minQuality));
        m.put("features.scr_min_amplitude_us", Double.toString(scrMinAmplitudeUs));
        m.put("features.scr_rise_s", scrMinRiseSeconds + "-" + scrMaxRiseSeconds);
        m.put("features.eda_tonic_cutoff_hz", Double.toString(edaTonicCutoffHz));
        m.put("features.eda_tonic_method", edaTonicMethod.name());
        m.put("features.eda_min_us", Double.toString(edaMinUs));
        m.put("features.eda_max_jump_us_per_s", Double.toString(edaMaxJumpUsPerS));
        m.put("features.fidget_band_hz", fidgetBandLowHz + "-" + fidgetBandHighHz);
        m.put("features.fft_frame_s", Double.toString(fftFrameSeconds));
        m.put("features.temp_valid_range_c", tempValidMinC + "-" + tempValidMaxC);
        m.put("features.ibi_range_s", ibiMinS + "-" + ibiMaxS);
        m.put("features.ibi_max_deviation", Double.toString(ibiMaxDeviation));
        m.put("features.max_channel_skew_s", Double.toString(maxChannelSkewSeconds));
        m.put("features.gross_movement_sd_g", Double.toString(grossMovementSdG));
        m.put("features.core_s", Double.toString(coreSeconds));
        m.put("features.eda_method", edaMethod.name());
        return m;
    }

    /** Every option as {@code name=value}, in declaration order (for method records). */
    @Override
    public String toString() {
        return "FeatureConfig{windowSeconds=" + windowSeconds + ", hopSeconds=" + hopSeconds
                + ", contextSeconds=" + contextSeconds + ", blockSeconds=" + blockSeconds
                + ", minQuality=" + minQuality + ", scrMinAmplitudeUs=" + scrMinAmplitudeUs
                + ", scrMinRiseSeconds=" + scrMinRiseSeconds
                + ", scrMaxRiseSeconds=" + scrMaxRiseSeconds
                + ", edaTonicCutoffHz=" + edaTonicCutoffHz + ", edaTonicMethod=" + edaTonicMethod
                + ", edaMinUs=" + edaMinUs + ", edaMaxJumpUsPerS=" + edaMaxJumpUsPerS
                + ", fidgetBandHz=" + fidgetBandLowHz + "-" + fidgetBandHighHz
                + ", fftFrameSeconds=" + fftFrameSeconds
                + ", tempValidRangeC=" + tempValidMinC + "-" + tempValidMaxC
                + ", ibiRangeS=" + ibiMinS + "-" + ibiMaxS
                + ", ibiMaxDeviation=" + ibiMaxDeviation
                + ", maxChannelSkewSeconds=" + maxChannelSkewSeconds
                + ", grossMovementSdG=" + grossMovementSdG + "}";
    }

}
