package org.sessionreview.config;

import java.util.Objects;
import org.sessionreview.signal.eda.EdaTonicMethod;

/** Collects options; {@link #build()} validates them. Setters return {@code this}. */
public final class FeatureConfigBuilder {
    double windowSeconds = 30;
    double hopSeconds = 5;
    double contextSeconds = 60;
    double blockSeconds = 30;
    double minQuality = 0.5;
    double scrMinAmplitudeUs = 0.05;
    double scrMinRiseSeconds = 0.5;
    double scrMaxRiseSeconds = 5;
    double edaTonicCutoffHz = 0.05;
    EdaTonicMethod edaTonicMethod = EdaTonicMethod.CAUSAL_BUTTERWORTH;
    double edaMinUs = 0.05;
    double edaMaxJumpUsPerS = 10;
    double fidgetBandLowHz = 2;
    double fidgetBandHighHz = 6;
    double fftFrameSeconds = 4;
    double tempValidMinC = 25;
    double tempValidMaxC = 40;
    double ibiMinS = 0.3;
    double ibiMaxS = 2.0;
    double ibiMaxDeviation = 0.2;
    double maxChannelSkewSeconds = 60;
    double grossMovementSdG = 0.1;
    double coreSeconds = 60;
    EdaMethod edaMethod = EdaMethod.STREAMING;

    FeatureConfigBuilder() {}

    FeatureConfigBuilder(FeatureConfig c) {
        windowSeconds = c.windowSeconds;
        hopSeconds = c.hopSeconds;
        contextSeconds = c.contextSeconds;
        blockSeconds = c.blockSeconds;
        minQuality = c.minQuality;
        scrMinAmplitudeUs = c.scrMinAmplitudeUs;
        scrMinRiseSeconds = c.scrMinRiseSeconds;
        scrMaxRiseSeconds = c.scrMaxRiseSeconds;
        edaTonicCutoffHz = c.edaTonicCutoffHz;
        edaTonicMethod = c.edaTonicMethod;
        edaMinUs = c.edaMinUs;
        edaMaxJumpUsPerS = c.edaMaxJumpUsPerS;
        fidgetBandLowHz = c.fidgetBandLowHz;
        fidgetBandHighHz = c.fidgetBandHighHz;
        fftFrameSeconds = c.fftFrameSeconds;
        tempValidMinC = c.tempValidMinC;
        tempValidMaxC = c.tempValidMaxC;
        ibiMinS = c.ibiMinS;
        ibiMaxS = c.ibiMaxS;
        ibiMaxDeviation = c.ibiMaxDeviation;
        maxChannelSkewSeconds = c.maxChannelSkewSeconds;
        grossMovementSdG = c.grossMovementSdG;
        coreSeconds = c.coreSeconds;
        edaMethod = c.edaMethod;
    }

    /** See {@link FeatureConfig#windowSeconds()}. */
    public FeatureConfigBuilder windowSeconds(double v) {
        windowSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#hopSeconds()}. */
    public FeatureConfigBuilder hopSeconds(double v) {
        hopSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#contextSeconds()}. */
    public FeatureConfigBuilder contextSeconds(double v) {
        contextSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#blockSeconds()}. */
    public FeatureConfigBuilder blockSeconds(double v) {
        blockSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#minQuality()}. */
    public FeatureConfigBuilder minQuality(double v) {
        minQuality = v;
        return this;
    }

    /** See {@link FeatureConfig#scrMinAmplitudeUs()}. */
    public FeatureConfigBuilder scrMinAmplitudeUs(double v) {
        scrMinAmplitudeUs = v;
        return this;
    }

    /** See {@link FeatureConfig#scrMinRiseSeconds()} and {@link #scrMaxRiseSeconds()}. */
    public FeatureConfigBuilder scrRiseSeconds(double min, double max) {
        scrMinRiseSeconds = min;
        scrMaxRiseSeconds = max;
        return this;
    }

    /** See {@link FeatureConfig#edaTonicCutoffHz()}. */
    public FeatureConfigBuilder edaTonicCutoffHz(double v) {
        edaTonicCutoffHz = v;
        return this;
    }

    /** See {@link FeatureConfig#edaTonicMethod()}. */
    public FeatureConfigBuilder edaTonicMethod(EdaTonicMethod v) {
        edaTonicMethod = v;
        return this;
    }

    /** See {@link FeatureConfig#edaMinUs()}. */
    public FeatureConfigBuilder edaMinUs(double v) {
        edaMinUs = v;
        return this;
    }

    /** See {@link FeatureConfig#edaMaxJumpUsPerS()}. */
    public FeatureConfigBuilder edaMaxJumpUsPerS(double v) {
        edaMaxJumpUsPerS = v;
        return this;
    }

    /** See {@link FeatureConfig#fidgetBandLowHz()} and {@link #fidgetBandHighHz()}. */
    public FeatureConfigBuilder fidgetBandHz(double low, double high) {
        fidgetBandLowHz = low;
        fidgetBandHighHz = high;
        return this;
    }

    /** See {@link FeatureConfig#fftFrameSeconds()}. */
    public FeatureConfigBuilder fftFrameSeconds(double v) {
        fftFrameSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#tempValidMinC()} and {@link #tempValidMaxC()}. */
    public FeatureConfigBuilder tempValidRangeC(double min, double max) {
        tempValidMinC = min;
        tempValidMaxC = max;
        return this;
    }

    /** See {@link FeatureConfig#ibiMinS()} and {@link FeatureConfig#ibiMaxS()}. */
    public FeatureConfigBuilder ibiRangeS(double min, double max) {
        ibiMinS = min;
        ibiMaxS = max;
        return this;
    }

    /** See {@link FeatureConfig#ibiMaxDeviation()}. */
    public FeatureConfigBuilder ibiMaxDeviation(double v) {
        ibiMaxDeviation = v;
        return this;
    }

    /** See {@link FeatureConfig#maxChannelSkewSeconds()}. */
    public FeatureConfigBuilder maxChannelSkewSeconds(double v) {
        maxChannelSkewSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#edaMethod()}. */
    public FeatureConfigBuilder edaMethod(EdaMethod v) {
        edaMethod = java.util.Objects.requireNonNull(v, "edaMethod");
        return this;
    }

    /** See {@link FeatureConfig#coreSeconds()}. */
    public FeatureConfigBuilder coreSeconds(double v) {
        coreSeconds = v;
        return this;
    }

    /** See {@link FeatureConfig#grossMovementSdG()}. */
    public FeatureConfigBuilder grossMovementSdG(double v) {
        grossMovementSdG = v;
        return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the first invalid option and its value
     */
    public FeatureConfig build() {
        positive("windowSeconds", windowSeconds);
        positive("hopSeconds", hopSeconds);
        check(hopSeconds <= windowSeconds, "hopSeconds must be <= windowSeconds ("
                + windowSeconds + "), got " + hopSeconds);
        check(windowSeconds >= 0.001 && hopSeconds >= 0.001,
                "windowSeconds and hopSeconds must be at least 1 ms");
        nonNegative("contextSeconds", contextSeconds);
        positive("blockSeconds", blockSeconds);
        check(minQuality >= 0 && minQuality <= 1,
                "minQuality must be within 0..1, got " + minQuality);
        positive("scrMinAmplitudeUs", scrMinAmplitudeUs);
        nonNegative("scrMinRiseSeconds", scrMinRiseSeconds);
        check(scrMaxRiseSeconds > scrMinRiseSeconds, "scrMaxRiseSeconds ("
                + scrMaxRiseSeconds + ") must be > scrMinRiseSeconds (" + scrMinRiseSeconds + ")");
        positive("edaTonicCutoffHz", edaTonicCutoffHz);
        check(edaTonicMethod != null, "edaTonicMethod must not be null");
        nonNegative("edaMinUs", edaMinUs);
        positive("edaMaxJumpUsPerS", edaMaxJumpUsPerS);
        positive("fidgetBandLowHz", fidgetBandLowHz);
        check(fidgetBandHighHz > fidgetBandLowHz, "fidgetBandHighHz (" + fidgetBandHighHz
                + ") must be > fidgetBandLowHz (" + fidgetBandLowHz + ")");
        positive("fftFrameSeconds", fftFrameSeconds);
        check(fftFrameSeconds <= windowSeconds, "fftFrameSeconds (" + fftFrameSeconds
                + ") must be <= windowSeconds (" + windowSeconds + ")");
        check(tempValidMaxC > tempValidMinC, "tempValidMaxC (" + tempValidMaxC
                + ") must be > tempValidMinC (" + tempValidMinC + ")");
        positive("ibiMinS", ibiMinS);
        check(ibiMaxS > ibiMinS, "ibiMaxS (" + ibiMaxS + ") must be > ibiMinS (" + ibiMinS + ")");
        check(ibiMaxDeviation > 0 && ibiMaxDeviation < 1,
                "ibiMaxDeviation must be within (0, 1), got " + ibiMaxDeviation);
        nonNegative("maxChannelSkewSeconds", maxChannelSkewSeconds);
        // Channels deliver a block slot one after another, so one may lead by a whole block;
        // a smaller skew would compute windows before the others' blocks for the slot arrive.
        check(maxChannelSkewSeconds >= blockSeconds, "maxChannelSkewSeconds ("
                + maxChannelSkewSeconds + ") must be >= blockSeconds (" + blockSeconds + ")");
        positive("grossMovementSdG", grossMovementSdG);
        check(coreSeconds >= 10 && coreSeconds <= 3600, "coreSeconds must be within [10, 3600], got " + coreSeconds);
        return new FeatureConfig(this);
    }

    private static void positive(String name, double v) {
        check(v > 0 && Double.isFinite(v), name + " must be a finite number > 0, got " + v);
    }

    private static void nonNegative(String name, double v) {
        check(v >= 0 && Double.isFinite(v), name + " must be a finite number >= 0, got " + v);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
