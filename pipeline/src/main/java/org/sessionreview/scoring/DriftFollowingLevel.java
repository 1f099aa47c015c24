package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.WindowFeatures;

/**
 * A reference for the skin conductance level (SCL) that follows slow drift, so that z(SCL) says
 * how far a window lies above the wearer's <i>current</i> tonic floor rather than above the
 * level of the calibration minutes.
 *
 * <p><b>Why.</b> The tonic level of wrist EDA rises slowly over a recording as the electrode-skin
 * contact hydrates (and falls with habituation); Boucsein 2012 (<i>Electrodermal Activity</i>,
 * 2nd ed., Springer) treats such slow shifts of the level as non-specific drift, not as a response
 * to an event. Against a fixed calibration median a rise of 1-5 uS over 30-50 min gives z(SCL) of
 * 7-10 for the rest of the session (GitHub issue 8). An arousal response, by contrast, is a rise
 * above the level <i>between</i> responses: the tonic floor (Benedek &amp; Kaernbach 2010, <i>A
 * continuous measure of phasic electrodermal activity</i>, J Neurosci Methods 190(1), estimate
 * the tonic level from the signal between responses for the same reason).
 *
 * <p><b>Method</b> (trailing only: a window's reference uses windows that end at or before the
 * window starts, at most {@link Params#segments()} x {@link Params#segmentS()} back, so a live
 * stream needs a bounded look-back):
 *
 * <ol>
 *   <li>Cut the trailing look-back into consecutive segments of {@code segmentS} (default
 *       10 min), the newest ending at the window's start. In each segment holding at least
 *       {@code minSegmentFill} of its possible windows with a usable SCL, take the floor: the
 *       {@code percentile} (default 10th) of the window SCLs, placed at the same percentile of
 *       those windows' centre times (for a straight drift the p-th percentile of the values occurs
 *       at the p-th percentile of the times, so the floors lie on the drift line).
 *   <li>Drift slope = median of the slopes between consecutive floors, clamped at &gt;= 0 (only a
 *       rising level is followed ahead of time; a falling one is caught up by the floors
 *       themselves), and 0 with fewer than {@code minSegmentsForSlope} floors.
 *   <li>Projected floor = median over the floors of (floor + slope x (window centre - floor
 *       time)).
 *   <li>Reference = baseline median + max(0, projected floor - anchor floor), where the anchor
 *       floor is the same percentile of the window SCLs of the configured calibration stretch (the
 *       windows the default baseline comes from). Floor minus floor carries no offset between a low
 *       percentile and the median, so without drift the change is noise around 0, clamped at 0:
 *       the reference is the baseline median, as without drift following. Only a rise of the
 *       floor above the calibration floor moves the reference; a level that settles or falls
 *       never lowers it (z(SCL) is never higher than against the fixed baseline).
 * </ol>
 *
 * <p>Until the calibration stretch has ended (and while no segment holds enough data) the
 * reference is the baseline median. The z-score keeps the baseline's robust scale:
 * {@code z = (SCL - reference) / max(1.4826 MAD, floor)}.
 *
 * <p><b>What it does to a real episode.</b> A response of 2-4 min occupies less than 90 % of any
 * 10 min segment, so it cannot lift that segment's 10th percentile: the reference does not absorb
 * it and z(SCL) rises as against a fixed baseline. A task response lasting a whole segment lifts
 * one floor; the median of consecutive slopes and the median of the extrapolated floors ignore
 * one odd floor once three or more are present. Tests: {@code DriftFollowingLevelTest}; effect on
 * labelled recordings: README, Validation.
 */
public final class DriftFollowingLevel {
    /**
     * Parameters (to move into the declared configuration).
     *
     * @param segmentS segment length, seconds (default 600: well above the 2-4 min of an anxiety
     *     episode, so one episode cannot fill a segment)
     * @param segments number of trailing segments (default 4: a 40 min look-back)
     * @param percentile the floor percentile within a segment, 0..1 (default 0.10: the level
     *     between responses, robust to responses covering up to 90 % of the segment)
     * @param minSegmentFill share of a segment's possible windows that must have a usable SCL for
     *     the segment to give a floor, 0..1 (default 0.5)
     * @param minSegmentsForSlope floors needed before a drift slope is estimated (default 3: with
     *     two, one task response filling the newer segment would tilt the line)
     * @param enabled false restores the fixed baseline median as the SCL reference
     */
    public record Params(
            double segmentS,
            int segments,
            double percentile,
            double minSegmentFill,
            int minSegmentsForSlope,
            boolean enabled) {
        /** Drift following off: z(SCL) against the fixed baseline median. */
        public static final Params OFF = new Params(600, 4, 0.10, 0.5, 3, false);

        public Params {
            if (!(segmentS > 0)
                    || segments < 1
                    || !(percentile >= 0 && percentile <= 1)
                    || !(minSegmentFill >= 0 && minSegmentFill <= 1)
                    || minSegmentsForSlope < 2) {
                throw new IllegalArgumentException("invalid drift-following parameters: segmentS "
                        + segmentS + ", segments " + segments + ", percentile " + percentile
                        + ", minSegmentFill " + minSegmentFill + ", minSegmentsForSlope "
                        + minSegmentsForSlope);
            }
        }

        /** The parameters as configured ({@link ScoringOptions}{@code .SCL_DRIFT_*}). */
        public static Params of(ScoringConfig cfg) {
            return new Params(
                    cfg.get(ScoringOptions.SCL_DRIFT_SEGMENT_S),
                    cfg.get(ScoringOptions.SCL_DRIFT_SEGMENTS),
                    cfg.get(ScoringOptions.SCL_DRIFT_PERCENTILE),
                    cfg.get(ScoringOptions.SCL_DRIFT_MIN_SEGMENT_FILL),
                    cfg.get(ScoringOptions.SCL_DRIFT_MIN_SEGMENTS_FOR_SLOPE),
                    cfg.get(ScoringOptions.SCL_DRIFT_FOLLOWING));
        }

        /** Text for the Parquet footer and the baseline source. */
        public String describe() {
            return enabled
                    ? "trailing tonic floor: p" + Math.round(percentile * 100) + " of "
                            + Math.round(segments) + " x " + Math.round(segmentS) + " s segments, "
                            + "median floor slope >= 0"
                    : "off";
        }
    }

    private DriftFollowingLevel() {}

    /**
     * The SCL reference of each window of one wearer, in the order given: the baseline median
     * plus the rise of the trailing tonic floor above the calibration stretch's own floor,
     * {@code median + max(0, projectedFloor - anchorFloor)}.
     *
     * <p>The anchor floor is the same {@link Params#percentile()} of the window SCLs wholly
     * inside the calibration stretch ({@link ScoringConfig#baselineStartS()} to {@link
     * ScoringConfig#baselineEndS()}, the rest windows {@link BaselineEstimator#calibration} uses:
     * a window with gross movement is left out, {@link BaselineEstimator#restWindow}); with fewer
     * than {@link ScoringConfig#minBaselineWindows()} usable rest windows there, the floor of the
     * first {@code segmentS} of usable rest windows. The trailing floors keep every usable window:
     * a low percentile of a segment is not raised by a few sweaty minutes of walking. Until the anchor stretch has ended the
     * reference is the baseline median. Both floors are the same low percentile, so their
     * difference carries no offset: without drift it is noise around 0 and, clamped at 0, leaves
     * the reference at the baseline median exactly as without drift following; a floor that
     * settles below the calibration floor never lowers the reference.
     *
     * @param windows one wearer's windows sorted by start (end-of-stream markers allowed)
     * @param fallback the baseline median, uS: the reference without drift
     * @return one reference per window, uS (the fallback for windows without history)
     */
    public static double[] references(List<WindowFeatures> windows, double fallback, ScoringConfig cfg, Params p) {
        return references(windows, fallback, cfg.baselineStartS(), cfg.baselineEndS(), cfg, p);
    }

    /**
     * As {@link #references(List, double, ScoringConfig, Params)}, with the anchor floor taken
     * over the stretch {@code [anchorFromS, anchorToS]} (seconds from media start) instead of
     * the configured calibration stretch: the stretch the baseline median came from, when a
     * settling wearer's baseline moved later ({@link SettlingCheck}).
     */
    public static double[] references(
            List<WindowFeatures> windows,
            double fallback,
            double anchorFromS,
            double anchorToS,
            ScoringConfig cfg,
            Params p) {
        int n = windows.size();
        double[] t = new double[n];
        double[] x = new double[n];
        double[] end = new double[n];
        double[] start = new double[n];
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            WindowFeatures w = windows.get(i);
            t[i] = (w.startS + w.endS) / 2;
            start[i] = w.startS;
            end[i] = w.endS;
            x[i] = !w.endOfStream && Feature.SCL.usable(w, cfg) ? w.edaSclUs : Double.NaN;
            rest[i] = BaselineEstimator.restWindow(w, cfg) ? x[i] : Double.NaN;
        }
        double[] out = new double[n];
        java.util.Arrays.fill(out, fallback);
        if (!p.enabled()) {
            return out;
        }
        double[] anchor = anchorFloor(start, end, rest, anchorFromS, anchorToS, cfg, p);
        if (anchor == null) {
            return out;
        }
        double anchorFloor = anchor[0];
        double anchorKnownAt = anchor[1];
        double hop = cfg.windowHopS();
        // one segment's SCLs and centre times, and a sorted copy: reused by every window and segment
        double[] vs = new double[n];
        double[] ts = new double[n];
        double[] work = new double[n];
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
                int m = 0;
                for (int j = first; j < i; j++) {
                    if (t[j] >= a && t[j] < b && end[j] <= now && !Double.isNaN(x[j])) {
                        vs[m] = x[j];
                        ts[m] = t[j];
                        m++;
                    }
                }
                if (m > 0 && m >= p.minSegmentFill() * p.segmentS() / hop) {
                    floors.add(new double[] {
                        percentile(ts, m, p.percentile(), work), percentile(vs, m, p.percentile(), work)
                    });
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

    /**
     * The anchor floor (uS) and the time (s) from which it is known: the calibration stretch's
     * floor, else the first {@code segmentS} of usable windows; null without usable windows.
     * {@code x} holds NaN for every window that may not anchor (unusable, or not at rest).
     */
    private static double[] anchorFloor(
            double[] start, double[] end, double[] x, double fromS, double toS, ScoringConfig cfg, Params p) {
        int n = x.length;
        double[] vs = new double[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (!Double.isNaN(x[j]) && start[j] >= fromS && end[j] <= toS) {
                vs[m++] = x[j];
            }
        }
        if (m > 0 && m >= cfg.minBaselineWindows()) {
            return new double[] {percentile(vs, m, p.percentile()), toS};
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
        return percentile(values, m, p, new double[m]);
    }

    /**
     * As {@link #percentile(double[], int, double)}, without sorting: the two order statistics it
     * needs are read directly when the values are already in order (window centre times are), else
     * selected in a copy in {@code work} (at least {@code m} long; {@link OrderStatistics}, in the
     * order {@code Arrays.sort} gives). The same order statistics, so the same double.
     */
    static double percentile(double[] values, int m, double p, double[] work) {
        double pos = p * (m - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(m - 1, lo + 1);
        for (int i = 1; i < m; i++) {
            if (Double.compare(values[i - 1], values[i]) > 0) {
                System.arraycopy(values, 0, work, 0, m);
                double low = OrderStatistics.select(work, m, lo);
                double high = hi == lo ? low : OrderStatistics.minAbove(work, m, lo);
                return low + (pos - lo) * (high - low);
            }
        }
        return values[lo] + (pos - lo) * (values[hi] - values[lo]);
    }
}
