package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * The rupture-repair rules of DOMAIN.md section 3 as an incremental state machine: feed a
 * session's annotations one by one in time order ({@link #accept}), optionally move time on
 * without an annotation ({@link #advanceTo}, e.g. from a timer), and call {@link #finish} at
 * session end. Each call returns the episodes whose outcome became final, so a streaming
 * operator can emit them as they close; {@link RuptureEpisodes#detect} drives the same machine
 * over a whole list. Serializable, so an operator can keep it as state. Not thread-safe.
 *
 * <p><b>Rules</b> (defaults in brackets, see {@link RuptureConfig}):
 *
 * <ol>
 *   <li><b>Open / extend.</b> A marker {@code RUP_W_*} or {@code RUP_C_*} (the client's by its
 *       code, DOMAIN.md 2.2, whatever tier's actor it was coded on) extends the most recently opened open episode of its class when it starts at
 *       most {@code mergeGapS} [120 s] after the end of that episode's last marker; otherwise it
 *       opens a new episode, named by class and order ({@code W1}, {@code W2}, {@code C1}).
 *       When an episode of the other class is open at the time, both are flagged mixed (each
 *       lists the other in {@link RuptureEpisode#mixedWith()}).
 *   <li><b>Repair attempt.</b> A therapist {@code RES_*} or {@code INT_METACOMMUNICATION} (one coded
 *       on another tier is not trusted to clear a rupture, as a response is not for safety events) at
 *       t attaches to the most recent open episode with t in [start, last marker end + {@code
 *       repairWindowS} [300 s]]; "most recent" = latest last-marker start, then latest opened.
 *       An attempt with no such episode attaches to none (it still counts in the 3RS roll-up).
 *   <li><b>Close.</b> An episode closes once time passes its last marker end + {@code quietS}
 *       [300 s], or at {@link #finish}.
 *   <li><b>Outcome</b>, decided once time passes max(close, last repair + {@code
 *       resolvedWindowS} [120 s]), in this precedence:
 *       <ul>
 *         <li>{@code unaddressed}: no repair attempt attached;
 *         <li>{@code escalated}: a marker after the first repair (the episode's own, or one of
 *             the class within the resolved window after the last repair) has a coded
 *             significance above the highest coded before the first repair; without coded
 *             significance on both sides escalation cannot be told;
 *         <li>{@code partially_resolved}: a marker of the class (in this episode or opening a
 *             new one) starts within {@code resolvedWindowS} after the last repair attempt; or
 *             {@code requireReengagement} is set and no re-engagement was coded;
 *         <li>{@code resolved}: otherwise.
 *       </ul>
 *       Client re-engagement (recorded always, required only with {@code
 *       requireReengagement} [false]): a client annotation after the last repair and within the
 *       resolved window whose code is one of {@code reengagementCodes} [AFF_CONCERN], or whose
 *       {@code reengagement} or {@code stage} modifier is one of {@code reengagementValues}
 *       [self_assertion, elaboration, vulnerability].
 * </ol>
 *
 * Ties at the same time are taken in feeding order. Times are seconds from media start; a time
 * exactly at a limit is at it whatever its milliseconds ({@link CodedTimes}).
 *
 * <p>References: Eubanks, Muran &amp; Safran 2015, <i>3RS Manual</i>; Safran &amp; Muran 2000,
 * <i>Negotiating the Therapeutic Alliance</i>; Abbass &amp; Town 2021.
 */
public final class RuptureTracker implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Comparator<RuptureEpisode> ORDER = RuptureEpisodes.ORDER;

    private final RuptureConfig cfg;
    private final ArrayList<EpisodeState> open = new ArrayList<>();
    private final ArrayList<EpisodeState> closed = new ArrayList<>();
    private int withdrawalCount;
    private int confrontationCount;
    private long seq;
    private double nowS = Double.NEGATIVE_INFINITY;
    private boolean finished;

    public RuptureTracker(RuptureConfig cfg) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
    }

    /**
     * Moves time to {@code a.startS} (see {@link #advanceTo}) and applies {@code a}. Annotations
     * without a code or with a NaN start are ignored.
     *
     * @return episodes whose outcome became final, in {@link RuptureEpisodes#ORDER}
     * @throws IllegalArgumentException when {@code a} starts before an earlier annotation
     * @throws IllegalStateException after {@link #finish}
     */
    public List<RuptureEpisode> accept(Annotation a) {
        checkOpen();
        if (a == null || a.code == null || Double.isNaN(a.startS)) {
            return List.of();
        }
        if (a.startS < nowS) {
            throw new IllegalArgumentException(
                    "annotations must come in time order: " + a + " starts before " + nowS + " s");
        }
        List<RuptureEpisode> out = advanceTo(a.startS);
        Optional<RuptureClass> cls = CodeTaxonomy.ruptureClass(a.code);
        if (cls.isPresent()) {
            onMarker(CodedEvent.of(a), cls.get());
        } else if (CodeTaxonomy.isRepair(a.code) && Actors.isTherapist(a)) {
            onRepair(CodedEvent.of(a));
        } else if (Actors.isClient(a) && isReengagement(a)) {
            open.forEach(e -> e.reengagement(a.startS, cfg));
            closed.forEach(e -> e.reengagement(a.startS, cfg));
        }
        return out;
    }

    /**
     * Moves time to {@code tS} with nothing coded in between: closes the episodes whose quiet
     * period has passed and returns those whose outcome is now final. An earlier time is a
     * no-op.
     */
    public List<RuptureEpisode> advanceTo(double tS) {
        checkOpen();
        if (!(tS > nowS)) {
            return List.of();
        }
        nowS = tS;
        for (Iterator<EpisodeState> it = open.iterator(); it.hasNext(); ) {
            EpisodeState e = it.next();
            if (CodedTimes.after(tS, e.closeAtS(cfg))) {
                e.closedS = e.closeAtS(cfg);
                closed.add(e);
                it.remove();
            }
        }
        List<RuptureEpisode> out = new ArrayList<>();
        for (Iterator<EpisodeState> it = closed.iterator(); it.hasNext(); ) {
            EpisodeState e = it.next();
            if (CodedTimes.after(tS, e.decidedAtS(cfg))) {
                out.add(e.toEpisode(cfg));
                it.remove();
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Ends the session: episodes still open close at {@code sessionEndS} (or the last time seen,
     * if later) and every remaining outcome becomes final. The tracker accepts nothing after.
     *
     * @throws IllegalArgumentException when {@code sessionEndS} is not a finite number
     */
    public List<RuptureEpisode> finish(double sessionEndS) {
        if (!Double.isFinite(sessionEndS)) {
            throw new IllegalArgumentException("session end must be finite, got " + sessionEndS);
        }
        List<RuptureEpisode> out = new ArrayList<>(advanceTo(sessionEndS));
        double endS = Math.max(sessionEndS, nowS);
        for (EpisodeState e : open) {
            e.closedS = Math.min(e.closeAtS(cfg), Math.max(endS, e.endS));
            e.closedAtSessionEnd = true;
            closed.add(e);
        }
        open.clear();
        closed.forEach(e -> out.add(e.toEpisode(cfg)));
        closed.clear();
        finished = true;
        out.sort(ORDER);
        return out;
    }

    /**
     * Earliest time after which {@link #advanceTo} would return or change something (an episode
     * closing or its outcome becoming final): advance to any time strictly after it, e.g. from
     * an event-time timer. It includes the rules' {@link CodedTimes#TOLERANCE_S}: a deadline
     * itself is still within its limit (review of 2026-12-07: advancing to just after the limit
     * returned nothing). Positive infinity when nothing is pending.
     */
    public double nextDeadlineS() {
        double t = Double.POSITIVE_INFINITY;
        for (EpisodeState e : open) {
            t = Math.min(t, e.closeAtS(cfg));
        }
        for (EpisodeState e : closed) {
            t = Math.min(t, e.decidedAtS(cfg));
        }
        return t + CodedTimes.TOLERANCE_S;
    }

    /** True when no episode is open or waiting for its outcome. */
    public boolean isIdle() {
        return open.isEmpty() && closed.isEmpty();
    }

    private void onMarker(CodedEvent m, RuptureClass cls) {
        EpisodeState target = null;
        for (EpisodeState e : open) {
            if (e.ruptureClass == cls && (target == null || e.seq > target.seq)) {
                target = e;
            }
        }
        if (target == null || CodedTimes.after(m.startS(), target.lastMarkerEndS + cfg.mergeGapS())) {
            int n = cls == RuptureClass.W ? ++withdrawalCount : ++confrontationCount;
            target = new EpisodeState(cls.name() + n, cls, seq++);
            open.add(target);
        }
        for (EpisodeState e : open) {
            if (e.ruptureClass == cls) {
                e.markerAfterRepair(m, e == target, cfg);
                e.classMarker(m);
            }
        }
        for (EpisodeState e : closed) {
            if (e.ruptureClass == cls) {
                e.markerAfterRepair(m, false, cfg);
            }
        }
        target.addMarker(m);
        for (EpisodeState e : open) {
            if (e.ruptureClass != cls) {
                e.mixedWith.add(target.id);
                target.mixedWith.add(e.id);
            }
        }
    }

    private void onRepair(CodedEvent r) {
        EpisodeState target = null;
        for (EpisodeState e : open) {
            if (e.acceptsRepairAt(r.startS(), cfg)
                    && (target == null
                            || e.lastMarkerStartS > target.lastMarkerStartS
                            || (e.lastMarkerStartS == target.lastMarkerStartS && e.seq > target.seq))) {
                target = e;
            }
        }
        if (target != null) {
            target.addRepair(r);
        }
    }

    private boolean isReengagement(Annotation a) {
        CodedEvent e = CodedEvent.of(a);
        if (cfg.reengagementCodes().contains(e.code().toUpperCase(Locale.ROOT))) {
            return true;
        }
        for (String key : new String[] {"reengagement", "stage"}) {
            String v = e.modifier(key);
            if (v != null
                    && cfg.reengagementValues()
                            .contains(v.toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", "_"))) {
                return true;
            }
        }
        return false;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the rupture tracker has finished its session");
        }
    }
}
