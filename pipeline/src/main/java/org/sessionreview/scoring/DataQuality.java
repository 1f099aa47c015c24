package org.sessionreview.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.WindowFeatures;

/**
 * A wearer's data quality over a session, 0..1: the mean over the wearer's windows of the mean
 * quality of the window's four channel groups (EDA, cardiac, ACC, temperature; see {@link
 * ChannelGroup#meanQuality}), over the windows holding any valid sample ({@link
 * DataRuns#holdsData}): a stretch without any sample (a gap in the files, a wristband started late
 * or not worn) is missing coverage of the video ({@link VideoRange}), not poor quality of what
 * was recorded. A channel the wearer lacks counts as quality 0, so a wearer without temperature
 * cannot exceed 0.75. 0 when the wearer has no window holding data. End-of-stream markers are
 * ignored.
 */
public final class DataQuality {
    private DataQuality() {}

    public static double of(List<WindowFeatures> wearerWindows) {
        double sum = 0;
        int n = 0;
        java.util.function.Predicate<WindowFeatures> hasData = DataRuns.holdsData(wearerWindows);
        for (WindowFeatures w : wearerWindows) {
            if (!w.endOfStream && hasData.test(w)) {
                sum += ChannelGroup.meanQuality(w);
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /**
     * Each channel group's mean quality over the wearer's windows holding data, 0..1, in {@link
     * ChannelGroup} order (0 for every group when there is none); {@link #of} is their mean.
     */
    public static Map<ChannelGroup, Double> byGroup(List<WindowFeatures> wearerWindows) {
        Map<ChannelGroup, Double> out = new EnumMap<>(ChannelGroup.class);
        java.util.function.Predicate<WindowFeatures> hasData = DataRuns.holdsData(wearerWindows);
        for (ChannelGroup g : ChannelGroup.values()) {
            double sum = 0;
            int n = 0;
            for (WindowFeatures w : wearerWindows) {
                if (!w.endOfStream && hasData.test(w)) {
                    sum += g.quality(w);
                    n++;
                }
            }
            out.put(g, n == 0 ? 0.0 : sum / n);
        }
        return out;
    }
}
