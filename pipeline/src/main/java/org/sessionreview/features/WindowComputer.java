package org.sessionreview.features;

import java.util.Map;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.WindowFeatures;

/**
 * Fills one {@link WindowFeatures} row from the buffered channels: takes each channel's samples
 * for the window (with context where a step needs it) and runs the feature steps. A channel
 * without a buffer counts as absent (quality 0, features null). The z-scores and the anxiety
 * index are left null: they need the wearer's baseline, a later step.
 */
final class WindowComputer {
    private WindowComputer() {}

    static WindowFeatures compute(Map<Channel, ChannelBuffer> buffers, FeatureConfig config,
            String sessionId, String role, long mediaStartMillis, long startMillis, double endMillis) {
        double contextStart = startMillis - config.contextMillis();
        WindowFeatures w = new WindowFeatures();
        w.sessionId = sessionId;
        w.role = role;
        w.startMillis = startMillis;
        w.startS = (startMillis - mediaStartMillis) / 1000.0;
        w.endS = (endMillis - mediaStartMillis) / 1000.0;

        EdaFeatures.Result eda = EdaFeatures.compute(
                regular(buffers, Channel.EDA, contextStart, endMillis), startMillis, endMillis, config);
        w.edaQuality = eda.quality();
        w.edaSclUs = eda.sclUs();
        w.edaScrPerMin = eda.scrPerMin();

        ChannelBuffer ibi = buffers.get(Channel.IBI);
        BeatSeries beats = ibi == null
                ? new BeatSeries(new double[0], new double[0])
                : ibi.beats(contextStart, endMillis);
        CardiacFeatures.Result cardiac = CardiacFeatures.compute(beats,
                regular(buffers, Channel.HR, startMillis, endMillis), startMillis, endMillis, config);
        w.cardiacQuality = cardiac.quality();
        w.hrBpm = cardiac.hrBpm();
        w.hrvRmssdMs = cardiac.rmssdMs();

        MotionFeatures.Result motion = MotionFeatures.compute(
                regular(buffers, Channel.ACC, startMillis, endMillis), startMillis, endMillis, config);
        w.accQuality = motion.quality();
        w.motionMagG = motion.motionMagG();
        w.fidgetPower = motion.fidgetPower();
        w.grossMovementS = motion.grossMovementS();

        TemperatureFeatures.Result temp = TemperatureFeatures.compute(
                regular(buffers, Channel.TEMP, startMillis, endMillis), startMillis, endMillis, config);
        w.tempQuality = temp.quality();
        w.tempSlopeCPerMin = temp.slopeCPerMin();
        return w;
    }

    private static RegularSeries regular(
            Map<Channel, ChannelBuffer> buffers, Channel c, double from, double to) {
        ChannelBuffer b = buffers.get(c);
        return b == null ? RegularSeries.empty(1, c.width()) : b.regular(from, to);
    }
}
