package org.sessionreview.jobs.live;

import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.sessionreview.live.LiveMessage;

/**
 * Watermarks on the clock of the Kafka record timestamps (the producer's send time) of one
 * partition: the latest timestamp seen less {@code boundMillis}; and, once the partition has been
 * quiet for {@code idleMillis} of wall time, moving on with the wall clock from there, so that a
 * quiet partition (every session on it silent) still advances time and the sessions' silence
 * timers fire. A partition that has delivered nothing for {@code idleMillis} since the start
 * follows the wall clock less {@code idleMillis}.
 *
 * <p>While records arrive (a backlog after a restart included) only their timestamps move the
 * watermark, so catching up never ends a session early by silence.
 */
final class KafkaClockWatermarks implements WatermarkGenerator<LiveMessage> {
    private final long boundMillis;
    private final long idleMillis;
    private final LongSupplier clock;
    private final long createdMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventWallMillis;
    private long emitted = Long.MIN_VALUE;

    KafkaClockWatermarks(long boundMillis, long idleMillis) {
        this(boundMillis, idleMillis, System::currentTimeMillis);
    }

    KafkaClockWatermarks(long boundMillis, long idleMillis, LongSupplier clock) {
        this.boundMillis = boundMillis;
        this.idleMillis = idleMillis;
        this.clock = clock;
        this.createdMillis = clock.getAsLong();
    }

    @Override
    public void onEvent(LiveMessage event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
        lastEventWallMillis = clock.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.getAsLong();
        long wm;
        if (maxTimestamp == Long.MIN_VALUE) {
            if (now - createdMillis < idleMillis) {
                return;
            }
            wm = now - idleMillis - boundMillis;
        } else {
            long quiet = now - lastEventWallMillis;
            wm = maxTimestamp - boundMillis + Math.max(0, quiet - idleMillis);
        }
        if (wm > emitted) {
            emitted = wm;
            output.emitWatermark(new Watermark(wm));
        }
    }
}
