package org.sessionreview.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.sessionreview.model.SampleBlock;

/**
 * One channel of one wearer of a live session, re-cut into the canonical blocks a review of the
 * same recording's files gets from {@code BlockSplitter} (block {@code k} of a regular channel
 * holds samples {@code k * n .. k * n + n - 1}, {@code n = round(blockSeconds * rateHz)}; IBI
 * block {@code k} holds the beats in {@code [origin + k * span, origin + (k + 1) * span)} with
 * offsets rebased to its start), so that the windows downstream are the same as in the review.
 *
 * <p>Plain state (public fields, no-arg constructor) kept in Flink's keyed state; the logic is in
 * {@link #acceptRegular}, {@link #acceptIbi} and {@link #finish}, which return the blocks that became
 * complete (without session, wearer and media start: {@link LiveAssembler} fills them in).
 */
public class LiveStream {
    public String channel;
    public int width = 1;
    /** Stream origin, epoch ms: time of sample 0 (regular) or of IBI offset 0. */
    public long originMillis;

    public double rateHz;
    /** Canonical block length, ms. */
    public long blockMillis;
    /** Regular: samples per canonical block. */
    public int perBlock;
    /** Regular: index of the next sample expected; IBI: beats received. */
    public long next;
    /** Regular: values of the block being filled (from sample {@link #blockFirst}). */
    public double[] buffer = new double[0];

    public int buffered;
    public long blockFirst;
    /** Regular: messages that arrived ahead of {@link #next}, by first index. */
    public TreeMap<Long, double[]> ahead = new TreeMap<>();
    /** IBI: the span index being filled and its beats (offsets from the origin, s). */
    public long span;

    public List<Double> spanOffsets = new ArrayList<>();
    public List<Double> spanValues = new ArrayList<>();
    /** IBI: index of the first beat of the span being filled. */
    public long spanFirst;
    /** IBI: the span of the last beat received; -1 before any. */
    public long lastBeatSpan = -1;
    /** IBI: end of the stretch covered so far, epoch ms. */
    public long coveredMillis;
    /**
     * IBI: stretches that arrived ahead of {@link #coveredMillis} (one before them is late), by
     * start (epoch ms): {offsets (s), intervals (s), {end (epoch ms)}} ({@link IbiStretches}).
     */
    public TreeMap<Long, double[][]> ibiAhead = new TreeMap<>();
    /** Samples (IBI: beats) received, gaps filled not counted. */
    public long received;
    /** End of the data, epoch ms (as {@code E4Channel.endMillis()}); NaN before any sample. */
    public double endMillis = Double.NaN;
    /** Canonical blocks emitted. */
    public int blocks;

    public LiveStream() {}

    /** A regular stream starting at {@code originMillis} with {@code rateHz}. */
    public static LiveStream regular(String channel, int width, long originMillis, double rateHz, long blockMillis) {
        LiveStream s = new LiveStream();
        s.channel = channel;
        s.width = width;
        s.originMillis = originMillis;
        s.rateHz = rateHz;
        s.blockMillis = blockMillis;
        s.perBlock = (int) Math.max(1, Math.round(blockMillis / 1000.0 * rateHz));
        s.buffer = new double[s.perBlock * width];
        return s;
    }

    /** An IBI stream whose offsets count from {@code originMillis}. */
    public static LiveStream ibi(long originMillis, long blockMillis) {
        LiveStream s = new LiveStream();
        s.channel = "IBI";
        s.originMillis = originMillis;
        s.blockMillis = blockMillis;
        s.coveredMillis = originMillis;
        return s;
    }

    public boolean isIbi() {
        return rateHz == 0;
    }

    /**
     * Adds a regular message's samples. Returns the blocks completed. The caller has checked that
     * {@code first >= next} and that the message is not too far ahead.
     */
    public List<SampleBlock> acceptRegular(long first, double[] values) {
        List<SampleBlock> out = new ArrayList<>();
        if (first > next) {
            ahead.put(first, values);
            return out;
        }
        append(values, out);
        drainAhead(out);
        return out;
    }

    /** Regular: one past the highest sample index received (held ahead of a gap or not). */
    public long highest() {
        if (ahead.isEmpty()) {
            return next;
        }
        var last = ahead.lastEntry();
        return Math.max(next, last.getKey() + last.getValue().length / width);
    }

    /** IBI: the end of the latest stretch received, held ahead of a gap or not, epoch ms. */
    public long ibiHighest() {
        return ibiAhead.isEmpty()
                ? coveredMillis
                : Math.max(coveredMillis, (long) ibiAhead.lastEntry().getValue()[2][0]);
    }

    /** Samples held ahead of a gap. */
    public long samplesAhead() {
        long n = 0;
        for (double[] v : ahead.values()) {
            n += v.length / width;
        }
        return n;
    }

    /**
     * Fills the gap before the earliest message held ahead with missing samples (NaN) and
     * appends what follows. Returns the blocks completed; {@code gap} receives the missing
     * sample range {@code [from, to)}.
     */
    public List<SampleBlock> fillFirstGap(long[] gap) {
        List<SampleBlock> out = new ArrayList<>();
        if (ahead.isEmpty()) {
            return out;
        }
        long to = ahead.firstKey();
        gap[0] = next;
        gap[1] = to;
        double[] missing = new double[(int) ((to - next) * width)];
        Arrays.fill(missing, Double.NaN);
        long receivedBefore = received;
        append(missing, out);
        received = receivedBefore;
        drainAhead(out);
        return out;
    }

    private void drainAhead(List<SampleBlock> out) {
        while (!ahead.isEmpty() && ahead.firstKey() <= next) {
            var e = ahead.pollFirstEntry();
            long skip = next - e.getKey();
            double[] v = e.getValue();
            if (skip * width < v.length) {
                append(Arrays.copyOfRange(v, (int) (skip * width), v.length), out);
            }
        }
    }

    private void append(double[] values, List<SampleBlock> out) {
        int n = values.length / width;
        int at = 0;
        while (at < n) {
            // up to the next canonical boundary (after an early flush the block began inside one)
            int room = (int) ((Math.floorDiv(blockFirst, perBlock) + 1) * perBlock - blockFirst);
            int take = Math.max(0, Math.min(n - at, room - buffered));
            System.arraycopy(values, at * width, buffer, buffered * width, take * width);
            buffered += take;
            at += take;
            if (buffered >= room) { // > only in state saved before 2026-12-07's exact early flush
                out.add(regularBlock());
            }
        }
        next += n;
        received += n;
        endMillis = originMillis + next * 1000.0 / rateHz;
    }

    private SampleBlock regularBlock() {
        return regularBlock(buffered);
    }

    /** The first {@code count} buffered samples as a block; the rest stay buffered. */
    private SampleBlock regularBlock(int count) {
        SampleBlock b = new SampleBlock();
        b.channel = channel;
        b.startMillis = originMillis + Math.round(blockFirst * 1000.0 / rateHz);
        b.rateHz = rateHz;
        b.width = width;
        b.values = Arrays.copyOf(buffer, count * width);
        b.firstIndex = blockFirst;
        System.arraycopy(buffer, count * width, buffer, 0, (buffered - count) * width);
        blockFirst += count;
        buffered -= count;
        blocks++;
        return b;
    }

    /** Whether sample {@code index} lies on a whole millisecond (a block starting there is exact). */
    private boolean onWholeMillis(long index) {
        double t = index * 1000.0 / rateHz;
        return Math.abs(t - Math.rint(t)) < 1e-6;
    }

    /**
     * Regular: the partial block, once the wearer's other data have run more than {@code lagMillis}
     * past this stream's end: a channel that stopped while the others go on (a file cut short, a
     * sensor that failed). A review reads its last samples in time order with the other channels;
     * held to the session's end they would reach the windower after it has moved on and be lost
     * (seventh cohort, G02: the therapist's last 19 s of BVP). The block ends at the last sample
     * before one on a whole millisecond (64 Hz: every 8th sample, 32 Hz: every 4th, 4 and 1 Hz:
     * each), so that a channel that was only late goes on in blocks whose start times are exact,
     * the next of them ending at the canonical boundary (review of 2026-12-07: a block begun at
     * any sample had its start rounded to the millisecond, which moved every later sample of the
     * channel by up to 0.5 ms and changed windows, and every later message became a block of its
     * own). The few samples after that point
     * (at most 7 at 64 Hz, 3 at 32 Hz) stay for the next block, or the session's end, where a
     * stopped channel's can come too late for its windows (README, Known limitations). A channel
     * that stays late is flushed like this at every message of the others, in blocks of a few
     * samples: exact, but more blocks (a check of the fix: flushing once per canonical block
     * instead held back up to a block of a channel late first and stopped then). Empty for IBI,
     * while samples are held ahead of a gap, and within the lag.
     *
     * @param progressMillis end of the wearer's most advanced data, epoch ms
     * @param lagMillis how far behind that this stream must be, ms. The block reaches the windower
     *     before it gives up waiting for any of its samples when this is at most {@code
     *     features.max_channel_skew_s} less the block length; the live job uses the block length,
     *     which meets that with the defaults (skew 60 s, blocks 30 s); a skew set below twice the
     *     block length can still lose the first seconds of such a block live (README, Known
     *     limitations)
     */
    public List<SampleBlock> flushIfStalled(double progressMillis, long lagMillis) {
        if (isIbi() || buffered == 0 || !ahead.isEmpty() || !(progressMillis - endMillis > lagMillis)) {
            return List.of();
        }
        int count = buffered;
        while (count > 0 && !onWholeMillis(blockFirst + count)) {
            count--;
        }
        return count == 0 ? List.of() : List.of(regularBlock(count));
    }

    /**
     * Adds an IBI message: beats at {@code offsetsS} (s after the origin) covering the stretch up
     * to {@code coveredTo} (epoch ms). Returns the spans completed.
     */
    public List<SampleBlock> acceptIbi(double[] offsetsS, double[] values, long coveredTo) {
        List<SampleBlock> out = new ArrayList<>();
        for (int i = 0; i < offsetsS.length; i++) {
            long k = (long) Math.floor(offsetsS[i] * 1000.0 / blockMillis);
            while (span < k) {
                out.add(ibiBlock());
            }
            lastBeatSpan = k;
            spanOffsets.add(offsetsS[i]);
            spanValues.add(values[i]);
            received++;
            endMillis = originMillis + offsetsS[i] * 1000.0;
        }
        coveredMillis = Math.max(coveredMillis, coveredTo);
        // a stream without beats is a missing channel, as an IBI file without data lines is
        while (received > 0 && originMillis + (span + 1) * blockMillis <= coveredMillis) {
            out.add(ibiBlock());
        }
        return out;
    }

    private SampleBlock ibiBlock() {
        SampleBlock b = new SampleBlock();
        long k = span;
        b.channel = channel;
        b.startMillis = originMillis + k * blockMillis;
        b.rateHz = 0;
        b.width = 1;
        int n = spanOffsets.size();
        b.values = new double[n];
        b.offsetsS = new double[n];
        for (int j = 0; j < n; j++) {
            b.values[j] = spanValues.get(j);
            b.offsetsS[j] = (spanOffsets.get(j) * 1000.0 - k * blockMillis) / 1000.0;
        }
        b.firstIndex = spanFirst;
        spanFirst += n;
        spanOffsets.clear();
        spanValues.clear();
        span++;
        blocks++;
        return b;
    }

    /**
     * The stream's last blocks at the end of the session: the partial regular block; IBI spans up
     * to {@code untilMillis} (the wearer's recording end), as {@code BlockSplitter} cuts them.
     */
    public List<SampleBlock> finish(long untilMillis) {
        List<SampleBlock> out = new ArrayList<>();
        if (!isIbi()) {
            if (buffered > 0) {
                out.add(regularBlock());
            }
            return out;
        }
        long lastSpan = lastBeatSpan;
        long untilSpan = untilMillis <= originMillis ? -1 : (untilMillis - originMillis - 1) / blockMillis;
        while (span <= Math.max(lastSpan, untilSpan)) {
            out.add(ibiBlock());
        }
        return out;
    }
}
