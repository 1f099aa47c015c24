package org.sessionreview.signal.eda;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the EDA steps ({@link EdaClean}, {@link EdaPhasic}, {@link ScrDetector}) and of the
 * segment windowing of {@link EdaProcess#segment}. Immutable and serializable; {@link #defaults()}
 * is the streaming pipeline, {@link #neurokit()} the NeuroKit2 0.2.9 batch pipeline. Every value is
 * checked when the record is built.
 *
 * @param cleanMethod noise removal; default {@link EdaCleanMethod#NEUROKIT}
 * @param phasicMethod tonic/phasic split; default {@link EdaPhasicMethod#STREAMING}
 * @param tonicCutoffHz cut-off of the tonic low-pass (and NeuroKit2's phasic high-pass), Hz;
 *     default 0.05 (NeuroKit2)
 * @param scrMethod SCR criterion; default {@link ScrMethod#ABSOLUTE}
 * @param relativeAmplitudeMin {@link ScrMethod#NEUROKIT}'s threshold as a fraction of the largest
 *     prominence, (0, 1]; default 0.1 (NeuroKit2's {@code amplitude_min})
 * @param minAmplitudeUs {@link ScrMethod#ABSOLUTE}'s smallest amplitude, microsiemens, >= 0.001;
 *     default 0.01 (DOMAIN.md 4.2, sensitive; 0.05 is the conservative setting)
 * @param minRiseSeconds shortest onset-to-peak time of an absolute SCR, seconds; default 0.5
 * @param maxRiseSeconds longest onset-to-peak time of an absolute SCR, seconds; default 5
 * @param supportSeconds {@link EdaPhasicMethod#STREAMING}'s kernel half-width: how far the tonic at
 *     a sample looks back and ahead, seconds; default 15
 * @param contextSeconds samples the caller of {@link EdaProcess#segment} supplies before each core,
 *     seconds; at least {@code supportSeconds}; default 30
 * @param lookAheadSeconds samples the caller of {@link EdaProcess#segment} supplies after each
 *     core, seconds: the latency of the segment method; at least {@code supportSeconds}; default 20
 *     (the tonic support plus 5 s for the cleaning filter above 6 Hz and for the fall that confirms
 *     a peak near the core's end)
 */
public record EdaConfig(
        EdaCleanMethod cleanMethod,
        EdaPhasicMethod phasicMethod,
        double tonicCutoffHz,
        ScrMethod scrMethod,
        double relativeAmplitudeMin,
        double minAmplitudeUs,
        double minRiseSeconds,
        double maxRiseSeconds,
        double supportSeconds,
        double contextSeconds,
        double lookAheadSeconds)
        implements Serializable {

    /** Validates every value. */
    public EdaConfig {
        Objects.requireNonNull(cleanMethod, "cleanMethod");
        Objects.requireNonNull(phasicMethod, "phasicMethod");
        Objects.requireNonNull(scrMethod, "scrMethod");
        require(tonicCutoffHz > 0 && tonicCutoffHz < 1, "tonicCutoffHz must be in (0, 1) Hz", tonicCutoffHz);
        require(
                relativeAmplitudeMin > 0 && relativeAmplitudeMin <= 1,
                "relativeAmplitudeMin must be in (0, 1]",
                relativeAmplitudeMin);
        require(
                minAmplitudeUs >= 0.001 && minAmplitudeUs < 10,
                "minAmplitudeUs must be in [0.001, 10) uS",
                minAmplitudeUs);
        require(
                minRiseSeconds >= 0 && minRiseSeconds < maxRiseSeconds,
                "minRiseSeconds must be >= 0 and below maxRiseSeconds",
                minRiseSeconds);
        require(maxRiseSeconds <= 60, "maxRiseSeconds must be <= 60 s", maxRiseSeconds);
        require(supportSeconds >= 1 && supportSeconds <= 600, "supportSeconds must be in [1, 600] s", supportSeconds);
        require(
                contextSeconds >= supportSeconds && contextSeconds <= 3600,
                "contextSeconds must be >= supportSeconds and <= 3600 s",
                contextSeconds);
        require(
                lookAheadSeconds >= supportSeconds && lookAheadSeconds <= 3600,
                "lookAheadSeconds must be >= supportSeconds and <= 3600 s",
                lookAheadSeconds);
    }

    /** The streaming defaults (see the parameter descriptions). */
    public static EdaConfig defaults() {
        return new EdaConfig(
                EdaCleanMethod.NEUROKIT,
                EdaPhasicMethod.STREAMING,
                0.05,
                ScrMethod.ABSOLUTE,
                0.1,
                0.01,
                0.5,
                5,
                15,
                30,
                20);
    }

    /**
     * NeuroKit2 0.2.9 {@code eda_process(method="neurokit")}: cleaning, the high-pass split and the
     * relative SCR threshold. For {@link EdaProcess#whole} only.
     */
    public static EdaConfig neurokit() {
        return defaults().withPhasicMethod(EdaPhasicMethod.NEUROKIT_HIGHPASS).withScrMethod(ScrMethod.NEUROKIT);
    }

    /** A copy with another phasic method. */
    public EdaConfig withPhasicMethod(EdaPhasicMethod method) {
        return new EdaConfig(
                cleanMethod,
                method,
                tonicCutoffHz,
                scrMethod,
                relativeAmplitudeMin,
                minAmplitudeUs,
                minRiseSeconds,
                maxRiseSeconds,
                supportSeconds,
                contextSeconds,
                lookAheadSeconds);
    }

    /** A copy with another SCR method. */
    public EdaConfig withScrMethod(ScrMethod method) {
        return new EdaConfig(
                cleanMethod,
                phasicMethod,
                tonicCutoffHz,
                method,
                relativeAmplitudeMin,
                minAmplitudeUs,
                minRiseSeconds,
                maxRiseSeconds,
                supportSeconds,
                contextSeconds,
                lookAheadSeconds);
    }

    /** A copy with another absolute SCR threshold, microsiemens. */
    public EdaConfig withMinAmplitudeUs(double amplitudeUs) {
        return new EdaConfig(
                cleanMethod,
                phasicMethod,
                tonicCutoffHz,
                scrMethod,
                relativeAmplitudeMin,
                amplitudeUs,
                minRiseSeconds,
                maxRiseSeconds,
                supportSeconds,
                contextSeconds,
                lookAheadSeconds);
    }

    /** A copy with another cleaning method. */
    public EdaConfig withCleanMethod(EdaCleanMethod method) {
        return new EdaConfig(
                method,
                phasicMethod,
                tonicCutoffHz,
                scrMethod,
                relativeAmplitudeMin,
                minAmplitudeUs,
                minRiseSeconds,
                maxRiseSeconds,
                supportSeconds,
                contextSeconds,
                lookAheadSeconds);
    }

    /** A copy with another segment context and look-ahead, seconds. */
    public EdaConfig withSegmentMargins(double context, double lookAhead) {
        return new EdaConfig(
                cleanMethod,
                phasicMethod,
                tonicCutoffHz,
                scrMethod,
                relativeAmplitudeMin,
                minAmplitudeUs,
                minRiseSeconds,
                maxRiseSeconds,
                supportSeconds,
                context,
                lookAhead);
    }

    /** {@link #contextSeconds()} in samples at {@code rateHz} (rounded up). */
    public int contextSamples(double rateHz) {
        return (int) Math.ceil(contextSeconds * rateHz);
    }

    /** {@link #lookAheadSeconds()} in samples at {@code rateHz} (rounded up). */
    public int lookAheadSamples(double rateHz) {
        return (int) Math.ceil(lookAheadSeconds * rateHz);
    }

    /**
     * Every setting under an {@code eda.} key, in declaration order, for output metadata (what
     * NeuroKit2's {@code eda_methods} reports).
     */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("eda.clean_method", cleanMethod.name());
        m.put("eda.phasic_method", phasicMethod.name());
        m.put("eda.tonic_cutoff_hz", Double.toString(tonicCutoffHz));
        m.put("eda.scr_method", scrMethod.name());
        m.put("eda.scr_relative_amplitude_min", Double.toString(relativeAmplitudeMin));
        m.put("eda.scr_min_amplitude_us", Double.toString(minAmplitudeUs));
        m.put("eda.scr_rise_s", minRiseSeconds + "-" + maxRiseSeconds);
        m.put("eda.support_s", Double.toString(supportSeconds));
        m.put("eda.context_s", Double.toString(contextSeconds));
        m.put("eda.look_ahead_s", Double.toString(lookAheadSeconds));
        return m;
    }

    private static void require(boolean ok, String message, double value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }
}
