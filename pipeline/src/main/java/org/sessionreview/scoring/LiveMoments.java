package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.rupture.CodedMoments;

/**
 * Which moments of a running session to send, and when (plain Java; the session operator keeps
 * the state and calls these). A running session is re-scored from the data received so far
 * ({@link #provisional}); a moment found there is sent once it has <em>settled</em>: its end lies
 * at least {@code settleS} before the data horizon, because later data can still extend or change
 * a moment near the horizon. At the session's end, {@link #finalDiff} compares the final review
 * with what was sent.
 *
 * <p>A moment's identity is ({@link MomentRow#kind}, {@link MomentRow#role}, {@link
 * MomentRow#startS}), the start compared exactly: a moment whose end, severity or evidence moves
 * later is the same moment and is not sent again (the session's final {@code moments/} table stays
 * authoritative); a moment that changes kind (an unaddressed rupture that gets a repair) or start
 * is a different one. Moments of one list that share an identity are one candidate: the first in
 * {@link #ORDER} is sent.
 *
 * <p>Outputs are in {@link #ORDER}; every decision depends only on the arguments.
 */
public final class LiveMoments {
    /** The identity of a moment: kind, role and start (seconds from media start, compared exactly). */
    public record Key(String kind, String role, double startS) {
        public static Key of(MomentRow m) {
            return new Key(m.kind, m.role, m.startS);
        }

        public static Key of(LiveMomentRow m) {
            return new Key(m.kind, m.role, m.startS);
        }
    }

    /** Output order: start, then kind, then role; then end and evidence so that ties are ordered too. */
    public static final Comparator<MomentRow> ORDER = Comparator.comparingDouble((MomentRow m) -> m.startS)
            .thenComparing(m -> m.kind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.role, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(m -> m.endS)
            .thenComparing(m -> m.evidence, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** {@link #ORDER} for feed records, with the phase last (a withdrawn record before a final one of the same start). */
    public static final Comparator<LiveMomentRow> FEED_ORDER = Comparator.comparingDouble((LiveMomentRow m) -> m.startS)
            .thenComparing(m -> m.kind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.role, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(m -> m.endS)
            .thenComparing(m -> m.evidence, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.phase, Comparator.nullsFirst(Comparator.naturalOrder()));

    private LiveMoments() {}

    /**
     * The moments of a provisional review of the data received so far: {@link
     * SessionReviewer#review} and {@link CodedEventsStep#apply} without synchrony (it needs the
     * whole session), on copies, so nothing passed in is modified.
     *
     * @param info the session's metadata (provisional or final); scored as a copy with {@code
     *     annotationCount} = {@code annotations.size()} and {@code durationS} = {@code horizonS}, or
     *     the declared duration when that is positive and shorter
     * @param windows the windows received so far of the wearers to review (end markers ignored)
     * @param annotations the annotations received so far
     * @param horizonS the data horizon, seconds from media start
     * @return anxiety-episode moments, then coded-event moments, as the final review emits them,
     *     without the moments of rupture episodes still open at {@code horizonS} (their outcome is
     *     not known yet: before 2026-12-05 such an episode was sent as unaddressed while its repair
     *     window was still open, and the final table then said otherwise)
     */
    public static List<MomentRow> provisional(
            SessionReviewer reviewer,
            SessionInfo info,
            List<WindowFeatures> windows,
            List<Annotation> annotations,
            double horizonS,
            ScoringConfig scoring,
            RuptureConfig rupture,
            SynchronyConfig synchrony) {
        SessionInfo i = info.copy();
        i.annotationCount = annotations.size();
        // the data so far, but never past a declared video length: a band recording on after the
        // video ended gave live moments ending after it, which the final review cuts at its end
        i.durationS = info.durationDeclared && info.durationS > 0 ? Math.min(info.durationS, horizonS) : horizonS;
        List<Annotation> as = new ArrayList<>(annotations);
        as.sort(Annotation.ORDER); // arrival order is the sender's; the rules see one order
        // review() scores copies of the windows (WindowCopy) and never writes to annotations
        SessionReview review = reviewer.review(i, new ArrayList<>(windows), as, scoring);
        DyadSynchrony.Result noSynchrony = new DyadSynchrony.Result(List.of(), List.of(), null);
        CodedEventsStep.Result coded =
                CodedEventsStep.apply(i, review, as, noSynchrony, review.sessionRow(), rupture, synchrony);
        List<MomentRow> out = new ArrayList<>(review.moments());
        // a rupture episode still open at the horizon has no outcome yet (its repair window and
        // quiet period run on): its moment is not a candidate until a later round closes it
        Set<Double> open = new HashSet<>();
        coded.ruptures().stream().filter(r -> r.closedAtSessionEnd).forEach(r -> open.add(r.startS));
        for (MomentRow m : coded.moments()) {
            boolean ofRupture = CodedMoments.RUPTURE.equals(m.kind) || CodedMoments.UNADDRESSED_RUPTURE.equals(m.kind);
            if (!(ofRupture && open.contains(m.startS))) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The moments to send now: those of {@code found} whose {@code endS + settleS <= horizonS} and
     * whose identity is not in {@code alreadySent}, as {@link LiveMomentRow#LIVE} records known at
     * {@code horizonS}, one per identity, in {@link #ORDER}.
     *
     * @param found the moments of a provisional review
     * @param horizonS the data horizon of that review, seconds from media start
     * @param settleS hold-back after a moment's end, seconds ({@code >= 0})
     * @param alreadySent identities sent before
     */
    public static List<LiveMomentRow> settled(
            List<MomentRow> found, double horizonS, double settleS, Set<Key> alreadySent) {
        Objects.requireNonNull(alreadySent, "alreadySent");
        List<MomentRow> sorted = new ArrayList<>(found);
        sorted.sort(ORDER);
        Set<Key> taken = new HashSet<>(alreadySent);
        List<LiveMomentRow> out = new ArrayList<>();
        for (MomentRow m : sorted) {
            if (m.endS + settleS <= horizonS && taken.add(Key.of(m))) {
                out.add(LiveMomentRow.of(m, LiveMomentRow.LIVE, horizonS));
            }
        }
        return out;
    }

    /**
     * What the session's end adds to the feed: each final moment whose identity was not sent, as
     * {@link LiveMomentRow#FINAL}; each sent record whose identity is not among the final moments,
     * as {@link LiveMomentRow#WITHDRAWN} with the values it was sent with. All known at {@code
     * endS}, one per identity, in {@link #FEED_ORDER}.
     *
     * @param finalMoments the moments of the session's final review
     * @param sent the records sent live (their identities must be distinct)
     * @param endS the session's end, seconds from media start
     */
    public static List<LiveMomentRow> finalDiff(
            List<MomentRow> finalMoments, Collection<LiveMomentRow> sent, double endS) {
        Map<Key, LiveMomentRow> sentByKey = new LinkedHashMap<>();
        for (LiveMomentRow r : sent) {
            if (sentByKey.put(Key.of(r), r) != null) {
                throw new IllegalArgumentException("identity sent twice: " + Key.of(r));
            }
        }
        List<MomentRow> sorted = new ArrayList<>(finalMoments);
        sorted.sort(ORDER);
        Set<Key> finalKeys = new HashSet<>();
        List<LiveMomentRow> out = new ArrayList<>();
        for (MomentRow m : sorted) {
            Key k = Key.of(m);
            if (finalKeys.add(k) && !sentByKey.containsKey(k)) {
                out.add(LiveMomentRow.of(m, LiveMomentRow.FINAL, endS));
            }
        }
        for (Map.Entry<Key, LiveMomentRow> e : sentByKey.entrySet()) {
            if (!finalKeys.contains(e.getKey())) {
                out.add(e.getValue().as(LiveMomentRow.WITHDRAWN, endS));
            }
        }
        out.sort(FEED_ORDER);
        return out;
    }
}
