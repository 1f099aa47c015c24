package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

/**
 * Turns one wearer's stream of {@link SampleBlock}s into per-window features, as plain Java
 * meant to live in Flink keyed state per (session, wearer).
 *
 * <p><b>Windows.</b> Window {@code k} is {@code [k * hop, k * hop + window)} seconds from media
 * start ({@code windowSeconds}, {@code hopSeconds}). The first window starts at the first hop
 * boundary at or after the wearer's first sample (negative seconds when data starts before the
 * media); there are no windows before the data.
 *
 * <p><b>Completion.</b> Channels used: EDA, IBI, HR, ACC, TEMP (BVP blocks are ignored at this
 * level; heart rate comes from the device IBIs). A window {@code [s, e)} is computed once every
 * one of these channels has delivered data up to {@code e}, or once the most advanced channel
 * is more than {@code maxChannelSkewSeconds} past {@code e}. A channel that stopped (the
 * truncated FLIRT export) or never appears therefore delays windows by at most the skew and then
 * counts as absent. A window uses no sample at or after its end, so as long as no channel's
 * blocks arrive more than the skew behind another's, the windows and their values do not depend
 * on how blocks of different channels interleave. Blocks of one channel must arrive in time
 * order. An IBI block is taken to cover {@code blockSeconds} from its start (the {@code
 * BlockSplitter} convention). A window also waits until the event cores have been processed to
 * {@code cardiac.device_cover_s} (1.5 s) past its end: a pulse-wave beat near its end is dropped
 * when a device beat that close follows, so an earlier window would depend on where the 60 s
 * cores fall (a window ending in the last 1.5 s of a core comes one core later).
 *
 * <p><b>End.</b> {@link #finish(long)} computes the windows left up to the end of the data. The
 * last ones may be partial: a window cut by the end is computed over {@code [s, end)} (its
 * {@code endS} says so, and qualities are relative to that span) when it holds at least half a
 * window, else dropped, with all later ones.
 *
 * <p><b>Memory.</b> Samples older than (oldest incomplete window start - {@code contextSeconds})
 * are dropped, and late samples before that time are ignored. Since windows follow the most
 * advanced channel within the skew, a buffer holds at most about {@code contextSeconds +
 * windowSeconds + hopSeconds + maxChannelSkewSeconds + blockSeconds} of each channel.
 */
public final class WearerWindower implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Channels whose progress decides when a window is complete. */
    private static final Set<Channel> USED =
            EnumSet.of(Channel.EDA, Channel.IBI, Channel.HR, Channel.ACC, Channel.TEMP);
    /** Channels buffered: the window channels, plus BVP for pulse-wave beats. */
    private static final Set<Channel> BUFFERED =
            EnumSet.of(Channel.EDA, Channel.IBI, Channel.HR, Channel.ACC, Channel.TEMP, Channel.BVP);

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final FeatureConfig config;
    private final String sessionId;
    private final Role role;
    private final long mediaStartMillis;
    /** A TreeMap (channel order, as an EnumMap iterates) because Kryo, which copies this state, cannot rebuild an EnumMap. */
    private final TreeMap<Channel, ChannelBuffer> buffers = new TreeMap<>();
    /** Index of the oldest window not yet emitted; {@link #NOT_STARTED} before the first. */
    private long nextWindow = NOT_STARTED;

    private double firstSampleMillis = Double.POSITIVE_INFINITY;
    /** What overlapping windows share (ACC frames, HRV block sums); not state: rebuilt when lost. */
    private transient WindowCaches caches;
    /** SCRs and beats, detected once each in consecutive cores. */
    private final EventStage events;
    /**
     * Whether the last window emitted had an irregular heart rhythm ({@link
     * WindowFeatures#irregularRhythm}): the next one is judged with the hysteresis of {@code
     * cardiac.irregular_leave_share}. State, so that live and review (both compute a wearer's
     * windows here, in order) judge every window alike.
     */
    private boolean irregularRhythm;

    /**
     * @param config windowing and feature parameters
     * @param sessionId the session; blocks of another session are refused
     * @param role the wearer; blocks of another wearer are refused
     * @param mediaStartMillis second 0 of the session video, epoch ms: window times refer to it
     */
    public WearerWindower(FeatureConfig config, String sessionId, Role role, long mediaStartMillis) {
        this.config = Objects.requireNonNull(config, "config");
        this.sessionId = sessionId;
        this.role = Objects.requireNonNull(role, "role");
        this.mediaStartMillis = mediaStartMillis;
        this.events = new EventStage(config, sessionId, role.id(), mediaStartMillis);
    }

    /**
     * Buffers a block and returns the windows it completed, oldest first. An end-of-stream block
     * acts as {@link #finish(long) finish(block.startMillis)}.
     *
     * @throws IllegalArgumentException for a block of another session or wearer, an unknown
     *     channel, or a rate or width that changes within a channel
     */
    public List<WindowFeatures> add(SampleBlock block) {
        if (block.sessionId != null && !block.sessionId.equals(sessionId)
                || block.role != null && !block.role.equals(role.id())) {
            throw new IllegalArgumentException(block + " does not belong to " + sessionId + "/" + role.id());
        }
        if (block.endOfStream) {
            return finish(block.startMillis);
        }
        Channel channel = channelOf(block);
        if (!BUFFERED.contains(channel)) {
            return List.of();
        }
        ChannelBuffer buffer = buffers.computeIfAbsent(channel, c -> new ChannelBuffer(c.width(), c == Channel.IBI));
        double first = buffer.append(block, config.blockMillis(), evictionCutoff());
        firstSampleMillis = Math.min(firstSampleMillis, first);
        List<WindowFeatures> out = new ArrayList<>();
        if (Double.isInfinite(firstSampleMillis)) {
            return out;
        }
        events.advance(buffers, firstSampleMillis, Double.NaN, windowsFromMillis());
        long k = nextWindow == NOT_STARTED ? firstWindowIndex() : nextWindow;
        // a window waits until the device beats up to cardiac.device_cover_s past its end are
        // known: a pulse-wave beat near its end is dropped when a device beat that close follows
        // (CardiacWindow.merge), so an earlier window would depend on where the cores fall
        double cover = config.get(CardiacOptions.DEVICE_COVER_S) * 1000;
        while (isComplete(windowStart(k) + config.windowMillis())
                && events.processedUntilMillis() >= windowStart(k) + config.windowMillis() + cover) {
            out.add(compute(windowStart(k), windowStart(k) + config.windowMillis()));
            nextWindow = ++k;
        }
        if (!out.isEmpty()) {
            double cutoff = evictionCutoff();
            buffers.values().forEach(b -> b.evictBefore(cutoff));
        }
        return out;
    }

    /**
     * Returns every window left up to {@code min(endMillis, end of the data)}, including a final
     * partial window holding at least half a window, and empties the windower.
     *
     * @param endMillis end of the wearer's recording, epoch ms
     */
    public List<WindowFeatures> finish(long endMillis) {
        List<WindowFeatures> out = new ArrayList<>();
        double dataEnd = buffers.values().stream()
                .mapToDouble(ChannelBuffer::dataEndMillis)
                .max()
                .orElse(Double.NEGATIVE_INFINITY);
        double end = Math.min(endMillis, dataEnd);
        if (!Double.isInfinite(firstSampleMillis)) {
            events.advance(buffers, firstSampleMillis, end, windowsFromMillis());
            long k = nextWindow == NOT_STARTED ? firstWindowIndex() : nextWindow;
            for (long s = windowStart(k); s < end; s = windowStart(++k)) {
                long e = s + config.windowMillis();
                if (e <= end) {
                    out.add(compute(s, e));
                } else if (end - s >= config.windowMillis() / 2.0) {
                    out.add(compute(s, end));
                } else {
                    break;
                }
            }
        }
        buffers.clear();
        caches = null;
        irregularRhythm = false;
        nextWindow = NOT_STARTED;
        firstSampleMillis = Double.POSITIVE_INFINITY;
        return out;
    }

    /** Moves the SCR, beat and artifact rows detected since the last call into {@code out}. */
    public void drainEvents(WearerEvents out) {
        events.drain(out);
    }

    /** The event stage (for tests). */
    EventStage events() {
        return events;
    }

    /** Samples held over all channels (memory use is about 8 bytes x (width + 1) each). */
    public int bufferedSampleCount() {
        return buffers.values().stream().mapToInt(ChannelBuffer::size).sum();
    }

    /** True when nothing is buffered and no window is pending (after {@link #finish}). */
    public boolean isEmpty() {
        return buffers.isEmpty() && nextWindow == NOT_STARTED;
    }

    /** Start of the oldest window not yet emitted, epoch ms; empty before any data. */
    public OptionalLong nextWindowStartMillis() {
        if (Double.isInfinite(firstSampleMillis)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(windowStart(nextWindow == NOT_STARTED ? firstWindowIndex() : nextWindow));
    }

    private boolean isComplete(long endMillis) {
        return ChannelProgress.reached(buffers, USED, endMillis, config.maxChannelSkewMillis());
    }

    private WindowFeatures compute(long startMillis, double endMillis) {
        if (caches == null) {
            caches = WindowCaches.create(mediaStartMillis, config);
        }
        WindowFeatures w = WindowComputer.compute(
                buffers,
                events,
                caches,
                config,
                sessionId,
                role.id(),
                mediaStartMillis,
                startMillis,
                endMillis,
                irregularRhythm);
        irregularRhythm = w.irregularRhythm;
        return w;
    }

    /**
     * The earliest time, epoch ms, the next window (the first one before any is emitted) reads the
     * event stage's kept events and stretches from: its context before its start ({@code
     * features.context_s}) or the event stage's recent span ({@link EventStage#RECENT_MILLIS}, the
     * longest beat span plus a window) before its end, whichever is earlier.
     */
    private double windowsFromMillis() {
        long start = windowStart(nextWindow == NOT_STARTED ? firstWindowIndex() : nextWindow);
        return Math.min(start - config.contextMillis(), start + config.windowMillis() - EventStage.RECENT_MILLIS);
    }

    /** Samples before this are no longer needed (-infinity until the first window is emitted). */
    private double evictionCutoff() {
        return nextWindow == NOT_STARTED
                ? Double.NEGATIVE_INFINITY
                : Math.min(windowStart(nextWindow) - config.contextMillis(), events.neededFromMillis());
    }

    private long firstWindowIndex() {
        return (long) Math.ceil((firstSampleMillis - mediaStartMillis - 1e-6) / config.hopMillis());
    }

    private long windowStart(long k) {
        return mediaStartMillis + k * config.hopMillis();
    }

    private static Channel channelOf(SampleBlock block) {
        try {
            return Channel.valueOf(block.channel);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown channel '" + block.channel + "' in " + block, e);
        }
    }
}
