package org.sessionreview.scoring;

import java.util.function.ToDoubleFunction;
import org.sessionreview.model.WindowFeatures;

/**
 * The four channel groups whose quality a {@link WindowFeatures} row carries. A feature is used
 * only when its group's quality reaches {@code ScoringConfig.qualityThreshold()}.
 */
public enum ChannelGroup {
    /** Electrodermal activity: {@code edaQuality}. */
    EDA(w -> w.edaQuality),
    /** Heart rate and HRV from beats: {@code cardiacQuality}. */
    CARDIAC(w -> w.cardiacQuality),
    /** Accelerometer: {@code accQuality}. */
    ACC(w -> w.accQuality),
    /** Skin temperature: {@code tempQuality}. */
    TEMP(w -> w.tempQuality);

    private final ToDoubleFunction<WindowFeatures> quality;

    ChannelGroup(ToDoubleFunction<WindowFeatures> quality) {
        this.quality = quality;
    }

    /** This group's quality in the window (valid fraction 0..1; 0 when the channel is absent). */
    public double quality(WindowFeatures w) {
        return quality.applyAsDouble(w);
    }

    /**
     * Mean quality of the four groups in one window: the window's contribution to a wearer's
     * data quality (see {@link DataQuality}).
     */
    public static double meanQuality(WindowFeatures w) {
        double sum = 0;
        for (ChannelGroup g : values()) {
            sum += g.quality(w);
        }
        return sum / values().length;
    }
}
