package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * The windows and channel series the onset fit of {@link EpisodeOnsets} sees: how far its
 * look-back goes (items 1 and 2 of the method there) and each rising channel's series of leading
 * edge and signed z (items 2 and 3). Split from {@link EpisodeOnsets} to keep each file short.
 */
final class OnsetLookBack {
    private static final double EPS = 1e-6;

    private OnsetLookBack() {}

    /**
     * The first window of the look-back from {@code entryIdx}: back at most {@link
     * OnsetRule#lookbackS()}, not before {@code floorS}, not across a gap in the windows and,
     * unless {@code acrossUnscored}, not across a window without an index.
     */
    static int start(
            List<WindowFeatures> ws,
            int entryIdx,
            double floorS,
            ScoringConfig cfg,
            OnsetRule rule,
            boolean acrossUnscored) {
        double half = cfg.windowHopS() / 2.0;
        double entryC = EpisodeDetector.centreS(ws.get(entryIdx), cfg);
        int lo = entryIdx;
        while (lo > 0) {
            double c = EpisodeDetector.centreS(ws.get(lo - 1), cfg);
            double next = EpisodeDetector.centreS(ws.get(lo), cfg);
            if (c < entryC - rule.lookbackS() - EPS
                    || c - half < floorS - EPS
                    || next - c > cfg.windowHopS() * 1.5 + EPS
                    || (!acrossUnscored && ws.get(lo - 1).anxietyIndex == null)) {
                break;
            }
            lo--;
        }
        while (acrossUnscored && lo < entryIdx && ws.get(lo).anxietyIndex == null) {
            lo++;
        }
        return lo;
    }

    /**
     * Whether f's z of a window without an index (gross movement) is still a measurement that
     * may time an onset across it: the EDA level, with {@link OnsetRule#acrossUnscored()}. Skin
     * conductance is a DC measurement through two electrodes on the skin, sampled at 4 Hz; wrist
     * motion reaches it only through contact pressure, whose fast steps {@code EdaQuality} masks
     * (a window whose EDA failed quality has no EDA z and stays out). Heart rate and RMSSD come
     * from the optical pulse wave, which motion swamps (beats missed or invented), and exertion
     * raises heart rate within seconds: theirs stay out. A sweat response to a gesture is an SCR
     * of 1-3 s latency and a few seconds' recovery (Boucsein 2012), small against the 30 s mean
     * of the level.
     */
    static boolean measuredThroughMovement(Feature f, OnsetRule rule) {
        return rule.acrossUnscored() && f == Feature.SCL;
    }

    /**
     * Whether the EDA level is one of the rising channels over windows lo..entry ({@link
     * #risingSeries}) and carries a z in a window without an index among {@code stretchFrom..
     * stretchTo} (the unscored stretch an onset placed before the first scored window after the
     * movement falls in): that stretch is then measured, and an onset the fit places inside it is
     * timed by that channel. A measured stretch further back does not vouch for an unmeasured one
     * nearer the entry.
     */
    static boolean edaThroughMovement(
            List<WindowFeatures> ws,
            int lo,
            int entry,
            int stretchFrom,
            int stretchTo,
            ScoringConfig cfg,
            OnsetRule rule) {
        if (!rule.onsetFeatures().contains(Feature.SCL)
                || !measuredThroughMovement(Feature.SCL, rule)
                || risingSeries(ws, lo, entry, Feature.SCL, cfg, rule) == null) {
            return false;
        }
        for (int j = Math.max(lo, stretchFrom); j <= Math.min(entry, stretchTo); j++) {
            if (ws.get(j).anxietyIndex == null && Feature.SCL.z(ws.get(j)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Feature f's points over windows lo..entry, {x = leading edge (window centre + half the
     * window length) - latency (s), y = signed z},
     * up to its first clamped window; null when f has no z at the entry, did not rise by {@link
     * OnsetRule#onsetRiseZ()} there, or has fewer than twice {@link OnsetRule#minFitWindows()}
     * windows.
     */
    static double[][] risingSeries(
            List<WindowFeatures> ws, int lo, int entry, Feature f, ScoringConfig cfg, OnsetRule rule) {
        Double zEntry = f.z(ws.get(entry));
        if (zEntry == null) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        for (int j = lo; j <= entry; j++) {
            boolean unscored = ws.get(j).anxietyIndex == null;
            if (unscored && !measuredThroughMovement(f, rule)) {
                continue; // not scored (gross movement): its pulse-wave features may be the movement's
            }
            Double z = f.z(ws.get(j));
            if (z != null) {
                double y = f.sign() * z;
                if (unscored && y >= cfg.zClamp() - EPS) {
                    // a level at the clamp under movement is the exertion's or the contact's (a
                    // pressed electrode), not the rise's top: it neither ends the series nor joins it
                    continue;
                }
                min = Math.min(min, y);
                double edge = EpisodeDetector.centreS(ws.get(j), cfg) + cfg.windowLengthS() / 2.0;
                pts.add(new double[] {edge - rule.latencyS(f), y});
                if (y >= cfg.zClamp() - EPS) {
                    break; // the rest of the rise is hidden by the clamp
                }
            }
        }
        int n = pts.size();
        if (n < 2 * rule.minFitWindows() || f.sign() * zEntry - min < rule.onsetRiseZ()) {
            return null;
        }
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }
}
