package org.sessionreview.jobs.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.SampleBlock;

/**
 * Cuts the {@link SampleBlock}s of a recorded session into {@code samples} messages of about one
 * second, as a live device bridge would send them, each with the time it is due (the moment a
 * device would have the data: the end of the stretch it carries).
 *
 * <p>Regular channels ({@code rateHz > 0}): runs of {@code round(rateHz)} consecutive samples
 * (ACC: 3 values each) from the start of each block; the last run of a block may be shorter.
 * {@code first_index} counts samples from the stream's first one; {@code start_ms = stream_start_ms
 * + round(first_index * 1000 / rateHz)}; due at {@code stream_start_ms + round((first_index + n) *
 * 1000 / rateHz)} for {@code n} samples.
 *
 * <p>IBI ({@code rateHz == 0}): block {@code k} covers {@code blockMillis} from {@code origin + k *
 * blockMillis} and is cut into stretches of 1 s (the last one shorter when {@code blockMillis} is
 * not a whole number of seconds); stretch {@code j} holds the beats with block-relative times in
 * {@code [j, j + 1)} s, as times after the origin ({@link IbiOffsets}). Stretches without a beat
 * are sent too: they say that the stream is alive. Due at the stretch's end.
 *
 * <p>Every sample and beat of the blocks is in exactly one message, in order.
 */
public final class SampleMessages {
    private SampleMessages() {}

    /**
     * The messages of one regular block, in order.
     *
     * @param streamStartMillis the channel's origin: the {@code startMillis} of its block with
     *     {@code firstIndex} 0, epoch ms
     */
    public static List<DueMessage> regular(String sessionId, SampleBlock b, long streamStartMillis) {
        if (!(b.rateHz > 0)) {
            throw new IllegalArgumentException("not a regular block: " + b);
        }
        int perMessage = (int) Math.max(1, Math.round(b.rateHz));
        int count = b.sampleCount();
        List<DueMessage> out = new ArrayList<>(count / perMessage + 1);
        for (int offset = 0; offset < count; offset += perMessage) {
            int n = Math.min(perMessage, count - offset);
            LiveMessage m = samples(sessionId, b, streamStartMillis);
            m.firstIndex = b.firstIndex + offset;
            m.startMillis = streamStartMillis + Math.round(m.firstIndex * 1000.0 / b.rateHz);
            m.rateHz = b.rateHz;
            m.values = Arrays.copyOfRange(b.values, offset * b.width, (offset + n) * b.width);
            out.add(new DueMessage(streamStartMillis + Math.round((m.firstIndex + n) * 1000.0 / b.rateHz), m));
        }
        return out;
    }

    /**
     * The 1 s stretches of one IBI block, in order (empty ones included).
     *
     * @param originMillis the IBI stream's origin (the start of its first block), epoch ms
     * @param blockMillis the blocks' span, ms ({@code FeatureConfig.blockMillis()}, default 30000)
     * @throws IllegalStateException if the block does not start a whole number of blocks after
     *     the origin, or a beat cannot be placed exactly ({@link IbiOffsets})
     */
    public static List<DueMessage> ibi(String sessionId, SampleBlock b, long originMillis, long blockMillis) {
        if (b.rateHz != 0 || b.offsetsS == null) {
            throw new IllegalArgumentException("not an IBI block: " + b);
        }
        long fromOrigin = b.startMillis - originMillis;
        if (fromOrigin < 0 || fromOrigin % blockMillis != 0) {
            throw new IllegalStateException(
                    "IBI block of session " + sessionId + ", wearer " + b.role + " starts " + fromOrigin
                            + " ms after the stream's origin: not a whole number of " + blockMillis + " ms blocks");
        }
        long k = fromOrigin / blockMillis;
        int stretches = (int) ((blockMillis + 999) / 1000);
        List<DueMessage> out = new ArrayList<>(stretches);
        int beat = 0;
        for (int j = 0; j < stretches; j++) {
            int first = beat;
            while (beat < b.offsetsS.length && (j == stretches - 1 || b.offsetsS[beat] < j + 1)) {
                beat++;
            }
            long spanMillis = Math.min(1000, blockMillis - j * 1000L);
            LiveMessage m = samples(sessionId, b, originMillis);
            m.startMillis = b.startMillis + j * 1000L;
            m.spanS = spanMillis / 1000.0;
            m.firstIndex = b.firstIndex + first;
            m.values = Arrays.copyOfRange(b.values, first, beat);
            m.offsetsS = new double[beat - first];
            for (int i = first; i < beat; i++) {
                m.offsetsS[i - first] = IbiOffsets.toStream(
                        b.offsetsS[i],
                        k,
                        blockMillis,
                        "#" + (b.firstIndex + i) + " of session " + sessionId + ", wearer " + b.role);
            }
            out.add(new DueMessage(m.startMillis + spanMillis, m));
        }
        return out;
    }

    private static LiveMessage samples(String sessionId, SampleBlock b, long streamStartMillis) {
        LiveMessage m = new LiveMessage();
        m.type = LiveMessage.SAMPLES;
        m.sessionId = sessionId;
        m.wearer = b.role;
        m.channel = b.channel;
        m.streamStartMillis = streamStartMillis;
        return m;
    }
}
