package org.sessionreview.jobs.live;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.sessionreview.live.LiveMessage;

/**
 * Several session replays run side by side as if they had all started at the same moment: their
 * messages merged by offset from each replay's own start ({@code dueMillis - firstDueMillis}).
 * Only one message per replay is held here (a priority queue of the replays' next messages), so
 * the merge costs no more memory than the replays themselves. Equal offsets go in the order of
 * the replays in the list; a replay's own messages keep its order.
 */
public final class ReplaySchedule implements Iterator<ReplaySchedule.Scheduled> {
    /**
     * A message and when to send it.
     *
     * @param offsetMillis device time since its session's replay started, ms (divided by the
     *     speed, the wall time since the replay started)
     */
    public record Scheduled(long offsetMillis, LiveMessage message) {}

    private record Head(long offsetMillis, int ordinal, LiveMessage message) {}

    private static final Comparator<Head> ORDER =
            Comparator.comparingLong(Head::offsetMillis).thenComparingInt(Head::ordinal);

    private final List<SessionReplay> replays;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(ORDER);

    /** @param replays the sessions (and copies) to merge; each is consumed by this schedule */
    public ReplaySchedule(List<SessionReplay> replays) {
        this.replays = List.copyOf(replays);
        for (int i = 0; i < this.replays.size(); i++) {
            advance(i);
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public Scheduled next() {
        Head h = heads.poll();
        if (h == null) {
            throw new NoSuchElementException();
        }
        advance(h.ordinal());
        return new Scheduled(h.offsetMillis(), h.message());
    }

    private void advance(int ordinal) {
        SessionReplay r = replays.get(ordinal);
        if (r.hasNext()) {
            DueMessage m = r.next();
            heads.add(new Head(m.dueMillis() - r.firstDueMillis(), ordinal, m.message()));
        }
    }
}
