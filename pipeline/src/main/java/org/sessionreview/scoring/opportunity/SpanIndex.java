package org.sessionreview.scoring.opportunity;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sessionreview.model.Annotation;
import org.sessionreview.scoring.rupture.CodedTimes;

/**
 * Coded events in start order, searched for those that may overlap a time range without scanning
 * every event: only the events starting from {@code fromS} less the longest event's span (less a
 * margin of {@link #MARGIN_S}) up to {@code toS} plus the margin are offered to the caller's exact
 * test. The margin makes the candidates a superset of any overlap test whose tolerance is below
 * it ({@code CodedTimes} allows 1 microsecond), so the result is the one a full scan gives, in the
 * same order.
 *
 * <p><b>Why.</b> A coding of frame-by-frame labels holds tens of thousands of cues and responses;
 * testing every response for every cue took minutes for 100,000 annotations (seventeenth audit).
 * With point events and short states the search is logarithmic plus the events in the range; one
 * event spanning the whole session makes it a full scan again, as before.
 */
final class SpanIndex {
    /**
     * Slack added to both ends of a range, in seconds: a million times the rules' comparison
     * tolerance ({@link CodedTimes#TOLERANCE_S}, so 1 s), which it must exceed for the candidates to
     * hold every event a tolerant overlap test accepts.
     */
    static final double MARGIN_S = 1e6 * CodedTimes.TOLERANCE_S;

    private final List<Annotation> events;
    private final double[] starts;
    private final double longestS;

    /** @param sortedByStart events in non-decreasing start order (not copied) */
    SpanIndex(List<Annotation> sortedByStart) {
        this.events = sortedByStart;
        this.starts = new double[sortedByStart.size()];
        double longest = 0;
        for (int i = 0; i < starts.length; i++) {
            Annotation a = sortedByStart.get(i);
            starts[i] = a.startS;
            if (i > 0 && starts[i] < starts[i - 1]) {
                throw new IllegalArgumentException("events not in start order at " + i);
            }
            longest = Math.max(longest, a.endOrStartS() - a.startS);
        }
        this.longestS = longest;
    }

    /**
     * The first event, in start order, that passes {@code test} among those that may overlap
     * [fromS, toS]; null when none does.
     */
    Annotation first(double fromS, double toS, Predicate<Annotation> test) {
        for (int i = firstCandidate(fromS); i < starts.length && starts[i] <= toS + MARGIN_S; i++) {
            if (test.test(events.get(i))) {
                return events.get(i);
            }
        }
        return null;
    }

    /** Every event, in start order, that passes {@code test} among those that may overlap [fromS, toS]. */
    void forEach(double fromS, double toS, Predicate<Annotation> test, Consumer<Annotation> action) {
        for (int i = firstCandidate(fromS); i < starts.length && starts[i] <= toS + MARGIN_S; i++) {
            Annotation a = events.get(i);
            if (test.test(a)) {
                action.accept(a);
            }
        }
    }

    /** Index of the first event starting at or after fromS - longest span - margin. */
    private int firstCandidate(double fromS) {
        double bound = fromS - longestS - MARGIN_S;
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
