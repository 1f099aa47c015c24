package org.sessionreview.jobs.live;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.model.SampleBlock;

/**
 * A session folder read once for replay: its {@link IngestedSession}, the origin of each of its
 * streams and the time its replay starts. Copies of the session ({@code --copies}) share it; each
 * copy's messages are made lazily by {@link #replay(int)}.
 */
public final class RecordedSession {
    private final IngestedSession session;
    private final long blockMillis;
    private final Map<String, Long> origins;
    private final long firstDueMillis;
    private final long sampleCount;

    private RecordedSession(
            IngestedSession session,
            long blockMillis,
            Map<String, Long> origins,
            long firstDueMillis,
            long sampleCount) {
        this.session = session;
        this.blockMillis = blockMillis;
        this.origins = origins;
        this.firstDueMillis = firstDueMillis;
        this.sampleCount = sampleCount;
    }

    /**
     * @param session an ingested session with its metadata ({@code info} not null)
     * @param blockMillis the span of its IBI blocks, ms ({@code FeatureConfig.blockMillis()}, default 30000)
     * @throws IllegalArgumentException if {@code info} is null
     * @throws IllegalStateException if the blocks are not in start order, or a stream has no
     *     first block (regular: {@code firstIndex} 0) or two of them
     */
    public static RecordedSession of(IngestedSession session, long blockMillis) {
        if (session.info == null) {
            throw new IllegalArgumentException("the session has no metadata (session.json unusable)");
        }
        Map<String, Long> origins = new HashMap<>();
        long first = session.info.mediaStartMillis;
        long samples = 0;
        long previousStart = Long.MIN_VALUE;
        for (SampleBlock b : session.blocks) {
            if (b.startMillis < previousStart) { // SessionReplay relies on it
                throw new IllegalStateException(
                        "session " + session.info.sessionId + ": blocks not in start order at " + b);
            }
            previousStart = b.startMillis;
            if (b.endOfStream) {
                continue;
            }
            first = Math.min(first, b.startMillis);
            samples += b.sampleCount();
            if (b.rateHz == 0) {
                origins.merge(streamKey(b), b.startMillis, Math::min); // IBI: the first block starts at the origin
            } else if (b.firstIndex == 0 && origins.putIfAbsent(streamKey(b), b.startMillis) != null) {
                throw new IllegalStateException(
                        "session " + session.info.sessionId + ": two first blocks of " + streamKey(b));
            }
        }
        for (SampleBlock b : session.blocks) {
            if (!b.endOfStream && !origins.containsKey(streamKey(b))) {
                throw new IllegalStateException(
                        "session " + session.info.sessionId + ": no first block of " + streamKey(b));
            }
        }
        return new RecordedSession(session, blockMillis, Collections.unmodifiableMap(origins), first, samples);
    }

    /** The session id of copy {@code copy} (1-based): the session's own for copy 1, else {@code <id>~<copy>}. */
    public static String copyId(String sessionId, int copy) {
        if (copy < 1) {
            throw new IllegalArgumentException("copies count from 1, got " + copy);
        }
        return copy == 1 ? sessionId : sessionId + "~" + copy;
    }

    /** The messages of copy {@code copy} (1-based), made lazily, in due order. */
    public SessionReplay replay(int copy) {
        return new SessionReplay(this, copyId(session.info.sessionId, copy));
    }

    public IngestedSession session() {
        return session;
    }

    /** The IBI blocks' span, ms. */
    public long blockMillis() {
        return blockMillis;
    }

    /** The origin of a wearer's channel, epoch ms (see {@link SampleMessages}). */
    long originMillis(SampleBlock b) {
        return origins.get(streamKey(b));
    }

    /**
     * When the replay of this session starts, epoch ms of the recording: its earliest data, or
     * media start when that is earlier. The {@code session_start} message is due then.
     */
    public long firstDueMillis() {
        return firstDueMillis;
    }

    /** Samples (regular) and beats (IBI) of all wearers and channels. */
    public long sampleCount() {
        return sampleCount;
    }

    private static String streamKey(SampleBlock b) {
        return b.role + "/" + b.channel;
    }
}
