package org.sessionreview.signal.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * Gross movement of the arm or body: the 1 s segments in which the three-axis spread of the
 * accelerometer, {@code sqrt(var x + var y + var z)} in g, reaches a threshold (default {@value
 * #DEFAULT_THRESHOLD_G} g).
 *
 * <p>The spread is taken per axis, not on the vector magnitude: an arm or posture movement turns
 * the wrist, which moves gravity between the axes but barely changes {@code |a|}. Tapping of a
 * few hundredths of a g stays well below the threshold (a sine of amplitude {@code A} on one axis
 * has spread {@code A / sqrt(2)}). Such movement also raises EDA and heart rate by exertion, so
 * these stretches are marked and not read as anxiety (DOMAIN.md 4.0). Variances are population
 * variances (divided by n), as in {@code MotionFeatures.grossMovementSeconds}.
 *
 * <p>Segments are consecutive {@value #SEGMENT_MILLIS} ms stretches from an origin that moves
 * with the recording, never from the epoch clock: the core start when a core is given, else the
 * time of sample 0. Which samples form a segment, and so the result, therefore does not change
 * when the recording and the video move together (a media start with a fractional second is
 * normal); the intervals move with them. A segment holds the samples at or after its start and
 * before its end. A segment is judged only when the input covers it completely and holds no NaN;
 * others are never flagged. With {@code coreFrom/coreTo} the intervals are clipped to the core:
 * consecutive cores that start a whole number of segments apart, each given the data up to one
 * segment past its end ({@link #contextMillis()}), give the intervals of one call over the whole
 * signal that starts at the first core's start, cut at the core boundaries. The pipeline's cores
 * start at multiples of {@code features.core_s} (default 60 s) from media start, so its segments
 * lie on the media-second grid, the grid of the windows' own 1 s segments ({@code
 * MotionFeatures}).
 *
 * <p>Reference: Bouten et al. (1997), A triaxial accelerometer and portable data processing unit
 * for the assessment of daily physical activity, IEEE TBME 44(3), 136-147.
 */
public final class GrossMovement {
    /** Default spread threshold, g (FeatureConfig {@code grossMovementSdG}). */
    public static final double DEFAULT_THRESHOLD_G = 0.1;
    /** Segment length, milliseconds. */
    public static final double SEGMENT_MILLIS = 1000;

    private final double thresholdG;
    private final double countsPerG;

    /**
     * A stretch of gross movement, [startMillis, endMillis), epoch milliseconds.
     *
     * @param startMillis start, epoch ms (inclusive)
     * @param endMillis end, epoch ms (exclusive)
     */
    public record Interval(double startMillis, double endMillis) {
        /** Length in seconds. */
        public double seconds() {
            return (endMillis - startMillis) / 1000.0;
        }
    }

    /**
     * @param thresholdG a segment moves when its spread is at least this, g (> 0)
     * @param countsPerG raw units per g ({@link AccMagnitude#E4_COUNTS_PER_G} for the E4)
     */
    public GrossMovement(double thresholdG, double countsPerG) {
        if (!(thresholdG > 0) || !(countsPerG > 0)) {
            throw new IllegalArgumentException(
                    "thresholdG and countsPerG must be > 0, got " + thresholdG + ", " + countsPerG);
        }
        this.thresholdG = thresholdG;
        this.countsPerG = countsPerG;
    }

    /** Threshold {@value #DEFAULT_THRESHOLD_G} g on E4 units (1/64 g). */
    public static GrossMovement defaults() {
        return new GrossMovement(DEFAULT_THRESHOLD_G, AccMagnitude.E4_COUNTS_PER_G);
    }

    public double thresholdG() {
        return thresholdG;
    }

    /** Data needed on each side of a core for segment-wise results to match: one segment. */
    public double contextMillis() {
        return SEGMENT_MILLIS;
    }

    /** The gross-movement intervals of the whole input, in segments from sample 0. */
    public List<Interval> detect(double[] xyz, double rateHz, double startMillis) {
        return detect(xyz, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * The gross-movement intervals inside a core.
     *
     * @param xyz samples interleaved x, y, z in raw units (NaN marks missing)
     * @param rateHz sampling rate, Hz (E4: 32)
     * @param startMillis time of sample 0, epoch ms
     * @param coreFromMillis start of the core, epoch ms: the first segment starts here
     * @param coreToMillis end of the core (exclusive), epoch ms
     * @return merged, time-ordered intervals, each inside the core
     */
    public List<Interval> detect(
            double[] xyz, double rateHz, double startMillis, double coreFromMillis, double coreToMillis) {
        return detect(xyz, rateHz, startMillis, coreFromMillis, coreToMillis, null);
    }

    /**
     * As {@link #detect(double[], double, double)}, with the segments' spreads shared with earlier
     * calls on the same stream (the same intervals: a spread is reused only for bit-identical
     * samples).
     *
     * @param spreads the stream's segment spreads, keyed by the segment start in seconds (rounded);
     *     null computes each
     */
    public List<Interval> detect(double[] xyz, double rateHz, double startMillis, SegmentCache spreads) {
        return detect(xyz, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, spreads);
    }

    private List<Interval> detect(
            double[] xyz,
            double rateHz,
            double startMillis,
            double coreFromMillis,
            double coreToMillis,
            SegmentCache spreads) {
        if (spreads != null) {
            spreads.use(countsPerG);
        }
        int n = xyz.length / 3;
        double endMillis = startMillis + n * 1000.0 / rateHz;
        // the grid moves with the data: the core's start, or the first sample (not the epoch)
        double origin = Double.isInfinite(coreFromMillis) ? startMillis : coreFromMillis;
        double from = Math.max(startMillis, coreFromMillis);
        double to = Math.min(endMillis, coreToMillis);
        List<Interval> out = new ArrayList<>();
        for (long k = (long) Math.floor((from - origin) / SEGMENT_MILLIS); origin + k * SEGMENT_MILLIS < to; k++) {
            double segStart = origin + k * SEGMENT_MILLIS;
            double segEnd = segStart + SEGMENT_MILLIS;
            if (segStart < startMillis || segEnd > endMillis) {
                continue; // not covered completely
            }
            int i0 = sampleAtOrAfter(segStart, startMillis, rateHz);
            int i1 = sampleAtOrAfter(segEnd, startMillis, rateHz);
            double spread = spreads == null
                    ? spreadG(xyz, i0, i1)
                    : spreads.get(
                            Math.round(segStart / SEGMENT_MILLIS),
                            xyz,
                            3 * i0,
                            3 * i1,
                            (x, from3, to3) -> spreadG(x, from3 / 3, to3 / 3));
            if (spread >= thresholdG) {
                add(out, Math.max(segStart, coreFromMillis), Math.min(segEnd, coreToMillis));
            }
        }
        return out;
    }

    /** Total length of the intervals, seconds. */
    public static double totalSeconds(List<Interval> intervals) {
        return intervals.stream().mapToDouble(Interval::seconds).sum();
    }

    /**
     * Three-axis spread {@code sqrt(var x + var y + var z)} of samples [from, to), g; NaN when
     * fewer than 2 samples or any value is missing.
     */
    double spreadG(double[] xyz, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return Double.NaN;
        }
        double variance = 0;
        for (int axis = 0; axis < 3; axis++) {
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += xyz[3 * i + axis];
            }
            mean /= n;
            double ss = 0;
            for (int i = from; i < to; i++) {
                double d = xyz[3 * i + axis] - mean;
                ss += d * d;
            }
            variance += ss / n;
        }
        return Math.sqrt(variance) / countsPerG; // NaN propagates
    }

    /** Index of the first sample at or after {@code millis} (tolerant of rounding). */
    static int sampleAtOrAfter(double millis, double startMillis, double rateHz) {
        return (int) Math.ceil((millis - startMillis) * rateHz / 1000.0 - 1e-9);
    }

    private static void add(List<Interval> out, double start, double end) {
        if (!out.isEmpty() && out.get(out.size() - 1).endMillis() >= start) {
            Interval last = out.remove(out.size() - 1);
            out.add(new Interval(last.startMillis(), end));
        } else {
            out.add(new Interval(start, end));
        }
    }
}
