package org.sessionreview.jobs.live;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SampleBlock;

/**
 * The messages of one (copy of a) recorded session in due order, made lazily: {@code
 * session_start} (due at {@link RecordedSession#firstDueMillis()}), the {@code samples} and {@code
 * event} messages, then {@code session_end} (due with the last of them).
 *
 * <p>Only the blocks whose messages may be due next are cut: ingestion delivers blocks by start
 * time, and every message of a block is due after the block's start, so a message due at {@code t}
 * can be released once every block starting before {@code t} has been cut. Messages due at the
 * same time keep the order they were made in (blocks in stream order, events in the session's
 * order).
 */
public final class SessionReplay implements Iterator<DueMessage> {
    private record Pending(long dueMillis, long seq, LiveMessage message) {}

    private static final Comparator<Pending> DUE_ORDER =
            Comparator.comparingLong(Pending::dueMillis).thenComparingLong(Pending::seq);

    private final RecordedSession recorded;
    private final String sessionId;
    private final List<SampleBlock> blocks;
    private final List<Annotation> annotations;
    private final long mediaStartMillis;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(DUE_ORDER);
    private int nextBlock;
    private int nextEvent;
    /** Events sent per {@code source_file:source_line}, to number those sharing a line. */
    private final java.util.Map<String, Integer> eventRecords = new java.util.HashMap<>();

    private long seq;
    private boolean started;
    private boolean ended;
    private long lastDueMillis;

    SessionReplay(RecordedSession recorded, String sessionId) {
        this.recorded = recorded;
        this.sessionId = sessionId;
        this.blocks = recorded.session().blocks;
        this.annotations = recorded.session().annotations;
        this.mediaStartMillis = recorded.session().info.mediaStartMillis;
        this.lastDueMillis = recorded.firstDueMillis();
    }

    /** The session id these messages carry. */
    public String sessionId() {
        return sessionId;
    }

    /** When this replay starts, epoch ms of the recording ({@link RecordedSession#firstDueMillis()}). */
    public long firstDueMillis() {
        return recorded.firstDueMillis();
    }

    /** Messages cut but not yet returned (for tests of the laziness). */
    int pendingCount() {
        return pending.size();
    }

    @Override
    public boolean hasNext() {
        return !ended;
    }

    @Override
    public DueMessage next() {
        if (ended) {
            throw new NoSuchElementException();
        }
        if (!started) {
            started = true;
            return new DueMessage(recorded.firstDueMillis(), SessionMessages.start(recorded.session().info, sessionId));
        }
        refill();
        Pending p = pending.poll();
        if (p == null) {
            ended = true;
            return new DueMessage(lastDueMillis, SessionMessages.end(sessionId));
        }
        lastDueMillis = Math.max(lastDueMillis, p.dueMillis());
        return new DueMessage(p.dueMillis(), p.message());
    }

    /** Cuts blocks and adds events until the earliest pending message can no longer be preceded. */
    private void refill() {
        while (true) {
            long head = pending.isEmpty() ? Long.MAX_VALUE : pending.peek().dueMillis();
            if (nextBlock < blocks.size() && blocks.get(nextBlock).startMillis < head) {
                cut(blocks.get(nextBlock++));
            } else if (nextEvent < annotations.size()
                    && SessionMessages.eventDueMillis(annotations.get(nextEvent), mediaStartMillis) <= head) {
                Annotation a = annotations.get(nextEvent++);
                int record = eventRecords.merge(a.sourceFile + ":" + a.sourceLine, 1, Integer::sum) - 1;
                add(SessionMessages.event(a, sessionId, mediaStartMillis, record));
            } else {
                return;
            }
        }
    }

    private void cut(SampleBlock b) {
        if (b.endOfStream) {
            return; // the wearer's end marker carries no samples
        }
        List<DueMessage> messages = b.rateHz == 0
                ? SampleMessages.ibi(sessionId, b, recorded.originMillis(b), recorded.blockMillis())
                : SampleMessages.regular(sessionId, b, recorded.originMillis(b));
        messages.forEach(this::add);
    }

    private void add(DueMessage m) {
        pending.add(new Pending(m.dueMillis(), seq++, m.message()));
    }
}
