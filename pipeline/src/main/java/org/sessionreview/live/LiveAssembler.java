package org.sessionreview.live;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionreview.ingest.e4.E4Limits;
import org.sessionreview.ingest.e4.E4SampleRanges;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * Turns a live session's messages into what a review of the same session's files gets from
 * ingest: the session's metadata, canonical sample blocks per wearer with an end marker, and
 * canonical annotations, so that the same topology gives the same rows.
 *
 * <p>Each message has one defined outcome: used; or rejected with a reason (a rejects row, and
 * the job also sends it to the dead-letter topic). Duplicates (samples already received, an
 * event id seen before, a second {@code session_start}) are rejected as duplicates; samples that
 * arrive out of order are held until the gap fills, and a gap still open after {@link
 * #maxAheadS} of later samples (or at the session's end) is filled with missing samples (NaN,
 * masked downstream like any gap) and reported; samples more than {@link #maxAheadS} ahead, or
 * more than the E4's maximum recording length after {@code media_start}, are rejected.
 *
 * <p>Plain Java; {@code LiveIngestFunction} keeps the {@link LiveSession} in keyed state.
 */
public final class LiveAssembler implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the assembler's results go. */
    public interface Output {
        void block(SampleBlock block);

        void session(SessionInfo info);

        void annotation(Annotation annotation);

        /** A rejects row; {@code message} says whether it rejects a whole message (dead letter). */
        void reject(Reject reject, boolean message);
    }

    private final long blockMillis;
    private final double maxDurationHours;
    private final double maxAheadS;
    private final E4SampleRanges ranges;

    /** As the four-argument constructor with the default sample ranges ({@link E4SampleRanges#DEFAULTS}). */
    public LiveAssembler(long blockMillis, double maxDurationHours, double maxAheadS) {
        this(blockMillis, maxDurationHours, maxAheadS, E4SampleRanges.DEFAULTS);
    }

    /**
     * @param blockMillis canonical block length, ms (the review's {@code FeatureConfig.blockMillis()})
     * @param maxDurationHours longest recording accepted, hours ({@link E4Limits#DEFAULT_MAX_DURATION_HOURS})
     * @param maxAheadS how far ahead of a gap samples are held before the gap is filled, s
     * @param ranges each channel's plausible sample range ({@code ingest.e4_*}, as the review reads
     *     E4 files): a sample outside is taken as missing, with a rejects row
     */
    public LiveAssembler(long blockMillis, double maxDurationHours, double maxAheadS, E4SampleRanges ranges) {
        this.blockMillis = blockMillis;
        this.maxDurationHours = maxDurationHours;
        this.maxAheadS = maxAheadS;
        this.ranges = java.util.Objects.requireNonNull(ranges, "ranges");
    }

    public double maxAheadS() {
        return maxAheadS;
    }

    /**
     * Applies one message to its session's state ({@code s}, null when none is running) and returns
     * the new state: null once the session has ended (or when the message started none).
     */
    public LiveSession accept(LiveSession s, LiveMessage m, Output out) {
        if (s != null) {
            s.lastMessageMillis = Math.max(s.lastMessageMillis, m.timestampMillis);
            s.lastOffset = m.offset;
        }
        if (m.problem != null) {
            reject(m, m.problem, out);
            return s;
        }
        if (LiveMessage.SESSION_START.equals(m.type)) {
            if (s != null) {
                reject(m, "duplicate session_start while the session runs; ignored", out);
                return s;
            }
            return start(m, out);
        }
        if (s == null) {
            reject(m, "no session_start for this session (never sent, or the session has already ended)", out);
            return null;
        }
        switch (m.type) {
            case LiveMessage.SAMPLES -> samples(s, m, out);
            case LiveMessage.EVENT -> {
                String problem = LiveEvents.accept(s, m, out);
                if (problem != null) {
                    reject(m, problem, out);
                }
            }
            case LiveMessage.SESSION_END -> {
                finish(s, m.timestampMillis, out);
                return null;
            }
            default -> reject(m, "unknown type", out);
        }
        return s;
    }

    private LiveSession start(LiveMessage m, Output out) {
        OffsetDateTime media = OffsetDateTime.parse(m.mediaStart);
        SessionInfo i = new SessionInfo();
        i.sessionId = m.sessionId;
        i.therapistId = m.therapistId;
        i.clientKey = m.clientKey;
        i.sessionNumber = m.sessionNumber;
        i.mediaStartMillis = media.toInstant().toEpochMilli();
        i.mediaStartText = media.toString();
        i.sessionDate = media.toLocalDate().toString();
        i.durationS = m.durationS == null ? 0 : m.durationS;
        i.durationDeclared = m.durationS != null;
        i.consentSupervision = m.consentSupervision;
        i.consentResearch = m.consentResearch;
        for (Role r : Role.values()) {
            if (m.wearers.contains(r.id())) {
                i.wearers.add(r.id());
            }
        }
        for (Role r : Role.values()) {
            if (m.multiPartWearers.contains(r.id())) {
                i.multiPartWearers.add(r.id());
            }
        }
        i.metadataJson = m.metadataJson;
        i.folder = m.folder != null ? m.folder : m.sessionId;
        i.provisional = true;
        i.arrivalMillis = m.timestampMillis;
        LiveSession s = new LiveSession();
        s.info = i;
        s.declaredDurationS = m.durationS;
        s.lastMessageMillis = m.timestampMillis;
        s.source = m.source();
        s.lastOffset = m.offset;
        out.session(i.copy());
        return s;
    }

    private void samples(LiveSession s, LiveMessage m, Output out) {
        if (!s.info.wearers.contains(m.wearer)) {
            reject(m, "wearer " + m.wearer + " is not declared in session_start", out);
            return;
        }
        long latest = s.info.mediaStartMillis + Math.round(maxDurationHours * 3_600_000);
        if (m.startMillis > latest || m.streamStartMillis > latest) {
            reject(
                    m,
                    String.format(
                            Locale.ROOT, "in the future: more than %s h after media_start", hours(maxDurationHours)),
                    out);
            return;
        }
        if (Math.abs(m.streamStartMillis - s.info.mediaStartMillis) > E4Limits.START_TOLERANCE_HOURS * 3_600_000L) {
            reject(m, "stream_start_ms is more than " + E4Limits.START_TOLERANCE_HOURS + " h from media_start", out);
            return;
        }
        Channel channel = Channel.valueOf(m.channel);
        String key = LiveSession.streamKey(m.wearer, m.channel);
        LiveStream st = s.streams.get(key);
        if (st == null) {
            if (channel != Channel.IBI) {
                E4Limits limits = E4Limits.around(s.info.mediaStartMillis).withMaxDurationHours(maxDurationHours);
                if (m.rateHz < limits.minRateHz(channel) || m.rateHz > limits.maxRateHz(channel)) {
                    reject(m, "rate_hz " + m.rateHz + " is outside the plausible range for " + channel, out);
                    return;
                }
            }
            st = channel == Channel.IBI
                    ? LiveStream.ibi(m.streamStartMillis, blockMillis)
                    : LiveStream.regular(m.channel, channel.width(), m.streamStartMillis, m.rateHz, blockMillis);
            s.streams.put(key, st);
        } else if (st.originMillis != m.streamStartMillis || Double.compare(st.rateHz, m.rateHz) != 0) {
            reject(m, "stream_start_ms or rate_hz differs from the stream's first message", out);
            return;
        }
        List<SampleBlock> blocks =
                channel == Channel.IBI ? IbiStretches.accept(st, m, maxAheadS, out) : regular(st, m, out);
        // a channel left a block behind the others gives its partial block now, before theirs
        double progress = channel == Channel.IBI ? st.coveredMillis : st.endMillis;
        for (Channel c : Channel.values()) {
            LiveStream other = s.streams.get(LiveSession.streamKey(m.wearer, c.name()));
            if (other != null && other != st) {
                emit(s, m.wearer, other.flushIfStalled(progress, blockMillis), m.timestampMillis, out);
            }
        }
        emit(s, m.wearer, blocks, m.timestampMillis, out);
        LiveEvents.releaseHeld(s, out);
    }

    private List<SampleBlock> regular(LiveStream st, LiveMessage m, Output out) {
        long n = m.values.length / st.width;
        long first = m.firstIndex;
        String what = m.wearer + "/" + m.channel + " samples " + first + ".." + (first + n - 1);
        long expectedStart = st.originMillis + Math.round(first * 1000.0 / st.rateHz);
        if (Math.abs(m.startMillis - expectedStart) > 1) {
            reject(m, what + ": start_ms does not match stream_start_ms + first_index / rate_hz", out);
            return List.of();
        }
        if (first + n <= st.next || st.ahead.containsKey(first)) {
            // a gap is given up once samples run maxAheadS past it: a message that late is no duplicate
            reject(
                    m,
                    what
                            + String.format(
                                    Locale.ROOT,
                                    ": samples already received or already given up as missing (a duplicate, or a message"
                                            + " more than %.0f s late); ignored",
                                    maxAheadS),
                    out);
            return List.of();
        }
        if (first < st.next) {
            reject(m, what + ": overlaps samples already received (up to " + (st.next - 1) + ")", out);
            return List.of();
        }
        long maxAhead = Math.round(maxAheadS * st.rateHz);
        if (first - st.highest() > maxAhead) {
            reject(
                    m,
                    what
                            + String.format(
                                    Locale.ROOT,
                                    ": far out of order, more than %.0f s after the latest sample received (%d)",
                                    maxAheadS,
                                    st.highest() - 1),
                    out);
            return List.of();
        }
        int beyond = ranges.maskOutside(Channel.valueOf(m.channel), m.values);
        if (beyond > 0) {
            String range = st.width == 3
                    ? "beyond the E4's range (an axis past +-128 in 1/64 g, +-2 g"
                    : "outside the plausible range (ingest.e4_* options";
            String reason = what + ": " + beyond + " " + m.channel + " sample(s) " + range
                    + ": damaged values) taken as missing";
            out.reject(new Reject(m.sessionId, m.source(), m.offset, "samples: " + reason, null), false);
        }
        List<SampleBlock> blocks = new ArrayList<>(st.acceptRegular(first, m.values));
        while (st.samplesAhead() > maxAhead) {
            blocks.addAll(fillGap(st, m, out));
        }
        return blocks;
    }

    private List<SampleBlock> fillGap(LiveStream st, LiveMessage m, Output out) {
        long[] gap = new long[2];
        List<SampleBlock> blocks = st.fillFirstGap(gap);
        out.reject(
                new Reject(
                        m.sessionId,
                        m.source(),
                        m.offset,
                        String.format(
                                Locale.ROOT,
                                "%s/%s samples %d..%d never arrived: treated as missing",
                                m.wearer,
                                st.channel,
                                gap[0],
                                gap[1] - 1),
                        null),
                false);
        return blocks;
    }

    /** Emits blocks completed by the message that arrived at {@code arrivalMillis} (Kafka timestamp, epoch ms). */
    private void emit(LiveSession s, String role, List<SampleBlock> blocks, long arrivalMillis, Output out) {
        for (SampleBlock b : blocks) {
            b.sessionId = s.info.sessionId;
            b.role = role;
            b.mediaStartMillis = s.info.mediaStartMillis;
            b.arrivalMillis = arrivalMillis;
            s.blocksPerWearer.merge(role, 1, Integer::sum);
            out.block(b);
        }
    }

    /**
     * Ends the session (its {@code session_end}, or silence): fills the gaps still open, emits each
     * wearer's last blocks and end marker, the events held back that lie inside the session (the
     * others are rejected, as the review rejects them), and the final metadata.
     *
     * @param arrivalMillis when what ends the session arrived, epoch ms: its {@code session_end}
     *     message's Kafka timestamp, or the silence timer's time; set on every block and on the
     *     final metadata ({@code arrivalMillis}), for latency measurement
     */
    public void finish(LiveSession s, long arrivalMillis, Output out) {
        List<String> present = new ArrayList<>();
        long sessionEnd = s.info.mediaStartMillis;
        for (String role : s.info.wearers) {
            long wearerEnd = Long.MIN_VALUE;
            for (Channel c : Channel.values()) {
                LiveStream st = s.streams.get(LiveSession.streamKey(role, c.name()));
                if (st == null) {
                    continue;
                }
                List<SampleBlock> blocks =
                        new ArrayList<>(IbiStretches.flush(st, s.info.sessionId, s.source, s.lastOffset, role, out));
                while (!st.ahead.isEmpty()) {
                    long[] gap = new long[2];
                    blocks.addAll(st.fillFirstGap(gap));
                    out.reject(
                            new Reject(
                                    s.info.sessionId,
                                    s.source,
                                    s.lastOffset,
                                    String.format(
                                            Locale.ROOT,
                                            "%s/%s samples %d..%d never arrived: treated as missing",
                                            role,
                                            c,
                                            gap[0],
                                            gap[1] - 1),
                                    null),
                            false);
                }
                emit(s, role, blocks, arrivalMillis, out);
                if (st.received > 0) {
                    wearerEnd = Math.max(wearerEnd, (long) Math.ceil(st.endMillis));
                }
            }
            if (wearerEnd == Long.MIN_VALUE) {
                continue;
            }
            present.add(role);
            sessionEnd = Math.max(sessionEnd, wearerEnd);
            for (Channel c : Channel.values()) {
                LiveStream st = s.streams.get(LiveSession.streamKey(role, c.name()));
                if (st != null && st.received > 0) {
                    emit(s, role, st.finish(wearerEnd), arrivalMillis, out);
                }
            }
            SampleBlock end = SampleBlock.endMarker(s.info.sessionId, role, wearerEnd);
            end.mediaStartMillis = s.info.mediaStartMillis;
            end.streamBlockCount = s.blocksPerWearer.getOrDefault(role, 0);
            end.arrivalMillis = arrivalMillis;
            out.block(end);
        }
        SessionInfo i = s.info.copy();
        i.provisional = false;
        i.arrivalMillis = arrivalMillis;
        i.missingChannels = new ArrayList<>();
        for (String role : s.info.wearers) {
            for (Channel c : Channel.values()) {
                LiveStream st = s.streams.get(LiveSession.streamKey(role, c.name()));
                if (st == null || st.received == 0) {
                    i.missingChannels.add(role + ":" + c.name());
                }
            }
        }
        i.wearers = present;
        double recordedS = (sessionEnd - i.mediaStartMillis) / 1000.0;
        LiveEvents.finishHeld(s, present.isEmpty() ? null : recordedS, out);
        LiveEvents.finishDropped(s, out);
        i.annotationCount = s.annotationsForwarded;
        if (s.declaredDurationS != null) {
            i.durationS = s.declaredDurationS;
            i.durationDeclared = true;
        } else {
            i.durationS = Math.max(recordedS, s.lastAnnotationS);
        }
        out.session(i);
    }

    /** Refuses the whole message {@code m} (a dead letter) for {@code reason}. */
    static void reject(LiveMessage m, String reason, Output out) {
        String type = m.type == null ? "record" : m.type;
        out.reject(new Reject(m.sessionId, m.source(), m.offset, type + ": " + reason, null), true);
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
    }
}
