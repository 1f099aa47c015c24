package org.sessionreview.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Many consecutive samples of one channel of one wearer: the unit that travels through Flink
 * (one record per sample would spend most of the CPU in serialization).
 *
 * <p>Regular channels: sample {@code i} is at {@code startMillis + i * 1000 / rateHz}, its values
 * at {@code values[i * width .. i * width + width - 1]}. IBI blocks ({@code rateHz == 0}): beat
 * {@code i} ends at {@code startMillis + offsetsS[i] * 1000} and {@code values[i]} is the
 * interval in seconds.
 *
 * <p>A block with {@link #endOfStream} set carries no samples: it says this wearer's recording
 * ended at {@code startMillis}, so that keyed state for the wearer can be flushed and cleared.
 *
 * <p>A plain POJO (public fields, no-arg constructor) so that Flink's POJO serializer handles it.
 */
public class SampleBlock {
    public String sessionId;
    /** {@link Role#id()} of the wearer. */
    public String role;
    /** {@link Channel#name()}. */
    public String channel;
    /** Absolute time of the first sample (or of the IBI offsets' origin), epoch milliseconds. */
    public long startMillis;
    /** Second 0 of the session video, epoch milliseconds: the origin of window times. */
    public long mediaStartMillis;
    /** Sampling rate in Hz; 0 for IBI. */
    public double rateHz;
    /** Values per sample (3 for ACC). */
    public int width = 1;

    public double[] values = new double[0];
    /** IBI only: beat times in seconds after {@link #startMillis}; null for regular channels. */
    public double[] offsetsS;
    /** Index of the first sample in its source file (0-based, data rows only). */
    public long firstIndex;

    public boolean endOfStream;
    /**
     * On an end marker: how many data blocks the wearer's stream holds, so that the end can be
     * recognised whatever order the blocks arrive in (batch execution sorts keyed input).
     */
    public int streamBlockCount;
    /**
     * Live input only: the Kafka record timestamp (epoch ms) of the message whose processing
     * completed this block (or, on an end marker, ended the session); 0 in a review of files. For
     * latency measurement: not content, so not part of {@link #equals}, and in no table.
     */
    public long arrivalMillis;

    public SampleBlock() {}

    /** Number of samples (not values) in this block. */
    public int sampleCount() {
        return width <= 0 ? 0 : values.length / width;
    }

    /** Absolute time of sample {@code i}, epoch milliseconds (regular channels). */
    public double sampleMillis(int i) {
        if (offsetsS != null) {
            return startMillis + offsetsS[i] * 1000.0;
        }
        return startMillis + i * 1000.0 / rateHz;
    }

    /** End of the block: the time just after its last sample, epoch milliseconds. */
    public long endMillis() {
        int n = sampleCount();
        if (n == 0) {
            return startMillis;
        }
        if (offsetsS != null) {
            return startMillis + (long) Math.ceil(offsetsS[n - 1] * 1000.0);
        }
        return startMillis + (long) Math.ceil(n * 1000.0 / rateHz);
    }

    public static SampleBlock endMarker(String sessionId, String role, long endMillis) {
        SampleBlock b = new SampleBlock();
        b.sessionId = sessionId;
        b.role = role;
        b.channel = "END";
        b.startMillis = endMillis;
        b.endOfStream = true;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampleBlock)) {
            return false;
        }
        SampleBlock b = (SampleBlock) o;
        return startMillis == b.startMillis
                && Double.compare(rateHz, b.rateHz) == 0
                && width == b.width
                && firstIndex == b.firstIndex
                && endOfStream == b.endOfStream
                && Objects.equals(sessionId, b.sessionId)
                && Objects.equals(role, b.role)
                && Objects.equals(channel, b.channel)
                && Arrays.equals(values, b.values)
                && Arrays.equals(offsetsS, b.offsetsS);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, role, channel, startMillis, firstIndex);
    }

    @Override
    public String toString() {
        return "SampleBlock{" + sessionId + "/" + role + "/" + channel + " @" + startMillis + " n=" + sampleCount()
                + (endOfStream ? " END" : "") + "}";
    }
}
