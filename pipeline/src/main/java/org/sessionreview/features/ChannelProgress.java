package org.sessionreview.features;

import java.util.Map;
import java.util.Set;
import org.sessionreview.model.Channel;

/**
 * Whether a wearer's stream has reached a time: every listed channel has delivered data up to
 * it, or the most advanced channel is more than the allowed skew past it (a channel that stopped
 * or never appears then counts as absent instead of stalling the stream).
 */
final class ChannelProgress {
    private ChannelProgress() {}

    static boolean reached(
            Map<Channel, ChannelBuffer> buffers, Set<Channel> channels, double millis, long maxSkewMillis) {
        double most = Double.NEGATIVE_INFINITY;
        boolean all = true;
        for (Channel c : channels) {
            ChannelBuffer b = buffers.get(c);
            double progress = b == null ? Double.NEGATIVE_INFINITY : b.progressMillis();
            most = Math.max(most, progress);
            all &= progress >= millis;
        }
        return all || most - millis > maxSkewMillis;
    }
}
