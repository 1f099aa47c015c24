package org.sessionreview.scoring;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/**
 * The four channel groups whose quality a {@link WindowFeatures} row carries. A feature is used
 * only when its group's quality reaches {@code ScoringConfig.qualityThreshold()}.
 */
public enum ChannelGroup {
    /** Electrodermal activity: {@code edaQuality}. */
    EDA("EDA", w -> w.edaQuality, Channel.EDA),
    /** Heart rate and HRV from beats: {@code cardiacQuality}; beats from the pulse wave or the device's IBIs. */
    CARDIAC("heart beats", w -> w.cardiacQuality, Channel.BVP, Channel.IBI),
    /** Accelerometer: {@code accQuality}. */
    ACC("movement", w -> w.accQuality, Channel.ACC),
    /** Skin temperature: {@code tempQuality}. */
    TEMP("skin temperature", w -> w.tempQuality, Channel.TEMP);

    private final String label;
    private final ToDoubleFunction<WindowFeatures> quality;
    private final Set<Channel> sources;

    ChannelGroup(String label, ToDoubleFunction<WindowFeatures> quality, Channel first, Channel... rest) {
        this.label = label;
        this.quality = quality;
        this.sources = EnumSet.of(first, rest);
    }

    /**
     * The groups none of whose channels was read for {@code role}: every source channel is listed
     * in {@code missingChannels} ({@code SessionInfo.missingChannels}, entries {@code
     * "client:EDA"}: a file missing, rejected as a whole or left out).
     */
    public static Set<ChannelGroup> missing(Role role, Collection<String> missingChannels) {
        Set<ChannelGroup> out = EnumSet.noneOf(ChannelGroup.class);
        for (ChannelGroup g : values()) {
            if (g.sources.stream().allMatch(c -> missingChannels.contains(role.id() + ":" + c.name()))) {
                out.add(g);
            }
        }
        return out;
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
