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
 * timers fire. A partition that has delivered nothing since the (re)start is marked idle after
 * {@code idleMillis} (it does not hold the others back) and follows the wall clock only after
 * {@link #NEVER_READ_FACTOR} times that.
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
    private boolean idle;
    /** A partition that has delivered nothing for this many {@code idleMillis} follows the wall clock. */
    static final int NEVER_READ_FACTOR = 6;

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
            // nothing read since this (re)start: first idle, so that an empty partition does not
            // hold the others back; only much later the wall clock (a restart whose first fetch is
            // slow must not jump time past the backlog and end its sessions by silence)
            if (now - createdMillis >= NEVER_READ_FACTOR * idleMillis) {
                wm = now - idleMillis - boundMillis;
            } else {
                if (now - createdMillis >= idleMillis && !idle) {
                    idle = true;
                    output.markIdle();
                }
                return;
            }
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
