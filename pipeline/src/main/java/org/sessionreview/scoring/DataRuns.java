package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.sessionreview.model.WindowFeatures;

/**
 * The stretches of one wearer's recording that hold data, in seconds from media start: runs of
 * consecutive windows in which at least one channel has a valid sample of the window's own: EDA,
 * movement or skin temperature quality above 0 ({@link #holdsData}); the cardiac quality is not
 * used, since it covers the trailing 60 s of beats and stays above 0 for half a minute after the
 * data stop (it is used only for a wearer with none of those three channels). A window without any
 * valid sample (a gap in the files, a
 * wristband restarted, or one masked in every channel) ends a run; the next run starts where the
 * last such window ends, since the data resume after it (or at the first window, at the start of
 * the recording). A dropout shorter than a window leaves its windows partly valid and does not end
 * a run. Plain Java; used for the sensor-settling rule of missed opportunities (DOMAIN.md section
 * 5: the settling time counts from each run's start) and for the video coverage ({@link
 * VideoRange}).
 *
 * @param runs the runs in time order, not overlapping
 */
public record DataRuns(List<Run> runs) {
    /** One stretch with data, {@code startS} to {@code endS} seconds from media start. */
    public record Run(double startS, double endS) {}

    public DataRuns {
        runs = List.copyOf(runs);
    }

    /** Data throughout: one run without bounds (callers that have no windows to judge by, tests). */
    public static DataRuns throughout() {
        return new DataRuns(List.of(new Run(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
    }

    /**
     * The runs of one wearer's windows.
     *
     * @param windows one wearer's windows, any order; end-of-stream markers are ignored
     */
    public static DataRuns of(List<WindowFeatures> windows) {
        List<WindowFeatures> sorted = withoutMarkers(windows);
        sorted.sort(Comparator.comparingDouble((WindowFeatures w) -> w.startS).thenComparingDouble(w -> w.endS));
        return new DataRuns(runs(sorted, holdsData(sorted)));
    }

    /*
     * The loops of of() are methods of their own so that the JIT compiles each alone, not of() on
     * stack around it with the sort inlined (HotSpot's compilation log of bench: two OSR compiles
     * of of() per run; docs/performance-history.md, 2026-12-06).
     */

    /** A new list of {@code windows} without their end-of-stream markers. */
    private static List<WindowFeatures> withoutMarkers(List<WindowFeatures> windows) {
        List<WindowFeatures> out = new ArrayList<>(windows.size());
        for (WindowFeatures w : windows) {
            if (!w.endOfStream) {
                out.add(w);
            }
        }
        return out;
    }

    /** The runs of {@code sorted} (by start, then end) windows holding data. */
    private static List<Run> runs(List<WindowFeatures> sorted, Predicate<WindowFeatures> hasData) {
        List<Run> out = new ArrayList<>();
        double emptyEnd = Double.NEGATIVE_INFINITY; // the end of the last window without data
        double start = Double.NaN; // the open run's start; NaN when none is open
        double end = Double.NaN;
        for (WindowFeatures w : sorted) {
            if (hasData.test(w)) {
                if (Double.isNaN(start)) {
                    start = Math.max(w.startS, emptyEnd);
                    end = w.endS;
                } else if (w.startS > end) {
                    // no window between them: the data stopped at the last one's end
                    add(out, start, end);
                    start = w.startS;
                    end = w.endS;
                } else {
                    end = Math.max(end, w.endS);
                }
            } else {
                if (!Double.isNaN(start)) {
                    add(out, start, Math.min(end, w.startS));
                    start = Double.NaN;
                }
                emptyEnd = Math.max(emptyEnd, w.endS);
            }
        }
        if (!Double.isNaN(start)) {
            add(out, start, end);
        }
        return out;
    }

    /** Adds a run unless it is empty (windows of unequal length can leave one). */
    private static void add(List<Run> out, double startS, double endS) {
        if (endS > startS) {
            out.add(new Run(startS, endS));
        }
    }

    /**
     * Which of one wearer's windows hold data: those with a valid sample of their own (EDA,
     * movement or skin temperature quality above 0); for a wearer none of whose windows has one
     * (only pulse-wave or beat files), those with cardiac quality above 0.
     *
     * @param wearerWindows one wearer's windows
     */
    public static Predicate<WindowFeatures> holdsData(List<WindowFeatures> wearerWindows) {
        for (WindowFeatures w : wearerWindows) {
            if (ownSample(w)) {
                return DataRuns::ownSample;
            }
        }
        return w -> w.cardiacQuality > 0;
    }

    private static boolean ownSample(WindowFeatures w) {
        return w.edaQuality > 0 || w.accQuality > 0 || w.tempQuality > 0;
    }

    /**
     * Seconds of data before {@code t} in the run holding it: {@code t} minus that run's start;
     * negative infinity when no run holds {@code t}.
     */
    public double dataBefore(double t) {
        for (Run r : runs) {
            if (r.startS() <= t && t <= r.endS()) {
                return t - r.startS();
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /** Seconds of {@code 0..durationS} the runs cover. */
    public double covered(double durationS) {
        double sum = 0;
        for (Run r : runs) {
            sum += Math.max(0, Math.min(durationS, r.endS()) - Math.max(0, r.startS()));
        }
        return sum;
    }

    /**
     * The stretches of {@code 0..durationS} no run covers, in time order (before the first run,
     * between runs, after the last).
     */
    public List<Run> gaps(double durationS) {
        List<Run> out = new ArrayList<>();
        double from = 0;
        for (Run r : runs) {
            if (r.startS() > from && from < durationS) {
                out.add(new Run(from, Math.min(durationS, r.startS())));
            }
            from = Math.max(from, r.endS());
        }
        if (from < durationS) {
            out.add(new Run(from, durationS));
        }
        return out;
    }
}
