package org.sessionreview.ingest.e4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;

/**
 * Cuts an {@link E4Recording} into {@link SampleBlock}s of a fixed time span (default 30 s:
 * EDA 120 samples, BVP 1920, ACC 960 x 3, TEMP 120, HR 30).
 *
 * <p>Regular channels: block {@code k} holds samples {@code k * n .. k * n + n - 1} with {@code n
 * = round(blockSeconds * rateHz)}; its {@code startMillis} is the first sample's time rounded to
 * the millisecond (exact for the E4 rates and whole-second spans).
 *
 * <p>IBI: block {@code k} covers {@code [start + k * span, start + (k + 1) * span)} from the IBI
 * origin and holds the beats whose times fall in it, with offsets rebased to the block start.
 * Spans without beats still get an (empty) block up to the end of the recording, so that a
 * consumer sees that the IBI channel is alive through a gap in the beats; the windower relies on
 * this convention (an IBI block covers {@code blockSeconds} from its start).
 */
public final class BlockSplitter {
    /**
     * Live-stream order: by start time, then channel ({@link Channel} order), then first index;
     * end-of-stream markers after all data blocks that start at the same time.
     */
    public static final Comparator<SampleBlock> STREAM_ORDER = Comparator.comparingLong(
                    (SampleBlock b) -> b.startMillis)
            .thenComparingInt(BlockSplitter::channelRank)
            .thenComparingLong(b -> b.firstIndex);

    private final long blockMillis;

    /** Blocks of {@link FeatureConfig#blockSeconds()}. */
    public BlockSplitter(FeatureConfig config) {
        this.blockMillis = config.blockMillis();
    }

    /**
     * All channels' blocks, channel after channel. IBI blocks reach the recording's end ({@link
     * E4Recording#endMillis()}).
     *
     * @param role the wearer
     * @param mediaStartMillis second 0 of the session video, epoch ms, written into each block
     */
    public List<SampleBlock> split(E4Recording recording, Role role, long mediaStartMillis) {
        List<SampleBlock> blocks = new ArrayList<>();
        for (Channel c : recording.presentChannels()) {
            E4Channel data = recording.channel(c).orElseThrow();
            blocks.addAll(split(data, recording.sessionId(), role, mediaStartMillis, recording.endMillis()));
        }
        return blocks;
    }

    /**
     * The wearer's blocks as a live stream would deliver them ({@link #STREAM_ORDER}), followed
     * by an end-of-stream marker at {@link E4Recording#endMillis()}.
     */
    public List<SampleBlock> stream(E4Recording recording, Role role, long mediaStartMillis) {
        List<SampleBlock> blocks = interleave(split(recording, role, mediaStartMillis));
        if (!recording.presentChannels().isEmpty()) {
            SampleBlock end = SampleBlock.endMarker(recording.sessionId(), role.id(), recording.endMillis());
            end.mediaStartMillis = mediaStartMillis;
            end.streamBlockCount = blocks.size();
            blocks.add(end);
        }
        return blocks;
    }

    /**
     * One channel's blocks in time order.
     *
     * @param untilMillis IBI only: empty blocks continue up to this time (epoch ms) after the
     *     last beat; ignored for regular channels
     */
    public List<SampleBlock> split(
            E4Channel data, String sessionId, Role role, long mediaStartMillis, long untilMillis) {
        List<SampleBlock> blocks = data.channel() == Channel.IBI ? splitIbi(data, untilMillis) : splitRegular(data);
        for (SampleBlock b : blocks) {
            b.sessionId = sessionId;
            b.role = role.id();
            b.channel = data.channel().name();
            b.mediaStartMillis = mediaStartMillis;
        }
        return blocks;
    }

    /** A copy of {@code blocks} sorted into {@link #STREAM_ORDER} (stable). */
    public static List<SampleBlock> interleave(Collection<SampleBlock> blocks) {
        List<SampleBlock> sorted = new ArrayList<>(blocks);
        sorted.sort(STREAM_ORDER);
        return sorted;
    }

    private List<SampleBlock> splitRegular(E4Channel data) {
        int width = data.width();
        int perBlock = (int) Math.max(1, Math.round(blockMillis / 1000.0 * data.rateHz()));
        int n = data.sampleCount();
        double[] values = data.rawValues();
        List<SampleBlock> blocks = new ArrayList<>(n / perBlock + 1);
        for (int first = 0; first < n; first += perBlock) {
            int count = Math.min(perBlock, n - first);
            SampleBlock b = new SampleBlock();
            b.startMillis = data.startMillis() + Math.round(first * 1000.0 / data.rateHz());
            b.rateHz = data.rateHz();
            b.width = width;
            b.values = Arrays.copyOfRange(values, first * width, (first + count) * width);
            b.firstIndex = first;
            blocks.add(b);
        }
        return blocks;
    }

    private List<SampleBlock> splitIbi(E4Channel data, long untilMillis) {
        double[] offsets = data.rawOffsets();
        double[] intervals = data.rawValues();
        int n = offsets.length;
        long lastSpan = n == 0 ? -1 : spanOf(offsets[n - 1]);
        long untilSpan = untilMillis <= data.startMillis() ? -1 : (untilMillis - data.startMillis() - 1) / blockMillis;
        List<SampleBlock> blocks = new ArrayList<>();
        int i = 0;
        for (long k = 0; k <= Math.max(lastSpan, untilSpan); k++) {
            int first = i;
            while (i < n && spanOf(offsets[i]) == k) {
                i++;
            }
            SampleBlock b = new SampleBlock();
            b.startMillis = data.startMillis() + k * blockMillis;
            b.rateHz = 0;
            b.width = 1;
            b.values = Arrays.copyOfRange(intervals, first, i);
            b.offsetsS = new double[i - first];
            for (int j = first; j < i; j++) {
                b.offsetsS[j - first] = (offsets[j] * 1000.0 - k * blockMillis) / 1000.0;
            }
            b.firstIndex = first;
            blocks.add(b);
        }
        return blocks;
    }

    private long spanOf(double offsetS) {
        return (long) Math.floor(offsetS * 1000.0 / blockMillis);
    }

    private static int channelRank(SampleBlock b) {
        if (b.endOfStream) {
            return Integer.MAX_VALUE;
        }
        try {
            return Channel.valueOf(b.channel).ordinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Integer.MAX_VALUE - 1;
        }
    }
}
