package org.sessionreview.operators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.sessionreview.config.LiveMomentsConfig;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.LiveMoments;

/**
 * The keyed state of {@link SessionReviewFunction}'s live mode, for the current session: each
 * wearer's latest window end, the last provisional round, and the records sent live. Decides when a
 * round is due and what it sends ({@link LiveMoments}); the function does the scoring and the
 * emitting.
 *
 * <p><b>Cadence.</b> The data horizon is the earliest, over the session's wearers that have sent
 * windows and whose stream has not ended, of the wearer's latest window end ({@link
 * WindowFeatures#endS}, seconds from media start): the session time up to which every running
 * wearer's data is in. A wearer whose stream has ended holds nothing back. A round is due when a
 * window moves the horizon into a later multiple of {@link LiveMomentsConfig#everyS()} than the
 * last round's, so rounds fall at most once per {@code everyS} of session time (one round when a
 * late wearer makes the horizon jump several multiples). A round that fails is skipped, not
 * retried. Everything is decided from state and input, never from wall-clock time, so a restore
 * from a checkpoint gives the same feed.
 *
 * <p><b>Arrival stamps</b> (for latency measurement only; they decide nothing): a live record
 * carries the arrival ({@link LiveMomentRow#arrivalMillis}) of the window that triggered its
 * round; the session end's records carry the latest arrival among the session's metadata and
 * windows, which is that of the message that ended the session (its final metadata and last
 * end-of-stream records are stamped with it, and no input of the session arrives later).
 */
final class LiveMomentsTracker {
    private final LiveMomentsConfig cfg;
    /** Role to the latest end of its windows, seconds from media start. */
    private final MapState<String, Double> latestEndS;
    /** floor(horizon / everyS) at the last round; absent before the first. */
    private final ValueState<Long> lastRound;
    /** The records sent live, with the values they were sent with. */
    private final ListState<LiveMomentRow> sent;
    /** The latest arrival stamp among the session's metadata and windows, epoch ms. */
    private final ValueState<Long> latestArrival;

    LiveMomentsTracker(LiveMomentsConfig cfg, RuntimeContext ctx) {
        this.cfg = cfg;
        latestEndS = ctx.getMapState(new MapStateDescriptor<>("live-latest-end-s", Types.STRING, Types.DOUBLE));
        lastRound = ctx.getState(new ValueStateDescriptor<>("live-last-round", Types.LONG));
        sent = ctx.getListState(new ListStateDescriptor<>("live-sent", LiveMomentRow.class));
        latestArrival = ctx.getState(new ValueStateDescriptor<>("live-latest-arrival", Types.LONG));
    }

    /** Notes an input's arrival stamp (epoch ms; 0 = none, ignored). */
    void arrived(long arrivalMillis) throws Exception {
        Long latest = latestArrival.value();
        if (arrivalMillis > 0 && (latest == null || arrivalMillis > latest)) {
            latestArrival.update(arrivalMillis);
        }
    }

    /** Notes a wearer's (non-end) window. */
    void window(WindowFeatures w) throws Exception {
        Double latest = latestEndS.get(w.role);
        if (latest == null || w.endS > latest) {
            latestEndS.put(w.role, w.endS);
        }
    }

    /**
     * The horizon of a round that is due now, recorded as done; empty when none is due.
     *
     * @param info the session's metadata (provisional or final)
     * @param ended roles whose end-of-stream record has arrived
     */
    OptionalDouble due(SessionInfo info, Set<String> ended) throws Exception {
        double horizon = Double.POSITIVE_INFINITY;
        for (String role : info.wearers) {
            Double latest = latestEndS.get(role);
            if (latest != null && !ended.contains(role)) {
                horizon = Math.min(horizon, latest);
            }
        }
        if (horizon == Double.POSITIVE_INFINITY) {
            return OptionalDouble.empty();
        }
        long round = (long) Math.floor(horizon / cfg.everyS());
        Long last = lastRound.value();
        if (round <= (last == null ? 0 : last)) {
            return OptionalDouble.empty();
        }
        lastRound.update(round);
        return OptionalDouble.of(horizon);
    }

    /**
     * The settled moments of a round's review not sent before, stamped with {@code arrivalMillis}
     * (the triggering window's); recorded as sent.
     */
    List<LiveMomentRow> send(List<MomentRow> found, double horizonS, long arrivalMillis) throws Exception {
        Set<LiveMoments.Key> before = new HashSet<>();
        sent.get().forEach(r -> before.add(LiveMoments.Key.of(r)));
        List<LiveMomentRow> now = LiveMoments.settled(found, horizonS, cfg.settleS(), before);
        now.forEach(r -> r.arrivalMillis = arrivalMillis);
        sent.addAll(now);
        return now;
    }

    /**
     * The session end's records ({@link LiveMoments#finalDiff}), known at the session's end: its
     * duration, or the latest window end when the data runs past it (so that no live record is
     * known later than the final ones), and stamped with the session's latest arrival ({@link
     * #arrived}). State is left for {@link #clear}.
     *
     * @param durationS the final metadata's duration, seconds
     */
    List<LiveMomentRow> finish(List<MomentRow> finalMoments, double durationS) throws Exception {
        double endS = durationS;
        for (Double latest : latestEndS.values()) {
            endS = Math.max(endS, latest);
        }
        List<LiveMomentRow> all = new ArrayList<>();
        sent.get().forEach(all::add);
        List<LiveMomentRow> out = LiveMoments.finalDiff(finalMoments, all, endS);
        Long arrival = latestArrival.value();
        out.forEach(r -> r.arrivalMillis = arrival == null ? 0 : arrival);
        return out;
    }

    void clear() {
        latestEndS.clear();
        lastRound.clear();
        sent.clear();
        latestArrival.clear();
    }
}
