package org.sessionreview.scoring;

import java.util.function.ToDoubleFunction;
import org.sessionreview.model.WindowFeatures;

/**
 * The four channel groups whose quality a {@link WindowFeatures} row carries. A feature is used
 * only when its group's quality reaches {@code ScoringConfig.qualityThreshold()}.
 */
public enum ChannelGroup {
    /** Electrodermal activity: {@code edaQuality}. */
    EDA("EDA", w -> w.edaQuality),
    /** Heart rate and HRV from beats: {@code cardiacQuality}. */
    CARDIAC("heart beats", w -> w.cardiacQuality),
    /** Accelerometer: {@code accQuality}. */
    ACC("movement", w -> w.accQuality),
    /** Skin temperature: {@code tempQuality}. */
    TEMP("skin temperature", w -> w.tempQuality);

    private final String label;
    private final ToDoubleFunction<WindowFeatures> quality;

    ChannelGroup(String label, ToDoubleFunction<WindowFeatures> quality) {
        this.label = label;
        this.quality = quality;
    }

    /** A readable name for reasons, e.g. {@code skin temperature}. */
    public String label() {
        return label;
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
