package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * {@link DriftFollowingLevel#references} as it was written first (2026-12-04): two new arrays per
 * segment and window, a sorted copy per percentile. Kept as the slow, obvious reference the
 * production code (scratch arrays, no sort of values already in order) is checked against, bit for
 * bit ({@code DriftFollowingLevelScratchTest}).
 */
final class ReferenceDriftFollowingLevel {
    private ReferenceDriftFollowingLevel() {}

    static double[] references(
            List<WindowFeatures> windows, double fallback, ScoringConfig cfg, DriftFollowingLevel.Params p) {
        int n = windows.size();
        double[] t = new double[n];
        double[] x = new double[n];
        double[] end = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            WindowFeatures w = windows.get(i);
            t[i] = (w.startS + w.endS) / 2;
            start[i] = w.startS;
            end[i] = w.endS;
            x[i] = !w.endOfStream && Feature.SCL.usable(w, cfg) ? w.edaSclUs : Double.NaN;
        }
        double[] out = new double[n];
        java.util.Arrays.fill(out, fallback);
        if (!p.enabled()) {
            return out;
        }
        double[] anchor = anchorFloor(start, end, x, cfg, p);
        if (anchor == null) {
            return out;
        }
        double anchorFloor = anchor[0];
        double anchorKnownAt = anchor[1];
        double hop = cfg.windowHopS();
        int first = 0;
        for (int i = 0; i < n; i++) {
            WindowFeatures w = windows.get(i);
            if (w.endOfStream) {
                continue;
            }
            double now = w.startS;
            if (now < anchorKnownAt) {
                continue;
            }
            double from = now - p.segments() * p.segmentS();
            while (first < i && t[first] < from) {
                first++;
            }
            List<double[]> floors = new ArrayList<>();
            for (int s = p.segments(); s >= 1; s--) {
                double a = now - s * p.segmentS();
                double b = a + p.segmentS();
                double[] vs = new double[i - first];
                double[] ts = new double[i - first];
                int m = 0;
                for (int j = first; j < i; j++) {
                    if (t[j] >= a && t[j] < b && end[j] <= now && !Double.isNaN(x[j])) {
                        vs[m] = x[j];
                        ts[m] = t[j];
                        m++;
                    }
                }
                if (m > 0 && m >= p.minSegmentFill() * p.segmentS() / hop) {
                    floors.add(new double[] {percentile(ts, m, p.percentile()), percentile(vs, m, p.percentile())});
                }
            }
            if (floors.isEmpty()) {
                continue;
            }
            double slope = 0;
            if (floors.size() >= p.minSegmentsForSlope()) {
                double[] slopes = new double[floors.size() - 1];
                for (int q = 1; q < floors.size(); q++) {
                    double[] f0 = floors.get(q - 1);
                    double[] f1 = floors.get(q);
                    slopes[q - 1] = (f1[1] - f0[1]) / (f1[0] - f0[0]);
                }
                slope = Math.max(0, percentile(slopes, slopes.length, 0.5));
            }
            double centre = t[i];
            double[] refs = new double[floors.size()];
            for (int q = 0; q < refs.length; q++) {
                refs[q] = floors.get(q)[1] + slope * (centre - floors.get(q)[0]);
            }
            double projected = percentile(refs, refs.length, 0.5);
            out[i] = fallback + Math.max(0, projected - anchorFloor);
        }
        return out;
    }

    private static double[] anchorFloor(
            double[] start, double[] end, double[] x, ScoringConfig cfg, DriftFollowingLevel.Params p) {
        int n = x.length;
        double[] vs = new double[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (!Double.isNaN(x[j]) && start[j] >= cfg.baselineStartS() && end[j] <= cfg.baselineEndS()) {
                vs[m++] = x[j];
            }
        }
        if (m > 0 && m >= cfg.minBaselineWindows()) {
            return new double[] {percentile(vs, m, p.percentile()), cfg.baselineEndS()};
        }
        int j0 = 0;
        while (j0 < n && Double.isNaN(x[j0])) {
            j0++;
        }
        if (j0 == n) {
            return null;
        }
        double until = start[j0] + p.segmentS();
        m = 0;
        for (int j = j0; j < n && end[j] <= until; j++) {
            if (!Double.isNaN(x[j])) {
                vs[m++] = x[j];
            }
        }
        return new double[] {percentile(vs, m, p.percentile()), until};
    }

    /** Linear-interpolated percentile (type 7) of the first {@code m} values, p in 0..1. */
    static double percentile(double[] values, int m, double p) {
        double[] s = Arrays.copyOf(values, m);
        Arrays.sort(s);
        double pos = p * (m - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(m - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
