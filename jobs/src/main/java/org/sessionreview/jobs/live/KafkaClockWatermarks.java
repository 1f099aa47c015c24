package org.sessionreview.jobs.live;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.sessionreview.live.LiveMessage;

/**
 * Watermarks on the clock of the Kafka record timestamps (the producer's send time): the latest
 * timestamp seen less {@code boundMillis}, and never further behind the wall clock than {@code
 * lagMillis}, so that a quiet partition (every session on it silent) still advances time and the
 * sessions' silence timers fire. Producers must therefore stamp records with the time of sending
 * (Kafka's default CreateTime) from a clock within {@code lagMillis} of this machine's.
 */
final class KafkaClockWatermarks implements WatermarkGenerator<LiveMessage> {
    private final long boundMillis;
    private final long lagMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    KafkaClockWatermarks(long boundMillis, long lagMillis) {
        this.boundMillis = boundMillis;
        this.lagMillis = lagMillis;
    }

    @Override
    public void onEvent(LiveMessage event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long floor = System.currentTimeMillis() - lagMillis;
        long wm = Math.max(maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - boundMillis, floor);
        if (wm > emitted) {
            emitted = wm;
            output.emitWatermark(new Watermark(wm));
        }
    }
}
