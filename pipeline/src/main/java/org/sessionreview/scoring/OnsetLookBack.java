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
            if (ws.get(j).anxietyIndex == null) {
                continue; // not scored (gross movement): its features may be the movement's
            }
            Double z = f.z(ws.get(j));
            if (z != null) {
                double y = f.sign() * z;
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
