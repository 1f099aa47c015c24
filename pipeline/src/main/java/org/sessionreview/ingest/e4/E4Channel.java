package org.sessionreview.ingest.e4;

import java.util.Arrays;
import java.util.Objects;
import org.sessionreview.model.Channel;

/**
 * The samples of one E4 channel as read from its file.
 *
 * <p>Regular channels (EDA, BVP, ACC, TEMP, HR): sample {@code i} is at {@code startMillis + i
 * * 1000 / rateHz}; its values sit at {@code values[i * width .. i * width + width - 1]} (ACC
 * interleaved x, y, z in 1/64 g). A data line the reader rejected is kept as NaN so that the
 * samples after it keep their times; so is the gap between two exports joined in one file
 * ({@link JoinedExports}).
 *
 * <p>IBI: beat {@code i} ends {@code offsetsS[i]} seconds after {@code startMillis} and {@code
 * values[i]} is its interval in seconds; {@code rateHz} is 0. Rejected IBI lines are dropped (the
 * beats carry their own times).
 *
 * <p>Immutable: accessors return copies; the reader's classes in this package share the arrays.
 */
public final class E4Channel {
    private final Channel channel;
    private final long startMillis;
    private final double rateHz;
    private final double[] values;
    private final double[] offsetsS;

    private E4Channel(Channel channel, long startMillis, double rateHz, double[] values, double[] offsetsS) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.startMillis = startMillis;
        this.rateHz = rateHz;
        this.values = values;
        this.offsetsS = offsetsS;
    }

    /**
     * A regular channel.
     *
     * @param startMillis time of sample 0, epoch milliseconds
     * @param rateHz sampling rate, Hz (> 0)
     * @param values samples, {@code channel.width()} values each (copied)
     * @throws IllegalArgumentException for IBI, a rate <= 0 or a length that is not a multiple of
     *     the width
     */
    public static E4Channel regular(Channel channel, long startMillis, double rateHz, double[] values) {
        if (channel == Channel.IBI) {
            throw new IllegalArgumentException("IBI is not a regular channel: use ibi(...)");
        }
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException(channel + " rateHz must be > 0, got " + rateHz);
        }
        if (values.length % channel.width() != 0) {
            throw new IllegalArgumentException(
                    channel + " needs " + channel.width() + " values per sample, got " + values.length + " values");
        }
        return new E4Channel(channel, startMillis, rateHz, values.clone(), null);
    }

    /**
     * The IBI channel.
     *
     * @param startMillis origin of the offsets, epoch milliseconds
     * @param offsetsS beat times in seconds after {@code startMillis} (copied)
     * @param intervalsS inter-beat intervals in seconds, same length (copied)
     */
    public static E4Channel ibi(long startMillis, double[] offsetsS, double[] intervalsS) {
        if (offsetsS.length != intervalsS.length) {
            throw new IllegalArgumentException(
                    "IBI offsets (" + offsetsS.length + ") and intervals (" + intervalsS.length + ") differ in length");
        }
        return new E4Channel(Channel.IBI, startMillis, 0, intervalsS.clone(), offsetsS.clone());
    }

    /** Package use: wraps arrays the reader built, without copying. */
    static E4Channel wrap(Channel channel, long startMillis, double rateHz, double[] values, double[] offsetsS) {
        return new E4Channel(channel, startMillis, rateHz, values, offsetsS);
    }

    public Channel channel() {
        return channel;
    }

    /** Time of sample 0 (IBI: origin of the offsets), epoch milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Sampling rate, Hz; 0 for IBI. */
    public double rateHz() {
        return rateHz;
    }

    /** Values per sample: 3 for ACC, 1 otherwise. */
    public int width() {
        return channel.width();
    }

    /** Number of samples (IBI: beats). */
    public int sampleCount() {
        return values.length / width();
    }

    /** Value {@code column} of sample {@code i} (IBI: the interval in seconds). */
    public double value(int i, int column) {
        return values[i * width() + column];
    }

    /** A copy of all values (ACC interleaved x, y, z). */
    public double[] values() {
        return values.clone();
    }

    /** IBI beat times in seconds after {@link #startMillis()} (a copy); null otherwise. */
    public double[] offsetsS() {
        return offsetsS == null ? null : offsetsS.clone();
    }

    /** Time of sample (beat) {@code i}, epoch milliseconds. */
    public double sampleMillis(int i) {
        return offsetsS != null ? startMillis + offsetsS[i] * 1000.0 : startMillis + i * 1000.0 / rateHz;
    }

    /**
     * End of the data, epoch milliseconds: just after the last sample of a regular channel, the
     * last beat for IBI; {@link #startMillis()} when empty.
     */
    public double endMillis() {
        int n = sampleCount();
        if (n == 0) {
            return startMillis;
        }
        return offsetsS != null ? sampleMillis(n - 1) : startMillis + n * 1000.0 / rateHz;
    }

    double[] rawValues() {
        return values;
    }

    double[] rawOffsets() {
        return offsetsS;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof E4Channel)) {
            return false;
        }
        E4Channel c = (E4Channel) o;
        return channel == c.channel
                && startMillis == c.startMillis
                && Double.compare(rateHz, c.rateHz) == 0
                && Arrays.equals(values, c.values)
                && Arrays.equals(offsetsS, c.offsetsS);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, startMillis, rateHz, values.length);
    }

    @Override
    public String toString() {
        return "E4Channel{" + channel + " @" + startMillis + " " + rateHz + " Hz n=" + sampleCount() + "}";
    }
}
