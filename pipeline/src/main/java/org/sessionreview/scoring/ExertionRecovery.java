package org.sessionreview.scoring;

import java.util.List;
import org.sessionreview.config.ExertionOptions;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * The recovery after sustained exertion is not scored as anxiety (README, Methods, Exertion
 * recovery; issue 8, "drift/exertion is not arousal").
 *
 * <p><b>Why.</b> A window with gross movement gets no index ({@link AnxietyIndex}): exertion
 * raises heart rate and sweating (DOMAIN.md 4.0). But they do not stop with the movement: heart
 * rate falls back over one to three minutes after moderate exercise (a fast vagal phase in the
 * first minute, then a slower one; Imai et al. 1994, J Am Coll Cardiol 24(6); Cole et al. 1999,
 * N Engl J Med 341(18)), and sweat-raised skin conductance decays over minutes, with extra
 * responses meanwhile (Boucsein 2012, <i>Electrodermal Activity</i>, 2nd ed., ch. 3.4). Against
 * the resting baseline those minutes read as a concordant arousal, so before this rule an
 * "anxiety episode" started right after a walk, at a moment that is only recovery. Ambulatory
 * psychophysiology separates the two by the physical activity measured alongside (Myrtek 2004,
 * <i>Heart and Emotion</i>, the "additional heart rate"; Wilhelm &amp; Grossman 2010, Biol
 * Psychol 84(3)); a wrist band measures activity only as gross movement.
 *
 * <p><b>Sustained exertion, not gestures.</b> Gross movement can also come from vigorous
 * gestures (talking with the hands moves |a| less since 2026-12-07, when gross movement became the
 * mean amplitude deviation of the magnitude rather than the three-axis spread), and an animated,
 * anxious client must still be found. Gestures come in phrases of a few
 * seconds with pauses between them as speech pauses (McNeill 1992, <i>Hand and Mind</i>, ch. 3;
 * the independent cohorts plant 1-9 s gestures), while walking and climbing stairs move the arm
 * without a pause for as long as they last. So exertion is <em>sustained</em>: a run of
 * consecutive windows (no missing time between them), each with gross movement over at least
 * {@code scoring.exertion.movement_share} [0.95] of its length and at least {@code
 * scoring.gross_movement_max_s} [10 s], whose cells cover at least {@code
 * scoring.exertion.sustained_s} [60 s, 12 windows: about 85 s of unbroken movement]. Gross
 * movement is counted in whole 1-s segments ({@code MotionFeatures}), so 0.95 of 30 s means 29
 * moving seconds: a window with 2 still seconds is not filled. A still pause of 3 s or more
 * always breaks a run (it holds at least two whole still seconds), one of 2 s when it falls on
 * whole seconds. A gesture burst of up to 40 s between such pauses gives at most 3 filled windows
 * (15 s of cells). The reason holds for any wearer: it asks only whether the arm stopped, not how
 * fast anyone's heart beats. A wearer who gestures for about 85 s with no pause of 2 s counts as
 * exerted (a limitation).
 *
 * <p><b>Recovery.</b> Exertion ends at the end of the run's last window (the last 30 s that
 * movement filled). Each later window with an index, whose centre lies less than {@code
 * scoring.exertion.max_recovery_s} [180 s] past that end, loses its index and is marked {@link
 * WindowFeatures#exertionRecovery} until the first window whose index is below the episode leave
 * threshold [1.0]: the wearer is back at rest, and what follows is judged as usual. Windows
 * without an index (movement, quality) are passed over; the bound is in time, so a band switched
 * off meanwhile shortens the recovery. Why 180 s: heart rate recovery after moderate effort is
 * largely done by 2-3 minutes (Imai et al. 1994: time constant of about 1 minute after mild
 * exercise), and with a 60 s trailing heart-rate span a window centred 180 s after the end sees
 * data from 135 s on; the sweat level may take longer, but the drift-following level ({@link
 * DriftFollowingLevel}) and the leave threshold take over there. A real arousal starting during
 * the recovery is hidden until the bound and then found late (README, Known limitations).
 *
 * <p>The marked windows have no index, so they are unscored time for {@link EpisodeDetector}:
 * outside an episode they cannot start one; while {@code scoring.exertion.sustained_s} [60 s] is
 * at least {@code scoring.episode.max_unscored_bridge_s} [60 s], the run before them is longer
 * than the bridge limit, so no episode is open across them (a larger bridge limit can carry an
 * open episode through a walk and its recovery). Baselines are unchanged (they are estimated before any
 * index exists; their rest windows already leave movement out). Either length at 0 turns the rule
 * off and restores the review before it exactly.
 */
public final class ExertionRecovery {
    /** Tolerance for comparing times built from sums of hops, seconds. */
    private static final double EPS = 1e-6;

    private ExertionRecovery() {}

    /** Whether the rule is on: both {@code sustained_s} and {@code max_recovery_s} are positive. */
    public static boolean enabled(ScoringConfig cfg) {
        return cfg.get(ExertionOptions.SUSTAINED_S) > 0 && cfg.get(ExertionOptions.MAX_RECOVERY_S) > 0;
    }

    /**
     * Marks the recovery windows of one wearer in place: their index set to null, {@link
     * WindowFeatures#exertionRecovery} set.
     *
     * @param ws one wearer's scored windows sorted by start (copies the caller owns; no
     *     end-of-stream markers)
     * @return how many windows were marked
     */
    public static int mark(List<WindowFeatures> ws, ScoringConfig cfg) {
        if (!enabled(cfg)) {
            return 0;
        }
        int marked = 0;
        int i = 0;
        while (i < ws.size()) {
            if (!filled(ws.get(i), cfg)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < ws.size() && filled(ws.get(j + 1), cfg) && adjacent(ws.get(j), ws.get(j + 1), cfg)) {
                j++;
            }
            double coveredS = (j - i + 1) * cfg.windowHopS();
            if (coveredS >= cfg.get(ExertionOptions.SUSTAINED_S) - EPS) {
                marked += recover(ws, j + 1, ws.get(j).endS, cfg);
            }
            i = j + 1;
        }
        return marked;
    }

    /**
     * The recovery stretch the episode starting at {@code startS} follows, as {@code [first
     * marked cell start, last marked cell end]}, or null: the last marked window before the
     * episode's start plus the enter hold, when the episode starts before its cell ends plus the
     * enter hold (the index still high where the recovery stopped being marked).
     */
    static double[] recoveryBefore(List<WindowFeatures> ws, double startS, ScoringConfig cfg) {
        double half = cfg.windowHopS() / 2;
        int last = -1;
        for (int k = 0; k < ws.size(); k++) {
            WindowFeatures w = ws.get(k);
            double cellEnd = EpisodeDetector.centreS(w, cfg) + half;
            if (w.exertionRecovery && cellEnd - half <= startS + cfg.enterHoldS() + EPS) {
                last = k;
            }
        }
        if (last < 0) {
            return null;
        }
        double end = EpisodeDetector.centreS(ws.get(last), cfg) + half;
        if (startS > end + cfg.enterHoldS() + EPS) {
            return null;
        }
        int first = last;
        // back over this recovery's marked windows and the unscored ones between them, not over
        // the exertion itself (an earlier walk and its recovery are another stretch)
        while (first > 0
                && (ws.get(first - 1).exertionRecovery
                        || (ws.get(first - 1).anxietyIndex == null && !filled(ws.get(first - 1), cfg)))) {
            first--;
        }
        while (!ws.get(first).exertionRecovery) {
            first++;
        }
        return new double[] {EpisodeDetector.centreS(ws.get(first), cfg) - half, end};
    }

    /**
     * The evidence note of an episode that follows a recovery ({@link #recoveryBefore}), or "".
     * Example: {@code ; follows 02:55 of recovery after sustained movement, not scored (0:12:00 to
     * 0:14:55): an arousal there is hidden and this start may be the recovery's}; video times are
     * signed (a recovery before the video reads {@code -0:03:10 to -0:00:15}).
     */
    static String note(List<WindowFeatures> ws, double startS, ScoringConfig cfg) {
        double[] r = recoveryBefore(ws, startS, cfg);
        if (r == null) {
            return "";
        }
        return "; follows " + TimeText.mmss(r[1] - r[0]) + " of recovery after sustained movement, not scored ("
                + VideoRange.clock(r[0]) + " to " + VideoRange.clock(r[1])
                + "): an arousal there is hidden and this start may be the recovery's";
    }

    private static int recover(List<WindowFeatures> ws, int from, double exertionEndS, ScoringConfig cfg) {
        double maxS = cfg.get(ExertionOptions.MAX_RECOVERY_S);
        int marked = 0;
        for (int k = from; k < ws.size(); k++) {
            WindowFeatures w = ws.get(k);
            if (EpisodeDetector.centreS(w, cfg) - exertionEndS >= maxS - EPS) {
                break;
            }
            if (w.anxietyIndex == null) {
                continue; // movement or no channel passing quality: nothing to judge here
            }
            if (w.anxietyIndex < cfg.leaveThreshold()) {
                break; // back at rest
            }
            w.anxietyIndex = null;
            w.exertionRecovery = true;
            marked++;
        }
        return marked;
    }

    /** Gross movement fills the window: the share, and enough to leave it unscored. */
    private static boolean filled(WindowFeatures w, ScoringConfig cfg) {
        double lengthS = w.endS - w.startS;
        return lengthS > 0
                && w.grossMovementS >= cfg.grossMovementMaxS()
                && w.grossMovementS >= cfg.get(ExertionOptions.MOVEMENT_SHARE) * lengthS - EPS;
    }

    /** The next window starts one hop after the previous one: no missing time between them. */
    private static boolean adjacent(WindowFeatures a, WindowFeatures b, ScoringConfig cfg) {
        return b.startS - a.startS <= cfg.windowHopS() + EPS;
    }
}
