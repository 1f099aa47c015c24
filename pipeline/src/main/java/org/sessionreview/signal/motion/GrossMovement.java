package org.sessionreview.signal.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * Gross movement of the arm or body: the 1 s segments whose movement measure, the mean amplitude
 * deviation (MAD) of the vector magnitude {@code |a|} in g, reaches a threshold (default {@value
 * #DEFAULT_THRESHOLD_G} g, {@code artifacts.gross_movement_g}).
 *
 * <p>The MAD of a segment is the mean over its samples of {@code | |a_i| - mean |a| |}
 * ({@link #magnitudeMadG}). It follows the metabolic intensity of the movement, which is what
 * raises EDA and heart rate by exertion (DOMAIN.md 4.0), and not the turning of the wrist: a
 * rotation moves gravity between the axes but keeps {@code |a|} at 1 g, so typing, gesturing and
 * talking at a desk are not gross movement (an earlier per-axis spread {@code sqrt(var x + var y
 * + var z)} of 0.1 g flagged them: 65 % of a desk recording's windows were unscored; the
 * eleventh cohort's README, 2026-12-07). A 0.091 g MAD separates moderate activity (3 MET and
 * more, brisk walking) from light activity on the hip; the same activity moves the wrist at
 * least as much, so on the wrist the threshold flags at least that. A sine of amplitude {@code A}
 * on {@code |a|} has MAD {@code 2A / pi}; tapping of a few hundredths of a g stays well below.
 *
 * <p>References: Vähä-Ypyä et al. (2015), A universal, accurate intensity-based classification
 * of different physical activities using raw data of accelerometer, Clin Physiol Funct Imaging
 * 35(1), 64-70 (MAD, 0.091 g); Bouten et al. (1997), IEEE TBME 44(3), 136-147 (vector magnitude).
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
 * MotionFeatures}), which use the same measure and threshold.
 */
public final class GrossMovement {
    /** Default MAD threshold, g (FeatureConfig {@code grossMovementG}). */
    public static final double DEFAULT_THRESHOLD_G = 0.09;
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
     * @param thresholdG a segment moves when its MAD of {@code |a|} is at least this, g (> 0)
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
     * As {@link #detect(double[], double, double)}, with the segments' measures shared with earlier
     * calls on the same stream (the same intervals: a measure is reused only for bit-identical
     * samples).
     *
     * @param measures the stream's segment measures ({@link #magnitudeMadG}), keyed by the segment
     *     start in seconds (rounded); null computes each
     */
    public List<Interval> detect(double[] xyz, double rateHz, double startMillis, SegmentCache measures) {
        return detect(xyz, rateHz, startMillis, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, measures);
    }

    private List<Interval> detect(
            double[] xyz,
            double rateHz,
            double startMillis,
            double coreFromMillis,
            double coreToMillis,
            SegmentCache measures) {
        if (measures != null) {
            measures.use(countsPerG);
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
            double mad = measures == null
                    ? magnitudeMadG(xyz, 3 * i0, 3 * i1, countsPerG)
                    : measures.get(
                            Math.round(segStart / SEGMENT_MILLIS),
                            xyz,
                            3 * i0,
                            3 * i1,
                            (x, from3, to3) -> magnitudeMadG(x, from3, to3, countsPerG));
            if (mad >= thresholdG) {
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
     * The movement measure of one segment: the mean amplitude deviation of the vector magnitude,
     * {@code mean_i | |a_i| - mean_j |a_j| |}, g, of the samples in {@code xyz[from3, to3)} (x, y, z
     * interleaved, raw units); NaN when fewer than 2 samples or any value is missing. The one
     * measure of gross movement: the artifact rows, the windows' {@code gross_movement_s} and the
     * fidget spectrum's excluded frames all use it.
     *
     * @param countsPerG raw units per g
     */
    public static double magnitudeMadG(double[] xyz, int from3, int to3, double countsPerG) {
        int n = (to3 - from3) / 3;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double m = magnitudeG(xyz, from3 + 3 * i, countsPerG);
            if (Double.isNaN(m)) {
                return Double.NaN;
            }
            mean += m;
        }
        mean /= n;
        // the magnitudes again rather than kept in an array: no allocation per segment on this hot path
        double deviation = 0;
        for (int i = 0; i < n; i++) {
            deviation += Math.abs(magnitudeG(xyz, from3 + 3 * i, countsPerG) - mean);
        }
        return deviation / n;
    }

    private static double magnitudeG(double[] xyz, int j, double countsPerG) {
        return Math.sqrt(xyz[j] * xyz[j] + xyz[j + 1] * xyz[j + 1] + xyz[j + 2] * xyz[j + 2]) / countsPerG;
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
